import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMULATOR_CLIENT_ID, EMULATOR_DISABLED_CLIENT_ID } from '../../src/emulator/index.js';
import { KlarnaApiError, KlarnaValidationError, OsmClient, RedisOsmCache, type OsmCache, type OsmCacheEntry, type OsmMessageRequest } from '../../src/server/index.js';
import { rejection } from './assertions.js';
import { useEmulator } from './use-emulator.js';
import { useRedis } from './use-redis.js';

const emulator = useEmulator();
const redis = useRedis();

const BADGE: OsmMessageRequest = { clientId: EMULATOR_CLIENT_ID, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 11900 };

const osmRequests = () => emulator.records.requests.filter((request) => request.path === '/messaging/v3');

/** A store like Redis: async, and it sees only JSON. */
class AsyncStore implements OsmCache {
  readonly values = new Map<string, string>();
  readonly ttls: number[] = [];
  async get(key: string): Promise<OsmCacheEntry | undefined> {
    await Promise.resolve();
    const value = this.values.get(key);
    return value === undefined ? undefined : (JSON.parse(value) as OsmCacheEntry);
  }
  async set(key: string, entry: OsmCacheEntry, ttlMs: number): Promise<void> {
    await Promise.resolve();
    this.ttls.push(ttlMs);
    this.values.set(key, JSON.stringify(entry));
  }
}

describe('OsmClient', () => {

  it('makes the element\'s request, with a user-agent, and returns the nodes by name with safe URLs', async () => {
    const result = await new OsmClient({ baseUrl: emulator.url }).getMessage(BADGE);
    assert.equal(result.kind, 'message');
    if (result.kind !== 'message') return;
    assert.deepEqual(result.nodes.map((node) => node.name), ['TEXT_MAIN', 'ACTION_LEARN_MORE', 'KLARNA_BADGE']);
    assert.match(result.nodes[0]?.value ?? '', /^Make 4 payments of \$29\.75\./);
    assert.ok(result.impressionUrl?.startsWith(`${emulator.url}/`));
    assert.equal(result.url, `${emulator.url}/messaging/v3?client_id=${EMULATOR_CLIENT_ID}&placement_key=credit-promotion-badge&locale=en-US&purchase_amount=11900`);
    const [request] = osmRequests();
    assert.deepEqual(request?.query, { client_id: EMULATOR_CLIENT_ID, placement_key: 'credit-promotion-badge', locale: 'en-US', purchase_amount: '11900' });
    assert.equal(request?.userAgent, 'klarna-elements-server');
  });

  it('asks once for identical requests, keeps the answer for its max-age, and asks again on reload', async () => {
    const osm = new OsmClient({ baseUrl: emulator.url });
    const together = await Promise.all([osm.getMessage(BADGE), osm.getMessage(BADGE), osm.getMessage(BADGE)]);
    assert.deepEqual(together.map((result) => result.fromCache), [false, false, false]);
    assert.equal(osmRequests().length, 1, 'three callers at once share one request');
    assert.equal((await osm.getMessage(BADGE)).fromCache, true);
    assert.equal(osmRequests().length, 1);
    assert.equal((await osm.getMessage({ ...BADGE, reload: true })).fromCache, false);
    assert.equal((await osm.getMessage({ ...BADGE, purchaseAmount: 12900 })).fromCache, false);
    assert.equal(osmRequests().length, 3);
  });

  it('keeps nothing Klarna says not to keep, nor an empty answer', async () => {
    emulator.configure({ osm: { cacheControl: 'no-store' } });
    const osm = new OsmClient({ baseUrl: emulator.url });
    await osm.getMessage(BADGE);
    await osm.getMessage(BADGE);
    const tooSmall = { ...BADGE, purchaseAmount: 100 };
    assert.equal((await osm.getMessage(tooSmall)).kind, 'empty');
    assert.equal((await osm.getMessage(tooSmall)).fromCache, false);
    assert.equal(osmRequests().length, 4);
  });

  it('keeps answers in a pluggable store, shared by clients, for the time Cache-Control gives', async () => {
    const store = new AsyncStore();
    await new OsmClient({ baseUrl: emulator.url, cache: store }).getMessage(BADGE);
    assert.deepEqual(store.ttls, [86_400_000], 'the emulator answers max-age=86400, as Klarna does');
    const other = await new OsmClient({ baseUrl: emulator.url, cache: store }).getMessage(BADGE);
    assert.equal(other.fromCache, true);
    assert.equal(osmRequests().length, 1);
  });

  it('shares answers between processes through a real Redis server, for the time Cache-Control gives', async () => {
    const request = { ...BADGE, purchaseAmount: 45678 };
    const first = await new OsmClient({ baseUrl: emulator.url, cache: new RedisOsmCache(redis.client()) }).getMessage(request);
    const second = await new OsmClient({ baseUrl: emulator.url, cache: new RedisOsmCache(redis.client()) }).getMessage(request);
    assert.deepEqual([first.fromCache, second.fromCache], [false, true]);
    assert.deepEqual(second.kind === 'message' && second.nodes, first.kind === 'message' && first.nodes);
    assert.equal(osmRequests().filter((record) => record.query.purchase_amount === '45678').length, 1);
    const ttl = await redis.client().pttl(`klarna-elements:osm:${first.url}`);
    assert.ok(ttl > 86_000_000 && ttl <= 86_400_000, `kept for Klarna's max-age (${ttl} ms left)`);
  });

  it('checks the request before sending it, naming the field and the values it takes', async () => {
    const osm = new OsmClient({ baseUrl: emulator.url });
    const problems = async (request: Partial<OsmMessageRequest>) => (await rejection(osm.getMessage({ ...BADGE, ...request }), KlarnaValidationError)).problems;
    assert.deepEqual(await problems({ clientId: ' ' }), ['clientId must be a non-empty string']);
    assert.deepEqual(await problems({ placementKey: 'sidebar' as never }), ['placementKey "sidebar" must be one of "credit-promotion-badge", "top-strip-promotion-badge"']);
    assert.match((await problems({ locale: 'en-XX' }))[0] ?? '', /^locale "en-XX" must be one of en-AT, /);
    assert.deepEqual(await problems({ purchaseAmount: 19.99 }), ['purchaseAmount 19.99 must be a whole, non-negative number of minor units']);
    assert.deepEqual(await problems({ purchaseAmount: undefined }), ['purchaseAmount is required for credit-promotion-badge']);
    assert.equal((await osm.getMessage({ ...BADGE, placementKey: 'top-strip-promotion-badge', purchaseAmount: undefined })).kind, 'message');
    assert.equal(osmRequests().length, 1);
  });

  it('reports refusals and malformed answers as KlarnaApiError, and keeps neither', async () => {
    const osm = new OsmClient({ baseUrl: emulator.url });
    const refused = await rejection(osm.getMessage({ ...BADGE, clientId: EMULATOR_DISABLED_CLIENT_ID }), KlarnaApiError);
    assert.deepEqual([refused.status, refused.errorCode], [403, 'FORBIDDEN']);

    emulator.configure({ faults: [{ path: '/messaging/v3', status: 200, body: JSON.stringify({ content: { nodes: [{ name: 'TEXT_LEGAL', value: 'x' }] } }), times: 1 }] });
    const malformed = await rejection(osm.getMessage(BADGE), KlarnaApiError);
    assert.equal(malformed.code, 'malformed-response');
    assert.match(malformed.message, /it has no TEXT_MAIN text/);
    assert.equal((await osm.getMessage(BADGE)).kind, 'message');
  });
});
