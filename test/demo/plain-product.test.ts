import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { KlarnaConfig } from '../../src/config/index.js';
import type { KlarnaOsmPlacement } from '../../src/osm-placement/index.js';
import { CONSENT_STORAGE_KEY, mountConsentBanner } from '../../demo/consent-banner.js';
import { emulatorUrl, osmRequestsFor } from '../helpers/emulator.js';
import { EventLog, freshClient, mountPlacement } from '../helpers/osm.js';

/**
 * The plain product page as `npm start` serves it (demo/product.html), its product and consent
 * banner put into this test's page with the storefront's stylesheet, and the consent banner
 * mounted as its one shared script (demo/plain-page.ts) mounts it, for a fresh emulator client.
 */
async function plainProductPage() {
  const source = new DOMParser().parseFromString(await (await fetch('/demo/product.html')).text(), 'text/html');
  const page = await fixture<HTMLDivElement>(html`<div></div>`);
  const styles = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/styles.css' });
  const loaded = new Promise((resolve) => styles.addEventListener('load', resolve, { once: true }));
  page.append(styles);
  await loaded;
  const config = document.importNode(source.querySelector<KlarnaConfig>('klarna-config')!, true);
  const banner = document.importNode(source.querySelector<HTMLElement>('.consent-banner')!, true);
  const placement = config.querySelector<KlarnaOsmPlacement>('klarna-osm-placement')!;
  const log = new EventLog(placement);
  const clientId = await freshClient();
  Object.assign(config, { clientId, apiUrl: emulatorUrl });
  page.append(config, banner);
  localStorage.removeItem(CONSENT_STORAGE_KEY);
  mountConsentBanner(banner, config);
  const asked = async () => (await osmRequestsFor(clientId)).map((query) => Number(query.purchase_amount));
  /** A placement outside the page's consent goes to Klarna and back: time enough for the held one to have asked, were it not held. */
  const roundTrip = async () => (await mountPlacement({ 'client-id': await freshClient(), 'purchase-amount': 10000 })).log.next('klarna-osm-render');
  const button = (decision: string) => banner.querySelector<HTMLButtonElement>(`[data-consent="${decision}"]`)!;
  return { source, page, config, banner, placement, log, asked, roundTrip, button };
}

describe('the demo\'s plain HTML product page', () => {
  afterEach(() => localStorage.removeItem(CONSENT_STORAGE_KEY));

  it('has no script of its own: only the shop-wide one', async () => {
    const { source } = await plainProductPage();
    // (The test server adds its own web socket script to every page it serves.)
    const scripts = [...source.querySelectorAll('script')].map((script) => script.getAttribute('src')).filter((src) => !src?.startsWith('/__web-dev-server'));
    expect(scripts).to.deep.equal(['./plain-page.ts']);
    expect([...source.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on')))).to.deep.equal([]);
  });

  it('asks Klarna nothing until the visitor accepts, then follows the size and the quantity', async () => {
    const { page, banner, placement, log, asked, roundTrip, button } = await plainProductPage();
    expect(banner.hidden).to.equal(false);
    await roundTrip();
    expect(placement.state).to.equal('idle');
    expect(log.names).to.deep.equal([]);
    expect(await asked()).to.deep.equal([]);

    button('granted').click();
    expect(banner.hidden).to.equal(true);
    expect(localStorage.getItem(CONSENT_STORAGE_KEY)).to.equal('granted');
    expect((await log.next('klarna-osm-render')).detail.purchaseAmount).to.equal(18900);

    // A size: its price shows (CSS alone), and the message follows.
    page.querySelector<HTMLInputElement>('.sizes input[value="M"]')!.click();
    expect((await log.next('klarna-osm-render')).detail.purchaseAmount).to.equal(19900);
    const shown = [...page.querySelectorAll<HTMLElement>('.price-now')].filter((price) => getComputedStyle(price).display !== 'none');
    expect(shown.map((price) => price.textContent)).to.deep.equal(['$199.00']);

    // The quantity field's own stepper: two steps up, as its arrows fire `input`.
    const quantity = page.querySelector<HTMLInputElement>('#quantity')!;
    quantity.stepUp(2);
    quantity.dispatchEvent(new Event('input', { bubbles: true }));
    expect((await log.next('klarna-osm-render')).detail.purchaseAmount).to.equal(59700);
    expect(await asked()).to.deep.equal([18900, 19900, 59700]);
  });

  it('keeps holding every request after "Decline", and goes on when the visitor accepts later', async () => {
    const { banner, placement, log, asked, roundTrip, button } = await plainProductPage();
    button('declined').click();
    expect(banner.hidden).to.equal(true);
    await roundTrip();
    expect([placement.state, log.names, await asked()]).to.deep.equal(['idle', [], []]);

    banner.hidden = false; // "Privacy choices" shows it again
    button('granted').click();
    expect((await log.next('klarna-osm-render')).detail.purchaseAmount).to.equal(18900);
  });
});
