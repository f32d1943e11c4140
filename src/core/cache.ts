/**
 * An in-memory response cache that follows the answer's `Cache-Control`, so a page with many
 * placements asks Klarna once per distinct request and reuses the answer for as long as Klarna says
 * (OSM's default is `private, max-age=86400`). It is a private (per-user) cache, so `private`
 * responses may be kept; `s-maxage` is for shared caches and is ignored.
 */

export interface CacheDirectives {
  noStore: boolean;
  noCache: boolean;
  /** Seconds, when a valid `max-age` is present. */
  maxAge: number | undefined;
}

export function parseCacheControl(header: string | null | undefined): CacheDirectives {
  const directives = new Map<string, string | undefined>();
  for (const directive of (header ?? '').split(',')) {
    const [name = '', value] = directive.split('=');
    directives.set(name.trim().toLowerCase(), value?.trim().replace(/^"(.*)"$/, '$1'));
  }
  const maxAge = directives.get('max-age');
  return { noStore: directives.has('no-store'), noCache: directives.has('no-cache'), maxAge: maxAge && /^\d+$/.test(maxAge) ? Number(maxAge) : undefined };
}

/**
 * How long, in ms, an answer may be reused. `no-store` and `no-cache` give 0: we never revalidate,
 * so a `no-cache` answer is as good as unstorable. No header gives 0 too: we do not guess a
 * heuristic lifetime for an API. `Age` (seconds already spent in an upstream cache) is subtracted.
 */
export function freshnessLifetimeMs(cacheControl: string | null | undefined, age?: string | null): number {
  const { noStore, noCache, maxAge } = parseCacheControl(cacheControl);
  if (noStore || noCache || maxAge === undefined) return 0;
  return Math.max(0, maxAge - Math.max(0, Number(age) || 0)) * 1000;
}

/** What a loader gives the cache: the value and the headers that decide how long to keep it. */
export interface Cacheable<T> {
  value: T;
  cacheControl?: string | null | undefined;
  age?: string | null | undefined;
}

export type CacheLoader<T> = (signal: AbortSignal) => Promise<Cacheable<T>>;

export interface ResponseCacheOptions {
  /** Oldest entries are dropped past this many; default 100. */
  maxEntries?: number;
  /** The clock, in ms; tests pass their own. */
  now?: () => number;
}

export interface CacheGetOptions {
  /** This caller's abort. The shared request is aborted only once every caller has aborted. */
  signal?: AbortSignal | undefined;
  /** Ignore a fresh entry and any request under way, and load anew (a user's "refresh"). */
  reload?: boolean | undefined;
}

interface Flight<T> {
  promise: Promise<Cacheable<T>>;
  controller: AbortController;
  waiters: number;
  settled?: boolean;
}

export class ResponseCache<T> {
  #entries = new Map<string, { value: T; expiresAt: number }>();
  #flights = new Map<string, Flight<T>>();
  #maxEntries: number;
  #now: () => number;

  constructor({ maxEntries = 100, now = Date.now }: ResponseCacheOptions = {}) {
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  /** The fresh value for `key`, if one is kept; never starts a request. */
  peek(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#now()) this.#entries.delete(key);
    else return entry?.value;
  }

  /**
   * The value for `key`: a fresh kept one, else a request already under way for it, else a new
   * one from `load`. A failed load is never kept, so the next call tries again.
   */
  get(key: string, load: CacheLoader<T>, { signal, reload }: CacheGetOptions = {}): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason as unknown);
    const kept = reload ? undefined : this.peek(key);
    if (kept !== undefined) return Promise.resolve(kept);
    const flight = (!reload && this.#flights.get(key)) || this.#start(key, load);
    flight.waiters++;
    return new Promise<T>((resolve, reject) => {
      // Whichever comes first, this caller's abort or the answer, settles this caller; the other does nothing.
      const onAbort = () => {
        if (!--flight.waiters && !flight.settled) flight.controller.abort(signal!.reason);
        reject(signal!.reason as unknown);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then((result) => resolve(result.value), reject).finally(() => signal?.removeEventListener('abort', onAbort));
    });
  }

  get size(): number {
    return this.#entries.size;
  }

  #start(key: string, load: CacheLoader<T>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = {
      promise: Promise.resolve().then(() => load(controller.signal)),
      controller,
      waiters: 0,
    };
    this.#flights.set(key, flight);
    const done = (result?: Cacheable<T>) => {
      flight.settled = true;
      // A newer flight for the key (a reload) owns the entry; an older answer must not replace it.
      if (this.#flights.get(key) !== flight) return;
      this.#flights.delete(key);
      if (!result) return;
      const lifetime = freshnessLifetimeMs(result.cacheControl, result.age);
      this.#entries.delete(key);
      if (lifetime > 0) this.#entries.set(key, { value: result.value, expiresAt: this.#now() + lifetime });
      for (const oldest of this.#entries.keys()) {
        if (this.#entries.size <= this.#maxEntries) break;
        this.#entries.delete(oldest);
      }
    };
    flight.promise.then(done, () => done());
    return flight;
  }
}
