/**
 * Instant Shopping on the emulator: the SDK stand-in at Klarna's `lib.js` path; the endpoint its
 * purchase dialog posts to, which authorizes the purchase, posts the `place_order` callback to the
 * merchant and waits for the merchant's decision; and Klarna's REST API for button keys,
 * authorizations and orders, behind HTTP Basic authentication.
 */
import { randomUUID } from 'node:crypto';
import { INSTANT_SHOPPING_SDK_PATH, isLoopbackHostname } from '../core/endpoints.js';
import { isRecord } from '../core/json.js';
import type { EmulatorConfig, FraudRule } from './config.js';
import type { RequestContext, Route } from './context.js';
import { EMULATED_PURCHASE_PATH } from './constants.js';
import { emulatedSdkSource } from './emulated-sdk.js';
import { readJsonBody, restErrorCode, type JsonBodyOptions } from './json-body.js';
import { authenticateMerchant } from './merchant-auth.js';
import type { FraudStatus } from '../protocol/instant-shopping-rest.js';
import { DENY_CODES, type InstantShoppingState, type MerchantDecision, type StoredAuthorization, type StoredButtonKey } from './instant-shopping-state.js';

const BUTTONS = '/instantshopping/v1/buttons';
const BUTTON = /^\/instantshopping\/v1\/buttons\/(?<key>[^/]+)$/;
const AUTHORIZATION = /^\/instantshopping\/v1\/authorizations\/(?<token>[^/]+)$/;
const ORDERS = /^\/instantshopping\/v1\/authorizations\/(?<token>[^/]+)\/orders$/;
const MAX_URL_LENGTH = 2000;
const CALLBACK_TIMEOUT_MS = 10_000;

type Json = Record<string, unknown>;

/** A REST handler, called once the caller's credentials are checked, with their API username. */
type AuthorizedHandler = (context: RequestContext, username: string) => void | Promise<void>;

export function instantShoppingRoutes(getConfig: () => EmulatorConfig, state: InstantShoppingState): Route[] {
  const authorized = (handle: AuthorizedHandler) => async (context: RequestContext) => {
    const username = authenticateMerchant(context, getConfig().instantShopping.credentials);
    if (username !== undefined) await handle(context, username);
  };
  return [
    { method: 'GET', path: INSTANT_SHOPPING_SDK_PATH, handle: (context) => serveSdk(context, getConfig()) },
    { method: 'POST', path: EMULATED_PURCHASE_PATH, handle: (context) => purchase(context, state, getConfig()) },
    { method: 'POST', path: BUTTONS, handle: authorized((context, username) => createButtonKey(context, state, username)) },
    { method: 'GET', path: BUTTON, handle: authorized((context, username) => withButtonKey(context, state, username, (key) => context.json(200, { button_key: key.key, ...key.setup }))) },
    { method: 'PUT', path: BUTTON, handle: authorized((context, username) => updateButtonKey(context, state, username)) },
    { method: 'GET', path: AUTHORIZATION, handle: authorized((context) => withAuthorization(context, state, (authorization) => context.json(200, authorization.order))) },
    { method: 'DELETE', path: AUTHORIZATION, handle: authorized((context) => deny(context, state)) },
    { method: 'POST', path: ORDERS, handle: authorized((context) => placeOrder(context, state, getConfig())) },
  ];
}

async function serveSdk(context: RequestContext, config: EmulatorConfig): Promise<void> {
  const source = await emulatedSdkSource({ baseUrl: context.origin, markets: config.instantShopping.markets });
  // Klarna's CDN lets browsers keep lib.js; the emulator's reflects its config, so it is revalidated.
  context.send(200, source, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
}

/** The body as a JSON object; otherwise answers the refusal in Klarna's REST error body and returns `undefined`. */
async function readJson(context: RequestContext, options: JsonBodyOptions = {}): Promise<Json | undefined> {
  const read = await readJsonBody(context, options);
  if ('body' in read) return read.body;
  context.error(read.refused.status, restErrorCode(read.refused), read.refused.message);
  return undefined;
}

// ── button keys ───────────────────────────────────────────────────────────────────────────────

/**
 * Klarna requires https for `place_order`; the emulator also takes http on loopback hosts, where a
 * merchant's development backend runs.
 */
function placeOrderProblem(setup: Json): string | undefined {
  const urls = setup.merchant_urls as Json | undefined;
  const value = urls?.place_order;
  if (typeof value !== 'string' || !value) return 'merchant_urls.place_order is required';
  if (value.length > MAX_URL_LENGTH) return `merchant_urls.place_order must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'merchant_urls.place_order must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHostname(url.hostname))) return 'merchant_urls.place_order must use https';
  return undefined;
}

async function createButtonKey(context: RequestContext, state: InstantShoppingState, username: string): Promise<void> {
  const setup = await readJson(context);
  if (!setup) return;
  const problem = placeOrderProblem(setup);
  if (problem) return context.error(400, 'BAD_VALUE', problem);
  const key = state.addButtonKey(username, setup);
  context.json(201, { button_key: key.key, ...setup }, { location: `${BUTTONS}/${key.key}` });
}

function withButtonKey(
  context: RequestContext,
  state: InstantShoppingState,
  username: string,
  handle: (key: StoredButtonKey) => void,
): void {
  const key = state.buttonKeys.get(context.params.key ?? '');
  if (!key) return context.error(404, 'NOT_FOUND', 'No button key with this id.');
  if (key.owner !== username) return context.error(403, 'FORBIDDEN', 'This button key belongs to another merchant.');
  handle(key);
}

async function updateButtonKey(context: RequestContext, state: InstantShoppingState, username: string): Promise<void> {
  const setup = await readJson(context);
  if (!setup) return;
  withButtonKey(context, state, username, (key) => {
    // Without a prototype, as the bodies it merges: a key neither gave reads as undefined.
    const merged = Object.assign(Object.create(null) as Json, key.setup, setup);
    const problem = placeOrderProblem(merged);
    if (problem) return context.error(400, 'BAD_VALUE', problem);
    key.setup = merged;
    context.json(200, { button_key: key.key, ...merged });
  });
}

// ── authorizations and orders ─────────────────────────────────────────────────────────────────

function withAuthorization(
  context: RequestContext,
  state: InstantShoppingState,
  handle: (authorization: StoredAuthorization) => void,
): void {
  const authorization = state.authorizations.get(context.params.token ?? '');
  if (!authorization) return context.error(404, 'NOT_FOUND', 'The authorization token does not correspond to an authorized order.');
  handle(authorization);
}

async function deny(context: RequestContext, state: InstantShoppingState): Promise<void> {
  const body = await readJson(context, { optional: true });
  if (!body) return;
  withAuthorization(context, state, (authorization) => {
    if (authorization.decision) return context.error(403, 'FORBIDDEN', 'This authorization was already used to place or deny an order.');
    const { deny_code: code, deny_message: message, deny_redirect_url: redirect } = body;
    if (code !== undefined && !DENY_CODES.includes(code as never)) return context.error(400, 'BAD_VALUE', `deny_code must be one of ${DENY_CODES.join(', ')}`);
    if (redirect !== undefined && (code !== undefined || message !== undefined)) return context.error(400, 'BAD_VALUE', 'deny_redirect_url goes alone, without deny_code or deny_message');
    if (message !== undefined && typeof message !== 'string') return context.error(400, 'BAD_VALUE', 'deny_message must be a string');
    state.decide(authorization, {
      outcome: 'denied',
      ...(typeof code === 'string' && { denyCode: code }),
      ...(typeof message === 'string' && { denyMessage: message }),
      ...(typeof redirect === 'string' && { denyRedirectUrl: redirect }),
    });
    context.send(204, undefined);
  });
}

async function placeOrder(context: RequestContext, state: InstantShoppingState, config: EmulatorConfig): Promise<void> {
  const order = await readJson(context);
  if (!order) return;
  withAuthorization(context, state, (authorization) => {
    const idempotencyKey = context.header('klarna-idempotency-key');
    const previous = authorization.decision;
    // A retry with the same idempotency key gets the order it created, not a second one.
    if (previous?.outcome === 'approved' && idempotencyKey && authorization.idempotencyKey === idempotencyKey) {
      return context.json(200, { order_id: previous.orderId, fraud_status: previous.fraudStatus });
    }
    if (previous) return context.error(403, 'FORBIDDEN', 'This authorization was already used to place or deny an order.');
    const problem = orderProblem(order);
    // Klarna's Instant Shopping orders API answers with this older error body, as its docs show.
    if (problem) return context.json(400, { error_code: 'bad_value', error_message: `bad_value:${problem}`, correlation_id: context.correlationId });
    // Klarna's docs: a confirmation URL given with the order overrides the button key's.
    const orderUrls = order.merchant_urls as Json | undefined;
    const buttonKeyUrls = state.buttonKeys.get(authorization.buttonKey)?.setup.merchant_urls as Json | undefined;
    const confirmationUrl = [orderUrls?.confirmation, buttonKeyUrls?.confirmation].find((url): url is string => typeof url === 'string');
    const decision: MerchantDecision = { outcome: 'approved', orderId: randomUUID(), fraudStatus: fraudStatusOf(order, config), confirmationUrl };
    authorization.idempotencyKey = idempotencyKey;
    state.decide(authorization, decision);
    context.json(200, { order_id: decision.orderId, fraud_status: decision.fraudStatus });
  });
}

function orderProblem(order: Json): string | undefined {
  for (const field of ['purchase_country', 'purchase_currency', 'locale']) if (typeof order[field] !== 'string') return field;
  if (!Array.isArray(order.order_lines) || order.order_lines.length === 0) return 'order_lines';
  const lines = order.order_lines as unknown[];
  const isLine = (line: unknown): line is Json =>
    isRecord(line) && Number.isSafeInteger(line.total_amount) && Number.isSafeInteger(line.total_tax_amount ?? 0);
  if (!lines.every(isLine)) return 'order_lines';
  const linesTotal = lines.reduce((sum, line) => sum + (line.total_amount as number), 0);
  if (!Number.isSafeInteger(order.order_amount) || order.order_amount !== linesTotal) return 'order_amount';
  if (!Number.isSafeInteger(order.order_tax_amount ?? 0)) return 'order_tax_amount';
  return undefined;
}

function fraudStatusOf(order: Json, config: EmulatorConfig): FraudStatus {
  const amount = order.order_amount as number;
  const billing = isRecord(order.billing_address) ? order.billing_address : undefined;
  const matches = (rule: FraudRule) =>
    (rule.minOrderAmount === undefined || amount >= rule.minOrderAmount) &&
    (rule.maxOrderAmount === undefined || amount <= rule.maxOrderAmount) &&
    (rule.postalCode === undefined || billing?.postal_code === rule.postalCode) &&
    (rule.email === undefined || billing?.email === rule.email);
  return config.instantShopping.fraudRules.find(matches)?.status ?? config.instantShopping.fraudStatus;
}

// ── the emulated dialog's purchase ────────────────────────────────────────────────────────────

/**
 * Authorizes the purchase and, when the button key is registered here with a `place_order` URL,
 * posts `{ authorization_token, order }` there (Klarna ignores the merchant's answer) and waits for
 * the merchant to place or deny the order through the REST API. The dialog shows the outcome.
 */
async function purchase(context: RequestContext, state: InstantShoppingState, config: EmulatorConfig): Promise<void> {
  const body = await readJson(context, { plainTextToo: true });
  if (!body) return;
  if (typeof body.button_key !== 'string' || typeof body.order !== 'object' || body.order === null) {
    return context.error(400, 'BAD_VALUE', 'A purchase needs button_key and order.');
  }
  const authorization = state.authorize(body.button_key, body.order as Json);
  const token = authorization.token;
  const placeOrderUrl = (state.buttonKeys.get(body.button_key)?.setup.merchant_urls as Json | undefined)?.place_order;
  if (typeof placeOrderUrl !== 'string') {
    return context.json(201, { authorization_token: token, outcome: 'authorized', note: 'the button key is not registered with this emulator, so no place_order callback was sent' });
  }
  const callbackFailed = fetch(placeOrderUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'klarna-elements-emulator' },
    body: JSON.stringify({ authorization_token: token, order: authorization.order }),
    signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
  }).then(() => new Promise<never>(() => undefined), (error: Error) => error);
  const decided = state.decision(authorization, config.instantShopping.decisionTimeoutMs);
  const result = await Promise.race([decided, callbackFailed]);
  if (result instanceof Error) {
    return context.json(201, { authorization_token: token, outcome: 'failed', note: `the place_order callback to ${placeOrderUrl} failed: ${result.message}` });
  }
  if (!result) return context.json(201, { authorization_token: token, outcome: 'failed', note: 'the merchant neither placed nor denied the order in time' });
  if (result.outcome === 'denied') {
    return context.json(201, { authorization_token: token, outcome: 'denied', deny_code: result.denyCode, deny_message: result.denyMessage, deny_redirect_url: result.denyRedirectUrl });
  }
  context.json(201, { authorization_token: token, outcome: 'approved', order_id: result.orderId, fraud_status: result.fraudStatus, confirmation_url: result.confirmationUrl });
}
