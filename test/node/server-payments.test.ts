/**
 * KlarnaPaymentsClient against the emulator over real HTTP: creating the order from an Express
 * Checkout payment token and cancelling an authorization, Klarna's refusals as KlarnaApiError, the
 * transport's retry rules for a create (counted at the emulator), and the password never shown.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { EMULATOR_ACCOUNT_ID, EMULATOR_API_KEY, EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME } from '../../src/emulator/index.js';
import { KlarnaApiError, KlarnaPaymentsClient, KlarnaValidationError, type KlarnaPaymentsClientOptions, type PaymentsOrder } from '../../src/server/index.js';
import { rejection } from './assertions.js';
import { useEmulator } from './use-emulator.js';

const emulator = useEmulator();

const ORDER: PaymentsOrder = {
  purchase_country: 'US', purchase_currency: 'USD', locale: 'en-US',
  order_amount: 12400, order_tax_amount: 0,
  order_lines: [
    { type: 'physical', reference: '19-402-B', name: 'Battery Power Pack', quantity: 1, unit_price: 11900, tax_rate: 0, total_amount: 11900, total_tax_amount: 0 },
    { type: 'shipping_fee', name: 'Express', quantity: 1, unit_price: 500, tax_rate: 0, total_amount: 500, total_tax_amount: 0 },
  ],
  merchant_urls: { confirmation: 'https://shop.example/orders/A-1001' },
  merchant_reference1: 'A-1001',
  shipping_address: { given_name: 'Jane', family_name: 'Doe', street_address: '800 N Alameda St', postal_code: '90012', city: 'Los Angeles', country: 'US' },
};

function client(options: Partial<KlarnaPaymentsClientOptions> = {}): KlarnaPaymentsClient {
  return new KlarnaPaymentsClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url, ...options });
}

const orderPath = (token: string) => `/payments/v1/authorizations/${token}/order`;
const requestsTo = (path: string) => emulator.records.requests.filter((request) => request.path === path).length;

describe('KlarnaPaymentsClient.createOrder', () => {
  it('creates the order from a payment token and gives Klarna\'s typed answer; the emulator records it', async () => {
    const { payment_token: token, payment_request_id: requestId } = emulator.expressCheckout.issuePaymentToken({ purchase_currency: 'USD', order_amount: 12400 });
    const created = await client().createOrder(token, ORDER);
    assert.match(created.order_id, /^[0-9a-f-]{36}$/);
    assert.equal(created.fraud_status, 'ACCEPTED');
    assert.equal(created.redirect_url, 'https://shop.example/orders/A-1001');
    assert.deepEqual(created.authorized_payment_method, { type: 'invoice', number_of_days: 30 });
    const [recorded] = emulator.expressCheckout.orders;
    assert.deepEqual([recorded?.order_id, recorded?.authorization_token, recorded?.payment_request_id], [created.order_id, token, requestId]);
    assert.equal(recorded?.order.merchant_reference1, 'A-1001');
    // The control route lists the same orders.
    const listed = (await (await fetch(`${emulator.url}/__emulator/express-checkout/orders`)).json()) as { count: number };
    assert.equal(listed.count, 1);
  });

  it('reports PENDING as Klarna gives it', async () => {
    emulator.configure({ payments: { fraudStatus: 'PENDING' } });
    const { payment_token: token } = emulator.expressCheckout.issuePaymentToken();
    assert.equal((await client().createOrder(token, ORDER)).fraud_status, 'PENDING');
  });

  it('gives an order whose fraud_status is new to this library as Klarna sent it: the order exists', async () => {
    const { payment_token: token } = emulator.expressCheckout.issuePaymentToken();
    const body = JSON.stringify({ order_id: 'order-under-review', fraud_status: 'UNDER_REVIEW' });
    emulator.configure({ faults: [{ path: orderPath(token), status: 200, body, times: 1 }] });
    const created = await client().createOrder(token, ORDER);
    assert.deepEqual([created.order_id, created.fraud_status], ['order-under-review', 'UNDER_REVIEW']);
  });

  it('maps Klarna\'s 4xx to KlarnaApiError with its code, messages and correlation id', async () => {
    const { payment_token: token } = emulator.expressCheckout.issuePaymentToken({ order_amount: 999 });
    const refused = await rejection(client().createOrder(token, ORDER), KlarnaApiError);
    assert.deepEqual([refused.status, refused.errorCode, refused.errorMessages], [400, 'BAD_VALUE', ['Bad value: order_amount (the consumer approved 999)']]);
    assert.match(refused.correlationId ?? '', /^[0-9a-f-]{36}$/);

    const unknown = await rejection(client().createOrder('no-such-token', ORDER), KlarnaApiError);
    assert.deepEqual([unknown.status, unknown.errorCode], [404, 'NOT_FOUND']);
    assert.ok(unknown.correlationId);
  });

  it('refuses a token already turned into an order (409), unless the retry carries the order\'s idempotency key', async () => {
    const { payment_token: token } = emulator.expressCheckout.issuePaymentToken();
    const first = await client().createOrder(token, ORDER);
    // The default key is derived from the token: asking again gives the same order, not a second one.
    assert.deepEqual(await client().createOrder(token, ORDER), first);
    const other = await rejection(client().createOrder(token, ORDER, { idempotencyKey: 'another-attempt' }), KlarnaApiError);
    assert.deepEqual([other.status, other.errorCode], [409, 'NOT_ALLOWED']);
    assert.equal(emulator.expressCheckout.orders.length, 1);
  });

  it('never resends a create that may have reached Klarna (a 500, a timeout), with or without an idempotency key', async () => {
    // Counted as they arrive: the emulator records a request once answered, and a timed-out one never is.
    const arrived: string[] = [];
    const count = (request: IncomingMessage) => void arrived.push(request.url ?? '');
    emulator.server.on('request', count);
    const requestsTo = (path: string) => arrived.filter((url) => url === path).length;
    for (const options of [{}, { idempotencyKey: 'attempt-1' }]) {
      const { payment_token: token } = emulator.expressCheckout.issuePaymentToken();
      emulator.configure({ faults: [{ path: orderPath(token), status: 500, times: 1 }] });
      const failed = await rejection(client().createOrder(token, ORDER, options), KlarnaApiError);
      assert.equal(failed.status, 500);
      assert.equal(requestsTo(orderPath(token)), 1, 'sent once');

      emulator.configure({ faults: [{ path: orderPath(token), latencyMs: 300, times: 1 }] });
      const timedOut = await rejection(client({ timeout: 100 }).createOrder(token, ORDER, options), KlarnaApiError);
      assert.equal(timedOut.code, 'timeout');
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(requestsTo(orderPath(token)), 2, 'the timed-out create was sent once too');
    }
    emulator.server.off('request', count);
  });

  it('retries a create Klarna refused before doing anything (429, 503), with the same idempotency key', async () => {
    const { payment_token: token } = emulator.expressCheckout.issuePaymentToken();
    emulator.configure({ faults: [{ path: orderPath(token), status: 503, headers: { 'retry-after': '0' }, times: 1 }] });
    const created = await client().createOrder(token, ORDER);
    assert.equal(created.fraud_status, 'ACCEPTED');
    assert.equal(requestsTo(orderPath(token)), 2);
    assert.equal(emulator.expressCheckout.orders.length, 1);
  });

  it('checks the order before the network: whole minor units, lines that add up, a token that stays in its path', async () => {
    const invalid = await rejection(client().createOrder('..', { ...ORDER, order_amount: 12400.5 }), KlarnaValidationError);
    assert.match(invalid.message, /authorizationToken must not be "\." or "\.\."/);
    assert.match(invalid.message, /order\.order_amount must be a whole number of minor units/);
    assert.equal(emulator.records.requests.length, 0);
  });

  it('never shows the password: not in errors, their cause, inspect(), toString() or JSON', async () => {
    const password = 'pw-Secret-4711';
    const payments = client({ password });
    const refused = await rejection(payments.createOrder(emulator.expressCheckout.issuePaymentToken().payment_token, ORDER), KlarnaApiError);
    assert.equal(refused.status, 401);
    const encoded = Buffer.from(`${EMULATOR_API_USERNAME}:${password}`).toString('base64');
    for (const shown of [inspect(refused, { depth: 10 }), JSON.stringify(refused), String(refused.stack), inspect(payments, { depth: 10 }), String(payments), JSON.stringify(payments)]) {
      assert.ok(!shown.includes(password) && !shown.includes(encoded), shown);
    }
  });
});

describe('KlarnaPaymentsClient.cancelAuthorization', () => {
  it('cancels an authorization (204), after which no order can be created from it (409)', async () => {
    const { payment_token: token } = emulator.expressCheckout.issuePaymentToken();
    await client().cancelAuthorization(token);
    await client().cancelAuthorization(token);
    const refused = await rejection(client().createOrder(token, ORDER), KlarnaApiError);
    assert.deepEqual([refused.status, refused.errorCode, refused.errorMessages], [409, 'NOT_ALLOWED', ['The authorization was cancelled.']]);
    assert.deepEqual(emulator.records.requests.map((request) => [request.method, request.status]), [['DELETE', 204], ['DELETE', 204], ['POST', 409]]);
  });

  it('refuses an unknown or expired token (404) and one with an order (409)', async () => {
    const unknown = await rejection(client().cancelAuthorization('no-such-token'), KlarnaApiError);
    assert.deepEqual([unknown.status, unknown.errorCode], [404, 'NOT_FOUND']);

    emulator.configure({ payments: { tokenLifetimeMs: 1 } });
    const { payment_token: expired } = emulator.expressCheckout.issuePaymentToken();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const gone = await rejection(client().cancelAuthorization(expired), KlarnaApiError);
    assert.deepEqual([gone.status, gone.errorMessages], [404, ['The authorization token has expired.']]);

    emulator.reset();
    const { payment_token: ordered } = emulator.expressCheckout.issuePaymentToken();
    await client().createOrder(ordered, ORDER);
    const used = await rejection(client().cancelAuthorization(ordered), KlarnaApiError);
    assert.deepEqual([used.status, used.errorCode], [409, 'NOT_ALLOWED']);
  });
});

describe('the emulator\'s create-order checks', () => {
  it('refuses an amount that is not the sum of the lines, a bad currency, and wrong credentials', async () => {
    const { payment_token: token } = emulator.expressCheckout.issuePaymentToken();
    const post = (body: object, authorization = `Basic ${btoa(`${EMULATOR_API_USERNAME}:${EMULATOR_API_PASSWORD}`)}`) =>
      fetch(emulator.url + orderPath(token), { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const sum = await post({ ...ORDER, order_amount: 12000 });
    assert.deepEqual([sum.status, ((await sum.json()) as { error_messages: string[] }).error_messages], [400, ['Bad value: order_amount']]);
    const currency = await post({ ...ORDER, purchase_currency: 'dollars' });
    assert.deepEqual(((await currency.json()) as { error_messages: string[] }).error_messages, ['Bad value: purchase_currency']);
    assert.equal((await post(ORDER, 'Basic bm9ib2R5Om5vdGhpbmc=')).status, 401);
    assert.equal(emulator.expressCheckout.orders.length, 0);
  });

  it('issues a payment token through its control route too', async () => {
    const response = await fetch(`${emulator.url}/__emulator/express-checkout/payment-tokens`, { method: 'POST', body: JSON.stringify({ order_amount: 12400 }) });
    const issued = (await response.json()) as { payment_token: string; payment_request_id: string };
    assert.equal(response.status, 201);
    assert.match(issued.payment_request_id, /^krn:payment:eu1:request:[0-9a-f-]{36}$/);
    assert.equal((await client().createOrder(issued.payment_token, ORDER)).fraud_status, 'ACCEPTED');
  });

  it('refuses a token described with a wrong type, which would refuse every order later', async () => {
    const response = await fetch(`${emulator.url}/__emulator/express-checkout/payment-tokens`, {
      method: 'POST',
      body: JSON.stringify({ order_amount: '12400', purchase_currency: 'usd', shipping: 'home' }),
    });
    assert.equal(response.status, 400);
    const { error_messages: messages } = (await response.json()) as { error_messages: string[] };
    assert.deepEqual(messages, ['purchase_currency must be a three-letter currency code; order_amount must be a whole number of minor units; shipping must be an object']);
    assert.equal(emulator.expressCheckout.tokens.size, 0);
  });
});

describe('the emulator\'s Klarna Network final authorization', () => {
  const authorize = (sessionToken: string, body: object, account = EMULATOR_ACCOUNT_ID, apiKey = EMULATOR_API_KEY) =>
    fetch(`${emulator.url}/v2/accounts/${encodeURIComponent(account)}/payment/authorize`, {
      method: 'POST',
      headers: { authorization: `Basic ${apiKey}`, 'content-type': 'application/json', 'klarna-network-session-token': sessionToken },
      body: JSON.stringify(body),
    });
  const request = { currency: 'USD', request_payment_transaction: { amount: 12400, payment_transaction_reference: 'psp-1' } };

  it('authorizes a payment transaction from the session token, the same one again for a repeat', async () => {
    const issued = emulator.expressCheckout.issuePaymentToken({ purchase_currency: 'USD', order_amount: 12400 });
    const first = await authorize(issued.klarna_network_session_token, request);
    const answer = (await first.json()) as { payment_transaction_response: { result: string; payment_transaction: { payment_transaction_id: string; amount: number } } };
    assert.equal(first.status, 200);
    assert.equal(answer.payment_transaction_response.result, 'APPROVED');
    assert.match(answer.payment_transaction_response.payment_transaction.payment_transaction_id, /^krn:payment:eu1:transaction:[0-9a-f-]{36}$/);
    assert.deepEqual(await (await authorize(issued.klarna_network_session_token, request)).json(), answer);
    assert.equal(emulator.expressCheckout.transactions.length, 1);
    // The purchase is complete: no Klarna Payments order from its payment token too.
    const refused = await rejection(client().createOrder(issued.payment_token, ORDER), KlarnaApiError);
    assert.equal(refused.status, 409);
  });

  it('refuses another amount (400, validation_errors), an unknown token (404) and a wrong API key (401)', async () => {
    const issued = emulator.expressCheckout.issuePaymentToken({ order_amount: 12400 });
    const other = await authorize(issued.klarna_network_session_token, { ...request, request_payment_transaction: { amount: 100 } });
    assert.equal(other.status, 400);
    assert.deepEqual(((await other.json()) as { validation_errors: unknown[] }).validation_errors, [{ parameter: 'request_payment_transaction.amount', reason: 'the customer approved 12400' }]);
    assert.equal((await authorize('krn:unknown', request)).status, 404);
    assert.equal((await authorize(issued.klarna_network_session_token, request, EMULATOR_ACCOUNT_ID, 'wrong-key')).status, 401);
    assert.equal(emulator.expressCheckout.transactions.length, 0);
  });
});
