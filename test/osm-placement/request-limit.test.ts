import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { configureEmulator, osmRequestsFor } from '../helpers/emulator.js';
import { freshClient, mountPlacement } from '../helpers/osm.js';

/** The most requests for `clientId` the page had in flight at one moment, from resource timing. */
function mostInFlight(clientId: string): number {
  const timings = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.includes('/messaging/v3') && entry.name.includes(clientId));
  return Math.max(...timings.map((entry) => timings.filter((other) => other.startTime <= entry.startTime && other.responseEnd > entry.startTime).length));
}

describe('<klarna-osm-placement> on a page with many placements', () => {
  it('never has more than six requests in flight, and renders every placement', async () => {
    const clientId = await freshClient();
    // Slow enough that all twelve would overlap without the limit.
    await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId }, latencyMs: 300 }] });
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const placements = await Promise.all(Array.from({ length: 12 }, (_, index) => mountPlacement({ 'client-id': clientId, 'purchase-amount': 5000 + index }, page)));
    const rendered = await Promise.all(placements.map(async ({ log }) => (await log.next('klarna-osm-render')).detail.purchaseAmount));
    expect(rendered).to.deep.equal(Array.from({ length: 12 }, (_, index) => 5000 + index));
    expect(mostInFlight(clientId)).to.equal(6);
  });

  it('asks for the placements in view first when the page is entered mid-listing (a restored scroll position)', async () => {
    const clientId = await freshClient();
    // Slow enough that the first six are still under way when the rest of those near the viewport ask.
    await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId }, latencyMs: 200 }] });
    const listing = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px"></div>`);
    const placements = await Promise.all(Array.from({ length: 48 }, async (_, index) => {
      const card = listing.appendChild(document.createElement('article'));
      card.style.height = '240px';
      return (await mountPlacement({ 'client-id': clientId, 'purchase-amount': 5000 + index, loading: 'lazy' }, card)).element;
    }));
    // Before the first frame, as a browser restores a scroll position: rows above and below come near too.
    listing.children[20]!.scrollIntoView({ block: 'center' });
    await nextFrame();
    const inView = placements.filter((element) => {
      const { top, bottom } = element.getBoundingClientRect();
      return bottom > 0 && top < innerHeight;
    });
    expect(inView.length).to.be.at.least(6);
    await Promise.all(inView.map((element) => new Promise((resolve) => element.addEventListener('klarna-osm-render', resolve, { once: true }))));
    const inViewAmounts = new Set(inView.map((element) => String(element.purchaseAmount)));
    const firstSix = (await osmRequestsFor(clientId)).slice(0, 6).map((query) => query.purchase_amount!);
    expect(firstSix.filter((amount) => inViewAmounts.has(amount))).to.deep.equal(firstSix);
    listing.remove();
  });
});

