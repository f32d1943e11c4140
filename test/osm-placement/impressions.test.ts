import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { captureConsole } from '../helpers/console.js';
import { configureEmulator } from '../helpers/emulator.js';
import { answerWith, freshClient, mountPlacement, useImpressionFeed } from '../helpers/osm.js';

/** A container below the bottom of the viewport (and of the lazy margin). */
function below(): Promise<HTMLDivElement> {
  return fixture<HTMLDivElement>(html`<div style="margin-top: 300vh; margin-bottom: 300vh"></div>`);
}

describe('<klarna-osm-placement> impressions', () => {
  const feed = useImpressionFeed();

  it('fires one beacon for a message in view, with the answer\'s impression URL', async () => {
    const clientId = await freshClient();
    const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    const render = await log.next('klarna-osm-render');
    const { detail } = await log.next('klarna-osm-impression');
    expect(detail.url).to.equal(render.detail.impressionUrl);
    const [record] = await feed().until(1);
    expect(record).to.include({ clientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 10000 });
    expect(detail.url).to.contain(record!.responseId);
  });

  it('waits until an off-screen message is scrolled into view (impression="visible")', async () => {
    const clientId = await freshClient();
    const inView = await fixture<HTMLDivElement>(html`<div></div>`);
    const offscreen = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 }, await below());
    await offscreen.log.next('klarna-osm-render');
    // A message in view, observed by the same observer: once its beacon lands, the other's turn has passed.
    const control = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 20000 }, inView);
    await control.log.next('klarna-osm-impression');
    expect((await feed().until(1)).map((record) => record.purchaseAmount)).to.deep.equal([20000]);
    expect(offscreen.log.named('klarna-osm-impression')).to.have.length(0);

    offscreen.element.scrollIntoView();
    await offscreen.log.next('klarna-osm-impression');
    expect((await feed().until(2)).map((record) => record.purchaseAmount)).to.deep.equal([20000, 10000]);
  });

  it('waits until a message in a closed drawer is shown', async () => {
    const clientId = await freshClient();
    const drawer = await fixture<HTMLDivElement>(html`<div hidden></div>`);
    const inDrawer = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 }, drawer);
    await inDrawer.log.next('klarna-osm-render');
    const control = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 20000 });
    await control.log.next('klarna-osm-impression');
    await feed().until(1);
    expect(inDrawer.log.named('klarna-osm-impression')).to.have.length(0);
    drawer.hidden = false;
    await inDrawer.log.next('klarna-osm-impression');
    expect(await feed().until(2)).to.have.length(2);
  });

  it('fires as soon as it renders with impression="render", even off screen', async () => {
    const clientId = await freshClient();
    const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000, impression: 'render' }, await below());
    await log.next('klarna-osm-render');
    await log.next('klarna-osm-impression');
    expect(await feed().until(1)).to.have.length(1);
  });

  it('never fires again for the same rendering: restyled, moved, removed and added back', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await log.next('klarna-osm-impression');
    element.theme = 'dark';
    await element.updateComplete;
    const elsewhere = await fixture<HTMLDivElement>(html`<section></section>`);
    elsewhere.append(element);
    element.remove();
    document.body.append(element);
    await element.updateComplete;
    const control = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 20000 });
    await control.log.next('klarna-osm-impression');
    expect((await feed().until(2)).map((record) => record.purchaseAmount)).to.deep.equal([10000, 20000]);
    expect(log.named('klarna-osm-impression')).to.have.length(1);
    expect(log.named('klarna-osm-render')).to.have.length(1);
    element.remove();
  });

  it('counts each placement that shows the same answer', async () => {
    const clientId = await freshClient();
    const first = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    const second = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await Promise.all([first.log.next('klarna-osm-impression'), second.log.next('klarna-osm-impression')]);
    const records = await feed().until(2);
    expect(records[0]!.responseId).to.equal(records[1]!.responseId);
  });

  it('counts nothing when the beacon never reached the network (its host does not resolve)', async () => {
    const clientId = await freshClient();
    const impressionUrl = 'https://beacon.invalid/v1/osm-client-script/impression?id=unresolvable';
    await answerWith(clientId, { content: { nodes: [{ type: 'TEXT', name: 'TEXT_MAIN', value: 'Pay in 4.' }] }, impression_url: impressionUrl });
    // Watches (does not change) the page's fetch, to know when the beacon's request is over.
    const original = Object.getOwnPropertyDescriptor(window, 'fetch')!;
    const realFetch = window.fetch.bind(window);
    const beaconOver = new Promise<void>((resolve) => {
      window.fetch = (input, init) => {
        const request = realFetch(input, init);
        if (new Request(input).url.startsWith('https://beacon.invalid/')) request.then(() => resolve(), () => resolve());
        return request;
      };
    });
    try {
      const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
      expect((await log.next('klarna-osm-render')).detail.impressionUrl).to.equal(impressionUrl);
      await beaconOver;
      await nextFrame();
      expect(log.named('klarna-osm-impression')).to.have.length(0);
    } finally {
      Object.defineProperty(window, 'fetch', original);
    }
  });

  it('fires nothing for an empty answer or an error', async () => {
    const clientId = await freshClient();
    await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId, purchase_amount: '20000' }, status: 500 }] });
    const errors = captureConsole('error');
    try {
      const empty = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 100 });
      const failed = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 20000 });
      await empty.log.next('klarna-osm-empty');
      await failed.log.next('klarna-osm-error');
      const control = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 30000 });
      await control.log.next('klarna-osm-impression');
      expect((await feed().until(1)).map((record) => record.purchaseAmount)).to.deep.equal([30000]);
      expect([...empty.log.named('klarna-osm-impression'), ...failed.log.named('klarna-osm-impression')]).to.have.length(0);
    } finally {
      errors.restore();
    }
  });
});
