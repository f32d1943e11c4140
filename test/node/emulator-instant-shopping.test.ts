import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME } from '../../src/emulator/index.js';
import { ORDER, purchase as purchaseFrom } from './instant-shopping-fixtures.js';
import { useEmulator } from './use-emulator.js';

const AUTH = `Basic ${Buffer.from(`${EMULATOR_API_USERNAME}:${EMULATOR_API_PASSWORD}`).toString('base64')}`;

const emulator = useEmulator();

function api(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(emulator.url + path, {
    method: init.method ?? 'GET',
    headers: { authorization: AUTH, 'content-type': 'application/json', ...init.headers },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
}


/** A merchant backend that receives place_order callbacks and hands them to the test. */
class Merchant {
  readonly callbacks: { authorization_token: string; order: typeof ORDER }[] = [];
  private readonly waiters: (() => void)[] = [];
  readonly server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      this.callbacks.push(JSON.parse(body) as Merchant['callbacks'][number]);
      this.waiters.splice(0).forEach((wake) => wake());
      response.writeHead(200).end();
    });
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/klarna/place-order`;
  }

  async next(): Promise<Merchant['callbacks'][number]> {
    const count = this.callbacks.length;
    while (this.callbacks.length === count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.callbacks[count]!;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

describe('emulator: Instant Shopping REST API', () => {
  const merchant = new Merchant();
  before(async () => {
    await new Promise<void>((resolve) => merchant.server.listen(0, '127.0.0.1', resolve));
  });
  after(() => merchant.server.close());

  async function createKey(placeOrder = merchant.url): Promise<string> {
    const response = await api('/instantshopping/v1/buttons', { method: 'POST', body: { merchant_urls: { place_order: placeOrder } } });
    assert.equal(response.status, 201);
    const body = (await response.json()) as { button_key: string };
    assert.equal(response.headers.get('location'), `/instantshopping/v1/buttons/${body.button_key}`);
    return body.button_key;
  }

  const purchase = (buttonKey: string) => purchaseFrom(emulator, buttonKey);

  it('creates, reads and updates button keys behind Basic authentication', async () => {
    const key = await createKey();
    const read = await api(`/instantshopping/v1/buttons/${key}`);
    assert.deepEqual(await read.json(), { button_key: key, merchant_urls: { place_order: merchant.url } });
    const updated = await api(`/instantshopping/v1/buttons/${key}`, { method: 'PUT', body: { merchant_reference1: 'shop-1' } });
    assert.deepEqual(await updated.json(), { button_key: key, merchant_urls: { place_order: merchant.url }, merchant_reference1: 'shop-1' });

    const anonymous = await fetch(`${emulator.url}/instantshopping/v1/buttons/${key}`);
    assert.equal(anonymous.status, 401);
    const error = (await anonymous.json()) as { error_code: string; correlation_id: string };
    assert.equal(error.error_code, 'UNAUTHORIZED');
    assert.equal(error.correlation_id, anonymous.headers.get('klarna-correlation-id'));
    const wrong = await api('/instantshopping/v1/buttons', { method: 'POST', body: {}, headers: { authorization: `Basic ${Buffer.from('emulator-merchant:nope').toString('base64')}` } });
    assert.equal(wrong.status, 401);
    assert.equal((await api('/instantshopping/v1/buttons/unknown')).status, 404);
  });

  it('refuses a place_order URL that is missing, not https (but for localhost), or too long', async () => {
    for (const [placeOrder, message] of [
      [undefined, 'merchant_urls.place_order is required'],
      ['http://shop.example/place-order', 'merchant_urls.place_order must use https'],
      [`https://shop.example/${'a'.repeat(2000)}`, 'merchant_urls.place_order must be at most 2000 characters'],
    ] as const) {
      const response = await api('/instantshopping/v1/buttons', { method: 'POST', body: { merchant_urls: { place_order: placeOrder } } });
      assert.equal(response.status, 400);
      assert.deepEqual(((await response.json()) as { error_messages: string[] }).error_messages, [message]);
    }
    // Plain http is taken on this machine only, where a development backend runs.
    const local = await api('/instantshopping/v1/buttons', { method: 'POST', body: { merchant_urls: { place_order: 'http://shop.localhost:8080/place-order' } } });
    assert.equal(local.status, 201);
  });

  it('posts place_order to the merchant and tells the dialog the order was placed', async () => {
    const key = await createKey();
    const answer = purchase(key);
    const callback = await merchant.next();
    assert.deepEqual(callback.order, ORDER);
    const token = callback.authorization_token;
    assert.deepEqual(await (await api(`/instantshopping/v1/authorizations/${token}`)).json(), ORDER);

    const placed = await api(`/instantshopping/v1/authorizations/${token}/orders`, { method: 'POST', body: ORDER, headers: { 'klarna-idempotency-key': 'attempt-1' } });
    assert.equal(placed.status, 200);
    const order = (await placed.json()) as { order_id: string; fraud_status: string };
    assert.equal(order.fraud_status, 'ACCEPTED');
    assert.deepEqual(await (await answer).json(), { authorization_token: token, outcome: 'approved', order_id: order.order_id, fraud_status: 'ACCEPTED' });

    const retried = await api(`/instantshopping/v1/authorizations/${token}/orders`, { method: 'POST', body: ORDER, headers: { 'klarna-idempotency-key': 'attempt-1' } });
    assert.deepEqual(await retried.json(), order);
    const again = await api(`/instantshopping/v1/authorizations/${token}/orders`, { method: 'POST', body: ORDER });
    assert.equal(again.status, 403);
  });

  it('tells the dialog about a deny, with its code and message', async () => {
    const key = await createKey();
    const answer = purchase(key);
    const { authorization_token: token } = await merchant.next();
    const denied = await api(`/instantshopping/v1/authorizations/${token}`, { method: 'DELETE', body: { deny_code: 'item_out_of_stock' } });
    assert.equal(denied.status, 204);
    assert.deepEqual(await (await answer).json(), { authorization_token: token, outcome: 'denied', deny_code: 'item_out_of_stock' });
  });

  it('checks a deny the way Klarna documents it', async () => {
    const key = await createKey();
    void purchase(key);
    const { authorization_token: token } = await merchant.next();
    const path = `/instantshopping/v1/authorizations/${token}`;
    const unknownCode = await api(path, { method: 'DELETE', body: { deny_code: 'too_expensive' } });
    assert.equal(unknownCode.status, 400);
    const mixed = await api(path, { method: 'DELETE', body: { deny_code: 'other', deny_message: 'No', deny_redirect_url: 'https://shop.example/sorry' } });
    assert.equal(mixed.status, 400);
    assert.equal((await api(path, { method: 'DELETE', body: { deny_redirect_url: 'https://shop.example/sorry' } })).status, 204);
    assert.equal((await api(`${path}/orders`, { method: 'POST', body: ORDER })).status, 403);
    assert.equal((await api('/instantshopping/v1/authorizations/unknown', { method: 'DELETE' })).status, 404);
  });

  it('sets the fraud status from its rules, and refuses an order whose amounts do not add up', async () => {
    emulator.configure({ instantShopping: { fraudRules: [{ minOrderAmount: 100000, status: 'REJECTED' }, { postalCode: '60102', status: 'PENDING' }] } });
    const key = await createKey();
    void purchase(key);
    const { authorization_token: token } = await merchant.next();
    const wrong = await api(`/instantshopping/v1/authorizations/${token}/orders`, { method: 'POST', body: { ...ORDER, order_amount: 100 } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(await wrong.json(), { error_code: 'bad_value', error_message: 'bad_value:order_amount', correlation_id: wrong.headers.get('klarna-correlation-id') });
    const placed = await api(`/instantshopping/v1/authorizations/${token}/orders`, { method: 'POST', body: ORDER });
    assert.equal(((await placed.json()) as { fraud_status: string }).fraud_status, 'PENDING');
  });

  it('answers the dialog at once for a key it does not know, and says why when the merchant never answers', async () => {
    const unknown = await purchase('not-registered');
    assert.equal(((await unknown.json()) as { outcome: string }).outcome, 'authorized');

    emulator.configure({ instantShopping: { decisionTimeoutMs: 50 } });
    const key = await createKey();
    const answer = (await (await purchase(key)).json()) as { outcome: string; note: string };
    assert.deepEqual([answer.outcome, answer.note], ['failed', 'the merchant neither placed nor denied the order in time']);

    const unreachable = await createKey('http://127.0.0.1:9/klarna/place-order');
    const failed = (await (await purchase(unreachable)).json()) as { outcome: string; note: string };
    assert.equal(failed.outcome, 'failed');
    assert.match(failed.note, /^the place_order callback to http:\/\/127\.0\.0\.1:9\/klarna\/place-order failed/);
  });
});
