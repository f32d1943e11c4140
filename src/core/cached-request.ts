/**
 * A GET through the shared {@link ResponseCache}: identical URLs share one request and reuse the
 * answer for as long as its `Cache-Control` allows; at most six are in flight at once.
 */
import type { ResponseCache } from './cache.js';
import { fetchJson, type FetchJsonOptions, type JsonResponse } from './http.js';
import { pageRequests, RANK_ANSWER, RANK_IN_VIEW } from './request-limit.js';

export interface CachedRequestOptions<V> extends FetchJsonOptions {
  /** Skip a kept answer and any request under way: load anew (a user's refresh). */
  reload?: boolean | undefined;
  /**
   * Turns the answer into the value to keep. It runs once per network answer, not per caller; when
   * it throws, the caller gets the error and nothing is kept, as for any failure.
   */
  parse?: (response: JsonResponse<unknown>) => V;
  /** Whether this request should go before others waiting for their turn (a placement in view). */
  urgent?: () => boolean;
}

export function requestJsonCached<V = JsonResponse<unknown>>(
  cache: ResponseCache<V>,
  url: string,
  options: CachedRequestOptions<V> = {},
): Promise<V> {
  const { signal, reload, parse, urgent, ...fetchOptions } = options;
  return cache.get(
    url,
    async (sharedSignal) => {
      // A reload must pass the browser's HTTP cache too, which also honours the answer's max-age.
      // Its timeout starts when its turn comes: waiting in line is not Klarna being slow.
      const init: RequestInit = { headers: { accept: 'application/json' }, cache: reload ? 'reload' : undefined };
      const send = () => fetchJson(url, init, { ...fetchOptions, signal: sharedSignal });
      const response = await pageRequests.run(send, () => (urgent?.() ? RANK_IN_VIEW : RANK_ANSWER));
      const value = parse ? parse(response) : (response as V);
      return { value, cacheControl: response.headers.get('cache-control'), age: response.headers.get('age') };
    },
    { signal, reload },
  );
}
