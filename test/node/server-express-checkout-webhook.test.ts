/**
 * handleExpressCheckoutWebhook against the emulator's signed `payment.request.state-change.completed`
 * deliveries over real HTTP: accepted, repeated, forged, malformed, a failing handler that runs
 * again on the next delivery, and one handler run for twenty deliveries at once to two backend
 * processes sharing a real Redis.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME, EMULATOR_WEBHOOK_SIGNING_KEY } from '../../src/emulator/index.js';
import {
  expressCheckoutWebhookListener,
  handleExpressCheckoutWebhook,
  KlarnaPaymentsClient,
  MemoryPlaceOrderStore,
  sendWebResponse,
  toWebRequest,
  type ExpressCheckoutWebhookHandler,
  type ExpressCheckoutWebhookRequest,
  type ExpressCheckoutWebhookStage,
  type HandleExpressCheckoutWebhookOptions,
  type PlaceOrderStore,
} from '../../src/server/index.js';
import { useEmulator } from './use-emulator.js';
import { useRedis } from './use-redis.js';
import { HANDLER_RUNS_KEY, ORDER, startWebhookBackend } from './webhook-backend.js';
import { withPollutedPrototype } from './polluted-prototype.js';

const emulator = useEmulator();
const sign = (body: string, key = EMULATOR_WEBHOOK_SIGNING_KEY, encoding: 'hex' | 'base64' = 'hex') => createHmac('sha256', key).update(body).digest(encoding);

/** A delivery made by hand: signed with the emulator's key unless told otherwise. */
function delivery(body: string, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request('http://shop.test/klarna/webhooks', {
    method,
    headers: { 'content-type': 'application/json', 'klarna-signature': sign(body), ...headers },
    body: method === 'GET' ? undefined : body,
  });
}

/** The body Klarna's envelope carries for a completed payment request. */
function completed(payload: Record<string, unknown>, eventType = 'payment.request.state-change.completed'): string {
  return JSON.stringify({ metadata: { event_type: eventType, event_id: 'evt-1' }, payload: { state: 'COMPLETED', ...payload } });
}

describe('handleExpressCheckoutWebhook', () => {
  const servers: Server[] = [];
  let runs: ExpressCheckoutWebhookRequest[] = [];
  let errors: { stage: ExpressCheckoutWebhookStage; error: unknown }[] = [];
  let payments: KlarnaPaymentsClient;

  beforeEach(() => {
    runs = [];
    errors = [];
    payments = new KlarnaPaymentsClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
  });
  after(() => {
    for (const server of servers) server.close();
  });

  /** The merchant's handler: records the event and creates the order at the emulator. */
  const createsOrder: ExpressCheckoutWebhookHandler = async (request) => {
    runs.push(request);
    await payments.createOrder(request.event.paymentToken!, { ...ORDER, shipping_address: request.event.shipping?.address });
  };

  function options(extra: Partial<HandleExpressCheckoutWebhookOptions> = {}): HandleExpressCheckoutWebhookOptions {
    return { signingKeys: EMULATOR_WEBHOOK_SIGNING_KEY, store: new MemoryPlaceOrderStore(), onError: (error, stage) => void errors.push({ stage, error }), ...extra };
  }

  /** A node:http backend for the handler; the URL of its webhook endpoint. */
  async function listen(handler: ExpressCheckoutWebhookHandler, given = options()): Promise<string> {
    const server = createServer((request, response) => {
      void toWebRequest(request).then((webRequest) => handleExpressCheckoutWebhook(webRequest!, handler, given)).then((answer) => sendWebResponse(response, answer));
    });
    servers.push(server);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/klarna/webhooks`;
  }

  it('runs the handler with the completed payment request, which creates the order, and answers 200', async () => {
    const url = await listen(createsOrder);
    const issued = emulator.expressCheckout.issuePaymentToken({ payment_request_reference: 'cart-8841' });
    const answered = await emulator.expressCheckout.deliverCompleted(issued.payment_request_id, { url });
    assert.deepEqual([answered.status, answered.body], [200, '{"outcome":"handled"}']);
    const [run] = runs;
    assert.deepEqual([run?.event.paymentRequestId, run?.event.paymentToken, run?.event.klarnaNetworkSessionToken], [issued.payment_request_id, issued.payment_token, issued.klarna_network_session_token]);
    assert.equal(run?.event.paymentRequestReference, 'cart-8841', 'the page\'s reference, to find the cart by');
    assert.deepEqual(run?.event.shipping, issued.shipping);
    assert.deepEqual(run?.event.klarnaCustomer, issued.klarna_customer);
    assert.equal(emulator.expressCheckout.orders.length, 1);
    assert.deepEqual({ ...emulator.expressCheckout.orders[0]?.order.shipping_address as object }, issued.shipping.address);
    assert.deepEqual(errors, []);
  });

  it('answers a repeated delivery of the same payment request 200 without running the handler again', async () => {
    const url = await listen(createsOrder);
    const { payment_request_id: id } = emulator.expressCheckout.issuePaymentToken();
    const first = await emulator.expressCheckout.deliverCompleted(id, { url });
    const again = await emulator.expressCheckout.deliverCompleted(id, { url });
    assert.deepEqual([first.status, again.status, again.body], [200, 200, first.body]);
    assert.equal(runs.length, 1);
    assert.equal(emulator.expressCheckout.orders.length, 1);
    // A replay says so in a header, for the merchant's logs.
    const { payment_token: token } = emulator.expressCheckout.tokens.get([...emulator.expressCheckout.tokens.keys()][0]!)!;
    const store = new MemoryPlaceOrderStore();
    const body = completed({ payment_request_id: 'krn:payment:eu1:request:replayed', payment_token: token });
    await handleExpressCheckoutWebhook(delivery(body), () => undefined, options({ store }));
    const replay = await handleExpressCheckoutWebhook(delivery(body), () => undefined, options({ store }));
    assert.equal(replay.headers.get('klarna-elements-replay'), 'true');
  });

  it('refuses a forged delivery with 401 and never runs the handler: unsigned, another key, a body changed after signing', async () => {
    const body = completed({ payment_request_id: 'krn:payment:eu1:request:forged', payment_token: 'token-1' });
    const forgeries = [
      delivery(body, { 'klarna-signature': '' }),
      new Request('http://shop.test/klarna/webhooks', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      delivery(body, { 'klarna-signature': sign(body, 'a-key-the-merchant-never-had') }),
      delivery(body.replace('token-1', 'token-2'), { 'klarna-signature': sign(body) }),
      delivery(body, { 'klarna-signature': 'not a signature' }),
    ];
    for (const forged of forgeries) {
      const answer = await handleExpressCheckoutWebhook(forged, () => assert.fail('the handler ran'), options());
      assert.deepEqual([answer.status, await answer.json()], [401, { error: 'the delivery is not signed with your webhook signing key' }]);
    }
    assert.deepEqual(errors.map(({ stage }) => stage), ['delivery', 'delivery', 'delivery', 'delivery', 'delivery']);
    // The merchant's log says which: what is missing, unreadable, or matches no key.
    const prefix = 'Refused webhook delivery: the delivery is not signed with your webhook signing key (';
    assert.deepEqual(errors.map(({ error }) => (error as Error).message.replace(prefix, '').replace(/\)\.$/, '')), [
      'the Klarna-Signature header is not the hex or base64 of a 32-byte MAC',
      'no Klarna-Signature header',
      'the Klarna-Signature does not match the signing key given: check signingKeys, and that nothing changed the body before this handler',
      'the Klarna-Signature does not match the signing key given: check signingKeys, and that nothing changed the body before this handler',
      'the Klarna-Signature header is not the hex or base64 of a 32-byte MAC',
    ]);
  });

  it('takes a body a framework read raw before the route (Express\'s express.raw() sets req.body to its bytes), as docs/server.md shows', async () => {
    const server = createServer((request, response) => {
      // What express.raw({ type: 'application/json' }) does before the route: the stream read, its bytes in req.body.
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Object.assign(request, { body: Buffer.concat(chunks) });
        void toWebRequest(raw).then((webRequest) => handleExpressCheckoutWebhook(webRequest!, (run) => void runs.push(run), options())).then((answer) => sendWebResponse(response, answer));
      });
    });
    servers.push(server);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const issued = emulator.expressCheckout.issuePaymentToken();
    const delivered = await emulator.expressCheckout.deliverCompleted(issued.payment_request_id, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/klarna/webhooks` });
    assert.equal(delivered.status, 200, delivered.body);
    assert.deepEqual(runs.map(({ event }) => event.paymentRequestId), [issued.payment_request_id]);
  });

  /** A node:http backend with the listener on the route, after `before` (what a framework's body parser does). */
  async function listenWithListener(before: (request: IncomingMessage) => Promise<IncomingMessage>): Promise<string> {
    const listener = expressCheckoutWebhookListener((run) => void runs.push(run), options());
    const server = createServer((request, response) => void before(request).then((parsed) => listener(parsed, response)));
    servers.push(server);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/klarna/webhooks`;
  }

  /** The request's body read by a body parser before the route: its bytes (express.raw()) or its JSON (express.json()). */
  function bodyParser(kind: 'raw' | 'json') {
    return async (request: IncomingMessage) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      return Object.assign(request, { body: kind === 'raw' ? bytes : JSON.parse(bytes.toString('utf8')) as unknown });
    };
  }

  it('expressCheckoutWebhookListener runs the handler on Node\'s http, as it came, read raw (express.raw()), or left unread', async () => {
    // Express 4's express.raw() with a content type it does not take sets req.body to {} and reads nothing.
    const unreadWithEmptyBody = (request: IncomingMessage) => Promise.resolve(Object.assign(request, { body: {} }));
    for (const before of [(request: IncomingMessage) => Promise.resolve(request), bodyParser('raw'), unreadWithEmptyBody]) {
      const url = await listenWithListener(before);
      const issued = emulator.expressCheckout.issuePaymentToken();
      const delivered = await emulator.expressCheckout.deliverCompleted(issued.payment_request_id, { url });
      assert.deepEqual([delivered.status, delivered.body], [200, '{"outcome":"handled"}']);
      assert.equal(runs.at(-1)?.event.paymentRequestId, issued.payment_request_id);
    }
    assert.equal(runs.length, 3);
    assert.deepEqual(errors, []);
  });

  it('takes a signed delivery whose payment_request_reference is null or not a string as one without a reference', async () => {
    for (const reference of [null, 42]) {
      const json = completed({ payment_request_id: `krn:payment:eu1:request:reference-${String(reference)}`, payment_token: 'token-1', payment_request_reference: reference });
      const answer = await handleExpressCheckoutWebhook(delivery(json), (run) => void runs.push(run), options());
      assert.equal(answer.status, 200, await answer.clone().text());
    }
    assert.deepEqual(runs.map(({ event }) => event.paymentRequestReference), [undefined, undefined]);
  });

  it('expressCheckoutWebhookListener refuses a body express.json() parsed first (500, delivered again later), and says to mount express.raw()', async () => {
    const url = await listenWithListener(bodyParser('json'));
    const issued = emulator.expressCheckout.issuePaymentToken();
    const delivered = await emulator.expressCheckout.deliverCompleted(issued.payment_request_id, { url });
    assert.equal(delivered.status, 500);
    assert.deepEqual(runs, []);
    assert.deepEqual(errors.map(({ stage }) => stage), ['delivery']);
    assert.match(String((errors[0]?.error as Error).message), /express\.raw\(\{ type: 'application\/json' \}\) on this route/);
  });

  it('checks the signature over the body\'s bytes as they came: a byte-order mark is part of what Klarna signed', async () => {
    const json = completed({ payment_request_id: 'krn:payment:eu1:request:with-bom', payment_token: 'token-1' });
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]);
    const signature = createHmac('sha256', EMULATOR_WEBHOOK_SIGNING_KEY).update(bytes).digest('hex');
    const signed = new Request('http://shop.test/klarna/webhooks', { method: 'POST', headers: { 'content-type': 'application/json', 'klarna-signature': signature }, body: bytes });
    const answer = await handleExpressCheckoutWebhook(signed, (request) => void runs.push(request), options());
    assert.equal(answer.status, 200);
    assert.equal(runs.length, 1);
  });

  it('takes the signature as hex or base64, and any of several keys (a rotation)', async () => {
    const body = completed({ payment_request_id: 'krn:payment:eu1:request:rotated', payment_token: 'token-1' });
    const given = options({ signingKeys: ['old-key', 'new-key'] });
    for (const signature of [sign(body, 'old-key'), sign(body, 'new-key', 'base64'), sign(body, 'new-key').toUpperCase()]) {
      const answer = await handleExpressCheckoutWebhook(delivery(body, { 'klarna-signature': signature }), (request) => void runs.push(request), { ...given, store: new MemoryPlaceOrderStore() });
      assert.equal(answer.status, 200, signature);
    }
    assert.equal(runs.length, 3);
  });

  it('refuses a malformed delivery with 400 (after its signature is checked), and answers other events 200 without running the handler', async () => {
    const cases: [string, number, object][] = [
      ['not json', 400, { error: 'the body is not JSON' }],
      ['[1]', 400, { error: 'the body is not a JSON object' }],
      [JSON.stringify({ payload: {} }), 400, { error: 'event_type is missing' }],
      [completed({ payment_token: 'token-1' }), 400, { error: 'payment_request_id is missing or not an id Klarna issues' }],
      [completed({ payment_request_id: '..', payment_token: 'token-1' }), 400, { error: 'payment_request_id is missing or not an id Klarna issues' }],
      [completed({ payment_request_id: 'krn:1', payment_token: 'token-1', state: 'CANCELED' }), 400, { error: 'state must be COMPLETED for this event' }],
      [completed({ payment_request_id: 'krn:1' }), 400, { error: 'payment_token or klarna_network_session_token is missing' }],
      [completed({ payment_request_id: 'krn:1', payment_token: 'tok en' }), 400, { error: 'a token is not one Klarna issues' }],
      [completed({ payment_request_id: 'krn:1', payment_token: 'token-1', shipping: 'door' }), 400, { error: 'shipping and klarna_customer must be objects' }],
      [completed({ payment_request_id: 'krn:1' }, 'payment.request.state-change.canceled'), 200, { outcome: 'ignored' }],
    ];
    for (const [body, status, answerBody] of cases) {
      const answer = await handleExpressCheckoutWebhook(delivery(body), () => assert.fail('the handler ran'), options());
      assert.deepEqual([answer.status, await answer.json()], [status, answerBody], body);
    }
    const plain = await handleExpressCheckoutWebhook(delivery('x', { 'content-type': 'text/plain' }), () => assert.fail('the handler ran'), options());
    assert.equal(plain.status, 415);
    const get = await handleExpressCheckoutWebhook(delivery('', {}, 'GET'), () => assert.fail('the handler ran'), options());
    assert.deepEqual([get.status, get.headers.get('allow')], [405, 'POST']);
  });

  it('takes the payload at the top level too, without the envelope', async () => {
    const body = JSON.stringify({ event_type: 'payment.request.state-change.completed', payment_request_id: 'krn:payment:eu1:request:flat', state: 'COMPLETED', payment_token: 'token-1' });
    const answer = await handleExpressCheckoutWebhook(delivery(body), (request) => void runs.push(request), options());
    assert.equal(answer.status, 200);
    assert.deepEqual([runs[0]?.event.paymentRequestId, runs[0]?.event.paymentToken, runs[0]?.event.eventId], ['krn:payment:eu1:request:flat', 'token-1', undefined]);
  });

  it('answers 500 when the handler fails and gives the payment request up, so the next delivery runs it again', async () => {
    let failures = 1;
    const url = await listen(async (request) => {
      if (failures-- > 0) throw new Error('the order database is down');
      await createsOrder(request);
    });
    const { payment_request_id: id } = emulator.expressCheckout.issuePaymentToken();
    const failed = await emulator.expressCheckout.deliverCompleted(id, { url });
    assert.deepEqual([failed.status, failed.body], [500, '{"error":"the merchant\'s handler failed; deliver it again"}']);
    assert.deepEqual(errors.map(({ stage, error }) => [stage, (error as Error).message]), [['handler', 'the order database is down']]);
    const redelivered = await emulator.expressCheckout.deliverCompleted(id, { url });
    assert.deepEqual([redelivered.status, redelivered.body], [200, '{"outcome":"handled"}']);
    const later = await emulator.expressCheckout.deliverCompleted(id, { url });
    assert.equal(later.status, 200);
    assert.equal(runs.length, 1, 'ran to its end once');
    assert.equal(emulator.expressCheckout.orders.length, 1);
  });

  it('asks Klarna to deliver later (503), running nothing, when the store cannot be reached', async () => {
    const broken: PlaceOrderStore = { claim: () => Promise.reject(new Error('store down')), answer: () => Promise.resolve(undefined), settle: () => Promise.resolve(), release: () => Promise.resolve() };
    const body = completed({ payment_request_id: 'krn:payment:eu1:request:1', payment_token: 'token-1' });
    const answer = await handleExpressCheckoutWebhook(delivery(body), () => assert.fail('the handler ran'), options({ store: broken }));
    assert.deepEqual([answer.status, answer.headers.get('retry-after'), await answer.json()], [503, '5', { error: 'could not check whether this payment request was already handled' }]);
  });

  it('never accepts a delivery when no signing key is configured (500), and says so to onError', async () => {
    const body = completed({ payment_request_id: 'krn:payment:eu1:request:1', payment_token: 'token-1' });
    for (const signingKeys of [undefined, '', [], ['']]) {
      errors = [];
      const answer = await handleExpressCheckoutWebhook(delivery(body), () => assert.fail('the handler ran'), options({ signingKeys: signingKeys as never }));
      assert.deepEqual([answer.status, await answer.json()], [500, { error: 'the webhook delivery could not be handled' }]);
      assert.match((errors[0]?.error as Error).message, /signingKeys must be a non-empty string/);
    }
  });
});

describe('handleExpressCheckoutWebhook with a polluted Object.prototype', () => {
  it('takes no inherited signing key: a delivery signed with it is not accepted', async () => {
    const body = completed({ payment_request_id: 'krn:payment:eu1:request:1', payment_token: 'token-1' });
    const forged = delivery(body, { 'klarna-signature': sign(body, 'attacker-key') });
    const answer = await withPollutedPrototype({ signingKeys: 'attacker-key' }, () =>
      handleExpressCheckoutWebhook(forged, () => assert.fail('the handler ran'), { store: new MemoryPlaceOrderStore() } as never));
    assert.equal(answer.status, 500);
  });

  it('finds no event in a signed body of {}, whatever Object.prototype holds', async () => {
    const request = delivery('{}');
    const fields = { event_type: 'payment.request.state-change.completed', payment_request_id: 'krn:1', state: 'COMPLETED', payment_token: 'token-1' };
    const answer = await withPollutedPrototype(fields, () =>
      handleExpressCheckoutWebhook(request, () => assert.fail('the handler ran'), { signingKeys: EMULATOR_WEBHOOK_SIGNING_KEY, store: new MemoryPlaceOrderStore() }));
    assert.deepEqual([answer.status, await answer.json()], [400, { error: 'event_type is missing' }]);
  });
});

describe('handleExpressCheckoutWebhook, twenty deliveries at once to two backend processes sharing Redis', () => {
  const redis = useRedis();
  let child: ChildProcess | undefined;
  let inProcess: { url: string; close: () => Promise<void> } | undefined;

  afterEach(async () => {
    child?.kill('SIGTERM');
    await inProcess?.close();
  });

  /** The backend as a second Node process; resolves its webhook URL once it listens. */
  async function spawnBackend(settings: Record<string, string>): Promise<string> {
    const script = resolve(import.meta.dirname, 'webhook-backend-process.ts');
    child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...settings }, stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = await Promise.race([
      (async () => {
        for await (const output of createInterface({ input: child.stdout! })) return [output];
        return [''];
      })(),
      new Promise<never>((_, reject) => child!.once('exit', (code) => reject(new Error(`the backend process exited with ${code}`)))),
    ]);
    return line!;
  }

  it('runs the handler once, creates one order, and answers every delivery 200', async () => {
    const redisPort = redis.client().options.port!;
    const settings = { redisPort, emulatorUrl: emulator.url, signingKey: EMULATOR_WEBHOOK_SIGNING_KEY, handlerDelayMs: 200 };
    const [second, first] = await Promise.all([
      spawnBackend({ REDIS_PORT: String(redisPort), EMULATOR_URL: emulator.url, SIGNING_KEY: EMULATOR_WEBHOOK_SIGNING_KEY, HANDLER_DELAY_MS: '200' }),
      startWebhookBackend(settings).then((started) => (inProcess = started).url),
    ]);
    assert.notEqual(first, second);
    const { payment_request_id: id } = emulator.expressCheckout.issuePaymentToken();
    const deliveries = await Promise.all(Array.from({ length: 20 }, (_, index) => emulator.expressCheckout.deliverCompleted(id, { url: index % 2 ? second : first })));
    assert.deepEqual(deliveries.map((made) => [made.status, made.body]), deliveries.map(() => [200, '{"outcome":"handled"}']));
    assert.equal(await redis.client().get(HANDLER_RUNS_KEY), '1', 'the handler ran once, in one of the two processes');
    assert.equal(emulator.expressCheckout.orders.length, 1);
    assert.equal(new Set(deliveries.map((made) => made.url)).size, 2, 'both processes were delivered to');
  });
});
