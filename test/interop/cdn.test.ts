/**
 * dist/cdn/klarna-elements.js from a plain HTML page: one module script, no build, no framework.
 * The page is an iframe of its own, so nothing from this test's modules is defined in it.
 */
import { expect } from '@open-wc/testing';
import { freshClient } from '../helpers/emulator-clients.js';
import { emulatorUrl, osmRequestsFor } from '../helpers/emulator.js';
import { framePage } from '../helpers/frame-page.js';
import type { InstantShoppingReadyEvent, KlarnaInstantShoppingHost, KlarnaOsmPlacement, OsmRenderEvent } from '../../src/index.js';

/** Resolves once the placement has rendered (at once if it already has). */
function rendered(element: KlarnaOsmPlacement): Promise<void> {
  if (element.state === 'rendered') return Promise.resolve();
  return new Promise((resolve) => element.addEventListener('klarna-osm-render', () => resolve(), { once: true }));
}

/** A plain page: the page's own scripts (`head`), the CDN file's one module script, then `body`. */
function plainPage(body: string, head = ''): Promise<HTMLIFrameElement> {
  return framePage(`${head}<script type="module" src="${location.origin}/dist/cdn/klarna-elements.js"></script></head><body>${body}</body>`);
}

/**
 * What an old library or a merge bug leaves on a page: enumerable keys on the prototypes of every
 * object and array, of every kind of value (Prototype.js 1.6's Array.prototype.toJSON among them).
 * Not a name the platform itself reads from option objects (`method`, `signal`, `get`): that
 * breaks `fetch` or `Object.defineProperty` for every script on the page.
 */
const POLLUTING_SCRIPT = `<script>
  Object.prototype.foo = {};
  Object.prototype.polluted = 'yes';
  Object.prototype.helper = function () { return 'inherited'; };
  Array.prototype.extra = [];
  Array.prototype.toJSON = function () { return '[' + this.map((item) => JSON.stringify(item)).join(', ') + ']'; };
</script>`;

describe('the CDN file in a plain HTML page', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('defines every element and renders from markup alone; loading="lazy" waits for the viewport as in the npm build', async () => {
    const clientId = await freshClient();
    frame = await plainPage(`
      <klarna-config client-id="${clientId}" api-url="${emulatorUrl}" locale="en-US">
        <klarna-osm-placement id="eager" placement-key="credit-promotion-badge" purchase-amount="11900"></klarna-osm-placement>
        <div style="height: 3000px"></div>
        <klarna-osm-placement id="lazy" loading="lazy" placement-key="credit-promotion-badge" purchase-amount="22900"></klarna-osm-placement>
      </klarna-config>`);
    const page = frame.contentWindow!;
    for (const tag of ['klarna-config', 'klarna-osm-placement', 'klarna-instant-shopping-host']) {
      expect(page.customElements.get(tag), tag).to.be.a('function');
    }
    const eager = page.document.getElementById('eager') as KlarnaOsmPlacement;
    const lazy = page.document.getElementById('lazy') as KlarnaOsmPlacement;
    await rendered(eager);
    expect(eager.shadowRoot!.querySelector('[part="text-main"]')!.textContent).to.not.equal('');

    const amounts = async () => (await osmRequestsFor(clientId)).map((query) => query.purchase_amount);
    expect(await amounts()).to.deep.equal(['11900']);
    expect(lazy.state).to.equal('idle');

    const lazyRender = new Promise<OsmRenderEvent>((resolve) => lazy.addEventListener('klarna-osm-render', resolve, { once: true }));
    lazy.scrollIntoView();
    expect((await lazyRender).detail.purchaseAmount).to.equal(22900);
    expect(await amounts()).to.deep.equal(['11900', '22900']);

    // A page script changing the price: one more request, one more render.
    const changed = new Promise<OsmRenderEvent>((resolve) => eager.addEventListener('klarna-osm-render', resolve, { once: true }));
    eager.setAttribute('purchase-amount', '13900');
    expect((await changed).detail.purchaseAmount).to.equal(13900);
    expect(await amounts()).to.deep.equal(['11900', '22900', '13900']);
  });

  it('loads and works on a page whose prototypes carry enumerable keys of every kind', async () => {
    const clientId = await freshClient();
    frame = await plainPage(`
      <klarna-osm-placement id="placement" client-id="${clientId}" api-url="${emulatorUrl}" locale="en-US"
        placement-key="credit-promotion-badge" purchase-amount="11900"></klarna-osm-placement>`, POLLUTING_SCRIPT);
    const page = frame.contentWindow!;
    await page.customElements.whenDefined('klarna-osm-placement');
    const placement = page.document.getElementById('placement') as KlarnaOsmPlacement;
    await rendered(placement);
    expect(placement.shadowRoot!.querySelector('[part="text-main"]')!.textContent).to.contain('$29.75');
    expect(await osmRequestsFor(clientId)).to.have.length(1);
  });

  it('shows the Instant Shopping button from a JSON child, with no script of the page\'s own', async () => {
    const order = {
      order_lines: [{ type: 'physical', reference: '19-402', name: 'Battery pack', quantity: 1, unit_price: 11900, tax_rate: 0, total_amount: 11900, total_discount_amount: 0, total_tax_amount: 0 }],
      merchant_urls: { terms: 'https://shop.example/terms' },
    };
    frame = await plainPage(`
      <klarna-instant-shopping-host button-key="123e4567-e89b-12d3-a456-426655440000" purchase-country="US" purchase-currency="USD" locale="en-US"
        sdk-url="${emulatorUrl}/instantshopping/lib/v1/lib.js">
        <script type="application/json">${JSON.stringify(order)}</script>
      </klarna-instant-shopping-host>`);
    const host = frame.contentDocument!.querySelector('klarna-instant-shopping-host') as KlarnaInstantShoppingHost;
    if (host.state !== 'ready') await new Promise<InstantShoppingReadyEvent>((resolve) => host.addEventListener('klarna-instant-shopping-ready', resolve, { once: true }));
    expect(host.state).to.equal('ready');
    expect(host.showButton).to.equal(true);
    expect(host.querySelector('klarna-instant-shopping')!.shadowRoot!.querySelector('button')).to.not.equal(null);
  });
});
