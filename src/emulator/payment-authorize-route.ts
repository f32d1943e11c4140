/**
 * Klarna Network's final authorization on the emulator, the acquirer's way to complete an Express
 * Checkout purchase: `POST /v2/accounts/{account_id}/payment/authorize` with the purchase's
 * `klarna_network_session_token` in the `Klarna-Network-Session-Token` header, behind an API key
 * (`Authorization: Basic <key>`, as the Shopping Session API takes it), answering with the newer
 * APIs' error body.
 *
 * As Klarna's guide shows it: the body is `{ currency, request_payment_transaction: { amount,
 * payment_transaction_reference? } }` (plus `payment_request_id` and `payment_option_id`, which are
 * not checked here), the answer `{ payment_transaction_response: { result: "APPROVED",
 * payment_transaction: { payment_transaction_id, … } } }`, and the token acts as an idempotency key:
 * a repeat gets the same result. Chosen here: an unknown or expired token is 404; an amount or
 * currency other than the one the purchase was approved for is 400 with `validation_errors`
 * (Klarna says it validates the amount, not how it refuses); a purchase already turned into a
 * Klarna Payments order is 409.
 */
import { randomUUID } from 'node:crypto';
import { isRecord } from '../core/json.js';
import type { EmulatorConfig } from './config.js';
import type { Route } from './context.js';
import type { ExpressCheckoutEmulation, StoredPaymentToken, StoredPaymentTransaction } from './express-checkout-state.js';
import { readJsonBody } from './json-body.js';
import { authenticateApiKey } from './merchant-auth.js';

const AUTHORIZE = /^\/v2\/accounts\/(?<account>[^/]+)\/payment\/authorize$/;

export function paymentAuthorizeRoute(getConfig: () => EmulatorConfig, state: ExpressCheckoutEmulation): Route {
  return {
    method: 'POST',
    path: AUTHORIZE,
    handle: async (context) => {
      if (authenticateApiKey(context, getConfig().shoppingSession.apiKeys) === undefined) return;
      const read = await readJsonBody(context);
      if ('refused' in read) return context.problem(read.refused.status, 'INPUT_ERROR', 'BAD_REQUEST', read.refused.message);
      const token = state.byNetworkSessionToken(context.header('klarna-network-session-token') ?? '');
      if (!token || Date.parse(token.expires_at) <= Date.now()) {
        return context.problem(404, 'RESOURCE_ERROR', 'NOT_FOUND', 'No payment request for this Klarna-Network-Session-Token (it may have expired).');
      }
      // The token is an idempotency key: a repeat gets the transaction already authorized.
      if (token.transaction) return context.json(200, approved(token.transaction));
      if (token.state !== 'authorized') return context.problem(409, 'RESOURCE_ERROR', 'CONFLICT', 'This purchase was already completed or cancelled.');
      const errors = authorizeErrors(read.body, token);
      if (errors.length) return context.problem(400, 'INPUT_ERROR', 'VALIDATION_ERROR', 'The request is invalid.', errors);
      const requested = read.body.request_payment_transaction as Record<string, unknown>;
      const reference = requested.payment_transaction_reference;
      token.transaction = {
        payment_transaction_id: `krn:payment:eu1:transaction:${randomUUID()}`,
        payment_transaction_reference: typeof reference === 'string' ? reference : undefined,
        payment_request_id: token.payment_request_id,
        amount: requested.amount as number,
        currency: read.body.currency as string,
        created_at: new Date().toISOString(),
      };
      token.state = 'ordered';
      state.transactions.push(token.transaction);
      context.json(200, approved(token.transaction));
    },
  };
}

function approved(transaction: StoredPaymentTransaction): Record<string, unknown> {
  const { payment_transaction_id, payment_transaction_reference, amount, currency } = transaction;
  return { payment_transaction_response: { result: 'APPROVED', payment_transaction: { payment_transaction_id, payment_transaction_reference, amount, currency } } };
}

function authorizeErrors(
  body: Record<string, unknown>,
  token: StoredPaymentToken,
): { parameter: string; reason: string }[] {
  const errors: { parameter: string; reason: string }[] = [];
  const { currency, request_payment_transaction: requested } = body;
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) errors.push({ parameter: 'currency', reason: 'must be an ISO 4217 code' });
  else if (token.purchase_currency !== undefined && currency !== token.purchase_currency) errors.push({ parameter: 'currency', reason: `the customer approved a purchase in ${token.purchase_currency}` });
  const amount = isRecord(requested) ? requested.amount : undefined;
  if (!Number.isSafeInteger(amount) || (amount as number) < 0) errors.push({ parameter: 'request_payment_transaction.amount', reason: 'must be a whole number of minor units' });
  else if (token.order_amount !== undefined && amount !== token.order_amount) errors.push({ parameter: 'request_payment_transaction.amount', reason: `the customer approved ${token.order_amount}` });
  return errors;
}
