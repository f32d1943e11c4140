/**
 * How `handlePlaceOrder` holds an authorization token in its {@link PlaceOrderStore} so that the
 * token is decided once, through slow handlers and store outages alike:
 *
 * - a delivery claims the token, or waits for the answer of the delivery that holds it;
 * - while it decides, its claim is renewed, so it lapses only when the process is gone;
 * - once decided, its answer is written until the store takes it: if the store fails at that
 *   moment, the write is tried again in the background until the store is back, and the store
 *   (`RedisPlaceOrderStore`) remembers meanwhile that the token's run has no answer yet, so that a
 *   later delivery waits for it instead of running the handler again.
 */
import { timerDelay, wait } from '../core/wait.js';
import type { PlaceOrderStore, StoredPlaceOrderAnswer } from './place-order-store.js';

/**
 * The answer of an earlier delivery of the same callback, waited for while it runs; `undefined`
 * when this delivery has claimed the token and decides. A delivery that waits longer than a claim
 * lasts is answered 503, so that Klarna tries again later.
 */
export async function firstDeliveryAnswer(
  store: PlaceOrderStore,
  token: string,
  claimTtlMs: number,
  signal: AbortSignal,
): Promise<StoredPlaceOrderAnswer | undefined> {
  const started = Date.now();
  for (let delay = 25; ; delay = Math.min(delay * 2, 1000)) {
    if (await store.claim(token, claimTtlMs)) return undefined;
    const kept = await store.answer(token);
    if (kept) return kept;
    if (Date.now() - started > claimTtlMs) return { status: 503, body: { error: 'another delivery of the same callback or webhook event is still being handled' } };
    await wait(delay, signal);
  }
}

/** A claim being kept alive; `stop()` resolves once no renewal is under way (so none lands after the answer). */
export interface KeptClaim {
  stop(): Promise<void>;
}

/**
 * Renews this delivery's claim every third of its lifetime while it decides: without it, a handler
 * slower than `claimTtlMs` would let the claim lapse and a second delivery run the handler again.
 * A failed renewal (the store is away) is reported once; renewing goes on. A store without
 * `renew` is not renewed.
 */
export function keepClaim(
  store: PlaceOrderStore,
  token: string,
  ttlMs: number,
  report: (error: unknown) => void,
): KeptClaim {
  if (typeof store.renew !== 'function') return { stop: () => Promise.resolve() };
  let renewing = Promise.resolve();
  let reported = false;
  const renewOnce = async () => {
    try {
      await store.renew?.(token, ttlMs);
    } catch (error) {
      if (!reported) report(error);
      reported = true;
    }
  };
  // One renewal at a time: a slow store must not have several racing, nor one landing after the answer.
  // Clamped: Node fires an interval longer than a timer holds (about 24.8 days) at once, and again.
  const timer = setInterval(() => {
    renewing = renewing.then(renewOnce);
  }, timerDelay(Math.max(ttlMs / 3, 10)));
  unref(timer);
  return {
    stop() {
      clearInterval(timer);
      return renewing;
    },
  };
}

export interface RecordingOptions {
  /** Settles once no renewal of the claim is under way: the write starts after it, so none lands after the answer. */
  after: Promise<void>;
  /** The longest pause between two attempts, in ms. */
  maxPauseMs: number;
  /** When to stop trying (a `Date.now()` time): past it, what was to be written no longer matters. */
  giveUpAt: number;
  /** Told of the first failure, and of giving up. */
  report: (error: unknown) => void;
  /** What is written, for the message when giving up: "the answer", "the release". */
  what: string;
  /** What was delivered, for that message; default "a place_order callback". */
  delivery?: string | undefined;
}

/**
 * How long a delivery's answer waits for its outcome to be written. A store that answers at all
 * answers within it, so a delivery that follows gets the kept answer; a store that is away holds
 * its client's commands (ioredis queues them while it reconnects), and Klarna is answered anyway:
 * the answer does not depend on the write, which goes on.
 */
const ANSWER_WAITS_FOR_WRITE_MS = 1000;

/**
 * Writes to the store until it takes the write: now, and after a failure again with a growing
 * pause, until it succeeds or `giveUpAt` passes. Resolves when the write is taken, or after
 * {@link ANSWER_WAITS_FOR_WRITE_MS} at the latest, while the writing goes on in the background
 * (its pauses keep no process alive: their timers are unref'd).
 */
export async function writeUntilTaken(write: () => Promise<void>, options: RecordingOptions): Promise<void> {
  const written = options.after.then(() => keepWriting(write, options));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ANSWER_WAITS_FOR_WRITE_MS)));
  await Promise.race([written, waited]);
  clearTimeout(timer);
}

async function keepWriting(
  write: () => Promise<void>,
  { maxPauseMs, giveUpAt, report, what, delivery = 'a place_order callback' }: RecordingOptions,
): Promise<void> {
  let lastError: unknown;
  for (let pause = Math.min(50, maxPauseMs); ; pause = Math.min(pause * 2, maxPauseMs)) {
    try {
      await write();
      return;
    } catch (error) {
      if (lastError === undefined) report(error);
      lastError = error ?? new Error('the store failed without a reason');
    }
    if (Date.now() >= giveUpAt) break;
    await sleep(pause);
  }
  report(new Error(`The store did not take ${what} for ${delivery} before it would have expired; a later delivery decides anew.`, { cause: lastError }));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => unref(setTimeout(resolve, ms)));
}

/** Lets the process exit while the timer waits (Node); other runtimes' timers are plain numbers. */
function unref(timer: unknown): void {
  (timer as { unref?: () => void }).unref?.();
}
