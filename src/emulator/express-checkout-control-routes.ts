/**
 * The emulator's control routes for Express Checkout (`/__emulator/express-checkout/…`), not
 * Klarna's: issue a payment token as an approved purchase would, deliver the
 * `payment.request.state-change.completed` webhook, and list the orders created.
 */
import { isRecord } from '../core/json.js';
import type { RequestContext, Route } from './context.js';
import type { ExpressCheckoutEmulation, PaymentTokenInit } from './express-checkout-state.js';
import { readJsonBody, restErrorCode, type JsonBodyOptions } from './json-body.js';

type Json = Record<string, unknown>;

export function expressCheckoutControlRoutes(state: ExpressCheckoutEmulation): Route[] {
  return [
    {
      method: 'POST',
      path: '/__emulator/express-checkout/payment-tokens',
      handle: async (context) => {
        const init = await readJson(context, { optional: true, plainTextToo: true });
        if (!init) return;
        const problems = paymentTokenInitProblems(init);
        if (problems.length > 0) return context.error(400, 'BAD_VALUE', problems.join('; '));
        context.json(201, state.issuePaymentToken(init));
      },
    },
    {
      method: 'POST',
      path: '/__emulator/express-checkout/webhook-deliveries',
      handle: async (context) => {
        const body = await readJson(context, { plainTextToo: true });
        if (!body) return;
        const { payment_request_id: id, url } = body;
        if (typeof id !== 'string' || (url !== undefined && typeof url !== 'string')) {
          return context.error(400, 'BAD_VALUE', 'A delivery needs payment_request_id, and url (a string) unless expressCheckout.webhookUrl is set.');
        }
        try {
          context.json(200, await state.deliverCompleted(id, { url }));
        } catch (error) {
          context.error(400, 'BAD_VALUE', (error as Error).message);
        }
      },
    },
    {
      method: 'GET',
      path: '/__emulator/express-checkout/orders',
      handle: (context) => context.json(200, { count: state.orders.length, orders: state.orders }, { 'cache-control': 'no-store' }),
    },
  ];
}

/** What is wrong with a token's description, field by field: a wrong type would refuse every order later. */
function paymentTokenInitProblems(init: Json): string[] {
  const problems: string[] = [];
  const strings: (keyof PaymentTokenInit)[] = ['payment_request_id', 'payment_request_reference', 'shipping_option_reference'];
  for (const name of strings) {
    if (init[name] !== undefined && typeof init[name] !== 'string') problems.push(`${name} must be a string`);
  }
  const currency = init.purchase_currency;
  if (currency !== undefined && !(typeof currency === 'string' && /^[A-Z]{3}$/.test(currency))) problems.push('purchase_currency must be a three-letter currency code');
  const amount = init.order_amount;
  if (amount !== undefined && !(Number.isSafeInteger(amount) && (amount as number) >= 0)) problems.push('order_amount must be a whole number of minor units');
  for (const name of ['shipping', 'klarna_customer'] as const) {
    if (init[name] !== undefined && !isRecord(init[name])) problems.push(`${name} must be an object`);
  }
  return problems;
}

/** The body as a JSON object; otherwise answers the refusal in Klarna's REST error body and returns `undefined`. */
async function readJson(context: RequestContext, options: JsonBodyOptions = {}): Promise<Json | undefined> {
  const read = await readJsonBody(context, options);
  if ('body' in read) return read.body;
  context.error(read.refused.status, restErrorCode(read.refused), read.refused.message);
  return undefined;
}
