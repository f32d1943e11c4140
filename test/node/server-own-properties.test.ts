/**
 * The server helpers with a polluted Object.prototype, as another bug in a merchant's process (a
 * merge or query-string library) leaves it: options, callbacks, Klarna's answers and what a store
 * gives back are read by their own fields, so an inherited field changes nothing. Every test sets
 * the fields for as short a time as it can and always removes them.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import {
  approve,
  deny,
  handlePlaceOrder,
  InstantShoppingClient,
  KlarnaApiError,
  MemoryOsmCache,
  OsmClient,
  placeOrderListener,
  RedisOsmCache,
  RedisPlaceOrderStore,
  ShoppingSessionClient,
  type HandlePlaceOrderOptions,
  type OsmCache,
  type PlaceOrderHandler,
  type RedisCommands,
} from '../../src/server/index.js';
import { ORDER } from './instant-shopping-fixtures.js';
import { rejection } from './assertions.js';
import { withPollutedPrototype } from './polluted-prototype.js';


interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A `fetch` that answers from `route` and records what was sent, for a client that must not reach any network. */
function fakeKlarna(route: (request: SentRequest) => { status: number; body?: unknown; headers?: Record<string, string> }) {
  const sent: SentRequest[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const request: SentRequest = {
      url: input instanceof Request ? input.url : String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) as unknown : undefined,
    };
    sent.push(request);
    const { status, body, headers = {} } = route(request);
    const text = body === undefined ? null : JSON.stringify(body);
    return Promise.resolve(new Response(text, { status, headers: new Headers({ 'content-type': 'application/json', ...headers }) }));
  };
  return { sent, fetch };
}

/** Runs `body` with the global fetch replaced (the clients use it when given none), then puts it back. */
async function withGlobalFetch<T>(fetch: typeof globalThis.fetch, body: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = fetch;
  try {
    return await body();
  } finally {
    globalThis.fetch = original;
  }
}

const OSM_ANSWER = { content: { nodes: [{ type: 'TEXT', name: 'TEXT_MAIN', value: 'Pay in 4.' }] } };

/** What a request could inherit and still look valid: another host, headers, one idempotency key for every order. */
const POLLUTED_REQUEST_FIELDS = {
  baseUrl: 'https://attacker.example',
  userAgent: 'polluted-agent',
  headers: { 'x-polluted': 'yes', authorization: 'Basic cG9sbHV0ZWQ=' },
  idempotencyKey: 'one-key-for-every-order',
};

/** Everything a client's options could inherit, settings that would break every call included. */
const POLLUTED_CLIENT_OPTIONS = {
  ...POLLUTED_REQUEST_FIELDS,
  environment: 'playground',
  region: 'na',
  locale: 'en-AU',
  country: 'AU',
  timeout: -1,
  retries: 'many',
  fetch: 'not a function',
  signal: 'not a signal',
  cache: { polluted: true },
  reload: true,
};

describe('server helpers with a polluted Object.prototype', () => {

  for (const [label, polluted] of [['a host, headers and an idempotency key', POLLUTED_REQUEST_FIELDS], ['every option, and fetch\'s own', POLLUTED_CLIENT_OPTIONS]] as const) {
    it(`a client given only its credentials sends every request, Authorization included, to Klarna's host and nowhere else (inherited: ${label})`, async () => {
      const klarna = fakeKlarna(({ url }) => (url.endsWith('/orders') ? { status: 200, body: { order_id: 'o-1', fraud_status: 'ACCEPTED' } } : { status: 200, body: { button_key: 'key-1' } }));
      await withGlobalFetch(klarna.fetch, () => withPollutedPrototype(polluted, async () => {
        const client = new InstantShoppingClient({ username: 'merchant', password: 'secret' });
        assert.equal(client.baseUrl, 'https://api.klarna.com');
        await client.getButtonKey('key-1');
        await client.placeOrder('token-1', ORDER);
      }));
      assert.deepEqual(klarna.sent.map(({ method, url }) => `${method} ${url}`), [
        'GET https://api.klarna.com/instantshopping/v1/buttons/key-1',
        'POST https://api.klarna.com/instantshopping/v1/authorizations/token-1/orders',
      ]);
      for (const { headers } of klarna.sent) {
        assert.equal(headers.authorization, `Basic ${btoa('merchant:secret')}`);
        assert.equal(headers['user-agent'], 'klarna-elements-server');
        assert.equal(headers['x-polluted'], undefined);
      }
      assert.equal(klarna.sent[1]!.headers['klarna-idempotency-key'], 'place-order:token-1', 'each purchase keeps its own idempotency key');
    });
  }

  it('the Shopping Session and On-site messaging clients pick their hosts and caches from their own options only', async () => {
    const klarna = fakeKlarna(({ url }) => {
      if (url.includes('/messaging/v3')) return { status: 200, body: OSM_ANSWER, headers: { 'cache-control': 'max-age=60' } };
      return { status: 201, body: { shopping_session_id: 'krn:shopping:eu1:test:session:1', created_at: '2026-01-01T00:00:00Z', expires_at: '2026-01-02T00:00:00Z' } };
    });
    await withGlobalFetch(klarna.fetch, () => withPollutedPrototype(POLLUTED_CLIENT_OPTIONS, async () => {
      const sessions = new ShoppingSessionClient({ apiKey: 'api-key', accountId: 'krn:partner:global:account:test:1' });
      assert.equal(sessions.baseUrl, 'https://api.klarna.com');
      await sessions.create({ supplementary_purchase_data: { purchase_reference: 'ref-1' } });
      const osm = new OsmClient();
      const request = { clientId: 'client-1', placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 1000 } as const;
      const first = await osm.getMessage(request);
      const second = await osm.getMessage(request);
      assert.deepEqual([first.fromCache, second.fromCache], [false, true], 'an inherited reload is not a reload, an inherited cache not a cache');
    }));
    assert.deepEqual(klarna.sent.map(({ url }) => new URL(url).origin), ['https://api.klarna.com', 'https://api-na.klarna.com']);
    assert.equal(klarna.sent[0]!.headers.authorization, 'Basic api-key');
  });

  it('takes from Klarna\'s answers only the fields they hold: an inherited one does not make a malformed answer whole', async () => {
    const klarna = fakeKlarna(() => ({ status: 200, body: {} }));
    const polluted = { button_key: 'key-1', order_id: 'o-1', fraud_status: 'ACCEPTED', shopping_session_id: 's', created_at: 'c', expires_at: 'e', token: 't' };
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    const sessions = new ShoppingSessionClient({ apiKey: 'api-key', accountId: 'account-1', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    const errors = await withPollutedPrototype(polluted, () => Promise.all([
      rejection(client.getButtonKey('key-1'), KlarnaApiError),
      rejection(client.placeOrder('token-1', ORDER), KlarnaApiError),
      rejection(sessions.get('session-1'), KlarnaApiError),
      rejection(sessions.getInteroperabilityToken('session-1'), KlarnaApiError),
    ]));
    assert.deepEqual(errors.map((error) => error.code), ['malformed-response', 'malformed-response', 'malformed-response', 'malformed-response']);
  });

  it('reads Klarna\'s error body by its own fields', async () => {
    const klarna = fakeKlarna(() => ({ status: 400, body: {} }));
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    const polluted = { error_code: 'POLLUTED', error_messages: ['polluted'], error_message: 'polluted', validation_errors: [{ parameter: 'p', reason: 'r' }], correlation_id: 'polluted-id' };
    const error = await withPollutedPrototype(polluted, () => rejection(client.getButtonKey('key-1'), KlarnaApiError));
    assert.deepEqual([error.status, error.errorCode, error.errorMessages, error.validationErrors, error.correlationId], [400, undefined, [], [], undefined]);
  });

  it('checks the merchant\'s input by its own fields: an inherited field neither passes nor fails a check', async () => {
    const klarna = fakeKlarna(() => ({ status: 201, body: { button_key: 'key-1' } }));
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    await withPollutedPrototype({ merchant_urls: { place_order: 'https://shop.example/place-order' } }, async () => {
      await assert.rejects(client.createButtonKey({}), /merchant_urls\.place_order is required/);
    });
    await withPollutedPrototype({ redirectUrl: 'https://attacker.example/', message: 'polluted' }, async () => {
      // A code alone is valid; an inherited redirectUrl or message is neither checked nor sent.
      const denying = fakeKlarna(() => ({ status: 204 }));
      const denier = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: denying.fetch });
      await denier.denyAuthorization('token-1', { code: 'item_out_of_stock' });
      assert.deepEqual(denying.sent[0]!.body, { deny_code: 'item_out_of_stock' });
    });
    assert.equal(klarna.sent.length, 0);
  });
});

describe('handlePlaceOrder with a polluted Object.prototype', () => {
  const servers: Server[] = [];
  after(() => {
    for (const server of servers) server.close();
  });

  // Each test its own purchase: the default store remembers every token's answer.
  let purchases = 0;
  let token = '';

  /** Klarna for one purchase: it knows `token` and its order, places and denies. */
  function klarnaForOnePurchase() {
    token = `token-${++purchases}`;
    return fakeKlarna(({ method, url }) => {
      const path = new URL(url).pathname;
      if (method === 'GET') return path.endsWith(`/${token}`) ? { status: 200, body: ORDER } : { status: 404, body: { error_code: 'NOT_FOUND' } };
      if (method === 'DELETE') return { status: 204 };
      return { status: 200, body: { order_id: 'o-1', fraud_status: 'ACCEPTED' } };
    });
  }

  const callback = (body: unknown) =>
    new Request('http://shop.test/klarna/place-order', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('verifies the callback with Klarna although Object.prototype says verify: false, and refuses a forged one', async () => {
    const klarna = klarnaForOnePurchase();
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    let handled = 0;
    const response = await withPollutedPrototype({ verify: false }, () =>
      handlePlaceOrder(callback({ authorization_token: 'forged-token', order: ORDER }), () => (handled++, approve()), { client }));
    assert.deepEqual([response.status, await response.json()], [400, { error: 'Klarna does not know this authorization token' }]);
    assert.equal(handled, 0);
    assert.deepEqual(klarna.sent.map(({ method }) => method), ['GET'], 'no order was placed');
  });

  it('finds no token and no order in a body of {}, whatever Object.prototype holds', async () => {
    const klarna = klarnaForOnePurchase();
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    const response = await withPollutedPrototype({ authorization_token: token, order: ORDER }, () =>
      handlePlaceOrder(callback({}), () => approve(), { client, verify: false }));
    assert.deepEqual([response.status, await response.json()], [400, { error: 'authorization_token is missing' }]);
    assert.equal(klarna.sent.length, 0);
  });

  it('takes the handler\'s decision by its own fields: {} is a mistake (fallback deny), never an inherited approve', async () => {
    const klarna = klarnaForOnePurchase();
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    const stages: string[] = [];
    const options: HandlePlaceOrderOptions = { client, onError: (_, stage) => void stages.push(stage), fallbackDenyMessage: 'Sorry.' };
    const response = await withPollutedPrototype({ action: 'approve', changes: {} }, () =>
      handlePlaceOrder(callback({ authorization_token: token, order: ORDER }), (() => ({})) as unknown as PlaceOrderHandler, options));
    assert.equal(response.status, 500);
    assert.deepEqual(klarna.sent.map(({ method }) => method), ['GET', 'DELETE'], 'denied, not placed');
    assert.deepEqual(klarna.sent[1]!.body, { deny_code: 'other', deny_message: 'Sorry.' });
    assert.deepEqual(stages, ['handler']);
  });

  it('ignores inherited options: the fallback message, a store, callbacks that are not functions, a body size', async () => {
    const klarna = klarnaForOnePurchase();
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    const polluted = { fallbackDenyMessage: 'Polluted message', store: {}, onError: 'not a function', onResult: 'not a function', maxBodyBytes: 10, claimTtlMs: 'x', answerTtlMs: 'y' };
    const response = await withPollutedPrototype(polluted, () =>
      handlePlaceOrder(callback({ authorization_token: token, order: ORDER }), () => {
        throw new Error('stock service down');
      }, { client }));
    assert.equal(response.status, 500);
    const denied = klarna.sent.find(({ method }) => method === 'DELETE');
    assert.deepEqual(denied?.body, { deny_code: 'other', deny_message: 'We could not complete your order. No payment has been taken; please try again later.' });
  });

  it('a Node listener reads the request\'s own body, not an inherited one, and its own size limit', async () => {
    const klarna = klarnaForOnePurchase();
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    const listener = placeOrderListener(() => approve(), { client });
    const server = createServer((request, response) => void listener(request, response));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/klarna/place-order`;
    const forged = JSON.stringify({ authorization_token: token, order: ORDER });
    const response = await withPollutedPrototype({ body: forged, maxBodyBytes: 10 }, () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"order":{}}' }));
    assert.deepEqual([response.status, await response.json()], [400, { error: 'authorization_token is missing' }]);
    assert.equal(klarna.sent.length, 0);
  });

  it('a deny() is sent as the handler built it, whatever Object.prototype adds', async () => {
    const klarna = klarnaForOnePurchase();
    const client = new InstantShoppingClient({ username: 'merchant', password: 'secret', baseUrl: 'https://klarna.test', fetch: klarna.fetch });
    const response = await withPollutedPrototype({ redirectUrl: 'https://attacker.example/', message: 'polluted' }, () =>
      handlePlaceOrder(callback({ authorization_token: token, order: ORDER }), () => deny({ code: 'item_out_of_stock' }), { client }));
    assert.equal(response.status, 200);
    assert.deepEqual(klarna.sent.find(({ method }) => method === 'DELETE')?.body, { deny_code: 'item_out_of_stock' });
  });
});

describe('stores with a polluted Object.prototype', () => {

  /** Redis in a Map, recording the keys it was asked for. */
  function fakeRedis(values = new Map<string, string>()): RedisCommands & { keys: string[] } {
    const keys: string[] = [];
    return {
      keys,
      get: (key) => (keys.push(key), Promise.resolve(values.get(key) ?? null)),
      set: (key, value, _px, _ms, nx) => {
        keys.push(key);
        if (nx && values.has(key)) return Promise.resolve(null);
        values.set(key, value);
        return Promise.resolve('OK');
      },
      del: (key) => (keys.push(key), Promise.resolve(values.delete(key) ? 1 : 0)),
    };
  }

  it('keeps its own key prefix and reads a stored answer by its own fields', async () => {
    const redis = fakeRedis(new Map([['klarna-elements:place-order:token-2', '{}']]));
    await withPollutedPrototype({ prefix: 'polluted:', status: 200, body: { outcome: 'accepted' } }, async () => {
      const store = new RedisPlaceOrderStore(redis);
      await store.claim('token-1', 1000);
      assert.equal(await store.answer('token-2'), undefined, '{} is no answer');
      await new RedisOsmCache(redis).set('osm-1', { status: 200, body: {} }, 1000);
    });
    assert.ok(redis.keys.length > 0);
    assert.ok(redis.keys.every((key) => key.startsWith('klarna-elements:')), `keys: ${redis.keys.join(', ')}`);
  });

  it('OsmClient takes a cache entry by its own fields, and MemoryOsmCache its own size', async () => {
    const klarna = fakeKlarna(() => ({ status: 200, body: OSM_ANSWER, headers: { 'cache-control': 'max-age=60' } }));
    const mangled: OsmCache = { get: () => ({}) as never, set: () => undefined };
    const request = { clientId: 'client-1', placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 1000 } as const;
    await withPollutedPrototype({ status: 204, maxEntries: 'none' }, async () => {
      const result = await new OsmClient({ baseUrl: 'https://klarna.test', fetch: klarna.fetch, cache: mangled }).getMessage(request);
      assert.equal(result.kind, 'message', 'a mangled entry is asked for again, not read as an inherited 204');
      const memory = new MemoryOsmCache();
      memory.set('key', { status: 200, body: {} }, 60_000);
      assert.deepEqual(memory.get('key'), { status: 200, body: {} });
    });
  });
});
