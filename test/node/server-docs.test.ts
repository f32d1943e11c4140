/**
 * docs/server.md against what the server helpers do (docs.test.ts type-checks its code blocks;
 * this checks what they cannot): every name `klarna-elements/server` exports is named there, so a
 * newcomer need not guess one (`OsmMessageResult`, not `OsmMessage`); its table of
 * `handlePlaceOrder`'s answers holds every answer the helper gives, status and body, and so does
 * its table of `handleExpressCheckoutWebhook`'s; and its
 * snippet for testing a place_order endpoint locally makes the emulator deliver exactly one
 * callback, run as written against a running emulator and a small backend.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import ts from 'typescript';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME } from '../../src/emulator/index.js';
import {
  approve,
  COMPLETED_EVENT,
  deny,
  handleExpressCheckoutWebhook,
  handlePlaceOrder,
  InstantShoppingClient,
  MemoryPlaceOrderStore,
  placeOrderListener,
  type ExpressCheckoutWebhookHandler,
  type HandleExpressCheckoutWebhookOptions,
  type HandlePlaceOrderOptions,
  type PlaceOrderHandler,
  type PlaceOrderStore,
} from '../../src/server/index.js';
import { ORDER, purchase } from './instant-shopping-fixtures.js';
import { useEmulator } from './use-emulator.js';

const SERVER_ENTRY = resolve(import.meta.dirname, '../../src/server/index.ts');
const docs = await readFile(resolve(import.meta.dirname, '../../docs/server.md'), 'utf8');

/** The names `klarna-elements/server` exports, values and types alike. */
function exportedNames(): string[] {
  const program = ts.createProgram([SERVER_ENTRY], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const entry = checker.getSymbolAtLocation(program.getSourceFile(SERVER_ENTRY)!)!;
  return checker.getExportsOfModule(entry).map((symbol) => symbol.name);
}

/** A table's rows (its lines from the header to the first line that is not a row), by their status cell. */
function tableRows(header: string): { status: string; text: string }[] {
  const start = docs.indexOf(header);
  assert.ok(start >= 0, `docs/server.md has the table ${header}`);
  const lines = docs.slice(start).split('\n');
  const end = lines.findIndex((line) => !line.startsWith('|'));
  return lines.slice(0, end).map((text) => ({ status: text.split('|')[2]!.trim(), text }));
}

describe('docs/server.md', () => {
  it('names every export of klarna-elements/server, so that none has to be guessed', () => {
    const names = exportedNames();
    assert.ok(names.includes('OsmMessageResult') && names.length > 50, 'the exports were found');
    assert.deepEqual(names.filter((name) => !new RegExp(`\`[^\`]*\\b${name}\\b[^\`]*\``).test(docs)), []);
  });
});

describe('docs/server.md, what handlePlaceOrder answers', () => {
  const emulator = useEmulator();
  let client: InstantShoppingClient;
  /** The table's rows, by their status cell. */
  let rows: { status: string; text: string }[];

  before(() => {
    client = new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
    rows = tableRows('| Delivery | Status | Body |');
  });

  /** Asserts the table has a row with this status whose body cell shows this body (ids as `…`). */
  async function assertDocumented(response: Response, what: string): Promise<void> {
    const body = JSON.stringify(await response.json()).replace(/"order_id":"[^"]+"/, '"order_id":"…"');
    const documented = rows.some((row) => row.status === String(response.status) && row.text.includes(`\`${body}\``));
    assert.ok(documented, `${what}: ${response.status} ${body} is not in the table`);
  }

  const token = async () => ((await (await purchase(emulator, 'key-without-callback')).json()) as { authorization_token: string }).authorization_token;
  const deliver = (body: string, init: { contentType?: string; method?: string } = {}) => new Request('http://shop.test/klarna/place-order', {
    method: init.method ?? 'POST', headers: { 'content-type': init.contentType ?? 'application/json' }, body: init.method === 'GET' ? undefined : body,
  });
  const callback = (authorizationToken: string) => JSON.stringify({ authorization_token: authorizationToken, order: ORDER });
  const answer = (request: Request, decide: PlaceOrderHandler = () => approve(), options: Partial<HandlePlaceOrderOptions> = {}) =>
    handlePlaceOrder(request, decide, { client, store: new MemoryPlaceOrderStore(), ...options });

  it('has a row for an accepted purchase, a denied one, one denied with the fallback, and a replay', async () => {
    const store = new MemoryPlaceOrderStore();
    const accepted = await token();
    await assertDocumented(await answer(deliver(callback(accepted)), () => approve(), { store }), 'accepted');
    const replay = await answer(deliver(callback(accepted)), () => approve(), { store });
    assert.equal(replay.headers.get('klarna-elements-replay'), 'true');
    assert.ok(rows.some((row) => row.text.includes('`klarna-elements-replay: true`')), 'the replay\'s header is documented');
    await assertDocumented(replay, 'replay');
    await assertDocumented(await answer(deliver(callback(await token())), () => deny({ code: 'item_out_of_stock' })), 'denied');
    const failing = () => {
      throw new Error('stock service down');
    };
    await assertDocumented(await answer(deliver(callback(await token())), failing), 'fallback deny');
  });

  it('has a row for a delivery that waited longer than a claim lasts for the first one\'s answer', async () => {
    const store = new MemoryPlaceOrderStore();
    const slow = async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return approve();
    };
    const duplicated = await token();
    const first = answer(deliver(callback(duplicated)), slow, { store, claimTtlMs: 60 });
    await assertDocumented(await answer(deliver(callback(duplicated)), slow, { store, claimTtlMs: 60 }), 'a replay that waited too long');
    assert.equal((await first).status, 200);
  });

  it('has a row for each forged or malformed delivery', async () => {
    await assertDocumented(await answer(deliver(callback('made-up-token'))), 'an unknown token');
    await assertDocumented(await answer(deliver(callback('tok en'))), 'a token Klarna could not have issued');
    await assertDocumented(await answer(deliver(callback('token'), { contentType: 'text/plain' })), 'not JSON by its content type');
    await assertDocumented(await answer(deliver('not json')), 'a body that is not JSON');
    await assertDocumented(await answer(deliver('{"order":{}}')), 'no token');
    await assertDocumented(await answer(deliver('{"authorization_token":"token"}')), 'no order');
    await assertDocumented(await answer(deliver(JSON.stringify({ authorization_token: 'token', order: { merchant_data: 'x'.repeat(1_000_000) } }))), 'too large');
    await assertDocumented(await answer(deliver('', { method: 'GET' })), 'not a POST');
  });

  it('has a row for Klarna unreachable, the store unreachable, and a failure on this side', async () => {
    const unreachable = await token();
    emulator.configure({ faults: [{ path: `/instantshopping/v1/authorizations/${unreachable}`, status: 503, times: 3 }] });
    await assertDocumented(await answer(deliver(callback(unreachable))), 'Klarna unreachable');
    const broken: PlaceOrderStore = {
      claim: () => Promise.reject(new Error('store down')), answer: () => Promise.resolve(undefined), settle: () => Promise.resolve(), release: () => Promise.resolve(),
    };
    await assertDocumented(await answer(deliver(callback(await token())), () => approve(), { store: broken }), 'store unreachable');
    const buggy = Object.assign(new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url }), {
      getAuthorization: () => Promise.reject(new TypeError('a bug')),
    });
    await assertDocumented(await answer(deliver(callback(await token())), () => approve(), { client: buggy }), 'a failure inside the library');
  });
});

describe('docs/server.md, what handleExpressCheckoutWebhook answers', () => {
  const rows = tableRows('| Webhook delivery | Status | Body |');
  const signed = (body: string, headers: Record<string, string> = {}, method = 'POST') => new Request('http://shop.test/klarna/webhooks', {
    method, headers: { 'content-type': 'application/json', 'klarna-signature': createHmac('sha256', 'key').update(body).digest('hex'), ...headers }, body: method === 'GET' ? undefined : body,
  });
  const completed = (payload: object, metadata: object = { event_type: COMPLETED_EVENT }) => JSON.stringify({ metadata, payload: { state: 'COMPLETED', payment_request_id: 'krn:payment:eu1:request:1', payment_token: 'token-1', ...payload } });
  const answer = (request: Request, handler: ExpressCheckoutWebhookHandler = () => undefined, options: Partial<HandleExpressCheckoutWebhookOptions> = {}) =>
    handleExpressCheckoutWebhook(request, handler, { signingKeys: 'key', store: new MemoryPlaceOrderStore(), ...options });

  /** Asserts the table has a row with this status whose body cell shows this body, and this header when given. */
  async function assertDocumented(response: Response, what: string, header?: string): Promise<void> {
    const body = JSON.stringify(await response.json());
    const documented = rows.some((row) => row.status === String(response.status) && row.text.includes(`\`${body}\``) && (!header || row.text.includes(header)));
    assert.ok(documented, `${what}: ${response.status} ${body} is not in the table`);
  }

  it('has a row for an accepted delivery, a duplicate (with its header), another event, and a failed handler', async () => {
    const store = new MemoryPlaceOrderStore();
    await assertDocumented(await answer(signed(completed({})), undefined, { store }), 'accepted');
    const duplicate = await answer(signed(completed({})), () => assert.fail('ran again'), { store });
    assert.equal(duplicate.headers.get('klarna-elements-replay'), 'true');
    await assertDocumented(duplicate, 'a duplicate', '`klarna-elements-replay: true`');
    await assertDocumented(await answer(signed(completed({}, { event_type: 'payment.request.state-change.canceled' }))), 'another event');
    await assertDocumented(await answer(signed(completed({})), () => {
      throw new Error('down');
    }), 'the handler failed');
  });

  it('has a row for a duplicate that waited longer than a claim lasts', async () => {
    const store = new MemoryPlaceOrderStore();
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 400));
    const first = answer(signed(completed({})), slow, { store, claimTtlMs: 60 });
    await assertDocumented(await answer(signed(completed({})), slow, { store, claimTtlMs: 60 }), 'a duplicate that waited too long');
    assert.equal((await first).status, 200);
  });

  it('has a row for each forged, malformed or refused delivery', async () => {
    await assertDocumented(await answer(signed(completed({}), { 'klarna-signature': 'forged' })), 'forged');
    for (const body of ['not json', '[]', '{}', JSON.stringify({ metadata: { event_type: COMPLETED_EVENT } }), completed({ payment_request_id: '..' }),
      completed({ state: 'EXPIRED' }), completed({ payment_token: undefined }), completed({ payment_token: 'tok en' }), completed({ shipping: 'door' })]) {
      await assertDocumented(await answer(signed(body)), `malformed: ${body}`);
    }
    await assertDocumented(await answer(signed('x', { 'content-type': 'text/plain' })), 'not JSON by its content type');
    await assertDocumented(await answer(signed(JSON.stringify({ payload: 'x'.repeat(1_000_000) }))), 'too large');
    await assertDocumented(await answer(signed('', {}, 'GET')), 'not a POST');
  });

  it('has a row for the store unreachable and for what cannot be handled on this side', async () => {
    const broken: PlaceOrderStore = {
      claim: () => Promise.reject(new Error('store down')), answer: () => Promise.resolve(undefined), settle: () => Promise.resolve(), release: () => Promise.resolve(),
    };
    await assertDocumented(await answer(signed(completed({})), undefined, { store: broken }), 'store unreachable');
    await assertDocumented(await answer(signed(completed({})), undefined, { signingKeys: '' }), 'no signing key');
  });
});

describe('docs/server.md, testing a place_order endpoint locally', () => {
  const emulator = useEmulator();
  let backend: Server;
  let placeOrderUrl: string;
  let callbacks = 0;
  let directory: string;

  before(async () => {
    const client = new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
    const listener = placeOrderListener(() => approve(), { client });
    backend = createServer((request, response) => {
      callbacks++;
      void listener(request, response);
    });
    await new Promise<void>((listening) => backend.listen(0, '127.0.0.1', listening));
    placeOrderUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/klarna/place-order`;
    directory = await mkdtemp(join(tmpdir(), 'klarna-elements-docs-'));
  });

  after(async () => {
    backend.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('makes the emulator deliver one place_order callback, which the backend decides, with the snippet as written', async () => {
    const blocks = [...docs.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
    const snippet = blocks.find((block) => block.includes('/instantshopping/emulator/v1/purchases'));
    assert.ok(snippet, 'docs/server.md has the snippet');
    // Only the two addresses change: the emulator and the backend this test started.
    const script = snippet
      .replace('\'http://localhost:8787\'', JSON.stringify(emulator.url))
      .replace('\'http://localhost:3000/klarna/place-order\'', JSON.stringify(placeOrderUrl));
    assert.doesNotMatch(script, /localhost:(8787|3000)/, 'the snippet names the emulator and the endpoint as placeholders');
    const file = join(directory, 'buy.mjs');
    await writeFile(file, script);
    const { stdout } = await promisify(execFile)('node', [file]);
    assert.match(stdout, /outcome: 'approved'/);
    assert.match(stdout, /fraud_status: 'ACCEPTED'/);
    assert.equal(callbacks, 1, 'one callback reached the endpoint');
  });
});
