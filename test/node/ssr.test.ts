/**
 * Server-side rendering: the elements load in Node (lit's Node build, no DOM) and render with
 * @lit-labs/ssr; with OsmClient's answer in `prefetched`, the message is in the served HTML.
 * The browser half (hydration without a second request) is test/osm-placement/hydration.test.ts.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it, mock } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { EMULATOR_CLIENT_ID } from '../../src/emulator/index.js';
import { OsmClient } from '../../src/server/index.js';
import { renderPlacement } from '../ssr/render-page.js';
import { useEmulator } from './use-emulator.js';

const emulator = useEmulator();
let osm: OsmClient;

const placementFor = (apiUrl: string, prefetched: unknown) =>
  html`<klarna-osm-placement client-id=${EMULATOR_CLIENT_ID} api-url=${apiUrl} locale="en-US" placement-key="credit-promotion-badge" purchase-amount="11900" prefetched=${JSON.stringify(prefetched)}></klarna-osm-placement>`;

describe('server-side rendering', () => {
  beforeEach(() => {
    osm = new OsmClient({ baseUrl: emulator.url });
  });

  it('renders the placement with OsmClient\'s message in declarative shadow DOM, from one request', async () => {
    const { html: served, message } = await renderPlacement({ osm, apiUrl: emulator.url, clientId: EMULATOR_CLIENT_ID, purchaseAmount: 11900 });
    assert.equal(message.kind, 'message');
    if (message.kind !== 'message') return;
    assert.match(served, /<klarna-osm-placement[^>]*><template shadowroot="open" shadowrootmode="open">/);
    const main = message.nodes.find((node) => node.name === 'TEXT_MAIN')!.value!;
    assert.ok(served.includes(`<span part="text-main" id="text-main"><!--lit-part-->${main}<!--/lit-part--></span>`), 'the main text is in the HTML');
    assert.match(served, /<a part="learn-more" href="http:\/\/127\.0\.0\.1:\d+\/learn-more\//);
    assert.match(served, /<img part="badge" src="[^"]+klarna\.svg" alt="Klarna"/);
    assert.equal(emulator.records.requests.filter((request) => request.path === '/messaging/v3').length, 1);
  });

  it('renders nothing harmful from a hostile prefetched value: text escaped, unsafe URLs dropped', async () => {
    const message = await osm.getMessage({ clientId: EMULATOR_CLIENT_ID, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 11900 });
    const hostile = {
      ...message,
      nodes: [
        { type: 'TEXT', name: 'TEXT_MAIN', value: '<img src=x onerror=alert(1)>Pay later' },
        { type: 'ACTION', name: 'ACTION_LEARN_MORE', label: 'Learn more', url: 'javascript:alert(1)' },
      ],
    };
    const served = await collectResult(render(placementFor(emulator.url, hostile)));
    // What the element rendered: its shadow root (the attribute holds the JSON as given, escaped).
    const shadow = served.slice(served.indexOf('<template shadowroot'));
    assert.ok(shadow.includes('&lt;img src=x onerror=alert(1)&gt;Pay later'), 'the text is escaped');
    assert.match(shadow, /part="text-main"/);
    assert.doesNotMatch(shadow, /javascript:|<img src=x|part="learn-more"/);
  });

  it('ignores a prefetched answer for another request, and says why', async () => {
    const other = await osm.getMessage({ clientId: EMULATOR_CLIENT_ID, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 99900 });
    const warn = mock.method(console, 'warn', () => undefined);
    try {
      const served = await collectResult(render(placementFor(emulator.url, other)));
      assert.doesNotMatch(served, /part="text-main"/);
      const [message] = warn.mock.calls.map((call) => String(call.arguments[0]));
      assert.match(message!, /^<klarna-osm-placement>: prefetched is not used \(it is for .*purchase_amount=99900, not .*purchase_amount=11900\); asking Klarna instead\.$/);
    } finally {
      warn.mock.restore();
    }
  });

  it('renders a placement that reads its amount from the page (amount-from, quantity-from) as waiting, reading nothing on the server', async () => {
    const failures: unknown[] = [];
    const record = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', record);
    try {
      const served = await collectResult(render(html`<p class="price">$129.99</p><klarna-osm-placement client-id=${EMULATOR_CLIENT_ID} api-url=${emulator.url} locale="en-US" placement-key="credit-promotion-badge" amount-from=".price" quantity-from="#quantity"></klarna-osm-placement>`));
      assert.match(served, /<klarna-osm-placement[^>]*amount-from=".price"[^>]*><template shadowroot="open" shadowrootmode="open">/);
      assert.doesNotMatch(served, /part="text-main"/);
      // Had the element started reading the page, it would have loaded this module and failed on
      // the server's missing DOM by the time the module is loaded here and the ticks after it ran.
      await import('../../src/internal/amount-from.js');
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(failures, []);
      assert.equal(emulator.records.requests.filter((request) => request.path === '/messaging/v3').length, 0);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('renders <klarna-config> and the Instant Shopping host without a DOM', async () => {
    const served = await collectResult(render(html`<klarna-config locale="en-US" environment="playground"><klarna-instant-shopping-host button-key="123e4567-e89b-12d3-a456-426655440000" purchase-country="US" purchase-currency="USD"></klarna-instant-shopping-host></klarna-config>`));
    assert.match(served, /<klarna-config[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(served, /<klarna-instant-shopping-host[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined', 'nothing put a document in place');
  });

  it('renders the Express Checkout button\'s element without a DOM, loading no SDK on the server', async () => {
    const served = await collectResult(render(html`<klarna-config sdk-client-id="klarna_test_client_ZW11bGF0ZWQ"><klarna-express-checkout sdk-url=${`${emulator.url}/web-sdk/v2/klarna.mjs`} currency="USD" amount="32900" amount-from=".price" theme="dark"></klarna-express-checkout></klarna-config>`));
    assert.match(served, /<klarna-express-checkout[^>]*theme="dark"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.equal(emulator.records.requests.filter((request) => request.path === '/web-sdk/v2/klarna.mjs').length, 0, 'the SDK is the browser\'s to load');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined', 'nothing put a document in place');
  });
});
