import { expect, nextFrame } from '@open-wc/testing';
import { captureConsole, type CapturedConsole } from '../helpers/console.js';
import { configureEmulator, osmRequestsFor } from '../helpers/emulator.js';
import { collectGarbage } from '../helpers/garbage.js';
import { freshClient, mountPlacement, useImpressionFeed } from '../helpers/osm.js';
import { skipUnless } from '../helpers/skip-unless.js';

/** Makes the emulator fail this client's requests: a 503 or a slow answer, `times` times. */
async function failRequests(clientId: string, fault: { status?: number; latencyMs?: number; times: number }): Promise<void> {
  await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId }, ...fault }] });
}

/** A placement that failed, waiting to retry, then removed; its own function, so nothing of it stays in the caller's frame. */
async function failAndRemove(clientId: string): Promise<WeakRef<object>[]> {
  const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 24900 });
  await log.next('klarna-osm-error');
  element.parentElement!.remove();
  return [new WeakRef(element), new WeakRef(element.shadowRoot!)];
}

describe('<klarna-osm-placement> recovers by itself', () => {
  const feed = useImpressionFeed();
  let errors: CapturedConsole;
  beforeEach(() => { errors = captureConsole('error'); });
  afterEach(() => errors.restore());

  it('after a 5xx: three placements of one price ask again once together, each announcing one error, one render, one impression', async () => {
    const clientId = await freshClient();
    await failRequests(clientId, { status: 503, times: 1 });
    const placements = await Promise.all([1, 2, 3].map(() => mountPlacement({ 'client-id': clientId, 'purchase-amount': 24900, impression: 'render' })));
    for (const { log } of placements) expect((await log.next('klarna-osm-error')).detail).to.include({ code: 'http', status: 503 });
    for (const { element, log } of placements) {
      await log.next('klarna-osm-impression');
      expect(element.state).to.equal('rendered');
      expect(log.names).to.deep.equal(['klarna-osm-error', 'klarna-osm-render', 'klarna-osm-impression']);
    }
    expect(await osmRequestsFor(clientId)).to.have.length(2);
    expect(await feed().until(3)).to.have.length(3);
    expect(errors.messages).to.have.length(3);
  });

  it('keeps the error shown, and announces it once, while retries fail the same way; then renders', async () => {
    const clientId = await freshClient();
    await failRequests(clientId, { status: 502, times: 2 });
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 24900 });
    await log.next('klarna-osm-render');
    expect(log.names.filter((name) => name === 'klarna-osm-error')).to.have.length(1);
    expect(await osmRequestsFor(clientId)).to.have.length(3);
    expect(element.error).to.equal(undefined);
    expect(errors.messages).to.have.length(1);
  });

  it('after a timeout', async () => {
    const clientId = await freshClient();
    await failRequests(clientId, { latencyMs: 1500, times: 1 });
    const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 24900, timeout: 200 });
    expect((await log.next('klarna-osm-error')).detail.code).to.equal('timeout');
    await log.next('klarna-osm-render');
  });

  it('after a timeout, when the page\'s fetch drops the abort signal (an old polyfill or wrapper)', async () => {
    const clientId = await freshClient();
    await failRequests(clientId, { latencyMs: 1500, times: 1 });
    const original = Object.getOwnPropertyDescriptor(window, 'fetch')!;
    const realFetch = window.fetch.bind(window);
    window.fetch = (input, init) => realFetch(input, { ...init, signal: undefined });
    try {
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 24900, timeout: 200 });
      expect((await log.next('klarna-osm-error')).detail.code).to.equal('timeout');
      expect(element.state).to.equal('error');
      await log.next('klarna-osm-render');
    } finally {
      Object.defineProperty(window, 'fetch', original);
    }
  });

  it('when the browser comes back online, without waiting for the backoff', async () => {
    const clientId = await freshClient();
    // Offline, as the page sees it: every request to the emulator fails in the network (a fault
    // the emulator cannot make), and navigator.onLine says so.
    const original = Object.getOwnPropertyDescriptor(window, 'fetch')!;
    const realFetch = window.fetch.bind(window);
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    window.fetch = (input, init) => (new Request(input).url.includes(clientId) ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 24900 });
      expect((await log.next('klarna-osm-error')).detail.code).to.equal('network');
      Object.defineProperty(window, 'fetch', original);
      Reflect.deleteProperty(navigator, 'onLine');
      window.dispatchEvent(new Event('online'));
      await log.next('klarna-osm-render');
      expect(element.state).to.equal('rendered');
    } finally {
      Object.defineProperty(window, 'fetch', original);
      Reflect.deleteProperty(navigator, 'onLine');
    }
    expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')).to.deep.equal(onLine);
    expect(await osmRequestsFor(clientId)).to.have.length(1);
  });

  it('never after a 4xx or a configuration problem: the online event that heals a 5xx asks them nothing', async () => {
    const clientId = await freshClient();
    await failRequests(clientId, { status: 500, times: 1 });
    const unknownClient = crypto.randomUUID();
    const healing = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 24900 });
    const refused = await mountPlacement({ 'client-id': unknownClient, 'purchase-amount': 24900 });
    const misconfigured = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 24900, locale: 'en-XX' });
    await healing.log.next('klarna-osm-error');
    expect((await refused.log.next('klarna-osm-error')).detail.status).to.equal(404);
    expect((await misconfigured.log.next('klarna-osm-error')).detail.code).to.equal('invalid-config');
    window.dispatchEvent(new Event('online'));
    await healing.log.next('klarna-osm-render');
    expect(await osmRequestsFor(unknownClient)).to.have.length(1);
    expect([refused.element.state, misconfigured.element.state]).to.deep.equal(['error', 'error']);
    expect(refused.log.names).to.deep.equal(['klarna-osm-error']);
    expect(misconfigured.log.names).to.deep.equal(['klarna-osm-error']);
  });

  it('stops retrying when removed: nothing keeps the element alive', async function () {
    await skipUnless('gc', 'Only Chromium lets a page force a garbage collection (gc(), from --js-flags=--expose-gc): elsewhere a WeakRef still alive proves nothing.', this);
    const clientId = await freshClient();
    await failRequests(clientId, { status: 503, times: 100 });
    const removed = await failAndRemove(clientId);
    await nextFrame();
    await collectGarbage(removed);
    expect(removed.map((ref) => ref.deref() === undefined)).to.deep.equal([true, true]);
  });
});
