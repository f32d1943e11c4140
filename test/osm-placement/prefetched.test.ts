/**
 * `prefetched`: a server's answer (OsmClient.getMessage) standing for the placement's first request.
 * Taken, it is the answer's one use; refused (not JSON, for another amount), the placement says why
 * and asks Klarna as a placement with nothing prefetched would: at once, not held back as a change.
 */
import { expect } from '@open-wc/testing';
import { SETTLE_MS } from '../../src/osm-placement/load-message.js';
import { captureConsole } from '../helpers/console.js';
import { osmRequestsFor } from '../helpers/emulator.js';
import { freshClient, mountPlacement, prefetchedFor } from '../helpers/osm.js';

/**
 * The delays the page's timers are set for while `run` goes on. A placement holds a request back
 * as a change (to let a stepper or a slider settle) with a timer of SETTLE_MS.
 */
async function timerDelaysDuring(run: () => Promise<void>): Promise<number[]> {
  const delays: number[] = [];
  const original = window.setTimeout.bind(window);
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
    delays.push(delay ?? 0);
    return original(handler, delay, ...rest);
  }) as typeof window.setTimeout;
  try {
    await run();
  } finally {
    window.setTimeout = original;
  }
  return delays;
}

describe('<klarna-osm-placement> prefetched', () => {
  it('shows a server\'s message without asking Klarna, and asks once when the amount changes', async () => {
    const clientId = await freshClient();
    const prefetched = await prefetchedFor(clientId, 11900);
    const requestsBefore = (await osmRequestsFor(clientId)).length;
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900, prefetched: JSON.stringify(prefetched) });
    await log.next('klarna-osm-render');
    expect(await osmRequestsFor(clientId)).to.have.length(requestsBefore, 'the server\'s answer stood for the request');

    element.purchaseAmount = 23800;
    const { detail } = await log.next('klarna-osm-render');
    expect(detail.purchaseAmount).to.equal(23800);
    expect((await osmRequestsFor(clientId)).slice(requestsBefore).map((query) => query.purchase_amount)).to.deep.equal(['23800']);
  });

  it('says why a refused one is not used, and asks Klarna at once, as a first request', async () => {
    const clientId = await freshClient();
    const warnings = captureConsole('warn');
    try {
      const delays = await timerDelaysDuring(async () => {
        const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900, prefetched: '[object Object]' });
        await log.next('klarna-osm-render');
      });
      expect(warnings.messages.filter((message) => message.includes('prefetched is not used'))).to.have.length(1);
      expect((await osmRequestsFor(clientId)).map((query) => query.purchase_amount)).to.deep.equal(['11900']);
      // Held back as a change before: the refusal had counted as Klarna's first answer.
      expect(delays).not.to.include(SETTLE_MS);
    } finally {
      warnings.restore();
    }
  });
});
