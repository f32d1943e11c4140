/**
 * One JSON request helper on `fetch`, used by the elements and the server helpers alike, so every
 * call has the same timeout, abort handling and error shape.
 */
import { redactUrl } from './redact.js';

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
  cause?: unknown;
}

/**
 * A failed Klarna request. `url` never holds credentials; `body` is the parsed error body when the
 * server sent JSON (Klarna's `{ error_code, error_messages, correlation_id }`), else the text.
 */
export class KlarnaHttpError extends Error {
  override readonly name = 'KlarnaHttpError';
  readonly code: KlarnaHttpErrorCode;
  readonly url: string;
  readonly method: string;
  readonly status: number | undefined;
  readonly correlationId: string | undefined;
  readonly body: unknown;

  constructor(message: string, init: KlarnaHttpErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.url = redactUrl(init.url);
    this.method = init.method ?? 'GET';
    this.status = init.status;
    this.correlationId = init.correlationId;
    this.body = init.body;
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
  cache?: RequestCache;
  credentials?: RequestCredentials;
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
 */
export async function requestJson<T = unknown>(url: string, options: JsonRequestOptions = {}): Promise<JsonResponse<T>> {
  const method = (options.method ?? 'GET').toUpperCase();
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const fail = (code: KlarnaHttpErrorCode, message: string, extra: Partial<KlarnaHttpErrorInit> = {}) =>
    new KlarnaHttpError(`${method} ${redactUrl(url)}: ${message}`, { code, url, method, ...extra });

  if (options.signal?.aborted) throw fail('aborted', 'the request was aborted before it started.', { cause: options.signal.reason });

  const controller = new AbortController();
  let timedOut = false;
  const timer = timeout > 0 ? setTimeout(() => { timedOut = true; controller.abort(); }, timeout) : undefined;
  const onCallerAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }

  const interrupted = (cause: unknown) =>
    timedOut
      ? fail('timeout', `no complete answer within ${timeout} ms. Klarna advises a timeout of at least 5000 ms; check the network or raise the timeout.`, { cause })
      : fail('aborted', 'the request was aborted.', { cause: options.signal?.reason ?? cause });

  try {
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(url, {
        method,
        headers,
        body,
        signal: controller.signal,
        ...(options.cache ? { cache: options.cache } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
      });
    } catch (cause) {
      if (controller.signal.aborted) throw interrupted(cause);
      throw fail('network', 'the request did not reach the server (offline, DNS, CORS or a blocked request). Check the URL and, for a browser call to another origin, its CORS headers.', { cause });
    }

    const correlationId = response.headers.get(CORRELATION_ID_HEADER) ?? undefined;
    let text: string;
    try {
      text = response.status === 204 ? '' : await response.text();
    } catch (cause) {
      if (controller.signal.aborted) throw interrupted(cause);
      throw fail('network', 'the connection broke while reading the answer.', { cause, status: response.status, correlationId });
    }

    if (!response.ok) {
      const errorBody = parseJson(text) ?? (text || undefined);
      const bodyCorrelationId = readCorrelationId(errorBody);
      const id = correlationId ?? bodyCorrelationId;
      throw fail('http', `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${describeErrorBody(errorBody)}${id ? ` (klarna-correlation-id ${id})` : ''}.`, {
        status: response.status,
        correlationId: id,
        body: errorBody,
      });
    }

    if (response.status === 204) {
      return { status: 204, data: undefined, headers: response.headers, correlationId };
    }
    const data = parseJson(text);
    if (data === undefined) {
      throw fail('malformed-response', `answered ${response.status} with a body that is not JSON.`, {
        status: response.status,
        correlationId,
        body: text.slice(0, 200),
      });
    }
    return { status: response.status, data: data as T, headers: response.headers, correlationId };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readCorrelationId(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'correlation_id' in body) {
    const id = body.correlation_id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/** `: error_code – first message` from either of Klarna's error body formats, when present. */
function describeErrorBody(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const { error_code: code, error_messages: messages, error_message: message } = body as Record<string, unknown>;
  const first = Array.isArray(messages) && typeof messages[0] === 'string' ? messages[0] : typeof message === 'string' ? message : undefined;
  const parts = [typeof code === 'string' ? code : undefined, first].filter(Boolean);
  return parts.length ? `: ${parts.join(' – ')}` : '';
}
