/**
 * The server helpers' stores on Redis, for several backend processes that must agree: which
 * `place_order` deliveries were answered (`RedisPlaceOrderStore`) and On-site messaging answers
 * (`RedisOsmCache`). Written against the few commands a Redis client offers; no client is a
 * dependency of this package.
 */
import type { OsmCache, OsmCacheEntry } from './osm-client.js';
import { PENDING, type PlaceOrderStore, type StoredPlaceOrderAnswer } from './place-order-store.js';

/**
 * The commands the Redis stores send, as ioredis names them (node-redis v4 users pass
 * `{ get: (k) => client.get(k), set: (k, v, _px, ms, nx) => client.set(k, v, { PX: ms, ...(nx && { NX: true }) }), del: (k) => client.del(k) }`).
 * No Redis client is a dependency of this package.
 */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  /** `SET key value PX ms [NX]`: resolves `'OK'`, or `null` when NX found the key. */
  set(key: string, value: string, px: 'PX', ms: number, nx?: 'NX'): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/** A store shared by every backend process through Redis: claims are `SET NX`, answers expire with `PX`. */
export class RedisPlaceOrderStore implements PlaceOrderStore {
  readonly #redis: RedisCommands;
  readonly #prefix: string;

  constructor(redis: RedisCommands, { prefix = 'klarna-elements:place-order:' }: { prefix?: string } = {}) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async claim(token: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.set(this.#prefix + token, PENDING, 'PX', Math.ceil(ttlMs), 'NX')) === 'OK';
  }

  async answer(token: string): Promise<StoredPlaceOrderAnswer | undefined> {
    const value = await this.#redis.get(this.#prefix + token);
    return value === PENDING ? undefined : parsed<StoredPlaceOrderAnswer>(value);
  }

  async settle(token: string, answer: StoredPlaceOrderAnswer, ttlMs: number): Promise<void> {
    await this.#redis.set(this.#prefix + token, JSON.stringify(answer), 'PX', Math.ceil(ttlMs));
  }

  async release(token: string): Promise<void> {
    await this.#redis.del(this.#prefix + token);
  }
}

/** `OsmClient`'s cache in Redis: every process asks Klarna once per request for as long as `Cache-Control` allows. */
export class RedisOsmCache implements OsmCache {
  readonly #redis: RedisCommands;
  readonly #prefix: string;

  constructor(redis: RedisCommands, { prefix = 'klarna-elements:osm:' }: { prefix?: string } = {}) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async get(key: string): Promise<OsmCacheEntry | undefined> {
    return parsed<OsmCacheEntry>(await this.#redis.get(this.#prefix + key));
  }

  async set(key: string, entry: OsmCacheEntry, ttlMs: number): Promise<void> {
    await this.#redis.set(this.#prefix + key, JSON.stringify(entry), 'PX', Math.ceil(ttlMs));
  }
}

/** A stored JSON value; `undefined` for none, or for text another writer left that is not JSON. */
function parsed<T>(value: string | null): T | undefined {
  try {
    return value === null ? undefined : (JSON.parse(value) as T);
  } catch {
    return undefined;
  }
}
