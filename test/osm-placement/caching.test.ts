import { expect } from '@open-wc/testing';
import { configureEmulator, emulatorRequests, resetEmulator } from '../helpers/emulator.js';
import { freshClient, ImpressionFeed, mountPlacement } from '../helpers/osm.js';

describe('<klarna-osm-placement> requests and caching', () => {
  beforeEach(resetEmulator);

  it('sends one request for several identical placements on a page', async () => {
    const clientId = await freshClient();
    const placements = await Promise.all([1, 2, 3, 4, 5].map(() => mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 })));
    await Promise.all(placements.map(({ log }) => log.next('klarna-osm-render')));
    expect(placements.every(({ element }) => element.state === 'rendered')).to.equal(true);
    expect(await emulatorRequests('/messaging/v3')).to.have.length(1);
  });

  it('reuses an answer for as long as its Cache-Control allows', async () => {
    const clientId = await freshClient();
    const first = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await first.log.next('klarna-osm-render');
    const later = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await later.log.next('klarna-osm-render');
    expect(await emulatorRequests('/messaging/v3')).to.have.length(1);
  });

  it('asks again when the answer may not be stored', async () => {
    await configureEmulator({ osm: { cacheControl: 'no-store' } });
    const clientId = await freshClient();
    const first = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await first.log.next('klarna-osm-render');
    const later = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await later.log.next('klarna-osm-render');
    expect(await emulatorRequests('/messaging/v3')).to.have.length(2);
  });

  it('refresh() bypasses every cache, renders the new answer and counts a new impression', async () => {
    const feed = new ImpressionFeed();
    await feed.ready;
    try {
      const clientId = await freshClient();
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
      const first = await log.next('klarna-osm-render');
      await feed.until(1);
      await element.refresh();
      const second = await log.next('klarna-osm-render');
      expect(second.detail.impressionUrl).not.to.equal(first.detail.impressionUrl);
      expect(await emulatorRequests('/messaging/v3')).to.have.length(2);
      const records = await feed.until(2);
      expect(records[0]!.responseId).not.to.equal(records[1]!.responseId);
    } finally {
      feed.close();
    }
  });
});
