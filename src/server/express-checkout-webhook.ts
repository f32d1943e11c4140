/**
 * The merchant's end of Klarna's `payment.request.state-change.completed` webhook, the server-side
 * completion of an Express Checkout purchase: Klarna posts it once the consumer has approved, and
 * the merchant creates the order from its `payment_token` (with `KlarnaPaymentsClient.createOrder`).
 *
 * Klarna retries a delivery it got no 2xx for, for up to 12 hours, and a delivery may come twice
 * anyway; several backend processes may each get one. The merchant's handler therefore runs once
 * per payment request: the first delivery claims the payment request's id in the same pluggable
 * store `handlePlaceOrder` uses (in memory, or Redis for several processes), one arriving
 * meanwhile waits for its answer, a later one gets the kept answer. When the handler fails, the
 * claim is given up and the delivery answered 500, so Klarna's retry runs it again.
 *
 * A delivery must be signed (see `webhook-signature.ts` for what Klarna documents and what is
 * chosen); an unsigned or forged one is answered 401 before its body is even parsed, and no
 * handler runs. (Klarna's guide suggests answering a bad signature with 400; 401 is chosen so a
 * merchant's logs tell a forgery from a malformed body. Klarna retries either.)
 */
import { firstDeliveryAnswer, keepClaim, writeUntilTaken } from './place-order-claims.js';
import { MemoryPlaceOrderStore, type PlaceOrderStore, type StoredPlaceOrderAnswer } from './place-order-store.js';
import { ownFields } from './own.js';
import { readJsonText } from './request-body.js';
import { KlarnaValidationError } from './validation.js';
import { readCompletedEvent, type PaymentRequestCompleted } from './webhook-event.js';
import { SIGNATURE_HEADER, signatureProblem } from './webhook-signature.js';
import { jsonAnswer, positiveOr, safeReporter } from './delivery-answer.js';

/** What the merchant's handler is given: the completed payment request, and the delivery's signal. */
export interface ExpressCheckoutWebhookRequest {
  event: PaymentRequestCompleted;
  /** Aborted when the delivery is (Klarna went away). */
  signal: AbortSignal;
}

/** Creates the order (or records the purchase); throw to have Klarna deliver the event again later. */
export type ExpressCheckoutWebhookHandler = (request: ExpressCheckoutWebhookRequest) => void | Promise<void>;

/**
 * Where a failure reported to `onError` happened: `delivery` (refused before the handler: unsigned,
 * malformed, …), `handler`, `record` (the store), `internal` (a failure inside this library).
 */
export type ExpressCheckoutWebhookStage = 'delivery' | 'handler' | 'record' | 'internal';

export interface HandleExpressCheckoutWebhookOptions {
  /**
   * Your webhook signing key(s): a delivery must carry the HMAC-SHA256 of its raw body under one of
   * them in `Klarna-Signature`. Several during a rotation. Kept out of every error and answer.
   */
  signingKeys: string | readonly string[];
  /**
   * Where each payment request's answer is kept (the same kind of store as `handlePlaceOrder`'s; its
   * keys are prefixed `payment-request:`, so one store can serve both). Default: one in-memory
   * store for this process; with several backend processes, a shared one (`RedisPlaceOrderStore`).
   */
  store?: PlaceOrderStore | undefined;
  /** Told about every failure (for your logs); never given a signing key. */
  onError?: ((error: unknown, stage: ExpressCheckoutWebhookStage) => void) | undefined;
  /** How long an answer is kept for repeated deliveries, in ms; default 24 hours (Klarna retries for 12). */
  answerTtlMs?: number | undefined;
  /** How long a delivery's claim lasts, in ms, renewed while the handler runs; default 60 000. */
  claimTtlMs?: number | undefined;
  /** A larger body is refused with 413 before it is parsed; default 1 000 000 bytes. */
  maxBodyBytes?: number | undefined;
}

const OPTION_NAMES = ['signingKeys', 'store', 'onError', 'answerTtlMs', 'claimTtlMs', 'maxBodyBytes'] as const;
const defaultStore = new MemoryPlaceOrderStore();
const DEFAULT_ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_CLAIM_TTL_MS = 60_000;
/** The largest delivery read before it is refused with 413, unless `maxBodyBytes` says otherwise. */
export const DEFAULT_MAX_WEBHOOK_BYTES = 1_000_000;
/** The store's keys for payment requests, apart from `handlePlaceOrder`'s authorization tokens. */
export const PAYMENT_REQUEST_KEY_PREFIX = 'payment-request:';

/** The answer when the delivery could not be handled on this side; the body names no cause. */
const NOT_HANDLED = { error: 'the webhook delivery could not be handled' };
const HANDLED: StoredPlaceOrderAnswer = { status: 200, body: { outcome: 'handled' } };
const HANDLER_FAILED: StoredPlaceOrderAnswer = { status: 500, body: { error: 'the merchant\'s handler failed; deliver it again' } };

/**
 * Handles one delivery of `payment.request.state-change.completed` and returns the `Response` to
 * send: 2xx tells Klarna the event is taken, anything else makes it deliver again later.
 */
export async function handleExpressCheckoutWebhook(
  request: Request,
  handler: ExpressCheckoutWebhookHandler,
  givenOptions: HandleExpressCheckoutWebhookOptions,
): Promise<Response> {
  const options = ownFields(givenOptions, OPTION_NAMES);
  const report = safeReporter<ExpressCheckoutWebhookStage>(options.onError);
  try {
    return await answerDelivery(request, handler, options, report);
  } catch (error) {
    // A failure inside this library: no answer was kept, so Klarna's next delivery runs the handler.
    report(error, 'internal');
    return jsonAnswer(500, NOT_HANDLED);
  }
}

async function answerDelivery(
  request: Request,
  handler: ExpressCheckoutWebhookHandler,
  options: HandleExpressCheckoutWebhookOptions,
  report: Reporter,
): Promise<Response> {
  if (request.method.toUpperCase() !== 'POST') return jsonAnswer(405, { error: 'webhook deliveries are POST requests' }, { allow: 'POST' });
  const keys = signingKeysOf(options.signingKeys);
  if (!keys) {
    // Never accept unsigned deliveries because a key is missing: the merchant's mistake, answered 500 until fixed.
    report(new KlarnaValidationError('handleExpressCheckoutWebhook', ['signingKeys must be a non-empty string or a list of them: your webhook signing key']), 'delivery');
    return jsonAnswer(500, NOT_HANDLED);
  }
  if (request.bodyUsed) {
    report(new TypeError('The webhook\'s body was already read before handleExpressCheckoutWebhook (by a body parser before the route): give it the request as it arrived, since its signature covers the raw body.'), 'delivery');
    return jsonAnswer(500, NOT_HANDLED);
  }
  const read = await readJsonText(request, positiveOr(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BYTES));
  if ('refused' in read) return refuse(read.status, read.refused, read.detail, report);
  const unsigned = await signatureProblem(read.bytes, request.headers.get(SIGNATURE_HEADER), keys);
  if (unsigned) return refuse(401, 'the delivery is not signed with your webhook signing key', unsigned, report);
  const parsed = readCompletedEvent(read.text);
  if ('ignored' in parsed) return jsonAnswer(200, { outcome: 'ignored' });
  if ('refused' in parsed) return refuse(parsed.status, parsed.refused, parsed.detail, report);
  return runOnce(parsed.event, request.signal, handler, options, report);
}

/** Runs the handler for the first delivery of this payment request; later ones get its answer. */
async function runOnce(
  event: PaymentRequestCompleted,
  signal: AbortSignal,
  handler: ExpressCheckoutWebhookHandler,
  options: HandleExpressCheckoutWebhookOptions,
  report: Reporter,
): Promise<Response> {
  const store = options.store ?? defaultStore;
  const claimTtlMs = positiveOr(options.claimTtlMs, DEFAULT_CLAIM_TTL_MS);
  const answerTtlMs = positiveOr(options.answerTtlMs, DEFAULT_ANSWER_TTL_MS);
  const key = PAYMENT_REQUEST_KEY_PREFIX + event.paymentRequestId;
  let earlier: StoredPlaceOrderAnswer | undefined;
  try {
    earlier = await firstDeliveryAnswer(store, key, claimTtlMs, signal);
  } catch (error) {
    // Without the store, a repeated delivery could run the handler twice: Klarna is asked to try later instead.
    report(error, 'record');
    return jsonAnswer(503, { error: 'could not check whether this payment request was already handled' }, { 'retry-after': '5' });
  }
  if (earlier) return jsonAnswer(earlier.status, earlier.body, { 'klarna-elements-replay': 'true' });
  const claim = keepClaim(store, key, claimTtlMs, (error) => report(error, 'record'));
  let outcome = HANDLER_FAILED;
  try {
    await handler({ event, signal });
    outcome = HANDLED;
  } catch (error) {
    report(error, 'handler');
  } finally {
    // Handled: kept for later deliveries. Failed: the id is given up, so Klarna's retry runs the handler again.
    const handled = outcome === HANDLED;
    await writeUntilTaken(handled ? () => store.settle(key, HANDLED, answerTtlMs) : () => store.release(key), {
      after: claim.stop(),
      maxPauseMs: Math.max(Math.min(1000, claimTtlMs / 4), 10),
      giveUpAt: Date.now() + answerTtlMs,
      report: (error) => report(error, 'record'),
      what: handled ? 'the answer' : 'the release of the payment request',
      delivery: 'a payment.request.state-change.completed webhook',
    });
  }
  return jsonAnswer(outcome.status, outcome.body);
}

/** The signing keys as given: a non-empty string, or a non-empty list of them; `undefined` otherwise. */
function signingKeysOf(given: unknown): readonly string[] | undefined {
  const keys: unknown[] = Array.isArray(given) ? (given as unknown[]) : [given];
  const usable = keys.length > 0 && keys.every((key) => typeof key === 'string' && key.length > 0);
  return usable ? (keys as string[]) : undefined;
}

type Reporter = (error: unknown, stage: ExpressCheckoutWebhookStage) => void;


function refuse(status: number, refused: string, detail: string | undefined, report: Reporter): Response {
  report(new TypeError(`Refused webhook delivery: ${refused}${detail ? ` (${detail})` : ''}.`), 'delivery');
  return jsonAnswer(status, { error: refused });
}



