import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/config/index.js';
import { configure, KlarnaConfig } from '../../src/config/index.js';
import { emulatorUrl, osmRequestsFor as requestsFor } from '../helpers/emulator.js';
import { mountHost } from '../helpers/instant-shopping.js';
import { freshClient, mountPlacement } from '../helpers/osm.js';

/** A placement that states only what is its own: where it sits and the amount. */
const BARE = { 'api-url': undefined, locale: undefined, 'client-id': undefined, 'purchase-amount': 11900 };

describe('<klarna-config> and configure()', () => {
  afterEach(() => {
    // The elements go first: without the page settings they would (rightly) report invalid config.
    fixtureCleanup();
    configure({ clientId: undefined, locale: undefined, environment: undefined, region: undefined, apiUrl: undefined });
  });

  it('gives client-id, locale and api-url to the placements inside it', async () => {
    const clientId = await freshClient();
    const config = await fixture<KlarnaConfig>(html`<klarna-config client-id=${clientId} locale="en-US" api-url=${emulatorUrl}></klarna-config>`);
    const { element, log } = await mountPlacement(BARE, config);
    await log.next('klarna-osm-render');
    expect(element.state).to.equal('rendered');
    expect(await requestsFor(clientId)).to.deep.equal([{ client_id: clientId, placement_key: 'credit-promotion-badge', locale: 'en-US', purchase_amount: '11900' }]);
    expect(log.names).not.to.include('klarna-osm-error', 'no invalid-config error on the way');
  });

  it('lets an element\'s own attribute win, and a nested <klarna-config> override only what it sets', async () => {
    const clientId = await freshClient();
    const outer = await fixture<KlarnaConfig>(html`<klarna-config client-id=${clientId} locale="en-US" api-url=${emulatorUrl}><klarna-config locale="es-US"></klarna-config></klarna-config>`);
    const inner = outer.querySelector('klarna-config')!;
    expect(inner.config).to.deep.equal({ clientId, locale: 'es-US', apiUrl: emulatorUrl });
    const nested = await mountPlacement(BARE, inner);
    const own = await mountPlacement({ ...BARE, locale: 'en-US', 'purchase-amount': 12900 }, inner);
    await Promise.all([nested.log.next('klarna-osm-render'), own.log.next('klarna-osm-render')]);
    expect([...nested.log.names, ...own.log.names]).not.to.include('klarna-osm-error');
    expect((await requestsFor(clientId)).map((query) => `${query.locale} ${query.purchase_amount}`).sort()).to.deep.equal(['en-US 12900', 'es-US 11900']);
  });

  it('updates the elements below when its values change, with one new request', async () => {
    const [first, second] = [await freshClient(), await freshClient()];
    const config = await fixture<KlarnaConfig>(html`<klarna-config client-id=${first} locale="en-US" api-url=${emulatorUrl}></klarna-config>`);
    const { log } = await mountPlacement(BARE, config);
    await log.next('klarna-osm-render');
    config.clientId = second;
    await log.next('klarna-osm-render');
    expect(await requestsFor(second)).to.have.length(1);
    expect(await requestsFor(first)).to.have.length(1);
  });

  it('takes page-wide defaults from configure(), under any <klarna-config>, and follows later calls', async () => {
    const [pageClient, sectionClient] = [await freshClient(), await freshClient()];
    configure({ clientId: pageClient, locale: 'en-US', apiUrl: emulatorUrl });
    const outside = await mountPlacement(BARE);
    const section = await fixture<KlarnaConfig>(html`<klarna-config client-id=${sectionClient}></klarna-config>`);
    const inside = await mountPlacement(BARE, section);
    await Promise.all([outside.log.next('klarna-osm-render'), inside.log.next('klarna-osm-render')]);
    expect([...outside.log.names, ...inside.log.names]).not.to.include('klarna-osm-error');
    expect(await requestsFor(pageClient)).to.have.length(1);
    expect((await requestsFor(sectionClient))[0]?.locale).to.equal('en-US', 'the section refines the page settings');

    configure({ locale: 'es-US' });
    await outside.log.next('klarna-osm-render');
    expect((await requestsFor(pageClient)).map((query) => query.locale)).to.deep.equal(['en-US', 'es-US']);
  });

  it('reaches an element that was already on the page when the provider was defined', async () => {
    const clientId = await freshClient();
    const parent = await fixture<HTMLElement>(html`<late-klarna-config></late-klarna-config>`);
    parent.setAttribute('client-id', clientId);
    parent.setAttribute('locale', 'en-US');
    parent.setAttribute('api-url', emulatorUrl);
    const { log } = await mountPlacement(BARE, parent);
    customElements.define('late-klarna-config', class extends KlarnaConfig {});
    await log.next('klarna-osm-render');
    expect(await requestsFor(clientId)).to.have.length(1);
  });

  it('gives the Instant Shopping host its locale, environment and the SDK from api-url', async () => {
    const config = await fixture<KlarnaConfig>(html`<klarna-config locale="en-US" environment="playground" api-url=${emulatorUrl}></klarna-config>`);
    const { element, log } = await mountHost({ 'sdk-url': undefined, locale: undefined }, {}, config);
    expect((await log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: true });
    expect(element.state).to.equal('ready');
    expect(document.querySelector(`script[src="${emulatorUrl}/instantshopping/lib/v1/lib.js"]`)).not.to.equal(null);
  });

  it('takes the settings of the <klarna-config> it is moved into, and none of the one it left', async () => {
    const [first, second] = await Promise.all([freshClient(), freshClient()]);
    const page = await fixture<HTMLDivElement>(html`<div>
      <klarna-config id="first" client-id=${first} locale="en-US" api-url=${emulatorUrl}></klarna-config>
      <klarna-config id="second" client-id=${second} locale="en-US" api-url=${emulatorUrl}></klarna-config>
    </div>`);
    const { element, log } = await mountPlacement(BARE, page.querySelector<KlarnaConfig>('#first')!);
    await log.next('klarna-osm-render');
    page.querySelector('#second')!.append(element);
    await log.next('klarna-osm-render');
    expect(await requestsFor(second)).to.have.length(1);

    // Out of every <klarna-config>: nothing is left of theirs, so there is no client id any more.
    page.append(element);
    expect((await log.next('klarna-osm-error')).detail.message).to.match(/client-id is required/);
    expect(await requestsFor(first)).to.have.length(1);
  });

  it('takes no setting from a polluted Object.prototype: a client id nobody gave is still missing', async () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.clientId = 'polluted-client';
    try {
      configure({ locale: 'en-US' });
      const { log } = await mountPlacement({ 'purchase-amount': 10000 });
      expect((await log.next('klarna-osm-error')).detail.message).to.match(/^client-id is required/);
      expect(await requestsFor('polluted-client')).to.have.length(0);
    } finally {
      delete prototype.clientId;
    }
  });
});
