/**
 * The CDN files (dist/cdn/) from a plain HTML page: module scripts, no build, no framework, each
 * pinned with Subresource Integrity as the docs show (README.md, docs/security.md). The page is an
 * iframe of its own, so nothing from this test's modules is defined in it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { freshClient, useImpressionFeed } from '../helpers/emulator-clients.js';
import { emulatorUrl, osmRequestsFor } from '../helpers/emulator.js';
import { framePage } from '../helpers/frame-page.js';
import type { InstantShoppingReadyEvent, KlarnaInstantShoppingHost, KlarnaOsmPlacement, OsmRenderEvent } from '../../src/index.js';

/** This build's CDN files, as `npm run build:cdn` wrote them (test/interop/build.ts builds them for the run). */
const CDN = `${location.origin}/dist/cdn/`;
/** A copy of them whose on-demand files were changed after the build, as a compromised CDN would serve them. */
const TAMPERED_CDN = `${location.origin}/node_modules/.cache/cdn-tampered/`;

/** dist/cdn/integrity.json: each file's path in dist/cdn/ → its `sha384-…` hash. */
let integrity: Map<string, string>;

before(async () => {
  integrity = new Map(Object.entries(await (await fetch(`${CDN}integrity.json`)).json() as Record<string, string>));
});

/** What `<name>.js` loads on demand: the files in its folder (scripts/cdn-files.ts). */
function onDemandFiles(name: string): string[] {
  return [...integrity.keys()].filter((path) => path.startsWith(`${name}/`));
}

/**
 * The tags the docs show to load `<name>.js` from `base`, pinned: its `<script integrity>`, and an
 * import map whose `integrity` pins it and what it loads on demand, which a script's `integrity`
 * does not cover.
 */
function pinnedScripts(name: string, base = CDN): string {
  const onDemand = onDemandFiles(name);
  const script = `<script type="module" src="${base}${name}.js" integrity="${integrity.get(`${name}.js`)}" crossorigin="anonymous"></script>`;
  if (onDemand.length === 0) return script;
  const pins = Object.fromEntries([`${name}.js`, ...onDemand].map((path) => [`${base}${path}`, integrity.get(path)]));
  return `<script type="importmap">${JSON.stringify({ integrity: pins })}</script>${script}`;
}

/** `import(url)` from inside the page, so that the page's import map applies. */
function importInPage(page: Window, url: string): Promise<Record<string, unknown>> {
  const { Function: PageFunction } = page as unknown as typeof globalThis;
  return (new PageFunction('url', 'return import(url)') as (url: string) => Promise<Record<string, unknown>>)(url);
}

/** Resolves with the error `promise` rejects with; fails if it resolves. */
async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  return promise.then(() => expect.fail(`${what} loaded`), (error: unknown) => error);
}

/** An Instant Shopping host whose order is a JSON child, on the emulator's SDK. */
function instantShoppingHost(): string {
  const order = {
    order_lines: [{ type: 'physical', reference: '19-402', name: 'Battery pack', quantity: 1, unit_price: 11900, tax_rate: 0, total_amount: 11900, total_discount_amount: 0, total_tax_amount: 0 }],
    merchant_urls: { terms: 'https://shop.example/terms' },
  };
  return `
    <klarna-instant-shopping-host button-key="123e4567-e89b-12d3-a456-426655440000" purchase-country="US" purchase-currency="USD" locale="en-US"
      sdk-url="${emulatorUrl}/instantshopping/lib/v1/lib.js">
      <script type="application/json">${JSON.stringify(order)}</script>
    </klarna-instant-shopping-host>`;
}

/** Waits until the page's host is ready, and checks that it shows Klarna's button. */
async function expectButtonShown(document: Document): Promise<void> {
  const host = document.querySelector('klarna-instant-shopping-host') as KlarnaInstantShoppingHost;
  if (host.state !== 'ready') await new Promise<InstantShoppingReadyEvent>((resolve) => host.addEventListener('klarna-instant-shopping-ready', resolve, { once: true }));
  expect(host.state).to.equal('ready');
  expect(host.showButton).to.equal(true);
  expect(host.querySelector('klarna-instant-shopping')!.shadowRoot!.querySelector('button')).to.not.equal(null);
}

/** Resolves once the placement has rendered (at once if it already has). */
function rendered(element: KlarnaOsmPlacement): Promise<void> {
  if (element.state === 'rendered') return Promise.resolve();
  return new Promise((resolve) => element.addEventListener('klarna-osm-render', () => resolve(), { once: true }));
}

/** A plain page: the page's own scripts (`head`), the pinned module script of the file with every element, then `body`. */
function plainPage(body: string, head = ''): Promise<HTMLIFrameElement> {
  return framePage(`${head}${pinnedScripts('klarna-elements')}</head><body>${body}</body>`);
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

describe('the CDN file with every element in a plain HTML page', () => {
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
    frame = await plainPage(instantShoppingHost());
    await expectButtonShown(frame.contentDocument!);
  });
});

describe('one CDN file per element, pinned with Subresource Integrity', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());
  const impressions = useImpressionFeed();

  /** Whether the browser applies an import map's `integrity` (Chrome 127, Safari 18, Firefox 138): a wrong pin then refuses a file. */
  async function importMapIntegrityApplies(): Promise<boolean> {
    const probe = `${CDN}osm-placement/beacon.js?probe`;
    frame = await framePage(`<script type="importmap">${JSON.stringify({ integrity: { [probe]: `sha384-${'A'.repeat(64)}` } })}</script></head><body></body>`);
    const applies = await importInPage(frame.contentWindow!, probe).then(() => false, () => true);
    frame.remove();
    return applies;
  }

  it('osm-placement.js defines the placement alone and shows the message; what it loads on demand comes under the import map\'s pins', async () => {
    const clientId = await freshClient();
    frame = await framePage(`${pinnedScripts('osm-placement')}</head><body>
      <klarna-osm-placement id="placement" client-id="${clientId}" api-url="${emulatorUrl}" locale="en-US"
        placement-key="credit-promotion-badge" purchase-amount="11900"></klarna-osm-placement></body>`);
    const page = frame.contentWindow!;
    await waitUntil(() => page.customElements.get('klarna-osm-placement'), 'osm-placement.js, loaded under its pin, defines <klarna-osm-placement>');
    expect(page.customElements.get('klarna-config'), 'klarna-config').to.equal(undefined);
    expect(page.customElements.get('klarna-instant-shopping-host'), 'klarna-instant-shopping-host').to.equal(undefined);
    const placement = page.document.getElementById('placement') as KlarnaOsmPlacement;
    await rendered(placement);
    expect(placement.shadowRoot!.querySelector('[part="text-main"]')!.textContent).to.contain('$29.75');
    // The beacon is a file of its own, loaded when the message is seen: under its pin, it counts the impression.
    await impressions().until(1);

    expect(onDemandFiles('osm-placement')).to.not.be.empty;
    for (const path of onDemandFiles('osm-placement')) await importInPage(page, `${CDN}${path}`);
    // A page's own script may import configure() from the pinned file: the import map pins that import too.
    expect((await importInPage(page, `${CDN}osm-placement.js`)).configure).to.be.a('function');
  });

  it('refuses every on-demand file changed after the build: the message still shows, the changed code never runs', async function () {
    if (!(await importMapIntegrityApplies())) this.skip();
    const clientId = await freshClient();
    frame = await framePage(`${pinnedScripts('osm-placement', TAMPERED_CDN)}</head><body>
      <klarna-osm-placement id="placement" client-id="${clientId}" api-url="${emulatorUrl}" locale="en-US"
        placement-key="credit-promotion-badge" purchase-amount="11900"></klarna-osm-placement></body>`);
    const page = frame.contentWindow! as Window & { klarnaTamperedCodeRan?: boolean };
    // The entry is as built, so its pin holds.
    await waitUntil(() => page.customElements.get('klarna-osm-placement'), 'osm-placement.js, unchanged, loads under its pin');
    await rendered(page.document.getElementById('placement') as KlarnaOsmPlacement);

    for (const path of onDemandFiles('osm-placement')) {
      const error = await rejection(importInPage(page, `${TAMPERED_CDN}${path}`), `the changed ${path}`);
      expect((error as Error).name, path).to.equal('TypeError');
    }
    expect(page.klarnaTamperedCodeRan, 'the changed code ran').to.equal(undefined);
    // The copy is changed indeed: the same file under a URL the page does not pin runs.
    await importInPage(page, `${TAMPERED_CDN}osm-placement/beacon.js?unpinned`);
    expect(page.klarnaTamperedCodeRan).to.equal(true);
  });

  it('instant-shopping.js defines the host alone and shows the button', async () => {
    frame = await framePage(`${pinnedScripts('instant-shopping')}</head><body>${instantShoppingHost()}</body>`);
    await expectButtonShown(frame.contentDocument!);
    expect(frame.contentWindow!.customElements.get('klarna-osm-placement'), 'klarna-osm-placement').to.equal(undefined);
    expect(frame.contentWindow!.customElements.get('klarna-config'), 'klarna-config').to.equal(undefined);
  });
});
