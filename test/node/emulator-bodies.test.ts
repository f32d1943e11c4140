/**
 * Every route that reads a body reads it one way: at most 1 MB, in a JSON content type (the
 * emulator's own routes also take the text/plain `fetch` sends for a string), a JSON object, with
 * no key that reaches a prototype. Each refusal is a 4xx in the route's own error body, and nothing
 * is printed: a test's stderr stays the test's.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  EMULATED_PURCHASE_PATH,
  EMULATOR_ACCOUNT_ID,
  EMULATOR_API_KEY,
  EMULATOR_API_PASSWORD,
  EMULATOR_API_USERNAME,
} from '../../src/emulator/index.js';
import { ORDER } from './instant-shopping-fixtures.js';
import { useEmulator } from './use-emulator.js';

const emulator = useEmulator();
const BASIC = `Basic ${Buffer.from(`${EMULATOR_API_USERNAME}:${EMULATOR_API_PASSWORD}`).toString('base64')}`;
const SESSIONS = `/v1/accounts/${encodeURIComponent(EMULATOR_ACCOUNT_ID)}/shopping/sessions`;
const TOO_LARGE = JSON.stringify({ padding: 'x'.repeat(1_100_000) });

/** Klarna's REST error body (`{ error_code, error_messages }`, which the emulator's own routes use too), or the newer APIs' one. */
type ErrorFormat = 'rest' | 'problem';

interface BodyRoute {
  name: string;
  method: string;
  /** The path, made once the test's button key, authorization and session exist. */
  path: () => string;
  authorization?: string;
  format: ErrorFormat;
  /** The emulator's own routes take a string body as `fetch` sends it: text/plain. */
  takesPlainText: boolean;
}

let buttonKey = '';
let sessionId = '';

const ROUTES: BodyRoute[] = [
  { name: 'config', method: 'POST', path: () => '/__emulator/config', format: 'rest', takesPlainText: true },
  { name: 'purchase', method: 'POST', path: () => EMULATED_PURCHASE_PATH, format: 'rest', takesPlainText: true },
  { name: 'create button key', method: 'POST', path: () => '/instantshopping/v1/buttons', authorization: BASIC, format: 'rest', takesPlainText: false },
  { name: 'update button key', method: 'PUT', path: () => `/instantshopping/v1/buttons/${buttonKey}`, authorization: BASIC, format: 'rest', takesPlainText: false },
  { name: 'deny', method: 'DELETE', path: () => '/instantshopping/v1/authorizations/unknown', authorization: BASIC, format: 'rest', takesPlainText: false },
  { name: 'place order', method: 'POST', path: () => '/instantshopping/v1/authorizations/unknown/orders', authorization: BASIC, format: 'rest', takesPlainText: false },
  { name: 'create session', method: 'POST', path: () => SESSIONS, authorization: `Basic ${EMULATOR_API_KEY}`, format: 'problem', takesPlainText: false },
  { name: 'update session', method: 'PATCH', path: () => `${SESSIONS}/${encodeURIComponent(sessionId)}`, authorization: `Basic ${EMULATOR_API_KEY}`, format: 'problem', takesPlainText: false },
];

function send(route: BodyRoute, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(emulator.url + route.path(), {
    method: route.method,
    headers: { 'content-type': contentType, ...(route.authorization && { authorization: route.authorization }) },
    body,
  });
}

/** The status, and the error code in the route's error body. */
async function refusal(route: BodyRoute, response: Response): Promise<[number, string]> {
  const body = (await response.json()) as { error_code?: string; error_type?: string; correlation_id?: string };
  assert.equal(body.correlation_id, response.headers.get('klarna-correlation-id'), `${route.name}: an error body of Klarna's`);
  if (route.format === 'problem') assert.equal(body.error_type, 'INPUT_ERROR', route.name);
  return [response.status, body.error_code ?? ''];
}

describe('emulator: request bodies', () => {
  const printed: unknown[][] = [];
  const originalError = console.error;
  const originalWrite = process.stderr.write.bind(process.stderr);

  beforeEach(async () => {
    printed.length = 0;
    console.error = (...args: unknown[]) => void printed.push(args);
    process.stderr.write = (chunk: unknown) => printed.push([chunk]) > 0;
    const created = await fetch(`${emulator.url}/instantshopping/v1/buttons`, {
      method: 'POST',
      headers: { authorization: BASIC, 'content-type': 'application/json' },
      body: JSON.stringify({ merchant_urls: { place_order: 'https://shop.example/place-order' } }),
    });
    buttonKey = ((await created.json()) as { button_key: string }).button_key;
    const session = await fetch(emulator.url + SESSIONS, {
      method: 'POST',
      headers: { authorization: `Basic ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ supplementary_purchase_data: {} }),
    });
    sessionId = ((await session.json()) as { shopping_session_id: string }).shopping_session_id;
  });

  afterEach(() => {
    console.error = originalError;
    process.stderr.write = originalWrite;
  });

  it('answers 413 to a body over 1 MB on every route, in the route\'s error body, printing nothing', async () => {
    for (const route of ROUTES) {
      const response = await send(route, TOO_LARGE);
      assert.deepEqual(await refusal(route, response), [413, 'PAYLOAD_TOO_LARGE'], route.name);
    }
    assert.deepEqual(printed, []);
    assert.equal(emulator.config.latencyMs, 0);
  });

  it('answers 413 to a body over 1 MB that comes in chunks, without a content-length', async () => {
    for (const route of ROUTES) {
      const chunks = new Blob([TOO_LARGE]).stream();
      const response = await fetch(emulator.url + route.path(), {
        method: route.method,
        headers: { 'content-type': 'application/json', ...(route.authorization && { authorization: route.authorization }) },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      assert.equal(response.status, 413, route.name);
      await response.body?.cancel();
    }
    assert.deepEqual(printed, []);
  });

  it('prints nothing when a client goes away halfway through a body, and keeps serving', async () => {
    const { port } = new URL(emulator.url);
    for (const route of ROUTES) {
      await new Promise<void>((resolve) => {
        const headers = { 'content-type': 'application/json', 'content-length': '100000', ...(route.authorization && { authorization: route.authorization }) };
        const outgoing = request({ host: '127.0.0.1', port, method: route.method, path: route.path(), headers });
        outgoing.on('error', () => undefined);
        outgoing.on('close', () => resolve());
        outgoing.write('{"order": ', () => setTimeout(() => outgoing.destroy(), 20));
      });
    }
    // The server sees each connection close a moment after the client does.
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await fetch(`${emulator.url}/__emulator/requests`)).status, 200);
    assert.deepEqual(printed, []);
  });

  it('answers 400 to a body that is not JSON, or not a JSON object', async () => {
    for (const route of ROUTES) {
      for (const body of ['{"order": ', 'not json', '[]', '"text"', '42', 'null']) {
        const [status] = await refusal(route, await send(route, body));
        assert.equal(status, 400, `${route.name}: ${body}`);
      }
    }
    assert.deepEqual(printed, []);
  });

  it('answers 400 to a body with a __proto__, constructor or prototype key at any depth, naming it', async () => {
    const bodies = [
      '{"__proto__": {"latencyMs": 5}}',
      '{"order": {"__proto__": {"order_amount": 1}}}',
      '{"supplementary_purchase_data": {"line_items": [{"constructor": {"prototype": {}}}]}}',
    ];
    for (const route of ROUTES) {
      for (const body of bodies) {
        const response = await send(route, body);
        assert.equal(response.status, 400, `${route.name}: ${body}`);
        const text = await response.text();
        assert.match(text, /\[\\"(__proto__|constructor)\\"\] is not a usable key/, `${route.name}: ${body}`);
      }
    }
    assert.equal(({} as Record<string, unknown>).latencyMs, undefined);
    assert.deepEqual(printed, []);
  });

  it('answers 415 to a body in a content type that is not JSON; the emulator\'s own routes also take text/plain', async () => {
    for (const route of ROUTES) {
      for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
        const [status] = await refusal(route, await send(route, '{}', type));
        assert.equal(status, 415, `${route.name}: ${type}`);
      }
      const plain = await send(route, '{}', 'text/plain;charset=UTF-8');
      if (route.takesPlainText) assert.notEqual(plain.status, 415, route.name);
      else assert.equal(plain.status, 415, route.name);
      await plain.body?.cancel();
    }
    assert.deepEqual(printed, []);
  });

  it('still takes what it took: JSON in application/json, a vendor +json type, and a deny without a body', async () => {
    const created = await send(ROUTES[2]!, JSON.stringify({ merchant_urls: { place_order: 'https://shop.example/place-order' } }), 'application/vnd.klarna+json; charset=utf-8');
    assert.equal(created.status, 201);
    const deny = await fetch(`${emulator.url}/instantshopping/v1/authorizations/unknown`, { method: 'DELETE', headers: { authorization: BASIC } });
    assert.equal(deny.status, 404, 'past the body, to the token');
    const purchase = await fetch(emulator.url + EMULATED_PURCHASE_PATH, { method: 'POST', body: JSON.stringify({ button_key: 'not-registered', order: ORDER }) });
    assert.equal(purchase.status, 201);
  });

  it('answers 400, not 500, to an order line that is not an object', async () => {
    const placed = await send(ROUTES[5]!, JSON.stringify({ ...ORDER, order_lines: [null] }));
    assert.equal(placed.status, 404, 'the unknown token, once the body is read');
    const purchase = await fetch(emulator.url + EMULATED_PURCHASE_PATH, { method: 'POST', body: JSON.stringify({ button_key: 'not-registered', order: ORDER }) });
    const { authorization_token: token } = (await purchase.json()) as { authorization_token: string };
    const response = await fetch(`${emulator.url}/instantshopping/v1/authorizations/${token}/orders`, {
      method: 'POST', headers: { authorization: BASIC, 'content-type': 'application/json' }, body: JSON.stringify({ ...ORDER, order_lines: [null] }),
    });
    assert.equal(response.status, 400);
    assert.deepEqual(printed, []);
  });

  it('answers 401 to a session path whose account or id is not valid percent-encoding', async () => {
    const account = await fetch(`${emulator.url}/v1/accounts/%E0%A4%A/shopping/sessions`, {
      method: 'POST', headers: { authorization: `Basic ${EMULATOR_API_KEY}`, 'content-type': 'application/json' }, body: '{}',
    });
    assert.equal(account.status, 401);
    const session = await fetch(`${emulator.url}${SESSIONS}/%E0%A4%A`, { headers: { authorization: `Basic ${EMULATOR_API_KEY}` } });
    assert.equal(session.status, 404);
    assert.deepEqual(printed, []);
  });
});
