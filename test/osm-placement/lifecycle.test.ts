import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { KlarnaOsmPlacement } from '../../src/osm-placement/index.js';
import { configureEmulator, emulatorRequests, emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { EventLog, freshClient, mountPlacement, part } from '../helpers/osm.js';

describe('<klarna-osm-placement> as a built-in-like element', () => {
  beforeEach(resetEmulator);

  it('works from document.createElement with properties only', async () => {
    const clientId = await freshClient();
    const element = document.createElement('klarna-osm-placement');
    const log = new EventLog(element);
    Object.assign(element, { apiUrl: emulatorUrl, clientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 10000 });
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
    await log.next('klarna-osm-render');
    expect(element).to.be.instanceOf(KlarnaOsmPlacement);
    expect(element.getAttribute('placement-key')).to.equal('credit-promotion-badge');
    expect(element.getAttribute('locale')).to.equal('en-US');
  });

  it('keeps attributes and properties set before its definition loads', async () => {
    const clientId = await freshClient();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.innerHTML = `<late-osm-placement api-url="${emulatorUrl}" client-id="${clientId}" placement-key="credit-promotion-badge" locale="en-US"></late-osm-placement>`;
    const early = container.firstElementChild as HTMLElement & { purchaseAmount?: number };
    early.purchaseAmount = 40000;
    const log = new EventLog(early);
    customElements.define('late-osm-placement', class extends KlarnaOsmPlacement {});
    const { detail } = await log.next('klarna-osm-render');
    expect(detail.purchaseAmount).to.equal(40000);
    expect(part(early, 'text-main')!.textContent).to.equal('Make 4 payments of $100.00. No fees.');
  });

  it('does not ask again when moved, or removed and added back', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await log.next('klarna-osm-render');
    const other = await fixture<HTMLDivElement>(html`<div></div>`);
    other.append(element);
    await element.updateComplete;
    element.remove();
    await element.updateComplete;
    other.append(element);
    await element.updateComplete;
    expect(element.state).to.equal('rendered');
    expect(part(element, 'text-main')!.textContent).to.contain('$25.00');
    expect(log.named('klarna-osm-render')).to.have.length(1);
    expect(await emulatorRequests('/messaging/v3')).to.have.length(1);
  });

  it('survives a second copy of the library on the page', async () => {
    // The test server serves TypeScript as modules; a query makes it a second module instance.
    const copy = `../../src/osm-placement/define.ts?copy=${Date.now()}`;
    await import(/* @vite-ignore */ copy);
    expect(customElements.get('klarna-osm-placement')).to.equal(KlarnaOsmPlacement);
  });

  it('loads a lazy placement only when it comes near the viewport', async () => {
    const clientId = await freshClient();
    const far = await fixture<HTMLDivElement>(html`<div style="margin-top: 400vh; margin-bottom: 400vh"></div>`);
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000, loading: 'lazy' }, far);
    // Two frames: the observers have reported where the element is.
    await nextFrame();
    await nextFrame();
    expect(element.state).to.equal('idle');
    expect(await emulatorRequests('/messaging/v3')).to.have.length(0);
    element.scrollIntoView();
    await log.next('klarna-osm-render');
    expect(await emulatorRequests('/messaging/v3')).to.have.length(1);
  });

  it('keeps the configured space while its first message loads, so nothing shifts', async () => {
    const clientId = await freshClient();
    await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId }, latencyMs: 300, times: 1 }] });
    const container = await fixture<HTMLDivElement>(html`<div style="--klarna-osm-min-height: 48px"></div>`);
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 }, container);
    await element.updateComplete;
    expect(element.state).to.equal('loading');
    expect(element.getBoundingClientRect().height).to.equal(48);
    await log.next('klarna-osm-render');
    expect(element.getBoundingClientRect().height).to.be.at.least(48);
  });
});
