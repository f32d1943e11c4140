import { expect, fixture, html } from '@open-wc/testing';
import { SDK_ANSWER_TIMEOUT } from '../../src/instant-shopping/answer-deadline.js';
import { captureConsole } from '../helpers/console.js';
import {
  installRecordingSdk, mountHost, orderLine, shippingOption, US_BUTTON, type MountedHost, type RecordingSdk,
} from '../helpers/instant-shopping.js';

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

  it('shows the button of an SDK whose `on` throws, and says once that its events are not forwarded', async () => {
    sdk.on = () => {
      throw new Error('no events here');
    };
    const warnings = captureConsole('warn');
    const { element, log } = await mountHost();
    (await sdk.until(1))[0]!.answer();
    await log.next('klarna-instant-shopping-ready');
    await element.updateComplete;
    warnings.restore();
    expect([element.state, element.error]).to.deep.equal(['ready', undefined]);
    expect(warnings.messages).to.deep.equal([
      '<klarna-instant-shopping-host>: Klarna.InstantShopping.on threw (no events here): the button\'s events are not forwarded.',
    ]);
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

describe('<klarna-instant-shopping-host> and an SDK that never answers', () => {
  let sdk: RecordingSdk;
  let restore: () => void;
  let errors: ReturnType<typeof captureConsole>;
  let timeout: number;
  beforeEach(() => {
    ({ sdk, restore } = installRecordingSdk());
    errors = captureConsole('error');
    // The documented 15 s, shortened: a test waits no longer than it must.
    timeout = SDK_ANSWER_TIMEOUT.ms;
    SDK_ANSWER_TIMEOUT.ms = 50;
  });
  afterEach(() => {
    SDK_ANSWER_TIMEOUT.ms = timeout;
    errors.restore();
    restore();
  });

  /** The next event of `name`, or a failure naming it if none comes in a second (well past the 50 ms). */
  async function soon<K extends 'klarna-instant-shopping-error' | 'klarna-instant-shopping-ready'>(log: MountedHost['log'], name: K) {
    const none = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`no ${name} within a second`)), 1000));
    return Promise.race([log.next(name), none]);
  }

  it('gives up on a load after the time with an sdk error, frees the space, and shows the answer if it still comes', async () => {
    const { element, log } = await mountHost();
    element.style.setProperty('--klarna-instant-shopping-min-height', '48px');
    const [load] = await sdk.until(1);
    expect([element.state, element.offsetHeight]).to.deep.equal(['loading', 48], 'space kept for the button while it loads');
    const error = await soon(log, 'klarna-instant-shopping-error');
    expect(error.detail).to.deep.equal({
      code: 'sdk',
      message: 'Klarna.InstantShopping.load did not answer within 50 ms: Klarna\'s requests may be blocked '
        + '(a browser extension, a network filter, the page\'s Content-Security-Policy). The button shows if the answer still comes.',
    });
    await element.updateComplete;
    expect([element.state, element.offsetHeight]).to.deep.equal(['error', 0]);
    expect(errors.messages).to.deep.equal([`<klarna-instant-shopping-host>: ${error.detail.message}`]);

    load!.answer({ show_button: true });
    expect((await soon(log, 'klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: true });
    await element.updateComplete;
    expect([element.state, element.error, getComputedStyle(element).display]).to.deep.equal(['ready', undefined, 'block']);
    expect(sdk.calls).to.have.length(1, 'the load is not sent again');
  });

  it('gives up on an update too, holds what changes meanwhile, and sends it as one update once the answer comes', async () => {
    const { element, log } = await mountHost();
    (await sdk.until(1))[0]!.answer();
    await soon(log, 'klarna-instant-shopping-ready');
    element.orderLines = [orderLine({ quantity: 2 })];
    const [, update] = await sdk.until(2);
    const error = await soon(log, 'klarna-instant-shopping-error');
    expect(error.detail.message).to.match(/^Klarna\.InstantShopping\.update did not answer within 50 ms/);
    element.merchantReference1 = 'order-9';
    await element.updateComplete;
    expect(sdk.calls).to.have.length(2, 'one call at a time, late or not');

    update!.answer();
    const [, , next] = await sdk.until(3);
    expect(next!.options).to.deep.equal({ setup: { instance_id: element.instanceId }, merchant_reference1: 'order-9' });
    next!.answer();
    await soon(log, 'klarna-instant-shopping-ready');
    await element.updateComplete;
    expect([element.state, element.error]).to.deep.equal(['ready', undefined]);
  });

  it('shows an answer that came while it was off the page, once it is back', async () => {
    // A page-named instance: it stays while the host is away, however long.
    const { element, log } = await mountHost({ 'instance-id': 'late-while-away' });
    const parent = element.parentElement!;
    const [load] = await sdk.until(1);
    await soon(log, 'klarna-instant-shopping-error');
    element.remove();
    await new Promise((resolve) => setTimeout(resolve));
    load!.answer({ show_button: true });
    parent.append(element);
    await element.updateComplete;
    expect([element.state, element.error]).to.deep.equal(['ready', undefined]);
    expect(sdk.calls).to.have.length(1);
  });

  it('says nothing for an answer that comes in time, nor while it is off the page', async () => {
    const { element, log } = await mountHost();
    const [load] = await sdk.until(1);
    load!.answer();
    await soon(log, 'klarna-instant-shopping-ready');
    element.orderLines = [orderLine({ quantity: 4 })];
    await sdk.until(2);
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(log.named('klarna-instant-shopping-error')).to.have.length(0);
  });
});
