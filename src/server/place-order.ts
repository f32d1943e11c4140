/**
 * The merchant's side of a purchase: Klarna posts `{ authorization_token, order }` to
 * `merchant_urls.place_order`; the merchant checks stock, address, prices, and either places the
 * order or denies it through the API. `handlePlaceOrder` does the plumbing around that decision.
 *
 * The callback is not signed, so anyone could post one. By default the order is therefore read
 * back from Klarna by its token (`verify`), and a token Klarna does not know is refused.
 *
 * A call to Klarna fails in two expected ways: Klarna refused or could not be reached (a
 * `KlarnaApiError`), or what the handler decided was refused before the network (a
 * `KlarnaValidationError`). Any other error is a failure inside this library (a bug, an API the
 * runtime lacks): it is thrown on as it is, reported once as `internal`, and never answered as if
 * Klarna were unreachable or the callback forged.
 */
import { isKlarnaApiError } from './api-error.js';
import type { InstantShoppingClient } from './instant-shopping-client.js';
import type { AuthorizedOrder } from '../protocol/instant-shopping-rest.js';
import type { DenyReason, OrderToPlace, PlacedOrder } from './purchase-decisions.js';
import { denyProblems, isKlarnaValidationError, KlarnaValidationError, nonEmpty, pathIdProblem } from './validation.js';
import { MemoryPlaceOrderStore, type PlaceOrderStore, type StoredPlaceOrderAnswer } from './place-order-store.js';
import { firstDeliveryAnswer, keepClaim, writeUntilTaken } from './place-order-claims.js';
import { ownFields, ownValue } from './own.js';
import { readJsonText, type BodyRefusal } from './request-body.js';
import { isRecord } from '../core/json.js';
import { jsonAnswer, positiveOr, safeReporter } from './delivery-answer.js';

/** What the merchant's handler decides; build it with {@link approve} or {@link deny}. */
export type PlaceOrderDecision =
  | { action: 'approve'; changes: Partial<OrderToPlace> }
  | { action: 'deny'; reason: DenyReason };

/**
 * Place the order: Klarna's authorized order, with `changes` laid over it (your
 * `merchant_reference1`, a personal `merchant_urls.confirmation` page, …).
 */
export function approve(changes: Partial<OrderToPlace> = {}): PlaceOrderDecision {
  return { action: 'approve', changes };
}

/** Deny the purchase; the consumer sees the reason (or is sent to `redirectUrl`). */
export function deny(reason: DenyReason): PlaceOrderDecision {
  return { action: 'deny', reason };
}

export interface PlaceOrderRequest {
  authorizationToken: string;
  /** The authorized order: read from Klarna when `verify` is on (the default). */
  order: AuthorizedOrder;
  /** Aborted when the incoming request is. */
  signal: AbortSignal;
}

export type PlaceOrderHandler = (request: PlaceOrderRequest) => PlaceOrderDecision | Promise<PlaceOrderDecision>;

/** What happened, once Klarna has the decision. `placed.outcome` may be `pending`: not a success yet. */
export type PlaceOrderResult =
  | { action: 'approved'; authorizationToken: string; order: OrderToPlace; placed: PlacedOrder }
  | { action: 'denied'; authorizationToken: string; order: AuthorizedOrder; reason: DenyReason };

export interface HandlePlaceOrderOptions {
  client: InstantShoppingClient;
  /** Record the result (store the order; a `pending` one as pending). Awaited before answering. */
  onResult?: ((result: PlaceOrderResult) => void | Promise<void>) | undefined;
  /** Told about every failure (for your logs); the error never holds credentials. */
  onError?: ((error: unknown, stage: PlaceOrderStage) => void) | undefined;
  /** Read the order from Klarna by its token instead of trusting the posted body; default true. */
  verify?: boolean | undefined;
  /**
   * When your handler throws or decides something that cannot be sent (a `deny()` with no valid
   * code, `other` without a message), or Klarna refuses the order or the deny as invalid, the
   * purchase is denied with code `other` and this message, so the consumer is not left waiting.
   * Write it in your shop's language. Default: an English sentence.
   */
  fallbackDenyMessage?: string | undefined;
  /** A callback body larger than this many bytes is refused with 413 before it is parsed; default 1 000 000. */
  maxBodyBytes?: number | undefined;
  /**
   * Where each authorization token's answer is kept, so a repeated delivery of the same callback
   * gets it without running your handler again. Default: one in-memory store for this process;
   * with several backend processes, a shared one (`RedisPlaceOrderStore`).
   */
  store?: PlaceOrderStore | undefined;
  /** How long an answer is kept for repeated deliveries, in ms; default 24 hours. */
  answerTtlMs?: number | undefined;
  /**
   * How long a delivery's claim on its token lasts, in ms; default 60 000. It is renewed while the
   * delivery decides, so it lapses only when the process is gone; a delivery that waits for another
   * one's answer longer than this is answered 503.
   */
  claimTtlMs?: number | undefined;
}

/** The options, by name: only these are read, and only as the merchant's object holds them. */
const OPTION_NAMES = [
  'client', 'onResult', 'onError', 'verify', 'fallbackDenyMessage', 'maxBodyBytes', 'store', 'answerTtlMs', 'claimTtlMs',
] as const;

const defaultStore = new MemoryPlaceOrderStore();
const DEFAULT_ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_CLAIM_TTL_MS = 60_000;

/** Far more than any order Klarna posts, far less than a body meant to exhaust the server. */
export const DEFAULT_MAX_CALLBACK_BYTES = 1_000_000;

/**
 * Where a failure reported to `onError` happened. `internal` is a failure inside this library (a
 * bug, or an API the runtime lacks), reported with the error as it was thrown.
 */
export type PlaceOrderStage = 'callback' | 'verify' | 'handler' | 'place-order' | 'deny' | 'record' | 'internal';

const DEFAULT_FALLBACK_MESSAGE = 'We could not complete your order. No payment has been taken; please try again later.';

/** The answer when the callback could not be handled on this side: nothing was decided; the body names no cause. */
export const NOT_HANDLED = { error: 'the place_order callback could not be handled' };

/** Handles one `place_order` callback and returns the `Response` to send (Klarna ignores its content). */
export async function handlePlaceOrder(
  request: Request,
  handler: PlaceOrderHandler,
  givenOptions: HandlePlaceOrderOptions,
): Promise<Response> {
  const report = errorReporter(givenOptions);
  try {
    return await answerCallback(request, handler, givenOptions, report);
  } catch (error) {
    // A failure inside this library, reported as it was thrown: what to fix is in the error, not in a stage's
    // guess. No answer was kept (a delivery without a decision gives its token up), so a later delivery decides.
    report(error, 'internal');
    return jsonAnswer(500, NOT_HANDLED);
  }
}

/** {@link handlePlaceOrder}'s work; anything it throws is a failure inside this library. */
async function answerCallback(
  request: Request,
  handler: PlaceOrderHandler,
  givenOptions: HandlePlaceOrderOptions,
  report: (error: unknown, stage: PlaceOrderStage) => void,
): Promise<Response> {
  // Read as the merchant's object holds them: an inherited `verify: false` must not turn verification off.
  const options = ownFields(givenOptions, OPTION_NAMES);
  const { client, onResult } = options;
  const verify = options.verify !== false;
  const store = options.store ?? defaultStore;
  const claimTtlMs = positiveOr(options.claimTtlMs, DEFAULT_CLAIM_TTL_MS);
  const answerTtlMs = positiveOr(options.answerTtlMs, DEFAULT_ANSWER_TTL_MS);
  if (request.method.toUpperCase() !== 'POST') return jsonAnswer(405, { error: 'place_order callbacks are POST requests' }, { allow: 'POST' });
  if (request.bodyUsed) {
    // Not the caller's mistake but the route's: something before it (a body parser, a validator) read the body.
    report(new TypeError(BODY_ALREADY_READ), 'callback');
    return jsonAnswer(500, NOT_HANDLED);
  }
  const callback = await readCallback(request, callbackBodyLimit(givenOptions));
  if ('refused' in callback) {
    report(new TypeError(`Invalid place_order callback: ${callback.refused}${callback.detail ? ` (${callback.detail})` : ''}.`), 'callback');
    return jsonAnswer(callback.status, { error: callback.refused });
  }
  const { authorizationToken } = callback;
  let order = callback.order;
  // Another delivery of this callback decided already, or is deciding: its answer is this one's.
  let earlier: StoredPlaceOrderAnswer | undefined;
  try {
    earlier = await firstDeliveryAnswer(store, authorizationToken, claimTtlMs, request.signal);
  } catch (error) {
    // Without the store, a repeated delivery could run the handler twice: Klarna is asked to try later instead.
    report(error, 'record');
    return jsonAnswer(503, { error: 'could not check whether this callback was already handled' }, { 'retry-after': '5' });
  }
  if (earlier) return jsonAnswer(earlier.status, earlier.body, { 'klarna-elements-replay': 'true' });
  const claim = keepClaim(store, authorizationToken, claimTtlMs, (error) => report(error, 'record'));
  let decided: StoredPlaceOrderAnswer | undefined;
  try {
    decided = await decide();
  } finally {
    await recordOutcome(decided, claim.stop());
  }
  return jsonAnswer(decided.status, decided.body);

  /**
   * A final answer (placed, denied) is kept; after an outage the order may not exist yet, so the
   * token is given up and a later delivery decides again. Either is written until the store takes it.
   */
  function recordOutcome(given: StoredPlaceOrderAnswer | undefined, renewalsDone: Promise<void>): Promise<void> {
    const final = given?.status === 200 || given?.status === 500;
    const write = given && final
      ? () => store.settle(authorizationToken, given, answerTtlMs)
      : () => store.release(authorizationToken);
    return writeUntilTaken(write, {
      after: renewalsDone,
      maxPauseMs: Math.max(Math.min(1000, claimTtlMs / 4), 10),
      giveUpAt: Date.now() + answerTtlMs,
      report: (error) => report(error, 'record'),
      what: final ? 'the answer' : 'the release of the token',
    });
  }

  async function decide(): Promise<StoredPlaceOrderAnswer> {
    if (verify) {
      const unverified = await readOrderFromKlarna();
      if (unverified) return unverified;
    }
    let returned: unknown;
    try {
      returned = await handler({ authorizationToken, order, signal: request.signal });
    } catch (error) {
      return fallback('handler', error);
    }
    const decision = readDecision(returned);
    if (decision instanceof KlarnaValidationError) return fallback('handler', decision);
    const told = decision.action === 'deny' ? await denyAtKlarna(decision.reason) : await placeAtKlarna(decision.changes);
    if ('failed' in told) return told.failed;
    const { result } = told;
    try {
      await onResult?.(result);
    } catch (error) {
      report(error, 'record');
    }
    if (result.action === 'denied') return outcome(200, { outcome: 'denied' });
    return outcome(200, { outcome: result.placed.outcome, order_id: result.placed.orderId });
  }

  /** Takes the order from Klarna rather than from the callback; when that fails, the answer to send. */
  async function readOrderFromKlarna(): Promise<StoredPlaceOrderAnswer | undefined> {
    try {
      order = await client.getAuthorization(authorizationToken, { signal: request.signal });
      return undefined;
    } catch (error) {
      // The token passed the client's own checks when the callback was read: a call refused before the
      // network (a KlarnaValidationError) is this library's failure, not a forged token.
      if (!isKlarnaApiError(error)) throw error;
      report(error, 'verify');
      // A token Klarna refuses is the caller's mistake (4xx), not Klarna's.
      const unknown = error.status === 404 || error.status === 403;
      return outcome(unknown ? 400 : 502, { error: unknown ? 'Klarna does not know this authorization token' : 'could not read the authorization from Klarna' });
    }
  }

  async function denyAtKlarna(reason: DenyReason): Promise<ToldKlarna> {
    try {
      await client.denyAuthorization(authorizationToken, reason);
    } catch (error) {
      if (!isKlarnaFailure(error)) throw error;
      // A deny Klarna refuses as invalid is the handler's mistake: the fallback deny still reaches the consumer.
      if (refusedAsInvalid(error)) {
        return { failed: await fallback('deny', error) };
      }
      report(error, 'deny');
      return { failed: outcome(502, { error: 'could not deny the order at Klarna' }) };
    }
    return { result: { action: 'denied', authorizationToken, order, reason } };
  }

  async function placeAtKlarna(changes: Partial<OrderToPlace>): Promise<ToldKlarna> {
    const toPlace = { ...order, ...changes };
    try {
      return { result: { action: 'approved', authorizationToken, order: toPlace, placed: await client.placeOrder(authorizationToken, toPlace) } };
    } catch (error) {
      if (!isKlarnaFailure(error)) throw error;
      // An order Klarna refused as invalid is denied; after a timeout or outage it may exist, so it is left alone.
      if (refusedAsInvalid(error)) {
        return { failed: await fallback('place-order', error) };
      }
      report(error, 'place-order');
      return { failed: outcome(502, { error: 'could not place the order at Klarna' }) };
    }
  }

  /** Denies the order at Klarna when it cannot be carried out as decided (a failed handler, an invalid order or deny). */
  async function fallback(stage: FallbackStage, error: unknown): Promise<StoredPlaceOrderAnswer> {
    report(error, stage);
    const reason: DenyReason = { code: 'other', message: fallbackMessage() };
    try {
      await client.denyAuthorization(authorizationToken, reason);
    } catch (denyError) {
      if (!isKlarnaFailure(denyError)) throw denyError;
      // Not denied after all: no final answer, so a later delivery tries again.
      report(denyError, 'deny');
      return outcome(502, { error: 'could not deny the order at Klarna' });
    }
    return outcome(500, { error: `the order was denied because ${FALLBACK_CAUSES[stage]}` });
  }

  /** The merchant's fallback message; the default when it could not be sent (not a non-empty string), with a report. */
  function fallbackMessage(): string {
    const message = options.fallbackDenyMessage;
    if (message === undefined) return DEFAULT_FALLBACK_MESSAGE;
    const problem = nonEmpty('fallbackDenyMessage', message);
    if (problem === undefined) return message;
    report(new KlarnaValidationError('handlePlaceOrder', [`${problem}: the default message was sent instead`]), 'deny');
    return DEFAULT_FALLBACK_MESSAGE;
  }
}

/** The most bytes a callback body may have: the merchant's own `maxBodyBytes`, else 1 MB. */
export function callbackBodyLimit(options: HandlePlaceOrderOptions): number {
  return positiveOr(ownValue(options, 'maxBodyBytes'), DEFAULT_MAX_CALLBACK_BYTES);
}


/**
 * How a call to Klarna is expected to fail: Klarna refused it or could not be reached, or it was
 * refused before the network. Anything else was thrown inside this library, and is not Klarna's.
 */
function isKlarnaFailure(error: unknown): boolean {
  return isKlarnaApiError(error) || isKlarnaValidationError(error);
}

/**
 * A call that can never succeed as it is: refused before the network, or by Klarna as invalid
 * (400 `BAD_VALUE`, or 422). Unlike a timeout or an outage, nothing happened at Klarna.
 */
function refusedAsInvalid(error: unknown): boolean {
  return isKlarnaValidationError(error) || (isKlarnaApiError(error) && (error.status === 400 || error.status === 422));
}

/** What the handler decided, once Klarna has it; or, when Klarna could not be told, the answer to send. */
type ToldKlarna = { result: PlaceOrderResult } | { failed: StoredPlaceOrderAnswer };

/** The stages after which the fallback deny is sent, and how the answer words each cause. */
type FallbackStage = 'handler' | 'place-order' | 'deny';
const FALLBACK_CAUSES: Record<FallbackStage, string> = {
  handler: 'the merchant\'s handler failed',
  'place-order': 'the order was invalid',
  deny: 'the handler\'s deny was refused as invalid',
};

/** The merchant's own `onError`, made safe to call anywhere (see {@link safeReporter}). */
export function errorReporter(options: HandlePlaceOrderOptions): (error: unknown, stage: PlaceOrderStage) => void {
  return safeReporter<PlaceOrderStage>(ownValue(options, 'onError'));
}

/**
 * The handler's decision, read by its own fields (what `approve()` and `deny()` build), or what
 * makes it one that cannot be carried out. Such a mistake gets the fallback deny, like a throw.
 */
function readDecision(returned: unknown): PlaceOrderDecision | KlarnaValidationError {
  const action = ownValue(returned, 'action');
  if (action === 'deny') {
    const reason = ownValue(returned, 'reason') as DenyReason;
    const problems = denyProblems(reason);
    return problems.length ? new KlarnaValidationError('The place_order handler\'s deny(…)', problems) : { action, reason };
  }
  if (action === 'approve') {
    const changes = ownValue(returned, 'changes') ?? {};
    if (isRecord(changes)) return { action, changes };
    return new KlarnaValidationError('The place_order handler\'s approve(…)', ['changes must be an object of the order\'s fields']);
  }
  return new KlarnaValidationError('The place_order handler', ['it must return approve(…) or deny(…)']);
}

/** The callback's body, read by its own fields, or why it is refused and with which status. */
async function readCallback(
  request: Request,
  maxBytes: number,
): Promise<{ authorizationToken: string; order: AuthorizedOrder } | BodyRefusal> {
  const read = await readJsonText(request, maxBytes);
  if ('refused' in read) return read;
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return { status: 400, refused: 'the body is not JSON' };
  }
  // Own fields only: with a polluted Object.prototype, `{}` would otherwise carry a token and an order.
  const token = ownValue(body, 'authorization_token');
  const order = ownValue(body, 'order');
  if (typeof token !== 'string' || !token.trim()) return { status: 400, refused: 'authorization_token is missing' };
  // It goes into request paths and a header: `..` would reach another endpoint with the merchant's
  // credentials, and a lone surrogate cannot be sent at all.
  const tokenProblem = pathIdProblem('authorization_token', token);
  if (tokenProblem) return { status: 400, refused: 'authorization_token is not a token Klarna issues', detail: tokenProblem };
  if (typeof order !== 'object' || order === null) return { status: 400, refused: 'order is missing' };
  return { authorizationToken: token, order: order as AuthorizedOrder };
}

/** What `onError` is told when the route hands over a request whose body something else read first. */
export const BODY_ALREADY_READ =
  'The place_order callback\'s body was already read before handlePlaceOrder (by a body parser or a validator ' +
  'before the route), so there is nothing left to read: give handlePlaceOrder the request as it arrived ' +
  '(Hono: c.req.raw, with no c.req.json() before it).';

const outcome = (status: number, body: Record<string, unknown>): StoredPlaceOrderAnswer => ({ status, body });

