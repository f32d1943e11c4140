import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { configureEmulator } from '../helpers/emulator.js';
import { freshClient, mountPlacement, part, prefetchedFor } from '../helpers/osm.js';
import { skipUnless } from '../helpers/skip-unless.js';

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

/** The badge's image once it has loaded (or failed): after it, nothing about the badge changes any more. */
async function badgeLoaded(element: HTMLElement): Promise<HTMLImageElement> {
  const badge = part(element, 'badge') as HTMLImageElement;
  if (!badge.complete) await new Promise((resolve) => badge.addEventListener('load', resolve, { once: true }));
  return badge;
}

/** Where each part of the message is on screen. */
function partPositions(element: HTMLElement): string[] {
  return ['badge', 'text-main', 'learn-more'].map((name) => {
    const { left, top } = part(element, name)!.getBoundingClientRect();
    return `${name} ${left},${top}`;
  });
}

describe('<klarna-osm-placement> layout shift', () => {
  skipUnless('layout-shift', 'The Layout Instability API (layout-shift entries) is Chromium\'s only: elsewhere the observer sees no shift, and a zero would prove nothing.');

  // Klarna serves its badge in several shapes and may change them: the message must not move when
  // the image arrives, whatever its intrinsic size. The badge is held back until the message has
  // been painted, so the image arrives in a frame of its own.
  for (const [width, height] of [[71, 30], [60, 24], [30, 30]] as const) {
    it(`is zero when a ${width} × ${height} badge arrives after the message`, async () => {
      const clientId = await freshClient({ badge: { width, height } });
      await configureEmulator({ faults: [{ path: '/images/badges/klarna.svg', query: { width: String(width) }, latencyMs: 400 }] });
      const block = await productBlock();
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900 }, block.querySelector<HTMLElement>('.slot')!);
      await log.next('klarna-osm-render');
      await settledPaint();
      const shifts = recordShifts();
      expect((part(element, 'badge') as HTMLImageElement).complete).to.equal(false);
      const beforeTheBadge = partPositions(element);
      const badge = await badgeLoaded(element);
      expect([badge.naturalWidth, badge.naturalHeight]).to.deep.equal([width, height]);
      expect(await shifts.done()).to.equal(0);
      expect(partPositions(element)).to.deep.equal(beforeTheBadge);
    });
  }

  it('is zero when a new amount\'s message is longer: a new rendering is new markup, and what the shopper saw does not move', async () => {
    const clientId = await freshClient();
    const block = await productBlock();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 12000 }, block.querySelector<HTMLElement>('.slot')!);
    await log.next('klarna-osm-render');
    await badgeLoaded(element);
    expect(part(element, 'text-main')!.textContent).to.contain('$30.00');
    const linkBefore = part(element, 'learn-more')!;
    await settledPaint();
    const shifts = recordShifts();
    element.purchaseAmount = 99900;
    await log.next('klarna-osm-render');
    expect(part(element, 'text-main')!.textContent).to.contain('$249.75');
    // The link follows the longer text: it is the new rendering's own link, not the old one moved.
    expect(part(element, 'learn-more') === linkBefore).to.equal(false);
    expect(part(element, 'learn-more')!.getBoundingClientRect().left).to.be.greaterThan(linkBefore.getBoundingClientRect().left);
    expect(await shifts.done()).to.equal(0);
  });

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
