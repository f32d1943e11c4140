/**
 * How the server helpers talk to Klarna: the core's `requestJson` (timeouts, abort, Klarna's error
 * bodies, correlation ids) plus authentication and retries. Retries happen only where they are
 * safe: a GET, or any call Klarna refused with 429 or 503 before doing anything, honouring
 * `Retry-After`. Nothing else is retried, so a `placeOrder` that timed out is never sent twice.
 */
import { KlarnaHttpError, type JsonResponse } from '../core/http.js';
import { requestJson } from '../core/request-json.js';
import { wait } from '../core/wait.js';
import { KlarnaApiError } from './api-error.js';
import { ownFields, withoutPrototype } from './own.js';
import { assertValid, headerProblems } from './validation.js';

export interface TransportOptions {
  baseUrl: string;
  /** The `Authorization` header value, if the API takes one. Kept private: never in errors, logs or `toString()`. */
  authorization?: string | undefined;
  /** Milliseconds per attempt; default 10000. */
  timeout?: number | undefined;
  /** Retries after the first attempt, where safe; default 2. */
  retries?: number | undefined;
  fetch?: typeof fetch | undefined;
  userAgent?: string | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

export const DEFAULT_SERVER_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;
const REFUSED_STATUSES = new Set([429, 503]);
const FIRST_BACKOFF_MS = 250;
const MAX_RETRY_AFTER_MS = 30_000;
const USER_AGENT = 'klarna-elements-server';

export class KlarnaTransport {
  readonly baseUrl: string;
  readonly #authorization: string | undefined;
  readonly #options: Omit<TransportOptions, 'authorization'>;

  constructor(options: TransportOptions) {
    const own = ownFields(options, ['baseUrl', 'authorization', 'timeout', 'retries', 'fetch', 'userAgent']);
    this.baseUrl = own.baseUrl;
    this.#authorization = own.authorization;
    this.#options = withoutPrototype({ ...own, authorization: undefined });
  }

  async request<T>(method: string, path: string, body?: unknown, options?: CallOptions): Promise<JsonResponse<T>> {
    const {
      timeout = DEFAULT_SERVER_TIMEOUT_MS,
      retries = DEFAULT_RETRIES,
      fetch,
      userAgent = USER_AGENT,
    } = this.#options;
    const { signal, headers } = ownFields(options, ['signal', 'headers']);
    assertValid(`${method} ${path}`, [
      ...headerProblems(headers),
      signal === undefined || isAbortSignal(signal) ? undefined : 'signal must be an AbortSignal',
    ]);
    // A path below the base URL, or a full URL on another of Klarna's hosts (OSM picks the host per locale).
    const url = /^https?:\/\//.test(path) ? path : this.baseUrl + path;
    for (let attempt = 0; ; attempt++) {
      try {
        // Every option spelt out, on an object without a prototype: the core reads optional names from it.
        return await requestJson<T>(url, withoutPrototype({
          method, body, timeout, fetch, signal, cache: undefined, credentials: undefined,
          headers: { ...(this.#authorization && { authorization: this.#authorization }), 'user-agent': userAgent, ...headers },
        }));
      } catch (error) {
        if (!(error instanceof KlarnaHttpError)) throw error;
        const failure = KlarnaApiError.from(error);
        const delay = attempt < retries ? retryDelay(method, failure, attempt) : undefined;
        if (delay === undefined) throw failure;
        await wait(delay, signal).catch((reason: unknown) => {
          throw abortedWhileWaiting(failure, reason);
        });
      }
    }
  }

  /** The error for a 2xx answer that lacks what the API documents. */
  malformed(method: string, path: string, reason: string): KlarnaApiError {
    // A path below the base URL, or a full URL on another of Klarna's hosts (OSM picks the host per locale).
    const url = /^https?:\/\//.test(path) ? path : this.baseUrl + path;
    return new KlarnaApiError(`${method} ${url}: the answer is malformed: ${reason}.`, { code: 'malformed-response', url, method });
  }

  toString(): string {
    return `KlarnaTransport(${this.baseUrl})`;
  }
}

/**
 * An AbortSignal, from this realm or another. Not `instanceof`: Next.js's Edge runtime runs a route
 * in a sandbox of its own and hands it a `Request` made outside, whose signal is another realm's
 * AbortSignal; refusing it failed every call made with the callback's signal.
 */
function isAbortSignal(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const signal = value as Partial<AbortSignal>;
  return typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function';
}

/** HTTP Basic credentials as a header value (UTF-8, so it also works outside Node). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Milliseconds to wait before trying again, or `undefined` when a retry would not be safe. */
function retryDelay(method: string, error: KlarnaApiError, attempt: number): number | undefined {
  const status = error.status;
  const refused = status !== undefined && REFUSED_STATUSES.has(status);
  const idempotent = method.toUpperCase() === 'GET' && (error.code === 'network' || error.code === 'timeout' || (status !== undefined && status >= 500));
  if (!refused && !idempotent) return undefined;
  return retryAfterMs(error.headers?.get('retry-after')) ?? FIRST_BACKOFF_MS * 2 ** attempt;
}

/** `Retry-After` as seconds or an HTTP date, capped; `undefined` when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value?.trim()) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

/** A caller's abort during the wait before a retry: reported with the failure that caused the wait. */
function abortedWhileWaiting(lastFailure: KlarnaApiError, reason: unknown): KlarnaApiError {
  const { url, method, status, correlationId, body, headers } = lastFailure;
  return new KlarnaApiError(`${method} ${url}: aborted while waiting to retry.`, { code: 'aborted', url, method, status, correlationId, body, headers, cause: reason });
}
