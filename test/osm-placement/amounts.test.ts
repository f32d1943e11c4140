import { expect } from '@open-wc/testing';
import { configureEmulator, emulatorRequests } from '../helpers/emulator.js';
import { freshClient, mountPlacement, useImpressionFeed, part } from '../helpers/osm.js';

describe('<klarna-osm-placement> following the purchase amount', () => {
  const feed = useImpressionFeed();

  it('requests only the final value of a burst, and an aborted slow answer never renders', async () => {
    const clientId = await freshClient();
    await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId, purchase_amount: '10000' }, latencyMs: 800 }] });
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await element.updateComplete; // the slow request for 10000 is under way
    for (let amount = 20000; amount < 20020; amount += 1) {
      element.purchaseAmount = amount;
      await element.updateComplete;
    }
    const { detail } = await log.next('klarna-osm-render');
    expect(detail.purchaseAmount).to.equal(20019);
    expect(part(element, 'text-main')!.textContent).to.equal('Make 4 payments of $50.05. No fees.');
    const asked = (await emulatorRequests('/messaging/v3')).map((request) => request.query.purchase_amount);
    expect(asked).to.deep.equal(['20019']);
    await feed().until(1);
    expect(log.named('klarna-osm-render')).to.have.length(1);
    expect(feed().received.map((record) => record.purchaseAmount)).to.deep.equal([20019]);
  });

  it('keeps the old message on screen while the new one loads, then renders it with a new impression', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await log.next('klarna-osm-render');
    await feed().until(1);
    const height = element.getBoundingClientRect().height;
    await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId, purchase_amount: '30000' }, latencyMs: 300 }] });

    element.purchaseAmount = 30000;
    await element.updateComplete;
    expect(element.state).to.equal('loading');
    expect(element.matches(':state(loading)')).to.equal(true);
    expect(part(element, 'text-main')!.textContent).to.equal('Make 4 payments of $25.00. No fees.');
    expect(part(element, 'container')!.getAttribute('aria-busy')).to.equal('true');
    expect(element.getBoundingClientRect().height).to.equal(height);

    const { detail } = await log.next('klarna-osm-render');
    expect(detail.purchaseAmount).to.equal(30000);
    expect(part(element, 'text-main')!.textContent).to.equal('Make 4 payments of $75.00. No fees.');
    expect((await feed().until(2)).map((record) => record.purchaseAmount)).to.deep.equal([10000, 30000]);
  });

  it('does not render or count again when a value changes and changes back before it settles', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await log.next('klarna-osm-render');
    await feed().until(1);
    element.purchaseAmount = 10001;
    await element.updateComplete;
    element.purchaseAmount = 10000;
    await element.updateComplete;
    await element.refresh(); // a settled point; this refresh is a new rendering and counts once
    expect(log.named('klarna-osm-render')).to.have.length(2);
    expect((await emulatorRequests('/messaging/v3')).map((request) => request.query.purchase_amount)).to.deep.equal(['10000', '10000']);
    expect((await feed().until(2))).to.have.length(2);
  });
});
