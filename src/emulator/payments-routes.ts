/**
 * Klarna Payments' authorization endpoints on the emulator, where an Express Checkout purchase is
 * completed: `POST /payments/v1/authorizations/{token}/order` and `DELETE
 * /payments/v1/authorizations/{token}`, behind HTTP Basic authentication, with Klarna's REST error
 * body. (The control routes that issue tokens are in `express-checkout-control-routes.ts`.)
 *
 * What the emulator chooses where Klarna does not document it:
 * - an unknown or expired token is 404 `NOT_FOUND`;
 * - a token already turned into an order, or cancelled, is 409 `NOT_ALLOWED` (Klarna documents a
 *   token as single-use, not the status of a second use); a repeat with the same
 *   `Klarna-Idempotency-Key` as the order's gets that order again (200), as Klarna's order
 *   management API does;
 * - cancelling twice is 204 again (DELETE is idempotent); cancelling a token with an order is 409;
 * - an order for another amount or currency than the token was issued for is 400 `BAD_VALUE`;
 * - `redirect_url` is the order's `merchant_urls.confirmation`, when it gives one.
 */
import { randomUUID } from 'node:crypto';
import { isRecord } from '../core/json.js';
import type { EmulatorConfig } from './config.js';
import type { RequestContext, Route } from './context.js';
import type { ExpressCheckoutEmulation, StoredPaymentToken, StoredPaymentsOrder } from './express-checkout-state.js';
import { readJsonBody, restErrorCode, type JsonBodyOptions } from './json-body.js';
import { authenticateMerchant } from './merchant-auth.js';

const AUTHORIZATION = /^\/payments\/v1\/authorizations\/(?<token>[^/]+)$/;
const ORDER = /^\/payments\/v1\/authorizations\/(?<token>[^/]+)\/order$/;

type Json = Record<string, unknown>;

export function paymentsRoutes(getConfig: () => EmulatorConfig, state: ExpressCheckoutEmulation): Route[] {
  const authorized = (handle: (context: RequestContext) => void | Promise<void>) => async (context: RequestContext) => {
    if (authenticateMerchant(context, getConfig().payments.credentials) !== undefined) await handle(context);
  };
  return [
    { method: 'POST', path: ORDER, handle: authorized((context) => createOrder(context, state, getConfig())) },
    { method: 'DELETE', path: AUTHORIZATION, handle: authorized((context) => cancel(context, state)) },
  ];
}

/** The body as a JSON object; otherwise answers the refusal in Klarna's REST error body and returns `undefined`. */
async function readJson(context: RequestContext, options: JsonBodyOptions = {}): Promise<Json | undefined> {
  const read = await readJsonBody(context, options);
  if ('body' in read) return read.body;
  context.error(read.refused.status, restErrorCode(read.refused), read.refused.message);
  return undefined;
}

/** The token the path names, while it can still be used; otherwise answers 404 and returns `undefined`. */
function liveToken(context: RequestContext, state: ExpressCheckoutEmulation): StoredPaymentToken | undefined {
  const token = state.tokens.get(context.params.token ?? '');
  if (token && Date.parse(token.expires_at) > Date.now()) return token;
  context.error(404, 'NOT_FOUND', token ? 'The authorization token has expired.' : 'Invalid authorization token.');
  return undefined;
}

async function createOrder(
  context: RequestContext,
  state: ExpressCheckoutEmulation,
  config: EmulatorConfig,
): Promise<void> {
  const order = await readJson(context);
  if (!order) return;
  const token = liveToken(context, state);
  if (!token) return;
  const idempotencyKey = context.header('klarna-idempotency-key');
  // A retry with the order's idempotency key gets that order, not a refusal.
  if (token.order && idempotencyKey && token.idempotencyKey === idempotencyKey) {
    return context.json(200, createdAnswer(token.order));
  }
  if (token.state !== 'authorized') {
    return context.error(409, 'NOT_ALLOWED', token.state === 'ordered' ? 'An order was already created with this authorization token.' : 'The authorization was cancelled.');
  }
  const problems = [...orderProblems(order), ...purchaseProblems(order, token)];
  if (problems.length) return context.json(400, { error_code: 'BAD_VALUE', error_messages: problems, correlation_id: context.correlationId });
  const urls = isRecord(order.merchant_urls) ? order.merchant_urls : {};
  const created: StoredPaymentsOrder = {
    order_id: randomUUID(),
    authorization_token: token.payment_token,
    payment_request_id: token.payment_request_id,
    fraud_status: config.payments.fraudStatus,
    redirect_url: typeof urls.confirmation === 'string' ? urls.confirmation : undefined,
    created_at: new Date().toISOString(),
    order,
  };
  Object.assign(token, { state: 'ordered', order: created, idempotencyKey });
  state.orders.push(created);
  context.json(200, createdAnswer(created));
}

function createdAnswer(order: StoredPaymentsOrder): Json {
  return {
    order_id: order.order_id,
    ...(order.redirect_url !== undefined && { redirect_url: order.redirect_url }),
    fraud_status: order.fraud_status,
    authorized_payment_method: { type: 'invoice', number_of_days: 30 },
  };
}

function cancel(context: RequestContext, state: ExpressCheckoutEmulation): void {
  const token = liveToken(context, state);
  if (!token) return;
  if (token.state === 'ordered') return context.error(409, 'NOT_ALLOWED', 'An order was created with this authorization: cancel the order instead.');
  token.state = 'cancelled';
  context.send(204, undefined);
}

/** Klarna's checks on a create-order body, each as `Bad value: <field>` (the emulator keeps its own checks). */
function orderProblems(order: Json): string[] {
  const bad = (field: string) => `Bad value: ${field}`;
  const problems: string[] = [];
  if (typeof order.purchase_country !== 'string' || !/^[A-Za-z]{2}$/.test(order.purchase_country)) problems.push(bad('purchase_country'));
  if (typeof order.purchase_currency !== 'string' || !/^[A-Za-z]{3}$/.test(order.purchase_currency)) problems.push(bad('purchase_currency'));
  if (typeof order.locale !== 'string' || !order.locale) problems.push(bad('locale'));
  const lines = order.order_lines;
  if (!Array.isArray(lines) || lines.length === 0) return [...problems, bad('order_lines')];
  lines.forEach((line: unknown, index) => problems.push(...lineProblems(line, `order_lines[${index}]`)));
  if (problems.length) return problems;
  const sum = (field: string) =>
    (lines as Json[]).reduce((total, line) => total + ((line[field] as number | undefined) ?? 0), 0);
  if (!Number.isSafeInteger(order.order_amount) || order.order_amount !== sum('total_amount')) problems.push(bad('order_amount'));
  const tax = order.order_tax_amount ?? 0;
  if (!Number.isSafeInteger(tax) || tax !== sum('total_tax_amount')) problems.push(bad('order_tax_amount'));
  return problems;
}

function lineProblems(line: unknown, name: string): string[] {
  if (!isRecord(line)) return [`Bad value: ${name}`];
  const problems = typeof line.name === 'string' && line.name ? [] : [`Bad value: ${name}.name`];
  for (const field of ['quantity', 'unit_price', 'total_amount']) {
    if (!Number.isSafeInteger(line[field])) problems.push(`Bad value: ${name}.${field}`);
  }
  for (const field of ['total_tax_amount', 'total_discount_amount', 'tax_rate']) {
    if (line[field] !== undefined && !Number.isSafeInteger(line[field])) problems.push(`Bad value: ${name}.${field}`);
  }
  return problems;
}

/** The order against what the consumer approved: the token's currency and amount, when it was issued with them. */
function purchaseProblems(order: Json, token: StoredPaymentToken): string[] {
  const problems: string[] = [];
  if (token.purchase_currency !== undefined && order.purchase_currency !== token.purchase_currency) {
    problems.push(`Bad value: purchase_currency (the consumer approved a purchase in ${token.purchase_currency})`);
  }
  if (token.order_amount !== undefined && order.order_amount !== token.order_amount) {
    problems.push(`Bad value: order_amount (the consumer approved ${token.order_amount})`);
  }
  return problems;
}
