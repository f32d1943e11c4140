/**
 * The placement's view as a state machine, driven by hand: what each change makes of each view,
 * and when a view is kept as it was (no new rendering, nothing announced again).
 */
import { expect } from '@open-wc/testing';
import type { OsmAnswer } from '../../src/protocol/osm-answer.js';
import { parseOsmAnswer } from '../../src/protocol/osm-answer.js';
import type { OsmErrorDetail } from '../../src/osm-placement/events.js';
import type { PlacementRequest } from '../../src/osm-placement/placement-request.js';
import { IDLE, nextView, viewKey, type PlacementView } from '../../src/osm-placement/placement-view.js';

function request(purchaseAmount: number): PlacementRequest {
  const url = `https://klarna.example/messaging/v3?purchase_amount=${purchaseAmount}`;
  return { url, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount, timeout: 5000 };
}

function message(text: string): OsmAnswer {
  return parseOsmAnswer({ status: 200, data: { content: { nodes: [{ type: 'TEXT', name: 'TEXT_MAIN', value: text }] } } }, 'https://klarna.example/');
}

const EMPTY: OsmAnswer = { kind: 'empty' };
const outage: OsmErrorDetail = { code: 'http', message: 'GET …: http 503', status: 503 };

describe('the placement view (nextView)', () => {
  it('renders an answer, and an empty answer as empty', () => {
    const first = request(10000);
    const rendered = nextView(IDLE, { type: 'answered', request: first, answer: message('Pay in 4.') });
    expect(rendered.kind).to.equal('rendered');
    expect(viewKey(rendered)).to.equal(first.url);
    const empty = nextView(rendered, { type: 'answered', request: request(100), answer: EMPTY });
    expect(empty).to.deep.equal({ kind: 'empty', request: request(100) });
  });

  it('keeps the view when the same answer comes again (a value changed and changed back), and makes a new one on a refresh', () => {
    const answer = message('Pay in 4.');
    const shown = nextView(IDLE, { type: 'answered', request: request(10000), answer });
    expect(nextView(shown, { type: 'answered', request: request(10000), answer })).to.equal(shown);
    const refreshed = nextView(shown, { type: 'answered', request: request(10000), answer, reload: true });
    expect(refreshed).not.to.equal(shown);
    expect(refreshed.kind).to.equal('rendered');
    const empty = nextView(IDLE, { type: 'answered', request: request(100), answer: EMPTY });
    expect(nextView(empty, { type: 'answered', request: request(100), answer: EMPTY })).to.equal(empty);
  });

  it('shows an error once per outage: the same request failing the same way keeps the view; another request or another failure is new', () => {
    const failed = nextView(IDLE, { type: 'failed', key: 'a', error: outage });
    expect(failed).to.deep.equal({ kind: 'error', key: 'a', error: outage });
    expect(nextView(failed, { type: 'failed', key: 'a', error: { ...outage, message: 'correlation id changed' } })).to.equal(failed);
    expect(nextView(failed, { type: 'failed', key: 'b', error: outage })).not.to.equal(failed);
    expect(nextView(failed, { type: 'failed', key: 'a', error: { code: 'timeout', message: 'timeout' } })).not.to.equal(failed);
  });

  it('goes back to idle when the element is given nothing any more, whatever it showed', () => {
    const views: PlacementView[] = [
      nextView(IDLE, { type: 'answered', request: request(10000), answer: message('Pay in 4.') }),
      nextView(IDLE, { type: 'failed', key: 'a', error: outage }),
    ];
    for (const view of views) expect(nextView(view, { type: 'cleared' })).to.equal(IDLE);
  });

  it('tells which request the view shows the outcome of (its key): the URL of an answer, the key of what failed', () => {
    const answered = nextView(IDLE, { type: 'answered', request: request(10000), answer: message('Pay in 4.') });
    const empty = nextView(IDLE, { type: 'answered', request: request(100), answer: EMPTY });
    const failed = nextView(IDLE, { type: 'failed', key: 'invalid …', error: outage });
    expect([viewKey(IDLE), viewKey(answered), viewKey(empty), viewKey(failed)]).to.deep.equal([undefined, request(10000).url, request(100).url, 'invalid …']);
  });
});
