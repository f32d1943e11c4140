import { expect, fixture, html } from '@open-wc/testing';
import { captureConsole } from '../helpers/console.js';
import { installRecordingSdk, mountHost, orderLine, shippingOption, US_BUTTON, type RecordingSdk } from '../helpers/instant-shopping.js';

describe('<klarna-instant-shopping-host> load and update', () => {
  let sdk: RecordingSdk;
  let restore: () => void;
  beforeEach(() => ({ sdk, restore } = installRecordingSdk()));
  afterEach(() => restore());

  it('calls load once with the setup and all the data, and puts the container in the light DOM', async () => {
    const { element, log } = await mountHost({}, { shippingOptions: [shippingOption()], merchantReference1: 'order-7' });
    const [call] = await sdk.until(1);
    const id = element.instanceId!;
    expect(id).to.match(/^klarna-is-/);
    expect(call!.method).to.equal('load');
    expect(call!.options).to.deep.equal({
      setup: { instance_id: id, key: US_BUTTON['button-key'], environment: 'production', region: 'na' },
      purchase_country: 'US', purchase_currency: 'USD', locale: 'en-US',
      order_lines: [orderLine()], shipping_options: [shippingOption()], merchant_urls: { terms: 'https://shop.example/terms' }, merchant_reference1: 'order-7',
    });
    const container = element.querySelector('klarna-instant-shopping');
    expect(container?.getAttribute('data-instance-id')).to.equal(id);
    expect(element.shadowRoot!.querySelector('klarna-instant-shopping')).to.equal(null);
    expect(element.state).to.equal('loading');

    call!.answer({ show_button: true });
    expect((await log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: true });
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    expect(element.matches(':state(ready)')).to.equal(true);
    expect(element.matches(':state(ready)')).to.equal(true);
    expect(element.instanceId).to.equal(id);
    expect(sdk.calls).to.have.length(1);
  });

  it('sends only the changed fields in an update, one update for changes made together', async () => {
    const { element, log } = await mountHost();
    (await sdk.until(1))[0]!.answer();
    await log.next('klarna-instant-shopping-ready');

    element.orderLines = [orderLine({ quantity: 2 })];
    element.shippingOptions = [shippingOption()];
    element.merchantReference2 = 'campaign-4';
    const [, update] = await sdk.until(2);
    expect(update!.method).to.equal('update');
    expect(update!.options).to.deep.equal({
      setup: { instance_id: element.instanceId },
      order_lines: [orderLine({ quantity: 2 })], shipping_options: [shippingOption()], merchant_reference2: 'campaign-4',
    });
    update!.answer();
    await log.next('klarna-instant-shopping-ready');

    // Assigning equal data again is no change.
    element.orderLines = [orderLine({ quantity: 2 })];
    element.setAttribute('locale', 'es-US');
    const [, , second] = await sdk.until(3);
    expect(second!.options).to.deep.equal({ setup: { instance_id: element.instanceId }, locale: 'es-US' });
  });

  it('folds changes made while the script loads into the load, and sends later ones after it answers', async () => {
    // No SDK yet: the host loads a script and waits for klarnaAsyncCallback, as it would for lib.js.
    delete window.Klarna;
    const { element, log } = await mountHost({ 'sdk-url': `/test/fixtures/counter-script.js?case=fold-${Date.now()}` });
    element.orderLines = [orderLine({ quantity: 3 })];
    await element.updateComplete;
    window.Klarna = { InstantShopping: sdk };
    window.klarnaAsyncCallback?.();
    const [load] = await sdk.until(1);
    expect(load!.method).to.equal('load');
    expect(load!.options.order_lines).to.deep.equal([orderLine({ quantity: 3 })]);

    // Changed before load answers: held back, then sent as one update, never as a second load.
    element.orderLines = [orderLine({ quantity: 4 })];
    element.merchantData = 'gift';
    await element.updateComplete;
    expect(sdk.calls).to.have.length(1);
    load!.answer();
    const [, update] = await sdk.until(2);
    expect(update!.method).to.equal('update');
    expect(update!.options).to.deep.equal({ setup: { instance_id: element.instanceId }, order_lines: [orderLine({ quantity: 4 })], merchant_data: 'gift' });
    update!.answer();
    await log.next('klarna-instant-shopping-ready');
    await log.next('klarna-instant-shopping-ready');
    expect(sdk.calls.map((call) => call.method)).to.deep.equal(['load', 'update']);
  });

  it('hides itself when Klarna does not offer the button, and shows again when an update does', async () => {
    const { element, log } = await mountHost();
    (await sdk.until(1))[0]!.answer({ show_button: false });
    expect((await log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: false });
    await element.updateComplete;
    expect(element.state).to.equal('hidden');
    expect(element.showButton).to.equal(false);
    expect(element.matches(':state(ready)')).to.equal(false);
    expect(getComputedStyle(element).display).to.equal('none');
    expect(element.isConnected).to.equal(true);

    element.orderLines = [orderLine({ quantity: 2 })];
    (await sdk.until(2))[1]!.answer({ show_button: true });
    expect((await log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: true });
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    expect(element.matches(':state(ready)')).to.equal(true);
    expect(getComputedStyle(element).display).to.equal('block');
  });

  it('never calls load twice for an instance: not when moved, nor when a new element takes its id', async () => {
    const { element, log } = await mountHost({ 'instance-id': 'remount-1' });
    (await sdk.until(1))[0]!.answer();
    await log.next('klarna-instant-shopping-ready');

    const elsewhere = await fixture<HTMLDivElement>(html`<div></div>`);
    elsewhere.append(element);
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    element.remove();
    element.orderLines = [orderLine({ quantity: 5 })];
    elsewhere.append(element);
    const [, update] = await sdk.until(2);
    expect(update!.method).to.equal('update');
    expect(update!.options.order_lines).to.deep.equal([orderLine({ quantity: 5 })]);
    update!.answer();
    element.remove();

    // A framework remount: a new element, a new (empty) container, the same instance id.
    const { element: again, log: againLog } = await mountHost({ 'instance-id': 'remount-1' });
    const [, , refill] = await sdk.until(3);
    expect(refill!.method).to.equal('update');
    expect(refill!.options.setup).to.deep.equal({ instance_id: 'remount-1' });
    expect(refill!.options.order_lines).to.deep.equal([orderLine()]);
    refill!.answer();
    await againLog.next('klarna-instant-shopping-ready');
    expect(again.state).to.equal('ready');
    expect(sdk.calls.filter((call) => call.method === 'load')).to.have.length(1);
  });

  it('becomes the instance a changed instance-id names: loads it, and shows its answer, not the old one\'s', async () => {
    const { element, log } = await mountHost({ 'instance-id': 'before-change' });
    (await sdk.until(1))[0]!.answer({ show_button: true });
    await log.next('klarna-instant-shopping-ready');
    await element.updateComplete;
    expect(element.state).to.equal('ready');

    element.setAttribute('instance-id', 'after-change');
    await element.updateComplete;
    expect(element.state).to.equal('loading', 'nothing is known yet of the new instance');
    const [, load] = await sdk.until(2);
    expect([load!.method, load!.options.setup.instance_id]).to.deep.equal(['load', 'after-change']);
    expect(element.querySelector('klarna-instant-shopping')?.getAttribute('data-instance-id')).to.equal('after-change');
    load!.answer({ show_button: false });
    await log.next('klarna-instant-shopping-ready');
    await element.updateComplete;
    expect(element.state).to.equal('hidden');
    sdk.fire('buy_button_clicked', 'before-change');
    expect(log.named('klarna-instant-shopping-buy-button-clicked')).to.have.length(0, 'the old instance no longer reports here');
  });

  it('forwards SDK events as DOM events, only for its own instance and only while connected', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const first = await mountHost({}, {}, parent);
    const second = await mountHost({}, {}, parent);
    sdk.autoAnswer = { show_button: true };
    await sdk.until(2);
    for (const call of sdk.calls) call.answer();
    const id = first.element.instanceId!;

    sdk.fire('shipping_updated', id, { customer_selected_shipping_option: { id: 'express_priority' }, customer_country: 'US', customer_postal_code: '60102' });
    const event = await first.log.next('klarna-instant-shopping-shipping-updated');
    expect(event.detail).to.deep.equal({ instanceId: id, customer_selected_shipping_option: { id: 'express_priority' }, customer_country: 'US', customer_postal_code: '60102' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(second.log.named('klarna-instant-shopping-shipping-updated')).to.have.length(0);

    sdk.fire('buy_button_clicked', second.element.instanceId!);
    await second.log.next('klarna-instant-shopping-buy-button-clicked');
    expect(first.log.named('klarna-instant-shopping-buy-button-clicked')).to.have.length(0);

    first.element.remove();
    sdk.fire('session_initiated', id, { customer_country: 'US' });
    expect(first.log.named('klarna-instant-shopping-session-initiated')).to.have.length(0);
    parent.append(first.element);
    sdk.fire('session_initiated', id, { customer_country: 'US' });
    expect((await first.log.next('klarna-instant-shopping-session-initiated')).detail.instanceId).to.equal(id);
    expect(first.log.named('klarna-instant-shopping-session-initiated')).to.have.length(1);
  });

  it('reports an SDK error in a callback as an sdk error, and loads again once the data changes', async () => {
    const errors = captureConsole('error');
    const { element, log } = await mountHost();
    const refusal = { error_code: 'BAD_VALUE', error_messages: ['purchase_currency is not supported'] };
    (await sdk.until(1))[0]!.answer({ show_button: false, error: refusal });
    const error = await log.next('klarna-instant-shopping-error');
    expect(error.detail).to.deep.equal({ code: 'sdk', message: 'Klarna did not show the button: purchase_currency is not supported', cause: refusal });
    await element.updateComplete;
    expect(element.state).to.equal('error');
    expect(sdk.calls).to.have.length(1);
    errors.restore();
    expect(errors.messages).to.deep.equal(['<klarna-instant-shopping-host>: Klarna did not show the button: purchase_currency is not supported']);

    element.orderLines = [orderLine({ quantity: 2 })];
    const [, retry] = await sdk.until(2);
    expect(retry!.method).to.equal('load');
    retry!.answer();
    await log.next('klarna-instant-shopping-ready');
    await log.next('klarna-instant-shopping-ready');
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    expect(element.error).to.equal(undefined);
  });

  it('reports an SDK that throws, without throwing out of the update', async () => {
    sdk.load = () => {
      throw new Error('boom');
    };
    const errors = captureConsole('error');
    const { element, log } = await mountHost();
    const error = await log.next('klarna-instant-shopping-error');
    errors.restore();
    expect(errors.messages).to.deep.equal(['<klarna-instant-shopping-host>: Klarna.InstantShopping.load threw: boom']);
    expect(error.detail.code).to.equal('sdk');
    expect(error.detail.message).to.equal('Klarna.InstantShopping.load threw: boom');
    await element.updateComplete;
    expect(element.state).to.equal('error');
  });
});
