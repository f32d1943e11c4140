import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME } from '../../src/emulator/index.js';
import {
  approve,
  deny,
  handlePlaceOrder,
  InstantShoppingClient,
  placeOrderListener,
  RedisPlaceOrderStore,
  type HandlePlaceOrderOptions,
  type NodeRequest,
  type PlaceOrderDecision,
  type PlaceOrderHandler,
  type PlaceOrderRequest,
  type PlaceOrderResult,
  type PlaceOrderStage,
} from '../../src/server/index.js';
import { ORDER, purchase } from './instant-shopping-fixtures.js';
import { useEmulator } from './use-emulator.js';
import { useRedis } from './use-redis.js';

const emulator = useEmulator();
let client: InstantShoppingClient;

/** The merchant backend under test: a node:http server whose decision each test sets. */
const merchant = {
  decide: (() => approve()) as PlaceOrderHandler,
  seen: [] as PlaceOrderRequest[],
  results: [] as PlaceOrderResult[],
  errors: [] as { stage: PlaceOrderStage; error: unknown }[],
  servers: [] as Server[],
  options(): HandlePlaceOrderOptions {
    return {
      client,
      onResult: (result) => void this.results.push(result),
      onError: (error, stage) => void this.errors.push({ stage, error }),
      fallbackDenyMessage: 'Sorry, we could not take your order.',
    };
  },
  handler: ((request) => {
    merchant.seen.push(request);
    return merchant.decide(request);
  }) as PlaceOrderHandler,
  async listen(preParse = false, extra: Partial<HandlePlaceOrderOptions> = {}): Promise<string> {
    const listener = placeOrderListener(this.handler, { ...this.options(), ...extra });
    return this.serve((request: NodeRequest, response) => {
      // Like Express with express.json() before the route: the body arrives parsed.
      const parsed = preParse ? readBody(request).then((text) => (request.body = JSON.parse(text) as unknown)) : Promise.resolve();
      void parsed.then(() => listener(request, response));
    });
  },
  /** A node:http server for `route`; the URL of its place_order endpoint. */
  async serve(route: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
    const server = createServer(route);
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/klarna/place-order`;
  },
};

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

interface DialogAnswer {
  outcome: string;
  order_id?: string;
  fraud_status?: string;
  deny_code?: string;
  deny_message?: string;
  confirmation_url?: string;
}

/** A purchase through the emulated dialog's endpoint, for a key whose place_order URL is `url`. */
async function buy(url: string, order: object = ORDER): Promise<DialogAnswer> {
  const { button_key: key } = await client.createButtonKey({ merchant_urls: { place_order: url } });
  return (await (await purchase(emulator, key, order)).json()) as DialogAnswer;
}

describe('handlePlaceOrder', () => {
  let url: string;
  before(async () => {
    client = new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
    url = await merchant.listen();
  });
  after(() => {
    for (const server of merchant.servers) server.close();
  });
  beforeEach(() => {
    Object.assign(merchant, { decide: () => approve(), seen: [], results: [], errors: [] });
  });

  it('places the order the handler approves, with its changes, and reports the result', async () => {
    merchant.decide = () => approve({ merchant_reference1: 'A-1001', merchant_urls: { confirmation: 'https://shop.example/orders/A-1001' } });
    const answer = await buy(url);
    assert.deepEqual(merchant.seen.map((request) => request.order), [ORDER]);
    const [result] = merchant.results;
    assert.equal(result?.action, 'approved');
    if (result?.action !== 'approved') return;
    assert.equal(result.placed.outcome, 'accepted');
    assert.equal(result.order.merchant_reference1, 'A-1001');
    assert.deepEqual(answer, { outcome: 'approved', order_id: result.placed.orderId, fraud_status: 'ACCEPTED', confirmation_url: 'https://shop.example/orders/A-1001', authorization_token: result.authorizationToken } as DialogAnswer);
    assert.deepEqual(merchant.errors, []);
  });

  it('reports a PENDING order as pending, for the merchant to hold', async () => {
    emulator.configure({ instantShopping: { fraudStatus: 'PENDING' } });
    const answer = await buy(url);
    assert.equal(answer.fraud_status, 'PENDING');
    const [result] = merchant.results;
    assert.equal(result?.action === 'approved' && result.placed.outcome, 'pending');
  });

  it('denies with the handler\'s code, and the consumer sees it', async () => {
    merchant.decide = () => deny({ code: 'item_out_of_stock' });
    const answer = await buy(url);
    assert.deepEqual([answer.outcome, answer.deny_code], ['denied', 'item_out_of_stock']);
    assert.deepEqual(merchant.results.map((result) => result.action), ['denied']);
  });

  it('denies with the fallback message when the handler throws, and says so', async () => {
    merchant.decide = () => {
      throw new Error('stock service down');
    };
    const answer = await buy(url);
    assert.deepEqual([answer.outcome, answer.deny_code, answer.deny_message], ['denied', 'other', 'Sorry, we could not take your order.']);
    assert.deepEqual(merchant.errors.map(({ stage, error }) => [stage, (error as Error).message]), [['handler', 'stock service down']]);
    assert.deepEqual(merchant.results, []);
  });

  it('denies with the fallback message when the handler decides what cannot be sent, and names the mistake', async () => {
    const mistakes: [string, () => PlaceOrderDecision, RegExp][] = [
      ['other without a message', () => deny({ code: 'other' } as never), /deny\(…\): message is required with code "other"/],
      ['an unknown code', () => deny({ code: 'too_expensive' } as never), /deny\(…\): code "too_expensive" is not a deny code/],
      ['a code and a redirect', () => deny({ code: 'address_error', redirectUrl: 'https://shop.example/sorry' } as never), /redirectUrl goes alone/],
      ['a redirect that is not http(s)', () => deny({ redirectUrl: 'javascript:alert(1)' }), /redirectUrl must be an http\(s\) URL/],
      ['no reason at all', () => deny(undefined as never), /deny\(…\): reason must be/],
      ['changes that are not an object', () => approve('A-1001' as never), /approve\(…\): changes must be an object/],
      ['no decision', () => undefined as never, /must return approve\(…\) or deny\(…\)/],
    ];
    for (const [mistake, decide, named] of mistakes) {
      Object.assign(merchant, { decide, errors: [] });
      const answer = await buy(url);
      assert.deepEqual([answer.outcome, answer.deny_code, answer.deny_message], ['denied', 'other', 'Sorry, we could not take your order.'], mistake);
      assert.deepEqual(merchant.errors.map(({ stage }) => stage), ['handler'], mistake);
      assert.match((merchant.errors[0]?.error as Error).message, named, mistake);
    }
    assert.deepEqual(merchant.results, []);
  });

  it('denies with the fallback message when Klarna refuses the handler\'s deny as invalid', async () => {
    const verifyOff = await merchant.listen(false, { verify: false });
    merchant.decide = ({ authorizationToken }) => {
      // Klarna refuses the first DELETE for this purchase (the handler's), as it would a deny it finds invalid.
      emulator.configure({ faults: [{ path: `/instantshopping/v1/authorizations/${authorizationToken}`, status: 400, times: 1 }] });
      return deny({ code: 'address_error' });
    };
    const answer = await buy(verifyOff);
    assert.deepEqual([answer.outcome, answer.deny_code, answer.deny_message], ['denied', 'other', 'Sorry, we could not take your order.']);
    assert.deepEqual(merchant.errors.map(({ stage, error }) => [stage, (error as { status?: number }).status]), [['deny', 400]]);
  });

  it('still denies when the fallback message cannot be sent (the default goes instead) or onError itself throws', async () => {
    const failing = () => {
      throw new Error('stock service down');
    };
    const blankMessage = await merchant.listen(false, { fallbackDenyMessage: ' ' });
    merchant.decide = failing;
    const answer = await buy(blankMessage);
    assert.deepEqual([answer.outcome, answer.deny_code, answer.deny_message], ['denied', 'other', 'We could not complete your order. No payment has been taken; please try again later.']);
    assert.deepEqual(merchant.errors.map(({ stage }) => stage), ['handler', 'deny']);
    assert.match((merchant.errors[1]?.error as Error).message, /fallbackDenyMessage must be a non-empty string: the default message was sent instead/);

    const throwingLogger = await merchant.listen(false, { onError: () => {
      throw new Error('the logger is down');
    } });
    const second = await buy(throwingLogger);
    assert.deepEqual([second.outcome, second.deny_code, second.deny_message], ['denied', 'other', 'Sorry, we could not take your order.']);
  });

  it('trusts Klarna\'s copy of the order, not the posted one, and refuses a token Klarna does not know', async () => {
    const { authorization_token: token } = (await (await purchase(emulator, 'key-without-callback')).json()) as { authorization_token: string };
    const forged = { authorization_token: token, order: { ...ORDER, order_amount: 1, order_lines: [{ ...ORDER.order_lines[0]!, unit_price: 1, total_amount: 1 }] } };
    merchant.decide = () => deny({ code: 'address_error' });
    const tampered = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    assert.equal(tampered.status, 200);
    assert.deepEqual(merchant.seen.map((request) => request.order), [ORDER]);

    const unknown = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...forged, authorization_token: 'made-up' }) });
    assert.deepEqual([unknown.status, await unknown.json()], [400, { error: 'Klarna does not know this authorization token' }]);
    assert.equal(merchant.seen.length, 1, 'the handler never saw the made-up token');
    assert.deepEqual(merchant.errors.map(({ stage }) => stage), ['verify']);
  });

  it('answers 405 to other methods and 400 to a body that is not a callback, without calling the handler', async () => {
    const options = merchant.options();
    const get = await handlePlaceOrder(new Request('http://shop.test/klarna/place-order'), merchant.handler, options);
    assert.deepEqual([get.status, get.headers.get('allow')], [405, 'POST']);
    for (const [body, error] of [['not json', 'the body is not JSON'], ['{"order":{}}', 'authorization_token is missing'], ['{"authorization_token":"t"}', 'order is missing']]) {
      const response = await handlePlaceOrder(new Request('http://shop.test/klarna/place-order', { method: 'POST', headers: { 'content-type': 'application/json' }, body }), merchant.handler, options);
      assert.deepEqual([response.status, await response.json()], [400, { error }]);
    }
    assert.equal(merchant.seen.length, 0);
    assert.deepEqual(merchant.errors.map(({ stage }) => stage), ['callback', 'callback', 'callback']);
  });

  it('refuses a token that would leave its path (".", ".."), before asking Klarna anything', async () => {
    const before = emulator.records.requests.length;
    for (const token of ['..', '.']) {
      const forged = new Request('http://shop.test/klarna/place-order', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authorization_token: token, order: ORDER }) });
      const response = await handlePlaceOrder(forged, merchant.handler, { ...merchant.options(), verify: false });
      assert.deepEqual([response.status, await response.json()], [400, { error: 'authorization_token is not a token Klarna issues' }]);
    }
    assert.equal(emulator.records.requests.length, before, 'no request reached Klarna');
    assert.equal(merchant.seen.length, 0);
  });

  it('refuses a token Klarna could never have sent (half a character, a control, a space, beyond ASCII) with 400, before asking Klarna anything', async () => {
    const before = emulator.records.requests.length;
    for (const token of ['tok\ud800x', '\udc00', 'tok\ud83d', 'tok\u0000en', 'tok en', 'tök', '🙂']) {
      for (const verify of [true, false]) {
        merchant.errors = [];
        const forged = new Request('http://shop.test/klarna/place-order', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authorization_token: token, order: ORDER }) });
        const response = await handlePlaceOrder(forged, merchant.handler, { ...merchant.options(), verify });
        const label = `${JSON.stringify(token)}, verify ${verify}`;
        assert.deepEqual([response.status, await response.json()], [400, { error: 'authorization_token is not a token Klarna issues' }], label);
        assert.deepEqual(merchant.errors.map(({ stage }) => stage), ['callback'], label);
        assert.match((merchant.errors[0]?.error as Error).message, /authorization_token must be printable ASCII without spaces/, label);
      }
    }
    // The same through Node's http, as Klarna (or a forger) would post it.
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"authorization_token":"tok\\ud800x","order":{}}' });
    assert.deepEqual([response.status, await response.json()], [400, { error: 'authorization_token is not a token Klarna issues' }]);
    assert.equal(emulator.records.requests.length, before, 'no request reached Klarna');
    assert.equal(merchant.seen.length, 0);
  });

  it('answers a callback with a Host header that makes no URL as it answers any other (4xx here), not with a 500', async () => {
    const { port } = new URL(url);
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        const body = '{"order":{}}';
        socket.end(`POST /klarna/place-order HTTP/1.1\r\nHost: [\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      });
      let received = '';
      socket.on('data', (chunk) => (received += String(chunk)));
      socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    assert.equal(status, 'HTTP/1.1 400 Bad Request');
  });

  it('refuses a body that is not JSON by its content type (415) or too large (413), before parsing it', async () => {
    const options = { ...merchant.options(), maxBodyBytes: 2000 };
    const callback = JSON.stringify({ authorization_token: 'token', order: ORDER });
    const plain = await handlePlaceOrder(new Request('http://shop.test/p', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: callback }), merchant.handler, options);
    assert.deepEqual([plain.status, await plain.json()], [415, { error: 'the body must be JSON (content-type: application/json)' }]);
    const large = JSON.stringify({ authorization_token: 'token', order: { ...ORDER, merchant_data: 'x'.repeat(3000) } });
    const tooLarge = await handlePlaceOrder(new Request('http://shop.test/p', { method: 'POST', headers: { 'content-type': 'application/json' }, body: large }), merchant.handler, options);
    assert.deepEqual([tooLarge.status, await tooLarge.json()], [413, { error: 'the body is larger than 2000 bytes' }]);
    // Streamed without a length, through Node's http: the listener stops reading at the limit.
    const url = await merchant.listen(false, { maxBodyBytes: 2000 });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Blob([large]).stream(), duplex: 'half' } as RequestInit);
    assert.deepEqual([response.status, await response.json()], [413, { error: 'the body is larger than 2000 bytes' }]);
    assert.equal(merchant.seen.length, 0);
  });

  it('works behind a framework that has already parsed the body (Express with express.json())', async () => {
    const parsedUrl = await merchant.listen(true);
    merchant.decide = () => approve();
    const answer = await buy(parsedUrl);
    assert.equal(answer.outcome, 'approved');
    assert.deepEqual(merchant.seen.map((request) => request.order), [ORDER]);
  });

  it('takes the body a framework parsed from its own request around Node\'s, and answers through its reply (Fastify)', async () => {
    const listener = placeOrderListener(merchant.handler, merchant.options());
    let hijacked = 0;
    // As Fastify does: it reads and parses the body, then gives the route its own request and reply around Node's.
    const fastifyLike = await merchant.serve((request, response) => {
      void readBody(request).then((text) => {
        const reply = { raw: response, hijack: () => void hijacked++ };
        return listener({ raw: request, body: JSON.parse(text) as unknown }, reply);
      });
    });
    const answer = await buy(fastifyLike);
    assert.equal(answer.outcome, 'approved');
    assert.deepEqual(merchant.seen.map((request) => request.order), [ORDER]);
    assert.equal(hijacked, 1, 'the framework was told the listener answers');
    assert.deepEqual(merchant.errors, []);
  });

  it('says what to fix when something read the body before the route and kept it (500), instead of calling the body not JSON', async () => {
    const listener = placeOrderListener(merchant.handler, merchant.options());
    // A body parser that read the body and kept what it parsed to itself (Fastify's request.raw given alone).
    const readFirst = await merchant.serve((request, response) => void readBody(request).then(() => listener(request, response)));
    const callback = JSON.stringify({ authorization_token: 'token', order: ORDER });
    const delivered = await fetch(readFirst, { method: 'POST', headers: { 'content-type': 'application/json' }, body: callback });
    assert.deepEqual([delivered.status, await delivered.json()], [500, { error: 'the place_order callback could not be handled' }]);
    assert.deepEqual(merchant.errors.map(({ stage }) => stage), ['callback']);
    assert.match((merchant.errors[0]?.error as Error).message, /already read .*Fastify: the request itself, not request\.raw/);

    // The same for a Request whose body a middleware read (Hono's c.req.json() before the route).
    merchant.errors = [];
    const request = new Request('http://shop.test/klarna/place-order', { method: 'POST', headers: { 'content-type': 'application/json' }, body: callback });
    await request.json();
    const response = await handlePlaceOrder(request, merchant.handler, merchant.options());
    assert.deepEqual([response.status, await response.json()], [500, { error: 'the place_order callback could not be handled' }]);
    assert.deepEqual(merchant.errors.map(({ stage }) => stage), ['callback']);
    assert.match((merchant.errors[0]?.error as Error).message, /already read before handlePlaceOrder/);
    assert.equal(merchant.seen.length, 0);
  });
});

describe('handlePlaceOrder, when one callback is delivered more than once', () => {
  const redis = useRedis();
  const tokens = async () => ((await (await purchase(emulator, 'key-without-callback')).json()) as { authorization_token: string }).authorization_token;
  const deliver = (target: string, token: string) =>
    fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authorization_token: token, order: ORDER }) });
  let orderNumbers = 0;

  before(() => {
    client = new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
  });
  after(() => {
    for (const server of merchant.servers) server.close();
  });
  beforeEach(() => {
    Object.assign(merchant, { decide: () => approve({ merchant_reference1: `A-${++orderNumbers}` }), seen: [], results: [], errors: [] });
  });

  it('runs the handler once for three deliveries, two at once and one later, and answers each the same', async () => {
    const url = await merchant.listen();
    const token = await tokens();
    const [first, second] = await Promise.all([deliver(url, token), deliver(url, token)]);
    const later = await deliver(url, token);
    const bodies = await Promise.all([first, second, later].map((response) => response.json() as Promise<{ order_id?: string }>));
    assert.deepEqual([first.status, second.status, later.status], [200, 200, 200]);
    assert.ok(bodies[0]!.order_id);
    assert.deepEqual(bodies, [bodies[0], bodies[0], bodies[0]]);
    assert.equal(merchant.seen.length, 1, 'the handler ran once');
    assert.equal(merchant.results.length, 1, 'onResult ran once');
    assert.equal(later.headers.get('klarna-elements-replay'), 'true');
  });

  it('decides once across two backend processes that share a Redis store', async () => {
    const [one, two] = await Promise.all([
      merchant.listen(false, { store: new RedisPlaceOrderStore(redis.client()) }),
      merchant.listen(false, { store: new RedisPlaceOrderStore(redis.client()) }),
    ]);
    const token = await tokens();
    const answers = await Promise.all([deliver(one, token), deliver(two, token), deliver(one, token)]);
    const bodies = await Promise.all(answers.map((response) => response.json() as Promise<{ order_id?: string }>));
    assert.deepEqual(answers.map((response) => response.status), [200, 200, 200]);
    assert.deepEqual(new Set(bodies.map((body) => body.order_id)).size, 1);
    assert.equal(merchant.seen.length, 1, 'one handler ran, in one of the two processes');
    // A later delivery, to either process, from the stored answer.
    assert.deepEqual(await (await deliver(two, token)).json(), bodies[0]);
    assert.equal(merchant.seen.length, 1);
  });

  it('lets a later delivery decide when the first could not reach Klarna', async () => {
    const url = await merchant.listen();
    const token = await tokens();
    emulator.configure({ faults: [{ path: `/instantshopping/v1/authorizations/${token}/orders`, status: 503, times: 3 }] });
    const failed = await deliver(url, token);
    assert.equal(failed.status, 502);
    const retried = await deliver(url, token);
    assert.equal(retried.status, 200);
    assert.equal(merchant.results.length, 1);
  });

  it('keeps no answer when the fallback deny could not reach Klarna, so a later delivery denies it', async () => {
    // Without verify, only the deny uses the authorization's path, where the fault is.
    const url = await merchant.listen(false, { verify: false });
    const token = await tokens();
    merchant.decide = () => {
      throw new Error('stock service down');
    };
    emulator.configure({ faults: [{ path: `/instantshopping/v1/authorizations/${token}`, status: 503, times: 3 }] });
    const failed = await deliver(url, token);
    assert.deepEqual([failed.status, await failed.json()], [502, { error: 'could not deny the order at Klarna' }]);
    const retried = await deliver(url, token);
    assert.equal(retried.status, 500, 'denied with the fallback this time');
    assert.equal(merchant.seen.length, 2);
  });

  it('asks Klarna to try later, running no handler, when the store cannot be reached', async () => {
    const broken = { claim: () => Promise.reject(new Error('store down')), answer: () => Promise.resolve(undefined), settle: () => Promise.resolve(), release: () => Promise.resolve() };
    const url = await merchant.listen(false, { store: broken });
    const response = await deliver(url, await tokens());
    assert.deepEqual([response.status, response.headers.get('retry-after')], [503, '5']);
    assert.equal(merchant.seen.length, 0);
    assert.deepEqual(merchant.errors.map(({ stage }) => stage), ['record']);
  });
});
