import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME } from '../../src/emulator/index.js';
import { InstantShoppingClient, KlarnaApiError, KlarnaValidationError, type InstantShoppingClientOptions } from '../../src/server/index.js';
import { ORDER, purchase } from './instant-shopping-fixtures.js';
import { rejection } from './assertions.js';
import { useEmulator } from './use-emulator.js';

const PLACE_ORDER = 'https://shop.example/klarna/place-order';
const emulator = useEmulator();

function client(options: Partial<InstantShoppingClientOptions> = {}): InstantShoppingClient {
  return new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url, ...options });
}

/** An authorization as the emulated dialog creates it (for a key with no callback URL here). */
async function authorize(order: object = ORDER): Promise<string> {
  const answer = (await (await purchase(emulator, 'key-without-callback', order)).json()) as { authorization_token: string };
  return answer.authorization_token;
}

const apiRequests = () => emulator.records.requests.filter((request) => request.path.startsWith('/instantshopping/v1/'));

describe('InstantShoppingClient', () => {

  it('creates, reads and updates a button key', async () => {
    const klarna = client();
    const created = await klarna.createButtonKey({ merchant_urls: { place_order: PLACE_ORDER }, purchase_country: 'US' });
    assert.match(created.button_key, /^[0-9a-f-]{36}$/);
    assert.deepEqual(await klarna.getButtonKey(created.button_key), created);
    const updated = await klarna.updateButtonKey(created.button_key, { merchant_urls: { place_order: `${PLACE_ORDER}?v=2`, confirmation: 'https://shop.example/thanks' } });
    assert.deepEqual(updated.merchant_urls, { place_order: `${PLACE_ORDER}?v=2`, confirmation: 'https://shop.example/thanks' });
    assert.equal(updated.purchase_country, 'US');
    assert.equal(emulator.records.requests.at(-1)?.userAgent, 'klarna-elements-server');
  });

  it('refuses a bad place_order URL or an empty key before any request, naming the field', async () => {
    const klarna = client();
    const problems = async (promise: Promise<unknown>) => (await rejection(promise, KlarnaValidationError)).problems;
    assert.deepEqual(await problems(klarna.createButtonKey({})), ['merchant_urls.place_order is required: the https URL where Klarna posts each purchase for your decision']);
    assert.deepEqual(await problems(klarna.createButtonKey({ merchant_urls: { place_order: 'http://shop.example/place-order' } })), ['merchant_urls.place_order must use https (got http:)']);
    assert.deepEqual(await problems(klarna.createButtonKey({ merchant_urls: { place_order: `https://shop.example/${'a'.repeat(1990)}` } })), ['merchant_urls.place_order is 2011 characters long; Klarna takes at most 2000']);
    assert.deepEqual(await problems(klarna.updateButtonKey('', { merchant_urls: { place_order: '/relative' } })), ['buttonKey must be a non-empty string', 'merchant_urls.place_order "/relative" is not an absolute URL']);
    assert.deepEqual(await problems(klarna.getButtonKey('  ')), ['buttonKey must be a non-empty string']);
    // A development backend on this machine is reachable from the emulator only, never from Klarna.
    const local = 'http://localhost:3000/klarna/place-order';
    assert.equal((await klarna.createButtonKey({ merchant_urls: { place_order: local } })).merchant_urls?.place_order, local);
    const toKlarna = client({ baseUrl: undefined, environment: 'playground' });
    assert.deepEqual(await problems(toKlarna.createButtonKey({ merchant_urls: { place_order: local } })), ['merchant_urls.place_order must use https (got http:)']);
    assert.equal(apiRequests().length, 1, 'only the valid call reached the emulator');
  });

  it('refuses an id that would leave its path (".", ".."), before any request and without echoing it', async () => {
    const klarna = client();
    const before = apiRequests().length;
    const problems = async (promise: Promise<unknown>) => (await rejection(promise, KlarnaValidationError)).problems;
    assert.deepEqual(await problems(klarna.getAuthorization('..')), ['authorizationToken must not be "." or "..", which a URL resolves to another path']);
    assert.deepEqual(await problems(klarna.placeOrder('.', ORDER)), ['authorizationToken must not be "." or "..", which a URL resolves to another path']);
    assert.deepEqual(await problems(klarna.denyAuthorization('..', { code: 'address_error' })), ['authorizationToken must not be "." or "..", which a URL resolves to another path']);
    assert.deepEqual(await problems(klarna.getButtonKey('..')), ['buttonKey must not be "." or "..", which a URL resolves to another path']);
    assert.deepEqual(await problems(klarna.updateButtonKey('x'.repeat(256), {})), ['buttonKey is longer than 255 characters']);
    assert.equal(apiRequests().length, before);
  });

  it('refuses an id that is no id Klarna issues (half a character, a space, a control, beyond ASCII), before any request and without echoing it', async () => {
    const klarna = client();
    const before = apiRequests().length;
    const problems = async (promise: Promise<unknown>) => (await rejection(promise, KlarnaValidationError)).problems;
    for (const id of ['tok\ud800x', '\udc00', 'a b', 'tab\there', 'ключ']) {
      const tokenProblem = ['authorizationToken must be printable ASCII without spaces, as Klarna\'s ids are'];
      assert.deepEqual(await problems(klarna.getAuthorization(id)), tokenProblem, JSON.stringify(id));
      assert.deepEqual(await problems(klarna.placeOrder(id, ORDER)), tokenProblem, JSON.stringify(id));
      assert.deepEqual(await problems(klarna.denyAuthorization(id, { code: 'address_error' })), tokenProblem, JSON.stringify(id));
      assert.deepEqual(await problems(klarna.getButtonKey(id)), ['buttonKey must be printable ASCII without spaces, as Klarna\'s ids are'], JSON.stringify(id));
      assert.deepEqual(await problems(klarna.updateButtonKey(id, {})), ['buttonKey must be printable ASCII without spaces, as Klarna\'s ids are'], JSON.stringify(id));
    }
    assert.equal(apiRequests().length, before);
  });

  it('refuses headers fetch cannot send (an idempotency key, a user agent, a call\'s headers) before any request, not as a network error', async () => {
    const klarna = client();
    const token = await authorize();
    const problems = async (promise: Promise<unknown>) => (await rejection(promise, KlarnaValidationError)).problems;
    assert.deepEqual(await problems(klarna.placeOrder(token, ORDER, { idempotencyKey: 'key\r\nx-injected: 1' })), ['idempotencyKey must be Latin-1 text without line breaks, to fit in a header']);
    assert.deepEqual(await problems(klarna.placeOrder(token, ORDER, { idempotencyKey: 'ключ' })), ['idempotencyKey must be Latin-1 text without line breaks, to fit in a header']);
    assert.deepEqual(await problems(klarna.getButtonKey('key', { headers: { 'x-note': '€' } })), ['headers["x-note"] must be Latin-1 text without line breaks, to fit in a header']);
    assert.deepEqual(await problems(klarna.getButtonKey('key', { headers: { 'bad name': 'x' } })), ['headers["bad name"] is not a header name']);
    assert.throws(() => client({ userAgent: 'shop\nx-injected: 1' }), /userAgent must be Latin-1 text without line breaks/);
    assert.throws(() => client({ password: 'pa55\ud800' }), /password must be well-formed text/);
    assert.equal(emulator.records.requests.filter((request) => request.method !== 'POST' || !request.path.endsWith('/orders')).length, 1, 'only the purchase itself');
    assert.equal((await klarna.placeOrder(token, ORDER)).outcome, 'accepted', 'nothing was placed by the refused calls');
  });

  it('reads an authorization, and reports an unknown token as NOT_FOUND', async () => {
    const token = await authorize();
    assert.deepEqual(await client().getAuthorization(token), ORDER);
    const error = await rejection(client().getAuthorization('no-such-token'), KlarnaApiError);
    assert.deepEqual([error.status, error.errorCode, error.code], [404, 'NOT_FOUND', 'http']);
    assert.ok(error.correlationId);
  });

  it('places an order once: asking again for the same authorization returns the same order', async () => {
    const token = await authorize();
    const klarna = client();
    const placed = await klarna.placeOrder(token, ORDER);
    assert.equal(placed.outcome, 'accepted');
    assert.equal(placed.fraudStatus, 'ACCEPTED');
    // After a timeout the merchant cannot know whether it went through: the default idempotency key makes asking again safe.
    assert.deepEqual(await klarna.placeOrder(token, ORDER), placed);
    const other = await rejection(klarna.placeOrder(token, ORDER, { idempotencyKey: 'another-attempt' }), KlarnaApiError);
    assert.equal(other.status, 403);
  });

  it('reports PENDING and REJECTED as their own outcomes with guidance, never as accepted', async () => {
    emulator.configure({ instantShopping: { fraudRules: [{ postalCode: '60102', status: 'PENDING' }, { email: 'fraud@example.com', status: 'REJECTED' }] } });
    const pending = await client().placeOrder(await authorize(), ORDER);
    assert.equal(pending.outcome, 'pending');
    assert.match(pending.outcome === 'pending' ? pending.guidance : '', /do not ship it yet/);

    const suspicious = { ...ORDER, billing_address: { ...ORDER.billing_address, postal_code: '10001', email: 'fraud@example.com' } };
    const rejected = await client().placeOrder(await authorize(suspicious), suspicious);
    assert.deepEqual([rejected.outcome, rejected.fraudStatus], ['rejected', 'REJECTED']);
  });

  it('refuses an order with fractional amounts, totals that do not add up, or no token, before any request', async () => {
    const fractional = { ...ORDER, order_lines: [{ ...ORDER.order_lines[0]!, unit_price: 119.5 }, ORDER.order_lines[1]!] };
    const error = await rejection(client().placeOrder('token', fractional), KlarnaValidationError);
    assert.deepEqual(error.problems, ['order.order_lines[0].unit_price must be a whole number of minor units (got 119.5)']);
    assert.match(error.message, /^placeOrder: order\.order_lines\[0\]\.unit_price/);
    const wrongTotal = await rejection(client().placeOrder('token', { ...ORDER, order_amount: 12000 }), KlarnaValidationError);
    assert.deepEqual(wrongTotal.problems, ['order.order_amount 12000 must equal the sum of the order lines\' total_amount (12400)']);
    const noToken = await rejection(client().placeOrder('', { ...ORDER, locale: '' }), KlarnaValidationError);
    assert.deepEqual(noToken.problems, ['authorizationToken must be a non-empty string', 'order.locale must be a non-empty string']);
    assert.equal(apiRequests().length, 0);
  });

  it('refuses an order whose amounts are no JSON numbers (a BigInt, a line that is null) as a validation error, never a TypeError', async () => {
    const problems = async (order: unknown) => (await rejection(client().placeOrder('token', order as never), KlarnaValidationError)).problems;
    assert.deepEqual(await problems({ ...ORDER, order_amount: 12400n }), ['order.order_amount must be a whole number of minor units (got 12400n)']);
    assert.deepEqual(await problems({ ...ORDER, order_lines: [null, ORDER.order_lines[1]] }), ['order.order_lines[0] must be an object']);
    assert.equal(apiRequests().length, 0);
  });

  it('never sends placeOrder twice on its own: a timeout is reported, not retried', async () => {
    const token = await authorize();
    emulator.configure({ faults: [{ path: `/instantshopping/v1/authorizations/${token}/orders`, latencyMs: 1000 }] });
    const error = await rejection(client({ timeout: 100 }).placeOrder(token, ORDER), KlarnaApiError);
    assert.equal(error.code, 'timeout');
    emulator.configure({ faults: [] });
    // The merchant asks again when ready; the emulator placed nothing for the abandoned attempt.
    assert.equal((await client().placeOrder(token, ORDER)).outcome, 'accepted');
  });

  it('stops a call when the caller aborts it', async () => {
    emulator.configure({ faults: [{ path: '/instantshopping/v1/buttons/slow-key', latencyMs: 2000 }] });
    const controller = new AbortController();
    const pending = client().getButtonKey('slow-key', { signal: controller.signal });
    setImmediate(() => controller.abort(new Error('the shopper left')));
    const error = await rejection(pending, KlarnaApiError);
    assert.equal(error.code, 'aborted');
    assert.equal((error.cause as Error).message, 'the shopper left');
  });

  it('denies with a code, with other and a message, or with a redirect alone', async () => {
    const klarna = client();
    for (const reason of [{ code: 'item_out_of_stock' }, { code: 'other', message: 'We only ship to the mainland.' }, { redirectUrl: 'https://shop.example/sorry' }] as const) {
      const token = await authorize();
      await klarna.denyAuthorization(token, reason);
      const decision = emulator.instantShopping.authorizations.get(token)?.decision;
      assert.deepEqual(decision, {
        outcome: 'denied',
        ...('code' in reason && { denyCode: reason.code }),
        ...('message' in reason && { denyMessage: reason.message }),
        ...('redirectUrl' in reason && { denyRedirectUrl: reason.redirectUrl }),
      });
    }
  });

  it('refuses a deny Klarna would refuse, before any request', async () => {
    const klarna = client();
    const problems = async (reason: unknown) => (await rejection(klarna.denyAuthorization('token', reason as never), KlarnaValidationError)).problems;
    assert.deepEqual(await problems({ code: 'too_expensive' }), ['code "too_expensive" is not a deny code: use "address_error", "item_out_of_stock", "consumer_underaged", "unsupported_shipping_address", "other", or give redirectUrl alone']);
    assert.deepEqual(await problems({ code: 'other' }), ['message is required with code "other": the reason shown to the consumer, in the purchase\'s locale']);
    assert.deepEqual(await problems({ code: 'address_error', redirectUrl: 'https://shop.example/sorry' }), ['redirectUrl goes alone: Klarna takes either a redirect URL or a code with a message, not both']);
    assert.deepEqual(await problems({ redirectUrl: 'javascript:alert(1)' }), ['redirectUrl must be an http(s) URL']);
    assert.equal(apiRequests().length, 0);
  });

  it('checks its options and picks Klarna\'s host for the environment and region', () => {
    assert.equal(client({ baseUrl: undefined }).baseUrl, 'https://api.klarna.com');
    assert.equal(client({ baseUrl: undefined, environment: 'playground', region: 'na' }).baseUrl, 'https://api-na.playground.klarna.com');
    const secret = 'pa55-word-not-to-show';
    assert.throws(
      () => client({ username: '', password: secret, environment: 'staging' as never, baseUrl: 'ftp://proxy', timeout: -1 }),
      (error: unknown) => error instanceof KlarnaValidationError && !error.message.includes(secret) &&
        error.message === 'new InstantShoppingClient(): username must be a non-empty string; baseUrl "ftp://proxy" must use http: or https:; environment "staging" must be "production" or "playground"; timeout must be a positive number of milliseconds.',
    );
  });

  it('refuses a baseUrl that holds credentials, without echoing them', () => {
    assert.throws(() => client({ baseUrl: 'https://user:pa55-word@proxy.example/klarna' }), (error: unknown) =>
      error instanceof KlarnaValidationError && !error.message.includes('pa55-word') && !error.message.includes('user:')
      && error.problems.includes('baseUrl must not hold a user name or password: give the client its credentials, and they go in a header'));
  });

  it('never shows the password: not in a refused call\'s error, nor in the client', async () => {
    const secret = 'pa55-word-not-to-show';
    const klarna = client({ password: secret });
    const error = await rejection(klarna.createButtonKey({ merchant_urls: { place_order: PLACE_ORDER } }), KlarnaApiError);
    assert.equal(error.status, 401);
    const encoded = Buffer.from(`${EMULATOR_API_USERNAME}:${secret}`).toString('base64');
    for (const text of [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 9 }), String(klarna), JSON.stringify(klarna), inspect(klarna, { depth: 9, showHidden: true })]) {
      assert.ok(!text.includes(secret) && !text.includes(encoded), `the password leaked into: ${text.slice(0, 160)}`);
    }
    assert.equal(String(klarna), `InstantShoppingClient(${emulator.url})`);
  });
});
