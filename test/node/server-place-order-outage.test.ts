/**
 * "Decided once per token" through a store that fails while a delivery decides: a slow handler, and
 * a real Redis killed and started again (with its data) at points of a decision. Whatever the
 * timing, the merchant's handler and onResult run once per authorization token, and every later
 * delivery gets the first one's answer (after being asked to try later while it is not recorded).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME } from '../../src/emulator/index.js';
import {
  approve,
  InstantShoppingClient,
  MemoryPlaceOrderStore,
  placeOrderListener,
  RedisPlaceOrderStore,
  type PlaceOrderStage,
  type PlaceOrderStore,
} from '../../src/server/index.js';
import { ORDER, purchase } from './instant-shopping-fixtures.js';
import { useEmulator } from './use-emulator.js';
import { useRestartableRedis } from './use-restartable-redis.js';

const emulator = useEmulator();
const redis = useRestartableRedis();

/** A claim this short lapses during the outages below, as a default one would during a longer outage. */
const CLAIM_TTL_MS = 300;

/** A gate a handler waits at until the test opens it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('handlePlaceOrder through a store outage', () => {
  let client: InstantShoppingClient;
  const servers: Server[] = [];
  const merchant = { handlerRuns: 0, results: 0, stages: [] as PlaceOrderStage[] };
  let handlerEntered = gate();
  let handlerMayFinish = gate();

  before(() => {
    client = new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
  });
  after(() => {
    for (const server of servers) server.close();
  });
  beforeEach(() => {
    Object.assign(merchant, { handlerRuns: 0, results: 0, stages: [] });
    handlerEntered = gate();
    handlerMayFinish = gate();
  });

  /** The merchant's backend: its handler announces itself, then waits until the test lets it decide. */
  async function listen(store: PlaceOrderStore): Promise<string> {
    const listener = placeOrderListener(async () => {
      merchant.handlerRuns++;
      handlerEntered.open();
      await handlerMayFinish.opened;
      return approve({ merchant_reference1: `A-${merchant.handlerRuns}` });
    }, {
      client,
      store,
      claimTtlMs: CLAIM_TTL_MS,
      onResult: () => void merchant.results++,
      onError: (_, stage) => void merchant.stages.push(stage),
    });
    const server = createServer((request, response) => void listener(request, response));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/klarna/place-order`;
  }

  const authorize = async () => ((await (await purchase(emulator, 'key-without-callback')).json()) as { authorization_token: string }).authorization_token;

  const deliver = async (url: string, token: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authorization_token: token, order: ORDER }) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, replay: response.headers.get('klarna-elements-replay') };
  };

  /** Klarna delivering again, as it does after a 503, until it gets an answer (at most ~10 s). */
  async function deliverUntilAnswered(url: string, token: string) {
    for (let attempt = 0; ; attempt++) {
      const delivery = await deliver(url, token);
      if (delivery.status !== 503 || attempt === 40) return delivery;
      await sleep(250);
    }
  }

  it('runs the handler once when Redis dies while it runs and comes back with its data after the claim lapsed', async () => {
    const url = await listen(new RedisPlaceOrderStore(redis.client()));
    const token = await authorize();
    const first = deliver(url, token);
    await handlerEntered.opened;
    await redis.kill();
    handlerMayFinish.open();
    // Decided and placed at Klarna; the answer could not be written.
    const decided = await first;
    assert.deepEqual([decided.status, decided.body.outcome], [200, 'accepted']);
    assert.ok(merchant.stages.includes('record'), 'the failed write was reported');
    await sleep(CLAIM_TTL_MS * 2);
    await redis.start();

    const later = await deliverUntilAnswered(url, token);
    assert.deepEqual([later.status, later.body, later.replay], [200, decided.body, 'true']);
    assert.deepEqual([merchant.handlerRuns, merchant.results], [1, 1]);
  });

  it('never runs the handler again while the answer is not recorded, even once Redis is back for another process', async () => {
    // Process A decides; its link to Redis stays down after Redis is back, until the test heals it.
    let linkDown = false;
    const storeOfA = new RedisPlaceOrderStore(redis.client());
    const cutOff = () => (linkDown ? Promise.reject(new Error('A cannot reach Redis')) : undefined);
    const processA = await listen({
      claim: (token, ttlMs) => cutOff() ?? storeOfA.claim(token, ttlMs),
      renew: (token, ttlMs) => cutOff() ?? storeOfA.renew(token, ttlMs),
      answer: (token) => cutOff() ?? storeOfA.answer(token),
      settle: (token, answer, ttlMs) => cutOff() ?? storeOfA.settle(token, answer, ttlMs),
      release: (token) => cutOff() ?? storeOfA.release(token),
    });
    const processB = await listen(new RedisPlaceOrderStore(redis.client()));
    const token = await authorize();
    const first = deliver(processA, token);
    await handlerEntered.opened;
    await redis.kill();
    linkDown = true;
    handlerMayFinish.open();
    const decided = await first;
    assert.deepEqual([decided.status, decided.body.outcome], [200, 'accepted']);
    await sleep(CLAIM_TTL_MS * 2);
    await redis.start();

    // B sees a run whose claim lapsed with no answer: it waits, and Klarna is asked to try later.
    for (let attempt = 0; attempt < 3; attempt++) {
      const meanwhile = await deliver(processB, token);
      assert.deepEqual([meanwhile.status, meanwhile.body], [503, { error: 'another delivery of the same callback or webhook event is still being handled' }]);
    }
    linkDown = false;
    const later = await deliverUntilAnswered(processB, token);
    assert.deepEqual([later.status, later.body, later.replay], [200, decided.body, 'true']);
    assert.deepEqual([merchant.handlerRuns, merchant.results], [1, 1]);
  });

  it('runs the handler once when Redis dies while it runs and is back before it has decided', async () => {
    const url = await listen(new RedisPlaceOrderStore(redis.client()));
    const token = await authorize();
    const first = deliver(url, token);
    await handlerEntered.opened;
    await redis.kill();
    await sleep(CLAIM_TTL_MS * 2);
    await redis.start();
    // Klarna delivers again while the first delivery still decides.
    const meanwhile = deliverUntilAnswered(url, token);
    await sleep(CLAIM_TTL_MS);
    handlerMayFinish.open();
    const [decided, later] = await Promise.all([first, meanwhile]);
    assert.deepEqual([decided.status, decided.body.outcome], [200, 'accepted']);
    assert.deepEqual([later.status, later.body], [200, decided.body]);
    assert.deepEqual([merchant.handlerRuns, merchant.results], [1, 1]);
  });

  for (const [name, makeStore] of [['in memory', () => new MemoryPlaceOrderStore()], ['in Redis', () => new RedisPlaceOrderStore(redis.client())]] as const) {
    it(`runs a handler slower than the claim lasts once: the claim is kept while it decides (store ${name})`, async () => {
      const url = await listen(makeStore());
      const token = await authorize();
      const first = deliver(url, token);
      await handlerEntered.opened;
      await sleep(CLAIM_TTL_MS * 2);
      const meanwhile = deliver(url, token);
      await sleep(CLAIM_TTL_MS * 2);
      handlerMayFinish.open();
      const [decided, waited] = await Promise.all([first, meanwhile]);
      assert.equal(decided.status, 200);
      assert.equal(waited.status, 503, 'the second delivery waited as long as a claim lasts, then was asked to try later');
      assert.deepEqual(await deliver(url, token), { status: 200, body: decided.body, replay: 'true' });
      assert.deepEqual([merchant.handlerRuns, merchant.results], [1, 1]);
      assert.deepEqual(merchant.stages, []);
    });
  }

  it('lets a later delivery decide when Klarna was unreachable and Redis died before the token could be given up', async () => {
    const url = await listen(new RedisPlaceOrderStore(redis.client()));
    const token = await authorize();
    emulator.configure({ faults: [{ path: `/instantshopping/v1/authorizations/${token}/orders`, status: 503, times: 3 }] });
    const first = deliver(url, token);
    await handlerEntered.opened;
    await redis.kill();
    handlerMayFinish.open();
    assert.equal((await first).status, 502, 'not placed: the token is to be given up');
    await redis.start();
    const later = await deliverUntilAnswered(url, token);
    assert.deepEqual([later.status, later.body.outcome], [200, 'accepted']);
    assert.deepEqual([merchant.handlerRuns, merchant.results], [2, 1], 'decided anew, as after any failure to reach Klarna');
  });
});
