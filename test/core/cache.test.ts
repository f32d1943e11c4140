import { expect } from '@open-wc/testing';
import { freshnessLifetimeMs, parseCacheControl, ResponseCache, type Cacheable } from '../../src/core/cache.js';
import { requestJsonCached } from '../../src/core/cached-request.js';
import type { JsonResponse } from '../../src/core/http.js';
import { configureEmulator, emulatorRequests, messagingUrl, resetEmulator } from '../helpers/emulator.js';

type Answer = JsonResponse<unknown>;

/** A loader whose answer the test gives by hand, so nothing waits on timers. */
function manualLoader<T>() {
  const calls: { signal: AbortSignal; resolve: (value: Cacheable<T>) => void; reject: (error: unknown) => void }[] = [];
  const load = (signal: AbortSignal) => new Promise<Cacheable<T>>((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { load, calls };
}

describe('parseCacheControl / freshnessLifetimeMs', () => {
  it('reads the directives a private cache needs', () => {
    expect(parseCacheControl('private, max-age=86400')).to.deep.equal({ noStore: false, noCache: false, maxAge: 86400 });
    expect(parseCacheControl('No-Store')).to.include({ noStore: true });
    expect(parseCacheControl('no-cache, max-age="60"')).to.deep.equal({ noStore: false, noCache: true, maxAge: 60 });
    expect(parseCacheControl('max-age=-5').maxAge).to.equal(undefined);
    expect(parseCacheControl(null).maxAge).to.equal(undefined);
  });

  it('keeps for max-age less Age, and not at all for no-store, no-cache or no header', () => {
    expect(freshnessLifetimeMs('private, max-age=86400')).to.equal(86_400_000);
    expect(freshnessLifetimeMs('max-age=100', '40')).to.equal(60_000);
    expect(freshnessLifetimeMs('max-age=100', '400')).to.equal(0);
    expect(freshnessLifetimeMs('max-age=100', '-5')).to.equal(100_000);
    expect(freshnessLifetimeMs('max-age=100, no-store')).to.equal(0);
    expect(freshnessLifetimeMs('no-cache, max-age=100')).to.equal(0);
    expect(freshnessLifetimeMs(undefined)).to.equal(0);
  });
});

describe('ResponseCache', () => {
  it('reuses an answer until max-age runs out, by its own clock', async () => {
    let now = 1_000;
    const cache = new ResponseCache<string>({ now: () => now });
    const { load, calls } = manualLoader<string>();
    const first = cache.get('k', load);
    await Promise.resolve();
    calls[0]!.resolve({ value: 'a', cacheControl: 'max-age=10' });
    expect(await first).to.equal('a');
    now += 9_999;
    expect(await cache.get('k', load)).to.equal('a');
    expect(calls).to.have.length(1);
    now += 1;
    const second = cache.get('k', load);
    await Promise.resolve();
    expect(calls).to.have.length(2);
    calls[1]!.resolve({ value: 'b', cacheControl: 'max-age=10' });
    expect(await second).to.equal('b');
  });

  it('lets a caller abort without cancelling the request others still wait for', async () => {
    const cache = new ResponseCache<string>();
    const { load, calls } = manualLoader<string>();
    const leaving = new AbortController();
    const staying = cache.get('k', load);
    const left = cache.get('k', load, { signal: leaving.signal });
    await Promise.resolve();
    leaving.abort();
    let leftError: unknown;
    await left.catch((error: unknown) => { leftError = error; });
    expect((leftError as DOMException).name).to.equal('AbortError');
    expect(calls).to.have.length(1);
    expect(calls[0]!.signal.aborted).to.equal(false);
    calls[0]!.resolve({ value: 'shared', cacheControl: 'max-age=60' });
    expect(await staying).to.equal('shared');
  });

  it('starts nothing for a caller that has already aborted', async () => {
    const cache = new ResponseCache<string>();
    const { load, calls } = manualLoader<string>();
    const controller = new AbortController();
    controller.abort();
    let failed: unknown;
    await cache.get('k', load, { signal: controller.signal }).catch((error: unknown) => { failed = error; });
    expect((failed as DOMException).name).to.equal('AbortError');
    await Promise.resolve();
    expect(calls).to.have.length(0);
  });

  it('aborts the request once every caller has aborted', async () => {
    const cache = new ResponseCache<string>();
    const { load, calls } = manualLoader<string>();
    const a = new AbortController();
    const b = new AbortController();
    const pending = [cache.get('k', load, { signal: a.signal }), cache.get('k', load, { signal: b.signal })].map((p) => p.catch(() => 'aborted'));
    await Promise.resolve();
    a.abort();
    expect(calls[0]!.signal.aborted).to.equal(false);
    b.abort();
    expect(calls[0]!.signal.aborted).to.equal(true);
    expect(await Promise.all(pending)).to.deep.equal(['aborted', 'aborted']);
  });

  it('never keeps an older answer over a reload that finished first', async () => {
    const cache = new ResponseCache<string>();
    const { load, calls } = manualLoader<string>();
    const old = cache.get('k', load);
    const fresh = cache.get('k', load, { reload: true });
    await Promise.resolve();
    calls[1]!.resolve({ value: 'new', cacheControl: 'max-age=60' });
    await fresh;
    calls[0]!.resolve({ value: 'old', cacheControl: 'max-age=60' });
    await old;
    expect(cache.peek('k')).to.equal('new');
  });

  it('drops the oldest entries past its size limit', async () => {
    const cache = new ResponseCache<number>({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, () => Promise.resolve({ value: key.charCodeAt(0), cacheControl: 'max-age=60' }));
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c'), cache.size]).to.deep.equal([undefined, 98, 99, 2]);
  });
});

describe('requestJsonCached against the emulator', () => {
  beforeEach(resetEmulator);

  it('shares one request between callers asking for the same URL at once', async () => {
    const cache = new ResponseCache<Answer>();
    const url = messagingUrl({ purchase_amount: 20000 });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => requestJsonCached(cache, url)));
    expect(new Set(answers.map((answer) => answer.correlationId)).size).to.equal(1);
    expect(await emulatorRequests('/messaging/v3')).to.have.length(1);
  });

  it('reuses an answer for as long as its Cache-Control allows, and reload bypasses it', async () => {
    const cache = new ResponseCache<Answer>();
    const url = messagingUrl({ purchase_amount: 20001 });
    const first = await requestJsonCached(cache, url);
    const again = await requestJsonCached(cache, url);
    expect(again.correlationId).to.equal(first.correlationId);
    expect(await emulatorRequests('/messaging/v3')).to.have.length(1);
    const reloaded = await requestJsonCached(cache, url, { reload: true });
    expect(reloaded.correlationId).not.to.equal(first.correlationId);
    expect(await emulatorRequests('/messaging/v3')).to.have.length(2);
    expect((await requestJsonCached(cache, url)).correlationId).to.equal(reloaded.correlationId);
  });

  for (const cacheControl of ['no-store', 'no-cache', 'private, max-age=0']) {
    it(`asks again every time when the answer says "${cacheControl}"`, async () => {
      await configureEmulator({ osm: { cacheControl } });
      const cache = new ResponseCache<Answer>();
      const url = messagingUrl({ purchase_amount: 20002 });
      await requestJsonCached(cache, url);
      await requestJsonCached(cache, url);
      expect(await emulatorRequests('/messaging/v3')).to.have.length(2);
    });
  }

  it('never keeps a failure: the next call asks again and succeeds', async () => {
    await configureEmulator({ faults: [{ path: '/messaging/v3', status: 503, times: 1 }] });
    const cache = new ResponseCache<Answer>();
    const url = messagingUrl({ purchase_amount: 20003 });
    let failed: unknown;
    await requestJsonCached(cache, url).catch((error: unknown) => { failed = error; });
    expect(failed).to.have.property('status', 503);
    expect((await requestJsonCached(cache, url)).status).to.equal(200);
    expect((await emulatorRequests('/messaging/v3')).map((record) => record.status)).to.deep.equal([503, 200]);
  });
});
