/**
 * One JSON request helper on `fetch`, used by the elements and the server helpers alike, so every
 * call has the same timeout, abort handling and error shape.
 */
import { redactUrl } from './redact.js';
import { timerDelay } from './wait.js';

/** What went wrong, as a stable code a caller can switch on. */
export type KlarnaHttpErrorCode = 'http' | 'network' | 'timeout' | 'aborted' | 'malformed-response';

/** Klarna's documented advice for the OSM API: "at least 5 seconds". */
export const DEFAULT_TIMEOUT_MS = 5000;

export const CORRELATION_ID_HEADER = 'klarna-correlation-id';

export interface KlarnaHttpErrorInit {
  code: KlarnaHttpErrorCode;
  url: string;
  method?: string | undefined;
  status?: number | undefined;
  correlationId?: string | undefined;
  body?: unknown;
  /** The error response's headers (`Retry-After` and the like), when there was a response. */
  headers?: Headers | undefined;
  cause?: unknown;
}

/**
 * A failed Klarna request. `url` is as the thrower gave it: {@link requestJson} and the server's
 * errors give it redacted, the elements' URLs never hold a secret; `body` is the parsed error body when the
 * server sent JSON (Klarna's `{ error_code, error_messages, correlation_id }`), else the text.
 */
export class KlarnaHttpError extends Error {
  override readonly name: string = 'KlarnaHttpError';
  declare readonly code: KlarnaHttpErrorCode;
  declare readonly url: string;
  declare readonly method: string;
  declare readonly status: number | undefined;
  declare readonly correlationId: string | undefined;
  declare readonly body: unknown;
  declare readonly headers: Headers | undefined;

  constructor(message: string, { code, url, method = 'GET', status, correlationId, body, headers, cause }: KlarnaHttpErrorInit) {
    super(message, { cause });
    Object.assign(this, { code, url, method, status, correlationId, body, headers });
  }
}

export function isKlarnaHttpError(error: unknown): error is KlarnaHttpError {
  return error instanceof KlarnaHttpError;
}

export interface JsonRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Serialised as JSON, with `content-type: application/json`. */
  body?: unknown;
  /** Milliseconds until the request (headers and body) is abandoned; default 5000. `0` disables. */
  timeout?: number;
  /** Aborts the request; a caller's abort is reported as `aborted`, never as `timeout`. */
  signal?: AbortSignal | undefined;
  /** A `fetch` to use instead of the global one (tests, other runtimes). */
  fetch?: typeof fetch;
  /** Passed to `fetch`; the elements keep their own cache, so the default is the browser's. */
  // Spelt out, not the DOM's RequestCache/RequestCredentials: a Node project's types have neither.
  cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';
  credentials?: 'omit' | 'same-origin' | 'include';
}

export interface JsonResponse<T> {
  status: number;
  /** The parsed body; `undefined` for 204 No Content. */
  data: T | undefined;
  headers: Headers;
  correlationId: string | undefined;
}

/**
 * Sends a request and parses a JSON answer. Resolves for 2xx (204 → `data: undefined`); rejects
 * with a {@link KlarnaHttpError} for everything else, including a 2xx whose body is not JSON.
 * Credentials in the URL (user-info, secret query parameters) never reach an error.
 */
export function requestJson<T = unknown>(url: string, options: JsonRequestOptions = {}): Promise<JsonResponse<T>> {
  const { body } = options;
  return fetchJson<T>(url, {
    method: (options.method ?? 'GET').toUpperCase(),
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: options.cache,
    credentials: options.credentials,
  }, { ...options, shownUrl: redactUrl(url) });
}

export interface FetchJsonOptions extends Pick<JsonRequestOptions, 'timeout' | 'signal' | 'fetch'> {
  /** How errors name the URL: the caller's redacted form when it may hold a secret; default `url`. */
  shownUrl?: string;
}

/**
 * What every request shares, the browser's GETs and the server's calls alike: `fetch` under a
 * timeout and the caller's abort, the answer read as JSON, every failure a {@link KlarnaHttpError}
 * with a stable code. `init.method` is only named in messages (default `GET`).
 */
export async function fetchJson<T = unknown>(url: string, init: RequestInit, { timeout = DEFAULT_TIMEOUT_MS, signal, fetch: send = fetch, shownUrl = url }: FetchJsonOptions = {}): Promise<JsonResponse<T>> {
  const method = init.method ?? 'GET';
  const fail = (code: KlarnaHttpErrorCode, message: string, extra?: Partial<KlarnaHttpErrorInit>) =>
    new KlarnaHttpError(`${method} ${shownUrl}: ${message}`, { code, url: shownUrl, method, ...extra });
  // AbortSignal.any is Baseline 2024 (Chrome 116, Firefox 124, Safari 17.4; Node 20.3), as the
  // elements' CSS is.
  const timer = timeout > 0 ? AbortSignal.timeout(timerDelay(timeout)) : undefined;
  const interrupted = (cause?: unknown) =>
    timer?.aborted
      ? fail('timeout', `no complete answer within ${timeout} ms.`, { cause })
      : fail('aborted', 'aborted.', { cause: signal?.reason ?? cause });
  if (signal?.aborted) throw interrupted();

  const combined = AbortSignal.any([signal, timer].filter((given): given is AbortSignal => !!given));
  let response: Response;
  let text: string;
  try {
    response = await send(url, { ...init, signal: combined });
    text = await response.text();
  } catch (cause) {
    if (combined.aborted) throw interrupted(cause);
    throw fail('network', 'the request failed (offline, DNS, CORS, or the connection broke).', { cause });
  }
  const { status, headers } = response;
  let correlationId = headers.get(CORRELATION_ID_HEADER) ?? undefined;
  const data = parseJson(text);
  if (!response.ok) {
    const errorBody = data ?? (text.slice(0, 2000) || undefined);
    const fields = (errorBody && typeof errorBody === 'object' ? errorBody : {}) as KlarnaErrorBody;
    correlationId ??= typeof fields.correlation_id === 'string' ? fields.correlation_id : undefined;
    // What the server said goes into the message (and so the console): bounded, whatever it sent.
    const said = [fields.error_code, fields.error_messages?.[0] ?? fields.error_message].filter((part) => typeof part === 'string').join(' – ').slice(0, 300);
    throw fail('http', `answered ${status}${said ? `: ${said}` : ''}${correlationId ? ` (klarna-correlation-id ${correlationId})` : ''}.`, { status, correlationId, body: errorBody, headers });
  }
  if (status !== 204 && data === undefined) {
    throw fail('malformed-response', `answered ${status} with a body that is not JSON.`, { status, correlationId, body: text.slice(0, 200) });
  }
  return { status, data: data as T | undefined, headers, correlationId };
}

/** Klarna's REST error body; some services send `error_message` instead of `error_messages`. */
interface KlarnaErrorBody {
  error_code?: unknown;
  error_messages?: unknown[];
  error_message?: unknown;
  correlation_id?: unknown;
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
