/**
 * The JSON request every part makes on `fetch`, the elements and the server helpers alike, so every
 * call has the same timeout, abort handling and error shape. The wording of its errors is apart
 * (`http-errors.ts`), and so is the server's `requestJson` (`request-json.ts`), so that a page
 * downloads neither until a request fails.
 */
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
 * A failed Klarna request. `url` is as the thrower gave it: `requestJson` and the server's
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

  /**
   * Whether the message is still {@link fetchJson}'s terse one (the request and the code), not yet
   * worded by `explainHttpError`, which asks this instead of importing the class: a page that
   * loads the wording on demand then shares no module with it.
   */
  get terse(): boolean {
    return this.message === terseHttpMessage(this);
  }
}

export function isKlarnaHttpError(error: unknown): error is KlarnaHttpError {
  return error instanceof KlarnaHttpError;
}

export interface FetchJsonOptions {
  /** Milliseconds until the request (headers and body) is abandoned; default 5000. `0` disables. */
  timeout?: number | undefined;
  /** Aborts the request; a caller's abort is reported as `aborted`, never as `timeout`. */
  signal?: AbortSignal | undefined;
  /** A `fetch` to use instead of the global one (tests, other runtimes). */
  fetch?: typeof fetch | undefined;
  /** How errors name the URL: the caller's redacted form when it may hold a secret; default `url`. */
  shownUrl?: string | undefined;
}

export interface JsonResponse<T> {
  status: number;
  /** The parsed body; `undefined` for 204 No Content. */
  data: T | undefined;
  headers: Headers;
  correlationId: string | undefined;
}

/**
 * The message of an error {@link fetchJson} threw, until it is explained: the request and the code
 * (and the status). `explainHttpError` turns it into a sentence; the elements load that wording
 * only when a request fails, the server's `requestJson` always has it.
 */
export function terseHttpMessage({ method, url, code, status }: Pick<KlarnaHttpError, 'method' | 'url' | 'code' | 'status'>): string {
  return `${method} ${url}: ${code}${status ? ` ${status}` : ''}`;
}

/**
 * What every request shares, the browser's GETs and the server's calls alike: `fetch` under a
 * timeout and the caller's abort, the answer read as JSON, every failure a {@link KlarnaHttpError}
 * with a stable code, the status, the correlation id and the error body. Its message is terse
 * ({@link terseHttpMessage}) until `explainHttpError` words it. `init.method` is only named in
 * messages (default `GET`).
 */
export async function fetchJson<T = unknown>(
  url: string,
  init: RequestInit,
  options: FetchJsonOptions = {},
): Promise<JsonResponse<T>> {
  // The options' own fields only: an inherited `fetch` on a polluted Object.prototype would be sent
  // every request, an inherited `timeout` of 0 would take the limit away.
  const ownOptions = Object.assign(Object.create(null) as FetchJsonOptions, options);
  const { timeout = DEFAULT_TIMEOUT_MS, signal, fetch: send = fetch, shownUrl = url } = ownOptions;
  const method = init.method ?? 'GET';
  const fail: Fail = (code, extra) => {
    const message = terseHttpMessage({ method, url: shownUrl, code, status: extra?.status });
    return new KlarnaHttpError(message, { code, url: shownUrl, method, ...extra });
  };
  if (signal?.aborted) throw fail('aborted', { cause: signal.reason });

  // One signal for the request, aborted by the caller's or by the timeout: set by hand rather than
  // with AbortSignal.any, which Edge runtimes (Next.js's among them) do not have.
  const request = new AbortController();
  let timedOut = false;
  const timer = timeout > 0 ? setTimeout(() => request.abort((timedOut = true)), timerDelay(timeout)) : undefined;
  const onAbort = () => request.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort);
  // A page's `fetch` may drop the signal (an old polyfill, a wrapper): the timeout and the caller's
  // abort then end the wait themselves, whatever becomes of the request.
  const abandoned = new Promise<never>((_resolve, reject) => {
    request.signal.onabort = () => reject(request.signal.reason as Error);
  });
  let response: Response;
  let text: string;
  try {
    response = await Promise.race([send(url, { ...init, signal: request.signal }), abandoned]);
    text = await Promise.race([response.text(), abandoned]);
  } catch (cause) {
    const code = failureCode(timedOut, request.signal.aborted);
    throw fail(code, { cause: code === 'aborted' ? signal?.reason : cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    request.signal.onabort = null;
  }
  return jsonAnswer<T>(response, text, fail);
}

/** Why a request that threw ended: its timeout, its caller's abort, or the network. */
function failureCode(timedOut: boolean, aborted: boolean): KlarnaHttpErrorCode {
  if (timedOut) return 'timeout';
  return aborted ? 'aborted' : 'network';
}

/** Makes the error for a failed request, with what is known of it besides the request. */
type Fail = (code: KlarnaHttpErrorCode, extra?: Partial<KlarnaHttpErrorInit>) => KlarnaHttpError;

/** The answer read as JSON; a failed status, or a body that is not JSON, is thrown as the error it is. */
function jsonAnswer<T>(response: Response, text: string, fail: Fail): JsonResponse<T> {
  const { status, headers } = response;
  const correlationId = headers.get(CORRELATION_ID_HEADER) ?? undefined;
  const data = parseJson(text);
  if (!response.ok) throw fail('http', { status, correlationId, body: data ?? (text.slice(0, 2000) || undefined), headers });
  if (status !== 204 && data === undefined) throw fail('malformed-response', { status, correlationId, body: text.slice(0, 200) });
  return { status, data: data as T | undefined, headers, correlationId };
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
