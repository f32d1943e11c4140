import { expect, fixture, html } from '@open-wc/testing';
import { EMULATED_PURCHASE_PATH } from '../../src/emulator/constants.js';
import { captureConsole } from '../helpers/console.js';
import { emulatorRequests, resetEmulator } from '../helpers/emulator.js';
import { clickInDialog, emulatedButton, emulatedDialog, mountHost, orderLine, shippingOption } from '../helpers/instant-shopping.js';

describe('the emulated Instant Shopping SDK behind a host', () => {
  beforeEach(() => resetEmulator());

  it('renders the button the styling asks for', async () => {
    const { element, log } = await mountHost({}, { styling: { theme: { type: 'express', variation: 'dark' } } });
    await log.next('klarna-instant-shopping-ready');
    expect(emulatedButton(element)?.textContent).to.equal('Express checkout');
    expect(getComputedStyle(emulatedButton(element)!).backgroundColor).to.equal('rgb(11, 5, 29)');
  });

  it('offers no button for nothing to pay, and offers it once there is', async () => {
    const { element, log } = await mountHost({}, { orderLines: [orderLine({ unit_price: 0, total_amount: 0, total_tax_amount: 0 })] });
    expect((await log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: false });
    await element.updateComplete;
    expect(element.state).to.equal('hidden');
    expect(emulatedButton(element)).to.equal(null);

    element.orderLines = [orderLine()];
    expect((await log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: true });
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    expect(emulatedButton(element)).not.to.equal(null);
  });

  it('runs a purchase that fires the SDK events in order, on the clicked host only', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const { element, log } = await mountHost({}, { shippingOptions: [shippingOption({ id: 'standard', name: 'Standard', price: 0, tax_amount: 0 }), shippingOption({ preselected: true })] }, parent);
    const other = await mountHost({}, {}, parent);
    await log.next('klarna-instant-shopping-ready');
    await other.log.next('klarna-instant-shopping-ready');

    emulatedButton(element)!.click();
    expect((await log.next('klarna-instant-shopping-session-initiated')).detail).to.deep.equal({ instanceId: element.instanceId, customer_country: 'US', customer_postal_code: '60102' });
    emulatedDialog().querySelector('form')!.requestSubmit();
    await log.next('klarna-instant-shopping-identification-updated');
    expect((await log.next('klarna-instant-shopping-shipping-updated')).detail.customer_selected_shipping_option).to.deep.equal({ id: 'express_priority', reference: 'express_priority' });
    const standard = emulatedDialog().querySelector<HTMLInputElement>('input[value="standard"]')!;
    standard.click();
    expect((await log.next('klarna-instant-shopping-shipping-updated')).detail.customer_selected_shipping_option).to.deep.equal({ id: 'standard', reference: 'standard' });
    clickInDialog('Buy for');
    const confirmation = await log.next('klarna-instant-shopping-confirmation-displayed');
    expect(confirmation.detail.authorization_token).to.be.a('string');

    expect(log.names.filter((name) => name !== 'klarna-instant-shopping-ready')).to.deep.equal([
      'klarna-instant-shopping-buy-button-clicked',
      'klarna-instant-shopping-session-initiated',
      'klarna-instant-shopping-identification-updated',
      'klarna-instant-shopping-shipping-updated',
      'klarna-instant-shopping-shipping-updated',
      'klarna-instant-shopping-confirmation-displayed',
    ]);
    expect(other.log.names).to.deep.equal(['klarna-instant-shopping-ready']);
    const purchases = await emulatorRequests(EMULATED_PURCHASE_PATH);
    expect(purchases.filter((request) => request.method === 'POST').map((request) => request.status)).to.deep.equal([201]);
    clickInDialog('Close');
    expect(document.querySelector('[data-klarna-emulated-dialog]')).to.equal(null);
  });

  it('refuses options the real SDK would refuse, in its callback', async () => {
    const { log } = await mountHost();
    await log.next('klarna-instant-shopping-ready');
    const warnings = captureConsole('warn');
    const response = await new Promise<unknown>((resolve) => window.Klarna!.InstantShopping!.load({ setup: { instance_id: 'direct-call', key: 'k' }, purchase_country: 'SE' }, resolve));
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
    expect(response).to.deep.equal({
      show_button: false,
      error: { error_code: 'BAD_VALUE', error_messages: ['purchase_currency is required', 'locale must be a locale of purchase_country', 'merchant_urls.terms is required', 'order_lines or items is required'] },
    });
  });
});
