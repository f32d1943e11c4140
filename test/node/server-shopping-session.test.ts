import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { EMULATOR_ACCOUNT_ID, EMULATOR_API_KEY } from '../../src/emulator/index.js';
import { KlarnaApiError, KlarnaValidationError, ShoppingSessionClient, type ShoppingSessionClientOptions, type ShoppingSessionData } from '../../src/server/index.js';
import { rejection } from './assertions.js';
import { useEmulator } from './use-emulator.js';

const emulator = useEmulator();

const DATA: ShoppingSessionData = {
  supplementary_purchase_data: {
    purchase_reference: 'order-1042',
    line_items: [{ name: 'Aurora Parka', quantity: 1, unit_price: 11900, total_amount: 11900, total_tax_amount: 0, reference: 'PARKA-BLUE-M' }],
  },
};

function client(options: Partial<ShoppingSessionClientOptions> = {}): ShoppingSessionClient {
  return new ShoppingSessionClient({ apiKey: EMULATOR_API_KEY, accountId: EMULATOR_ACCOUNT_ID, baseUrl: emulator.url, ...options });
}

describe('ShoppingSessionClient', () => {

  it('creates, reads and updates a session, and gets an interoperability token for it', async () => {
    const sessions = client();
    const created = await sessions.create(DATA);
    assert.match(created.shoppingSessionId, /^krn:shopping:eu1:test:session:[0-9a-f-]{36}$/);
    assert.ok(Date.parse(created.expiresAt) > Date.parse(created.createdAt));
    assert.deepEqual(await sessions.get(created.shoppingSessionId), created);

    const updated = await sessions.update(created.shoppingSessionId, { supplementary_purchase_data: { purchase_reference: 'order-1043' } });
    assert.equal(updated.shoppingSessionId, created.shoppingSessionId);
    assert.equal(emulator.shoppingSessions.get(created.shoppingSessionId)?.supplementary_purchase_data.purchase_reference, 'order-1043');

    const token = await sessions.getInteroperabilityToken(created.shoppingSessionId);
    assert.deepEqual(emulator.shoppingSessions.get(created.shoppingSessionId)?.tokens, [token]);
    const paths = emulator.records.requests.map((request) => `${request.method} ${decodeURIComponent(request.path)}`);
    const base = `/v1/accounts/${EMULATOR_ACCOUNT_ID}/shopping/sessions`;
    assert.deepEqual(paths, [`POST ${base}`, `GET ${base}/${created.shoppingSessionId}`, `PATCH ${base}/${created.shoppingSessionId}`, `GET ${base}/${created.shoppingSessionId}/interoperability-token`]);
  });

  it('reads the newer error body: validation_errors from a 400, and 401 and 404 with correlation ids', async () => {
    const sessions = client();
    const created = await sessions.create(DATA);
    // The emulator checks more than the client does; what the client lets through, Klarna may still refuse.
    const invalid = await rejection(sessions.update(created.shoppingSessionId, { supplementary_purchase_data: { shipping: 'none' } } as never), KlarnaApiError);
    assert.deepEqual([invalid.status, invalid.errorCode], [400, 'VALIDATION_ERROR']);
    assert.deepEqual(invalid.validationErrors, [{ parameter: 'supplementary_purchase_data.shipping', reason: 'must be an array' }]);
    assert.deepEqual(invalid.errorMessages, ['The request is invalid.', 'supplementary_purchase_data.shipping: must be an array']);
    assert.match(invalid.message, /answered 400: VALIDATION_ERROR – The request is invalid\. \(klarna-correlation-id [0-9a-f-]+\); supplementary_purchase_data\.shipping: must be an array\.$/);

    const unauthorized = await rejection(client({ apiKey: 'wrong-key' }).get(created.shoppingSessionId), KlarnaApiError);
    assert.deepEqual([unauthorized.status, unauthorized.errorCode], [401, 'UNAUTHORIZED']);
    const otherAccount = await rejection(client({ accountId: 'krn:partner:global:account:test:OTHER' }).get(created.shoppingSessionId), KlarnaApiError);
    assert.equal(otherAccount.status, 401);
    const missing = await rejection(sessions.getInteroperabilityToken('krn:shopping:eu1:test:session:missing'), KlarnaApiError);
    assert.deepEqual([missing.status, missing.errorCode], [404, 'NOT_FOUND']);
    assert.equal(missing.correlationId, emulator.records.requests.at(-1)?.correlationId);
  });

  it('refuses missing data, fractional amounts and empty, overlong or path-leaving ids before any request', async () => {
    const sessions = client();
    const problems = async (promise: Promise<unknown>) => (await rejection(promise, KlarnaValidationError)).problems;
    assert.deepEqual(await problems(sessions.create({} as never)), ['supplementary_purchase_data must be an object']);
    assert.deepEqual(await problems(sessions.create({ supplementary_purchase_data: { line_items: [{ unit_price: 99.5 }] } })), ['supplementary_purchase_data.line_items[0].unit_price must be a whole number of minor units']);
    assert.deepEqual(await problems(sessions.update('id', { supplementary_purchase_data: { line_items: 'none' } } as never)), ['supplementary_purchase_data.line_items must be an array']);
    assert.deepEqual(await problems(sessions.create({ supplementary_purchase_data: { line_items: [null] } } as never)), ['supplementary_purchase_data.line_items[0] must be an object']);
    assert.deepEqual(await problems(sessions.get('')), ['shoppingSessionId must be a non-empty string']);
    assert.deepEqual(await problems(sessions.getInteroperabilityToken('x'.repeat(256))), ['shoppingSessionId is longer than 255 characters']);
    assert.deepEqual(await problems(sessions.update('..', { supplementary_purchase_data: {} })), ['shoppingSessionId must not be "." or "..", which a URL resolves to another path']);
    assert.throws(() => new ShoppingSessionClient({ apiKey: 'key', accountId: '..' }), /accountId must not be "\." or "\.\."/);
    assert.equal(emulator.records.requests.length, 0);
    assert.throws(() => new ShoppingSessionClient({ apiKey: '', accountId: ' ' }), /apiKey must be a non-empty string; accountId must be a non-empty string/);
  });

  it('refuses an id or API key that cannot be sent (half a character, a space, beyond ASCII or Latin-1) before any request, echoing neither', async () => {
    const sessions = client();
    const problems = async (promise: Promise<unknown>) => (await rejection(promise, KlarnaValidationError)).problems;
    for (const id of ['krn:shopping:eu1:test:session:\ud800', 'session id', 'séance']) {
      assert.deepEqual(await problems(sessions.get(id)), ['shoppingSessionId must be printable ASCII without spaces, as Klarna\'s ids are']);
      assert.deepEqual(await problems(sessions.getInteroperabilityToken(id)), ['shoppingSessionId must be printable ASCII without spaces, as Klarna\'s ids are']);
    }
    assert.throws(() => client({ accountId: 'krn:partner:global:account:test:\udfff' }), /accountId must be printable ASCII/);
    const secret = 'sk-€-not-to-be-shown';
    assert.throws(() => client({ apiKey: secret }), (error: unknown) =>
      error instanceof KlarnaValidationError && error.problems.includes('apiKey must be Latin-1 text without line breaks, to fit in a header') && !error.message.includes(secret));
    assert.throws(() => client({ apiKey: 'key\r\nx-injected: 1' }), /apiKey must be Latin-1 text without line breaks/);
    assert.equal(emulator.records.requests.length, 0);
  });

  it('never shows the API key', async () => {
    const secret = 'sk-not-to-be-shown';
    const sessions = client({ apiKey: secret });
    const error = await rejection(sessions.create(DATA), KlarnaApiError);
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 9 }), String(sessions), JSON.stringify(sessions), inspect(sessions, { depth: 9, showHidden: true })]) {
      assert.ok(!text.includes(secret), `the API key leaked into: ${text.slice(0, 160)}`);
    }
  });
});
