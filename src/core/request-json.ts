/**
 * The server helpers' request: {@link fetchJson} with a method, a JSON body and headers, every
 * error worded at once and its URL redacted.
 */
import { DEFAULT_TIMEOUT_MS, fetchJson, type FetchJsonOptions, type JsonResponse } from './http.js';
import { explainHttpError } from './http-errors.js';
import { redactUrl } from './redact.js';

export interface JsonRequestOptions extends Omit<FetchJsonOptions, 'shownUrl'> {
  method?: string;
  headers?: Record<string, string>;
  /** Serialised as JSON, with `content-type: application/json`. */
  body?: unknown;
  /** Passed to `fetch`; the elements keep their own cache, so the default is the browser's. */
  // Spelt out, not the DOM's RequestCache/RequestCredentials: a Node project's types have neither.
  cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';
  credentials?: 'omit' | 'same-origin' | 'include';
}

/**
 * Sends a request and parses a JSON answer. Resolves for 2xx (204 → `data: undefined`); rejects
 * with a worded `KlarnaHttpError` for everything else, including a 2xx whose body is not
 * JSON. Credentials in the URL (user-info, secret query parameters) never reach an error.
 */
export function requestJson<T = unknown>(url: string, options: JsonRequestOptions = {}): Promise<JsonResponse<T>> {
  // The options' own fields only: a polluted Object.prototype lends no method, header or fetch.
  const own = Object.assign(Object.create(null) as JsonRequestOptions, options);
  const { body, timeout = DEFAULT_TIMEOUT_MS, method = 'GET', headers, cache, credentials } = own;
  return fetchJson<T>(url, {
    method: method.toUpperCase(),
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache,
    credentials,
  }, { ...own, shownUrl: redactUrl(url) }).catch((error: unknown) => {
    throw explainHttpError(error, timeout);
  });
}
