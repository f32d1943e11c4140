/**
 * Where `handlePlaceOrder` keeps what it answered for each authorization token. Klarna's
 * `place_order` callback is not signed and may be delivered more than once (Klarna retries, a
 * proxy replays, someone forges one): the first delivery decides, a delivery that arrives while
 * it runs waits for its answer, and a later one gets the stored answer. The merchant's handler and
 * `onResult` run once per token.
 *
 * A store needs four operations with the semantics of a key-value store's "set if absent" and
 * "set with expiry": {@link MemoryPlaceOrderStore} for one backend process, {@link RedisPlaceOrderStore}
 * for several behind a load balancer, or your own.
 */

/** What a delivery answered: the status and JSON body of the `Response`. */
export interface StoredPlaceOrderAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface PlaceOrderStore {
  /** Takes the token for this delivery: `true` when no other delivery holds it (running, or answered and kept). */
  claim(token: string, ttlMs: number): Promise<boolean>;
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

  constructor({ now = Date.now }: { now?: () => number } = {}) {
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
