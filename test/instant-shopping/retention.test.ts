import { expect, nextFrame } from '@open-wc/testing';
import { collectGarbage } from '../helpers/garbage.js';
import { sdkInstanceIds } from '../../src/instant-shopping/index.js';
import { installRecordingSdk, mountHost, type RecordingSdk } from '../helpers/instant-shopping.js';
import { skipUnless } from '../helpers/skip-unless.js';

const NO_GC = 'Only Chromium lets a page force a garbage collection (gc(), from --js-flags=--expose-gc): elsewhere a WeakRef still alive proves nothing.';

/**
 * Mounts a host on each of `routes` route changes, waits for Klarna's answer, and removes it, as
 * an SPA's router does. Its own function, so that nothing of the last host stays in the caller's
 * suspended frame: what the WeakRefs see retained is retained by the library.
 */
async function remount(routes: number, attributes: Record<string, string> = {}) {
  const page = document.body.appendChild(document.createElement('main'));
  const removed: WeakRef<object>[] = [];
  const ids: string[] = [];
  for (let route = 0; route < routes; route++) {
    const { element, log } = await mountHost(attributes, {}, page);
    await log.next('klarna-instant-shopping-ready');
    ids.push(element.instanceId!);
    removed.push(new WeakRef(element), new WeakRef(element.querySelector('klarna-instant-shopping')!));
    element.remove();
  }
  page.remove();
  return { removed, ids };
}

describe('<klarna-instant-shopping-host> in a long SPA session', () => {
  let sdk: RecordingSdk;
  let restore: () => void;
  beforeEach(() => {
    ({ sdk, restore } = installRecordingSdk());
    sdk.autoAnswer = { show_button: true };
  });
  afterEach(() => restore());

  it('retains nothing of 300 hosts mounted and removed without an instance-id', async function () {
    await skipUnless('gc', NO_GC, this);
    const before = new Set(sdkInstanceIds());
    const { removed, ids } = await remount(300);
    // Past the microtask in which a removed host may still come back (a move).
    await nextFrame();

    expect(sdkInstanceIds().filter((id) => !before.has(id))).to.deep.equal([]);
    expect(new Set(ids).size).to.equal(300);
    expect(sdk.calls.filter((call) => call.method === 'load')).to.have.length(300);
    await collectGarbage(removed);
    expect(removed.filter((ref) => ref.deref() !== undefined)).to.have.length(0);
  });

  it('keeps an instance with an instance-id, and none of its removed hosts, across remounts', async function () {
    await skipUnless('gc', NO_GC, this);
    const { removed } = await remount(50, { 'instance-id': 'product-page-button' });
    await nextFrame();

    expect(sdkInstanceIds()).to.include('product-page-button');
    expect(sdk.calls.filter((call) => call.method === 'load')).to.have.length(1);
    await collectGarbage(removed);
    expect(removed.filter((ref) => ref.deref() !== undefined)).to.have.length(0);
  });

  it('comes back with a new instance when re-added after it was released', async () => {
    const { element, log } = await mountHost();
    await log.next('klarna-instant-shopping-ready');
    const first = element.instanceId!;
    const parent = element.parentElement!;
    element.remove();
    await nextFrame();
    expect(sdkInstanceIds()).not.to.include(first);
    parent.append(element);
    await log.next('klarna-instant-shopping-ready');
    expect(element.instanceId).to.match(/^klarna-is-/).and.not.equal(first);
    expect(element.querySelector('klarna-instant-shopping')?.getAttribute('data-instance-id')).to.equal(element.instanceId);
    expect(sdk.calls.map((call) => [call.method, call.options.setup.instance_id])).to.deep.equal([['load', first], ['load', element.instanceId]]);
  });
});
