/**
 * Where `handlePlaceOrder` keeps what it answered for each authorization token. Klarna's
 * `place_order` callback is not signed and may be delivered more than once (Klarna retries, a
 * proxy replays, someone forges one): the first delivery decides, a delivery that arrives while
 * it runs waits for its answer, and a later one gets the stored answer. The merchant's handler and
 * `onResult` run once per token.
 *
 * A store needs four operations with the semantics of a key-value store's "set if absent" and
 * "set with expiry", and a fifth to keep a claim alive: {@link MemoryPlaceOrderStore} for one
 * backend process, {@link RedisPlaceOrderStore} for several behind a load balancer, or your own.
 *
 * While a delivery decides, its claim is renewed (every third of `claimTtlMs`), so it lapses only
 * when the process is gone, never because a handler is slow. Once decided, the answer is written
 * until the store takes it: a store that fails at that moment is written to again, in the
 * background, as soon as it is back.
 */
import { isRecord } from '../core/json.js';
import { ownFields, ownValue } from './own.js';

/** What a delivery answered: the status and JSON body of the `Response`. */
export interface StoredPlaceOrderAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface PlaceOrderStore {
  /** Takes the token for this delivery: `true` when no other delivery holds it (running, or answered and kept). */
  claim(token: string, ttlMs: number): Promise<boolean>;
  /**
   * Keeps this delivery's claim for another `ttlMs` from now, unless an answer is kept: called while
   * it decides. Optional for a store of your own; without it, a handler slower than `claimTtlMs`
   * lets a second delivery run it again.
   */
  renew?(token: string, ttlMs: number): Promise<void>;
  /** The answer a delivery kept for the token; `undefined` while it runs, or when nothing is kept. */
  answer(token: string): Promise<StoredPlaceOrderAnswer | undefined>;
  /** Keeps the answer for later deliveries, for `ttlMs`. */
  settle(token: string, answer: StoredPlaceOrderAnswer, ttlMs: number): Promise<void>;
  /** Gives the token up, so that a later delivery decides (this one could not finish). */
  release(token: string): Promise<void>;
}

/** What a store holds for a token while its delivery runs. */
export const PENDING = 'pending';

/**
 * The default store: a `Map` in this process, with expiry. Enough for one backend process; with
 * several, use a shared store such as {@link RedisPlaceOrderStore}, or each process decides once.
 */
export class MemoryPlaceOrderStore implements PlaceOrderStore {
  readonly #entries = new Map<string, { value: StoredPlaceOrderAnswer | typeof PENDING; expiresAt: number }>();
  readonly #now: () => number;
  #prunedAt = 0;

  constructor(options: { now?: () => number } = {}) {
    const { now = Date.now } = ownFields(options, ['now']);
    this.#now = now;
  }

  claim(token: string, ttlMs: number): Promise<boolean> {
    this.#prune();
    const held = this.#entries.get(token);
    if (held && held.expiresAt > this.#now()) return Promise.resolve(false);
    this.#entries.set(token, { value: PENDING, expiresAt: this.#now() + ttlMs });
    return Promise.resolve(true);
  }

  answer(token: string): Promise<StoredPlaceOrderAnswer | undefined> {
    this.#prune();
    const entry = this.#entries.get(token);
    if (!entry || entry.expiresAt <= this.#now() || entry.value === PENDING) return Promise.resolve(undefined);
    return Promise.resolve(entry.value);
  }

  renew(token: string, ttlMs: number): Promise<void> {
    const held = this.#entries.get(token);
    if (!held || held.value === PENDING) this.#entries.set(token, { value: PENDING, expiresAt: this.#now() + ttlMs });
    return Promise.resolve();
  }

  settle(token: string, answer: StoredPlaceOrderAnswer, ttlMs: number): Promise<void> {
    this.#entries.set(token, { value: answer, expiresAt: this.#now() + ttlMs });
    return Promise.resolve();
  }

  release(token: string): Promise<void> {
    this.#entries.delete(token);
    return Promise.resolve();
  }

  /** How many tokens it holds (running or answered). */
  get size(): number {
    this.#prune();
    return this.#entries.size;
  }

  /** Drops what has expired; at most once a second, so a busy shop does not scan on every call. */
  #prune(): void {
    const now = this.#now();
    if (now - this.#prunedAt < 1000) return;
    this.#prunedAt = now;
    for (const [token, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(token);
  }
}

/**
 * A kept answer as a store gave it back (after JSON, from another process), by its own fields;
 * `undefined` for anything that is not one.
 */
export function storedAnswerOf(value: unknown): StoredPlaceOrderAnswer | undefined {
  const status = ownValue(value, 'status');
  const body = ownValue(value, 'body');
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return undefined;
  return isRecord(body) ? { status, body } : undefined;
}
