import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { configureEmulator } from '../helpers/emulator.js';
import { freshClient, mountPlacement, prefetchedFor } from '../helpers/osm.js';

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

/**
 * Two frames: the first is painted (a shift it made is reported then, before anything is watched),
 * the second begins after it.
 */
async function settledPaint(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

/**
 * Every layout shift the browser reports from now until `done()`: the frames that follow a change
 * are painted (and their shifts reported) before it reads them.
 */
function recordShifts(): { done: () => Promise<number> } {
  const shifts: LayoutShift[] = [];
  const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as LayoutShift[])));
  observer.observe({ type: 'layout-shift' });
  return {
    async done() {
      await settledPaint();
      shifts.push(...(observer.takeRecords() as LayoutShift[]));
      observer.disconnect();
      return shifts.reduce((sum, shift) => sum + shift.value, 0);
    },
  };
}

/** A product page's block: the placement, and text below it that would move if the placement did. */
async function productBlock(): Promise<HTMLElement> {
  return fixture(html`<section style="width: 600px"><h2>Power Pack</h2><div class="slot"></div><p>Ships in 2 days. Free returns.</p></section>`);
}

describe('<klarna-osm-placement> layout shift', () => {
  it('is zero when the amount changes: the message is replaced in place', async () => {
    const clientId = await freshClient();
    const block = await productBlock();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900 }, block.querySelector<HTMLElement>('.slot')!);
    await log.next('klarna-osm-render');
    await settledPaint();
    const shifts = recordShifts();
    element.purchaseAmount = 12900;
    await log.next('klarna-osm-render');
    expect(await shifts.done()).to.equal(0);
  });

  it('is zero for a first render into the space --klarna-osm-min-height reserved', async () => {
    const clientId = await freshClient();
    const block = await productBlock();
    const slot = block.querySelector<HTMLElement>('.slot')!;
    slot.style.setProperty('--klarna-osm-min-height', '2em');
    const shifts = recordShifts();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900 }, slot);
    await element.updateComplete;
    // The reserved space is painted before the answer arrives.
    await settledPaint();
    expect(element.getBoundingClientRect().height).to.be.greaterThan(0);
    await log.next('klarna-osm-render');
    expect(await shifts.done()).to.equal(0);
  });

  it('is zero for a message a server already fetched (prefetched): it is there in the first frame', async () => {
    const clientId = await freshClient();
    const prefetched = await prefetchedFor(clientId, 11900);
    const block = await productBlock();
    const shifts = recordShifts();
    const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900, prefetched: JSON.stringify(prefetched) }, block.querySelector<HTMLElement>('.slot')!);
    await log.next('klarna-osm-render');
    expect(await shifts.done()).to.equal(0);
  });

  it('shifts only by collapsing when Klarna has nothing to show (the one allowed shift)', async () => {
    const clientId = await freshClient();
    // The answer waits until the reserved space has been painted and the shifts are watched.
    await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId }, latencyMs: 300 }] });
    const block = await productBlock();
    const slot = block.querySelector<HTMLElement>('.slot')!;
    slot.style.setProperty('--klarna-osm-min-height', '2em');
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 100 }, slot);
    await element.updateComplete;
    await settledPaint();
    const shifts = recordShifts();
    await log.next('klarna-osm-empty');
    expect(await shifts.done()).to.be.greaterThan(0);
    expect(element.getBoundingClientRect().height).to.equal(0);
  });
});
