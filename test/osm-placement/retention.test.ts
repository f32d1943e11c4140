import { expect, nextFrame } from '@open-wc/testing';
import { collectGarbage } from '../helpers/garbage.js';
import '../../src/config/index.js';
import { freshClient, mountPlacement } from '../helpers/osm.js';
import { configureEmulator, emulatorUrl } from '../helpers/emulator.js';
import { skipUnless } from '../helpers/skip-unless.js';

/**
 * A route that mounts a `<klarna-config>` with a placement inside, waits for the message, and
 * leaves, `routes` times, as an SPA's router does; its own function, so nothing of the last route
 * stays in the caller's frame.
 */
async function navigate(routes: number, clientId: string): Promise<WeakRef<object>[]> {
  const removed: WeakRef<object>[] = [];
  for (let route = 0; route < routes; route++) {
    const page = document.body.appendChild(document.createElement('main'));
    const provider = page.appendChild(document.createElement('klarna-config'));
    provider.setAttribute('client-id', clientId);
    provider.setAttribute('api-url', emulatorUrl);
    // Each route a price of its own: lazy placements, so the visibility observers are used too.
    const { element, log } = await mountPlacement({ 'client-id': undefined, 'api-url': undefined, 'purchase-amount': 10000 + route, loading: 'lazy' }, provider);
    await log.next('klarna-osm-render');
    removed.push(new WeakRef(element), new WeakRef(provider), new WeakRef(element.shadowRoot!));
    page.remove();
  }
  return removed;
}

/** A placement whose impression beacon is on its way (the emulator holds the answer), removed; its own function, as above. */
async function removeWhileBeaconPending(clientId: string): Promise<WeakRef<object>[]> {
  const page = document.body.appendChild(document.createElement('main'));
  const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000, impression: 'render' }, page);
  await log.next('klarna-osm-render');
  const removed = [new WeakRef(element), new WeakRef(element.shadowRoot!)];
  page.remove();
  return removed;
}

describe('<klarna-osm-placement> and <klarna-config> in a long SPA session', () => {
  skipUnless('gc', 'Only Chromium lets a page force a garbage collection (gc(), from --js-flags=--expose-gc): elsewhere a WeakRef still alive proves nothing.');

  it('retain nothing of a placement removed while its impression beacon is still on its way', async () => {
    const clientId = await freshClient();
    // A slow beacon endpoint: the image request is still open when the route changes.
    await configureEmulator({ faults: [{ path: '/v1/osm-client-script/impression', query: { client_id: clientId }, latencyMs: 5000 }] });
    const removed = await removeWhileBeaconPending(clientId);
    await nextFrame();
    await collectGarbage(removed);
    expect(removed.map((ref) => ref.deref() === undefined)).to.deep.equal([true, true]);
  });

  it('retain nothing of 300 routes that each mounted a provider and a placement', async () => {
    const removed = await navigate(300, await freshClient());
    await nextFrame();
    await collectGarbage(removed);
    expect(removed.map((ref, index) => (ref.deref() === undefined ? -1 : index)).filter((index) => index >= 0)).to.deep.equal([]);
  });
});
