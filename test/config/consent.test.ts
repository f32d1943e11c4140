import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/config/index.js';
import { configure, type KlarnaConfig } from '../../src/config/index.js';
import type { KlarnaOsmPlacement } from '../../src/osm-placement/index.js';
import { INSTANT_SHOPPING_SDK_PATH } from '../../src/core/endpoints.js';
import { captureConsole } from '../helpers/console.js';
import { emulatorRequests, emulatorUrl, osmRequestsFor } from '../helpers/emulator.js';
import { forgetSdk, mountHost } from '../helpers/instant-shopping.js';
import { freshClient, mountPlacement, prefetchedFor, useImpressionFeed } from '../helpers/osm.js';

/** The `<script>` the host injects for Klarna's SDK, if any. */
const sdkScript = () => document.querySelector(`script[src$="${INSTANT_SHOPPING_SDK_PATH}"]`);

describe('consent: configure({ consent }) and <klarna-config consent>', () => {
  const feed = useImpressionFeed();
  beforeEach(() => forgetSdk());
  afterEach(() => {
    fixtureCleanup();
    configure({ consent: undefined });
  });

  it('while pending, nothing reaches Klarna from any element; once granted, each goes on as if just connected', async () => {
    configure({ consent: 'pending' });
    const clientId = await freshClient();
    const placement = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900 });
    const host = await mountHost();
    await Promise.all([placement.element.updateComplete, host.element.updateComplete]);
    // Quiet, not loading: no request was started, no script injected, nothing reported.
    expect([placement.element.state, host.element.state]).to.deep.equal(['idle', 'idle']);
    expect(sdkScript()).to.equal(null);
    expect([...placement.log.names, ...host.log.names]).to.deep.equal([]);

    configure({ consent: 'granted' });
    await placement.log.next('klarna-osm-impression');
    await host.log.next('klarna-instant-shopping-ready');
    expect(await osmRequestsFor(clientId)).to.have.length(1);
    expect(await emulatorRequests(INSTANT_SHOPPING_SDK_PATH)).to.have.length(1);
    expect(await feed().until(1)).to.have.length(1);
  });

  it('holds the elements inside a <klarna-config consent="pending"> until its consent is granted', async () => {
    const clientId = await freshClient();
    const config = await fixture<KlarnaConfig>(html`<klarna-config consent="pending" client-id=${clientId} locale="en-US" api-url=${emulatorUrl}></klarna-config>`);
    const { element, log } = await mountPlacement({ 'client-id': undefined, locale: undefined, 'api-url': undefined, 'purchase-amount': 11900 }, config);
    await element.updateComplete;
    expect(element.state).to.equal('idle');
    config.consent = 'granted';
    await log.next('klarna-osm-render');
    expect(await osmRequestsFor(clientId)).to.have.length(1);
  });

  it('shows a server\'s message while pending, and fires its impression only once consent is granted', async () => {
    configure({ consent: 'pending' });
    const clientId = await freshClient();
    const prefetched = await prefetchedFor(clientId, 11900);
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900, prefetched: JSON.stringify(prefetched) });
    await log.next('klarna-osm-render');
    await element.updateComplete;
    expect(element.state).to.equal('rendered');
    // A section whose own consent is granted: once its beacon has landed, one fired at the held render would have too.
    const granted = await fixture<KlarnaConfig>(html`<klarna-config consent="granted"></klarna-config>`);
    const control = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 22900 }, granted);
    await control.log.next('klarna-osm-impression');
    expect((await feed().until(1)).map((record) => record.purchaseAmount)).to.deep.equal([22900]);
    expect(log.named('klarna-osm-impression')).to.have.length(0);
    configure({ consent: 'granted' });
    await log.next('klarna-osm-impression');
    expect((await feed().until(2)).map((record) => record.purchaseAmount)).to.deep.equal([22900, 11900]);
    // The test's own request and the control's: the held element asked Klarna nothing.
    expect(await osmRequestsFor(clientId)).to.have.length(2);
  });

  it('uses a server\'s message for the first request only: amount changes while pending are held, quietly, and then asked', async () => {
    configure({ consent: 'pending' });
    const clientId = await freshClient();
    const prefetched = await prefetchedFor(clientId, 11900);
    const warnings = captureConsole('warn');
    try {
      // A listener sees the state the rendering is in, not a request that is not being made.
      const page = await fixture<HTMLDivElement>(html`<div></div>`);
      const statesAtRender: string[] = [];
      page.addEventListener('klarna-osm-render', (event) => statesAtRender.push((event.target as KlarnaOsmPlacement).state));
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900, prefetched: JSON.stringify(prefetched) }, page);
      await log.next('klarna-osm-render');
      for (const amount of [12900, 13900]) {
        element.purchaseAmount = amount;
        await element.updateComplete;
      }
      expect(element.state).to.equal('rendered');
      expect(warnings.messages).to.deep.equal([]);
      configure({ consent: 'granted' });
      expect((await log.next('klarna-osm-render')).detail.purchaseAmount).to.equal(13900);
      expect(statesAtRender).to.deep.equal(['rendered', 'rendered']);
      expect((await osmRequestsFor(clientId)).map((query) => query.purchase_amount)).to.deep.equal(['11900', '13900']);
    } finally {
      warnings.restore();
    }
  });

  it('holds on any value but "granted", and says so once', async () => {
    const warnings = captureConsole('warn');
    configure({ consent: 'denied' as 'pending' });
    const clientId = await freshClient();
    const { element } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 11900 });
    await element.updateComplete;
    warnings.restore();
    expect(element.state).to.equal('idle');
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('consent "denied" is neither "pending" nor "granted"');
  });

  it('leaves an element given nothing else quiet: consent alone configures nothing', async () => {
    configure({ consent: 'granted' });
    const element = await fixture(html`<klarna-osm-placement></klarna-osm-placement>`);
    const errors = captureConsole('error');
    await (element as KlarnaConfig).updateComplete;
    errors.restore();
    expect((element as unknown as { state: string }).state).to.equal('idle');
    expect(errors.messages).to.deep.equal([]);
  });
});
