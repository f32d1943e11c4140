/**
 * A GET through the shared {@link ResponseCache}: identical URLs share one request and reuse the
 * answer for as long as its `Cache-Control` allows.
 */
import type { ResponseCache } from './cache.js';
import { requestJson, type JsonRequestOptions, type JsonResponse } from './http.js';

export interface CachedRequestOptions extends Omit<JsonRequestOptions, 'method' | 'body'> {
  /** Skip a kept answer and any request under way: load anew (a user's refresh). */
  reload?: boolean;
}

export function requestJsonCached<T>(cache: ResponseCache<JsonResponse<T>>, url: string, options: CachedRequestOptions = {}): Promise<JsonResponse<T>> {
  const { signal, reload, ...requestOptions } = options;
  return cache.get(
    url,
    async (sharedSignal) => {
      // A reload must pass the browser's HTTP cache too, which also honours the answer's max-age.
      const response = await requestJson<T>(url, { ...requestOptions, ...(reload ? { cache: 'reload' as const } : {}), signal: sharedSignal });
      return { value: response, cacheControl: response.headers.get('cache-control'), age: response.headers.get('age') };
    },
    { signal, reload },
  );
}
