/**
 * On-site messaging from a server: the element's request (same URL, same parsing: nodes by name,
 * unsafe URLs dropped) for backends and server-rendered pages, with a cache that follows Klarna's
 * `Cache-Control` and that a merchant can back with Redis or any key-value store.
 *
 * Where we chose: Klarna's OSM answers say `private, max-age=86400`. `private` keeps a response out
 * of caches shared between *users*; this request carries no consumer's data (no cookies, no
 * identity), so its answer is the merchant's own and the cache may keep it for `max-age`.
 * `no-store` and `no-cache` are honoured: such an answer is never kept.
 */
import { freshnessLifetimeMs } from '../core/cache.js';
import { BASE_URL_FAULTS } from '../core/endpoints.js';
import { KlarnaHttpError } from '../core/http.js';
import { parseOsmAnswer, type OsmNode } from '../protocol/osm-answer.js';
import { osmRequest, type OsmPlacementKey, type OsmRequestProblem } from '../protocol/osm-request.js';
import { KlarnaApiError } from './api-error.js';
import { CLIENT_OPTION_NAMES, createTransport, type KlarnaClientOptions } from './client-options.js';
import { ownFields, ownValue } from './own.js';
import type { KlarnaTransport } from './transport.js';
import { assertValid, KlarnaValidationError, nonEmpty } from './validation.js';

/** A kept answer, as JSON, so any store can hold it. */
export interface OsmCacheEntry {
  status: number;
  body: unknown;
  correlationId?: string | undefined;
}

/**
 * Where answers are kept. `get` and `set` may be async: back it with Redis
 * (`SET key value PX ttlMs`), Memcached, a KV store. `set` is only called with `ttlMs > 0`.
 */
export interface OsmCache {
  get(key: string): OsmCacheEntry | undefined | Promise<OsmCacheEntry | undefined>;
  set(key: string, entry: OsmCacheEntry, ttlMs: number): void | Promise<void>;
}

/** The default cache: in this process's memory, oldest entries dropped past `maxEntries`. */
export class MemoryOsmCache implements OsmCache {
  readonly #entries = new Map<string, { entry: OsmCacheEntry; expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    const { maxEntries = 1000, now = Date.now } = ownFields(options, ['maxEntries', 'now']);
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  get(key: string): OsmCacheEntry | undefined {
    const kept = this.#entries.get(key);
    if (kept && kept.expiresAt > this.#now()) return kept.entry;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, entry: OsmCacheEntry, ttlMs: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { entry, expiresAt: this.#now() + ttlMs });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }
}

export interface OsmClientOptions extends Omit<KlarnaClientOptions, 'region'> {
  /** Where answers are kept; default a {@link MemoryOsmCache}. */
  cache?: OsmCache | undefined;
}

export interface OsmMessageRequest {
  clientId: string;
  placementKey: OsmPlacementKey;
  locale: string;
  /** Minor units; required for `credit-promotion-badge`. */
  purchaseAmount?: number | undefined;
  /** Default: from the locale's country. */
  region?: 'eu' | 'na' | 'oc' | undefined;
  /** Skip the cache and ask Klarna again (the answer is kept for the next callers). */
  reload?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

export type OsmMessageResult =
  | {
      kind: 'message';
      /** The nodes to render, in Klarna's order, with only safe URLs. */
      nodes: readonly OsmNode[];
      /** Fire it from the browser once the message is seen (the element does this). */
      impressionUrl: string | undefined;
      /** What was dropped as unsafe. */
      warnings: readonly string[];
      /** The request URL: also the cache key. */
      url: string;
      fromCache: boolean;
    }
  | { kind: 'empty'; url: string; fromCache: boolean };

const OSM_TIMEOUT_MS = 5000;

const OSM_OPTION_NAMES = [...CLIENT_OPTION_NAMES.filter((name) => name !== 'region'), 'cache'] as const;
const REQUEST_NAMES = ['clientId', 'placementKey', 'locale', 'purchaseAmount', 'region', 'reload', 'signal'] as const;

export class OsmClient {
  readonly #transport: KlarnaTransport;
  readonly #options: Pick<OsmClientOptions, (typeof OSM_OPTION_NAMES)[number]>;
  readonly #cache: OsmCache;
  readonly #inFlight = new Map<string, Promise<OsmCacheEntry>>();

  constructor(givenOptions: OsmClientOptions = {}) {
    // As the merchant's object holds them, never inherited: an inherited `baseUrl` would pick the host.
    const options = ownFields(givenOptions, OSM_OPTION_NAMES);
    const { cache } = options;
    const isCache = typeof ownOrInherited(cache, 'get') === 'function' && typeof ownOrInherited(cache, 'set') === 'function';
    assertValid('new OsmClient()', [cache === undefined || isCache ? undefined : 'cache must have get(key) and set(key, entry, ttlMs)']);
    this.#options = options;
    this.#cache = cache ?? new MemoryOsmCache();
    this.#transport = createTransport('OsmClient', { ...options, timeout: options.timeout ?? OSM_TIMEOUT_MS }, () => undefined, []);
  }

  /** The message for a placement: from the cache while Klarna's `Cache-Control` allows, else from Klarna. */
  async getMessage(givenRequest: OsmMessageRequest): Promise<OsmMessageResult> {
    const request = ownFields(givenRequest, REQUEST_NAMES);
    const url = this.#url(request);
    let entry = request.reload ? undefined : cacheEntryOf(await this.#cache.get(url));
    const fromCache = entry !== undefined;
    entry ??= await this.#fetch(url, request);
    try {
      const response = { status: entry.status, data: entry.body, correlationId: entry.correlationId };
      const answer = parseOsmAnswer(response, url);
      if (answer.kind === 'empty') return { kind: 'empty', url, fromCache };
      const { nodes, impressionUrl, warnings } = answer.message;
      return { kind: 'message', nodes, impressionUrl, warnings, url, fromCache };
    } catch (error) {
      throw error instanceof KlarnaHttpError ? KlarnaApiError.from(error, entry.correlationId) : error;
    }
  }

  toString(): string {
    return `OsmClient(${this.#transport.baseUrl})`;
  }

  #url({ clientId, placementKey, locale, purchaseAmount, region }: OsmMessageRequest): string {
    const { environment, baseUrl } = this.#options;
    const result = osmRequest({ clientId, placementKey, locale, purchaseAmount, region, environment, baseUrl });
    if (!result.ok) throw new KlarnaValidationError('OsmClient.getMessage', result.problems.map(describe));
    return result.request.url;
  }

  /**
   * One request per URL at a time, shared by every caller (each caller's `signal` only stops its
   * own wait); the answer is kept for as long as its `Cache-Control` allows.
   */
  #fetch(url: string, { signal }: OsmMessageRequest): Promise<OsmCacheEntry> {
    let flight = this.#inFlight.get(url);
    if (!flight) {
      flight = this.#transport.request('GET', url).then(async (response) => {
        const entry: OsmCacheEntry = {
          status: response.status,
          body: response.data,
          correlationId: response.correlationId,
        };
        const ttlMs = freshnessLifetimeMs(response.headers.get('cache-control'), response.headers.get('age'));
        if (ttlMs > 0) await this.#cache.set(url, entry, ttlMs);
        return entry;
      });
      const done = () => this.#inFlight.delete(url);
      flight.then(done, done);
      this.#inFlight.set(url, flight);
    }
    return untilAborted(flight, signal, url);
  }
}

/**
 * A method of a merchant's object, wherever it is defined: a class instance's methods are on its
 * prototype. Only the check "is it a function" reads it: a polluted Object.prototype holds data
 * (from JSON or a query string), never functions.
 */
function ownOrInherited(object: unknown, name: string): unknown {
  return typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[name] : undefined;
}

/**
 * A kept answer as the cache gave it back, by its own fields; `undefined` (ask Klarna) for
 * anything that is not one: another writer's value, or an entry a store mangled.
 */
function cacheEntryOf(value: unknown): OsmCacheEntry | undefined {
  const status = ownValue(value, 'status');
  const correlationId = ownValue(value, 'correlationId');
  if (!Number.isInteger(status)) return undefined;
  return { status: status as number, body: ownValue(value, 'body'), correlationId: typeof correlationId === 'string' ? correlationId : undefined };
}

/** A problem in the words of this API: its property names. */
function describe(problem: OsmRequestProblem): string {
  const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');
  switch (problem.kind) {
    case 'missing':
      return nonEmpty(problem.field, undefined)!;
    case 'unsupported':
      return `${problem.field} ${JSON.stringify(problem.value)} must be one of ${problem.field === 'locale' ? problem.allowed.join(', ') : quoted(problem.allowed)}`;
    case 'not-minor-units':
      return `purchaseAmount ${String(problem.value)} must be a whole, non-negative number of minor units`;
    case 'amount-required':
      return 'purchaseAmount is required for credit-promotion-badge';
    case 'bad-base-url':
      return `baseUrl "${problem.value}" ${BASE_URL_FAULTS[problem.fault]}`;
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, url: string): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new KlarnaApiError(`GET ${url}: aborted.`, { code: 'aborted', url, method: 'GET', cause: signal.reason }));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    const settle = () => signal.removeEventListener('abort', abort);
    promise.then((value) => { settle(); resolve(value); }, (error: unknown) => { settle(); reject(error); });
  });
}
