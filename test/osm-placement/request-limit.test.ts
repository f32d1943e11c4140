import { expect, fixture, html } from '@open-wc/testing';
import { configureEmulator } from '../helpers/emulator.js';
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
});
