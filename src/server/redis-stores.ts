/**
 * The server helpers' stores on Redis, for several backend processes that must agree: which
 * `place_order` deliveries were answered (`RedisPlaceOrderStore`) and On-site messaging answers
 * (`RedisOsmCache`). Written against the few commands a Redis client offers; no client is a
 * dependency of this package.
 */
import type { OsmCache, OsmCacheEntry } from './osm-client.js';
import { ownFields } from './own.js';
import { PENDING, storedAnswerOf, type PlaceOrderStore, type StoredPlaceOrderAnswer } from './place-order-store.js';

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

/** The run key beside a token's key, and what it holds: a delivery is deciding, or a claimant found that delivery's claim lapsed with no answer. */
const RUN_SUFFIX = ':run';
const RUNNING = 'running';
const UNANSWERED = 'unanswered';

export interface RedisPlaceOrderStoreOptions {
  /** Default `klarna-elements:place-order:`. */
  prefix?: string | undefined;
  /**
   * How long a token is remembered as "a delivery started deciding it", until its answer is kept;
   * in ms, default 24 hours. It must outlast any outage of Redis you want the handler to run once
   * through (Redis must come back with its data: persistence on).
   */
  runTtlMs?: number | undefined;
  /**
   * How long a claimant waits, at least, for the answer of a delivery whose claim lapsed before it
   * recorded one, before deciding anew; in ms, default 5000. Longer than a Redis client takes to
   * reconnect after an outage (ioredis waits at most 2 s between attempts).
   */
  orphanGraceMs?: number | undefined;
}

/**
 * A store shared by every backend process through Redis: claims are `SET NX` with an expiry, and
 * answers expire with `PX`.
 *
 * Beside the claim, a second key remembers for `runTtlMs` that a delivery started deciding and has
 * not recorded its answer yet. Why: Redis going away while a handler runs lets the claim lapse
 * (its expiry is a wall-clock time), and Redis coming back with its data would then let the next
 * delivery run the handler again, while the first process still holds an answer it could not
 * write. So a claimant that finds the claim lapsed but the run unanswered does not decide: it holds
 * the claim for a grace period (at least `orphanGraceMs`) and answers like a waiting delivery. A
 * process that is alive records its answer as soon as it reaches Redis again; only a run that
 * stays silent through the grace period (its process is gone) is decided anew.
 */
export class RedisPlaceOrderStore implements PlaceOrderStore {
  readonly #redis: RedisCommands;
  readonly #prefix: string;
  readonly #runTtlMs: number;
  readonly #orphanGraceMs: number;

  constructor(redis: RedisCommands, options: RedisPlaceOrderStoreOptions = {}) {
    const given = ownFields(options, ['prefix', 'runTtlMs', 'orphanGraceMs']);
    const { prefix = 'klarna-elements:place-order:', runTtlMs = 24 * 60 * 60 * 1000, orphanGraceMs = 5000 } = given;
    this.#redis = redis;
    this.#prefix = prefix;
    this.#runTtlMs = Math.ceil(runTtlMs);
    this.#orphanGraceMs = orphanGraceMs;
  }

  async claim(token: string, ttlMs: number): Promise<boolean> {
    const key = this.#prefix + token;
    const run = await this.#redis.get(key + RUN_SUFFIX);
    // A run started, and its claim lapsed with no answer recorded: hold the token for the grace period.
    const orphaned = run === RUNNING;
    const holdMs = orphaned ? Math.max(ttlMs, this.#orphanGraceMs) : ttlMs;
    if ((await this.#redis.set(key, PENDING, 'PX', Math.ceil(holdMs), 'NX')) !== 'OK') return false;
    if (orphaned) {
      await this.#redis.set(key + RUN_SUFFIX, UNANSWERED, 'PX', this.#runTtlMs);
      return false;
    }
    // No run, or one that stayed silent through a whole grace period: this delivery decides.
    await this.#redis.set(key + RUN_SUFFIX, RUNNING, 'PX', this.#runTtlMs);
    return true;
  }

  async renew(token: string, ttlMs: number): Promise<void> {
    const key = this.#prefix + token;
    const held = await this.#redis.get(key);
    if (held !== null && held !== PENDING) return;
    await this.#redis.set(key, PENDING, 'PX', Math.ceil(ttlMs));
    // Alive after all: a claimant that took this run for a gone one waits again.
    await this.#redis.set(key + RUN_SUFFIX, RUNNING, 'PX', this.#runTtlMs);
  }

  async answer(token: string): Promise<StoredPlaceOrderAnswer | undefined> {
    const value = await this.#redis.get(this.#prefix + token);
    return value === PENDING ? undefined : storedAnswerOf(parsed(value));
  }

  async settle(token: string, answer: StoredPlaceOrderAnswer, ttlMs: number): Promise<void> {
    await this.#redis.set(this.#prefix + token, JSON.stringify(answer), 'PX', Math.ceil(ttlMs));
    await this.#redis.del(this.#prefix + token + RUN_SUFFIX);
  }

  async release(token: string): Promise<void> {
    // The run first: once it is gone, a lapsed claim is an ordinary one.
    await this.#redis.del(this.#prefix + token + RUN_SUFFIX);
    await this.#redis.del(this.#prefix + token);
  }
}

/** `OsmClient`'s cache in Redis: every process asks Klarna once per request for as long as `Cache-Control` allows. */
export class RedisOsmCache implements OsmCache {
  readonly #redis: RedisCommands;
  readonly #prefix: string;

  constructor(redis: RedisCommands, options: { prefix?: string } = {}) {
    const { prefix = 'klarna-elements:osm:' } = ownFields(options, ['prefix']);
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /** The entry as JSON gave it back; `OsmClient` reads it by its own fields and asks Klarna for anything else. */
  async get(key: string): Promise<OsmCacheEntry | undefined> {
    return parsed(await this.#redis.get(this.#prefix + key)) as OsmCacheEntry | undefined;
  }

  async set(key: string, entry: OsmCacheEntry, ttlMs: number): Promise<void> {
    await this.#redis.set(this.#prefix + key, JSON.stringify(entry), 'PX', Math.ceil(ttlMs));
  }
}

/** A stored JSON value; `undefined` for none, or for text another writer left that is not JSON. */
function parsed(value: string | null): unknown {
  try {
    return value === null ? undefined : (JSON.parse(value) as unknown);
  } catch {
    return undefined;
  }
}
