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
  const directives: CacheDirectives = { noStore: false, noCache: false, maxAge: undefined };
  for (const part of (header ?? '').split(',')) {
    const [rawName, rawValue] = part.split('=', 2);
    const name = rawName?.trim().toLowerCase();
    const value = rawValue?.trim().replace(/^"(.*)"$/, '$1');
    if (name === 'no-store') directives.noStore = true;
    else if (name === 'no-cache') directives.noCache = true;
    else if (name === 'max-age' && value !== undefined && /^\d+$/.test(value)) directives.maxAge = Number(value);
  }
  return directives;
}

/**
 * How long, in ms, an answer may be reused. `no-store` and `no-cache` give 0: we never revalidate,
 * so a `no-cache` answer is as good as unstorable. No header gives 0 too: we do not guess a
 * heuristic lifetime for an API. `Age` (seconds already spent in an upstream cache) is subtracted.
 */
export function freshnessLifetimeMs(cacheControl: string | null | undefined, age?: string | null): number {
  const { noStore, noCache, maxAge } = parseCacheControl(cacheControl);
  if (noStore || noCache || maxAge === undefined) return 0;
  const spent = age && /^\d+$/.test(age.trim()) ? Number(age.trim()) : 0;
  return Math.max(0, maxAge - spent) * 1000;
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

interface Entry<T> {
  value: T;
  expiresAt: number;
}

interface Flight<T> {
  promise: Promise<Cacheable<T>>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

export class ResponseCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly flights = new Map<string, Flight<T>>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ResponseCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** The fresh value for `key`, if one is kept; never starts a request. */
  peek(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * The value for `key`: a fresh kept one, else a request already under way for it, else a new
   * one from `load`. A failed load is never kept, so the next call tries again.
   */
  get(key: string, load: CacheLoader<T>, options: CacheGetOptions = {}): Promise<T> {
    const { signal, reload = false } = options;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!reload) {
      const kept = this.peek(key);
      if (kept !== undefined) return Promise.resolve(kept);
    }
    let flight = reload ? undefined : this.flights.get(key);
    if (!flight) flight = this.start(key, load);
    return this.wait(flight, signal);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private start(key: string, load: CacheLoader<T>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = { promise: Promise.resolve().then(() => load(controller.signal)), controller, waiters: 0, settled: false };
    this.flights.set(key, flight);
    flight.promise.then(
      (result) => {
        flight.settled = true;
        // A newer flight for the key (a reload) owns the entry; an older answer must not replace it.
        if (this.flights.get(key) !== flight) return;
        this.flights.delete(key);
        this.keep(key, result);
      },
      () => {
        flight.settled = true;
        if (this.flights.get(key) === flight) this.flights.delete(key);
      },
    );
    return flight;
  }

  private keep(key: string, result: Cacheable<T>): void {
    const lifetime = freshnessLifetimeMs(result.cacheControl, result.age);
    if (lifetime <= 0) {
      this.entries.delete(key);
      return;
    }
    this.entries.delete(key);
    this.entries.set(key, { value: result.value, expiresAt: this.now() + lifetime });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private wait(flight: Flight<T>, signal: AbortSignal | undefined): Promise<T> {
    flight.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      const release = () => {
        signal?.removeEventListener('abort', onAbort);
        flight.waiters -= 1;
      };
      const onAbort = () => {
        release();
        if (flight.waiters === 0 && !flight.settled) flight.controller.abort(abortReason(signal));
        reject(abortReason(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (result) => {
          if (signal?.aborted) return;
          release();
          resolve(result.value);
        },
        (error: unknown) => {
          if (signal?.aborted) return;
          release();
          reject(error);
        },
      );
    });
  }
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
