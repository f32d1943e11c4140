/**
 * A placement on a page whose other scripts put fields on Object.prototype (an old library, a
 * merge bug): what the page gives it is read by its own fields only. Each test sets the fields it
 * needs and always removes them.
 */
import { expect } from '@open-wc/testing';
import { freshClient, mountPlacement, prefetchedFor } from '../helpers/osm.js';

/** Runs `check` with `Object.prototype` holding `fields`, and removes them whatever happens. */
async function withPolluted(fields: Record<string, unknown>, check: () => Promise<void>): Promise<void> {
  const prototype = Object.prototype as Record<string, unknown>;
  Object.assign(prototype, fields);
  try {
    await check();
  } finally {
    for (const name of Object.keys(fields)) delete prototype[name];
  }
}

describe('<klarna-osm-placement> on a page with a polluted Object.prototype', () => {
  it('counts a server\'s message where the server said, not at an inherited impressionUrl', async () => {
    const clientId = await freshClient();
    const { impressionUrl: _serversBeacon, ...withoutBeacon } = await prefetchedFor(clientId, 11900);
    await withPolluted({ impressionUrl: 'https://attacker.example/impression' }, async () => {
      const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900, prefetched: JSON.stringify(withoutBeacon) });
      const { detail } = await log.next('klarna-osm-render');
      expect(detail.impressionUrl).to.equal(undefined);
    });
  });
});
