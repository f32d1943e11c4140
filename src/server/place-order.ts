/**
 * The merchant's side of a purchase: Klarna posts `{ authorization_token, order }` to
 * `merchant_urls.place_order`; the merchant checks stock, address, prices, and either places the
 * order or denies it through the API. `handlePlaceOrder` does the plumbing around that decision.
 *
 * The callback is not signed, so anyone could post one. By default the order is therefore read
 * back from Klarna by its token (`verify`), and a token Klarna does not know is refused.
 */
import { isKlarnaApiError } from './api-error.js';
import type { InstantShoppingClient } from './instant-shopping-client.js';
import type { AuthorizedOrder } from '../protocol/instant-shopping-rest.js';
import type { DenyReason, OrderToPlace, PlacedOrder } from './purchase-decisions.js';
import { isKlarnaValidationError, pathIdProblem } from './validation.js';
import { MemoryPlaceOrderStore, type PlaceOrderStore, type StoredPlaceOrderAnswer } from './place-order-store.js';
import { wait } from '../core/wait.js';

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
   * When your handler throws, or Klarna refuses the order as invalid, the purchase is denied with
   * code `other` and this message, so the consumer is not left waiting. Write it in your shop's
   * language. Default: an English sentence.
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
  /** How long a delivery may hold its token while it runs (a crashed process's claim then lapses), in ms; default 60 000. */
  claimTtlMs?: number | undefined;
}

const defaultStore = new MemoryPlaceOrderStore();
const DEFAULT_ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_CLAIM_TTL_MS = 60_000;

/** Far more than any order Klarna posts, far less than a body meant to exhaust the server. */
export const DEFAULT_MAX_CALLBACK_BYTES = 1_000_000;

export type PlaceOrderStage = 'callback' | 'verify' | 'handler' | 'place-order' | 'deny' | 'record';

const DEFAULT_FALLBACK_MESSAGE = 'We could not complete your order. No payment has been taken; please try again later.';

/** Handles one `place_order` callback and returns the `Response` to send (Klarna ignores its content). */
export async function handlePlaceOrder(
  request: Request,
  handler: PlaceOrderHandler,
  options: HandlePlaceOrderOptions,
): Promise<Response> {
  const { client, verify = true, onError } = options;
  if (request.method.toUpperCase() !== 'POST') return answer(405, { error: 'place_order callbacks are POST requests' }, { allow: 'POST' });
  const callback = await readCallback(request, options.maxBodyBytes ?? DEFAULT_MAX_CALLBACK_BYTES);
  if ('refused' in callback) {
    onError?.(new TypeError(`Invalid place_order callback: ${callback.refused}.`), 'callback');
    return answer(callback.status, { error: callback.refused });
  }
  const { authorization_token: authorizationToken } = callback;
  let order = callback.order;
  const store = options.store ?? defaultStore;
  const claimTtlMs = options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS;
  // Another delivery of this callback decided already, or is deciding: its answer is this one's.
  let earlier: StoredPlaceOrderAnswer | undefined;
  try {
    earlier = await firstDeliveryAnswer(store, authorizationToken, claimTtlMs, request.signal);
  } catch (error) {
    // Without the store, a repeated delivery could run the handler twice: Klarna is asked to try later instead.
    onError?.(error, 'record');
    return answer(503, { error: 'could not check whether this callback was already handled' }, { 'retry-after': '5' });
  }
  if (earlier) return answer(earlier.status, earlier.body, { 'klarna-elements-replay': 'true' });
  let decided: StoredPlaceOrderAnswer | undefined;
  try {
    decided = await decide();
  } finally {
    // A final answer (placed, denied) is kept; after an outage the order may not exist yet, so a later delivery decides again.
    const kept = decided && (decided.status === 200 || decided.status === 500)
      ? store.settle(authorizationToken, decided, options.answerTtlMs ?? DEFAULT_ANSWER_TTL_MS)
      : store.release(authorizationToken);
    await kept.catch((error: unknown) => onError?.(error, 'record'));
  }
  return answer(decided.status, decided.body);

  async function decide(): Promise<StoredPlaceOrderAnswer> {
    if (verify) {
      const unverified = await readOrderFromKlarna();
      if (unverified) return unverified;
    }
    let decision: PlaceOrderDecision;
    try {
      decision = await handler({ authorizationToken, order, signal: request.signal });
      if (decision?.action !== 'approve' && decision?.action !== 'deny') throw new TypeError('The place_order handler must return approve(…) or deny(…).');
    } catch (error) {
      return fallback('handler', error);
    }
    const told = decision.action === 'deny' ? await denyAtKlarna(decision.reason) : await placeAtKlarna(decision.changes);
    if ('failed' in told) return told.failed;
    const { result } = told;
    try {
      await options.onResult?.(result);
    } catch (error) {
      onError?.(error, 'record');
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
      onError?.(error, 'verify');
      const unknown = isKlarnaApiError(error) && (error.status === 404 || error.status === 403);
      return outcome(unknown ? 400 : 502, { error: unknown ? 'Klarna does not know this authorization token' : 'could not read the authorization from Klarna' });
    }
  }

  async function denyAtKlarna(reason: DenyReason): Promise<ToldKlarna> {
    try {
      await client.denyAuthorization(authorizationToken, reason);
    } catch (error) {
      onError?.(error, 'deny');
      return { failed: outcome(502, { error: 'could not deny the order at Klarna' }) };
    }
    return { result: { action: 'denied', authorizationToken, order, reason } };
  }

  async function placeAtKlarna(changes: Partial<OrderToPlace>): Promise<ToldKlarna> {
    const toPlace = { ...order, ...changes };
    try {
      return { result: { action: 'approved', authorizationToken, order: toPlace, placed: await client.placeOrder(authorizationToken, toPlace) } };
    } catch (error) {
      // An order Klarna refused as invalid is denied; after a timeout or outage it may exist, so it is left alone.
      if (isKlarnaValidationError(error) || (isKlarnaApiError(error) && error.status === 400)) {
        return { failed: await fallback('place-order', error) };
      }
      onError?.(error, 'place-order');
      return { failed: outcome(502, { error: 'could not place the order at Klarna' }) };
    }
  }

  /** Denies the order at Klarna when it cannot be carried out as decided (a failed handler, an invalid order). */
  async function fallback(stage: PlaceOrderStage, error: unknown): Promise<StoredPlaceOrderAnswer> {
    onError?.(error, stage);
    const reason: DenyReason = { code: 'other', message: options.fallbackDenyMessage ?? DEFAULT_FALLBACK_MESSAGE };
    try {
      await client.denyAuthorization(authorizationToken, reason);
    } catch (denyError) {
      // Not denied after all: no final answer, so a later delivery tries again.
      onError?.(denyError, 'deny');
      return outcome(502, { error: 'could not deny the order at Klarna' });
    }
    return outcome(500, { error: `the order was denied because the ${stage === 'handler' ? 'merchant\'s handler failed' : 'order was invalid'}` });
  }
}

/** What the handler decided, once Klarna has it; or, when Klarna could not be told, the answer to send. */
type ToldKlarna = { result: PlaceOrderResult } | { failed: StoredPlaceOrderAnswer };

/** The callback's body, or why it is refused and with which status. */
async function readCallback(
  request: Request,
  maxBytes: number,
): Promise<{ authorization_token: string; order: AuthorizedOrder } | { status: number; refused: string }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) return { status: 415, refused: 'the body must be JSON (content-type: application/json)' };
  if (Number(request.headers.get('content-length')) > maxBytes) return { status: 413, refused: `the body is larger than ${maxBytes} bytes` };
  const text = await readText(request, maxBytes);
  if (text === undefined) return { status: 413, refused: `the body is larger than ${maxBytes} bytes` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { status: 400, refused: 'the body is not JSON' };
  }
  const { authorization_token: token, order } = (body ?? {}) as Record<string, unknown>;
  if (typeof token !== 'string' || !token.trim()) return { status: 400, refused: 'authorization_token is missing' };
  // It goes into request paths: `..` would reach another endpoint with the merchant's credentials.
  if (pathIdProblem('authorization_token', token)) return { status: 400, refused: 'authorization_token is not a token Klarna issues' };
  if (typeof order !== 'object' || order === null) return { status: 400, refused: 'order is missing' };
  return { authorization_token: token, order: order as AuthorizedOrder };
}

/** The body as text, or `undefined` once it passes `maxBytes` (reading stops there). */
async function readText(request: Request, maxBytes: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(read.value, { stream: true });
  }
  return text + decoder.decode();
}

const outcome = (status: number, body: Record<string, unknown>): StoredPlaceOrderAnswer => ({ status, body });

/**
 * The answer of an earlier delivery of the same callback, waited for while it runs; `undefined`
 * when this delivery has claimed the token and decides. A delivery that waits longer than a claim
 * lasts is answered 503, so that Klarna tries again later.
 */
async function firstDeliveryAnswer(
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
    if (Date.now() - started > claimTtlMs) return outcome(503, { error: 'another delivery of this callback is still being handled' });
    await wait(delay, signal);
  }
}

function answer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
