/**
 * The emulator's Web SDK stand-in, loaded over HTTP from the emulator as a page loads Klarna's,
 * through the library's own pieces: the page's one SDK (`webSdk`), the payment router and the
 * shipping questions. A purchase runs from the button's click through the emulated dialog to the
 * payment token the merchant's server creates the order from.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { paymentRouter, type PaymentParty } from '../../src/express-checkout/payment-router.js';
import { askShippingOptions, askShippingTotals } from '../../src/express-checkout/shipping-questions.js';
import { webSdk, WebSdkError } from '../../src/express-checkout/web-sdk.js';
import type { InitiateResult, KlarnaPayment, PaymentError, PaymentRequest, PaymentRequestData } from '../../src/protocol/express-checkout.js';
import { configureEmulator, emulatorRequests, emulatorUrl, resetEmulator } from '../helpers/emulator.js';

const MODULE_URL = `${emulatorUrl}/web-sdk/v2/klarna.mjs`;
const CLIENT_ID = 'klarna_test_client_ZW11bGF0ZWQ';

const REQUEST: PaymentRequestData = {
  currency: 'USD',
  amount: 32900,
  supplementaryPurchaseData: { lineItems: [{ name: 'Aurora jacket', quantity: 1, totalAmount: 32900 }] },
  shippingConfig: { mode: 'EDITABLE' },
};

/** What reached one button: Klarna's callbacks as the router hands them over, asking the page for shipping. */
class Button implements PaymentParty {
  readonly ended: { event: string; request?: PaymentRequest | undefined; error?: PaymentError | Error }[] = [];
  constructor(readonly host: HTMLElement) {}
  completed(request: PaymentRequest): void {
    this.ended.push({ event: 'complete', request });
  }
  aborted(request: PaymentRequest): void {
    this.ended.push({ event: 'abort', request });
  }
  failed(error: PaymentError | Error, request: PaymentRequest | undefined): void {
    this.ended.push({ event: 'error', request, error });
  }
  async shippingAddressChanged(request: PaymentRequest, address: Parameters<PaymentParty['shippingAddressChanged']>[1]) {
    return (await askShippingOptions(this.host, request.paymentRequestId, address)).answer;
  }
  async shippingOptionSelected(request: PaymentRequest, option: { shippingOptionReference: string }) {
    return (await askShippingTotals(this.host, request.paymentRequestId, option.shippingOptionReference)).answer;
  }
}

/** The page's shipping answers: two options, express adding 15.00. */
function answerShipping(host: HTMLElement): void {
  host.addEventListener('klarna-express-checkout-shipping-address-change', (event) => {
    (event).detail.respondWith({
      shippingOptions: [
        { shippingOptionReference: 'standard', amount: 0, displayName: 'Standard', description: '3 to 5 days' },
        { shippingOptionReference: 'express', amount: 1500, displayName: 'Express', description: 'Next day' },
      ],
    });
  });
  host.addEventListener('klarna-express-checkout-shipping-option-select', (event) => {
    const { detail } = event;
    detail.respondWith({ amount: detail.shippingOptionReference === 'express' ? 34400 : 32900 });
  });
}

function dialog(): ShadowRoot | null | undefined {
  return document.querySelector('klarna-emulated-payment-dialog')?.shadowRoot;
}

/**
 * A button of `payment` in a container of its own, as the element will mount one: its `initiate`
 * tells the page's router that the next payment request is this button's, then gives `request`.
 */
async function mounted(payment: KlarnaPayment, request: InitiateResult = REQUEST) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const router = paymentRouter(payment);
  const party = new Button(container);
  const initiate = () => {
    router.starting(party);
    return Promise.resolve(request);
  };
  const button = payment.button({ id: `button-${crypto.randomUUID()}`, initiate, shape: 'pill' });
  button.mount(container);
  const clickable = () => container.querySelector('klarna-emulated-payment-button')!.shadowRoot!.querySelector('button')!;
  return { container, button, party, click: () => clickable().click(), clickable };
}

describe('the emulated Klarna Web SDK', () => {
  let payment: KlarnaPayment;

  before(async () => {
    await resetEmulator();
    payment = (await webSdk({ url: MODULE_URL, config: { clientId: CLIENT_ID, products: ['PAYMENT'] } })).Payment;
  });
  afterEach(() => document.querySelector('klarna-emulated-payment-dialog')?.remove());

  it('loads again after a failed load: the retry asks the network afresh', async () => {
    const url = `${MODULE_URL}?page=retry`;
    await configureEmulator({ faults: [{ path: '/web-sdk/v2/klarna.mjs', status: 503, times: 1 }] });
    try {
      const error = await webSdk({ url, config: { clientId: CLIENT_ID } }).catch((caught: unknown) => caught);
      expect((error as WebSdkError).code).to.equal('script-load');
      const instance = await webSdk({ url, config: { clientId: CLIENT_ID } });
      expect(typeof instance.Payment.button).to.equal('function');
    } finally {
      await resetEmulator();
    }
  });

  it('refuses an On-site messaging client id as Klarna does', async () => {
    const error = await webSdk({ url: `${MODULE_URL}?page=2`, config: { clientId: '7d5c44b0-a1b2-4c3d-9e8f-001122334455' } }).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(WebSdkError);
    expect((error as WebSdkError).code).to.equal('sdk');
    expect((error as WebSdkError).message).to.equal('Klarna\'s Web SDK refused to start: clientId "7d5c44b0-a1b2-4c3d-9e8f-001122334455" is not a client identifier');
  });

  it('mounts its own button element in the container, once, and unmounts it', async () => {
    const { container, button, clickable } = await mounted(payment);
    expect(container.querySelectorAll('klarna-emulated-payment-button')).to.have.length(1);
    expect(clickable().textContent).to.equal('Pay with Klarna');
    button.toggleState('disabled', true);
    expect(clickable().disabled).to.equal(true);
    button.unmount();
    expect(container.children).to.have.length(0);
  });

  it('runs a purchase: address, options, a chosen option, Pay, and a payment token the emulator issued', async () => {
    const { party, click, container } = await mounted(payment);
    answerShipping(container);
    click();
    await waitUntil(() => dialog()?.querySelector('input[value="express"]'), 'the dialog shows the options');
    const express = dialog()!.querySelector<HTMLInputElement>('input[value="express"]')!;
    express.click();
    await waitUntil(() => dialog()?.querySelector('[data-amount]')?.textContent === 'Total: 344.00 USD', 'the total follows the option');
    dialog()!.querySelector<HTMLButtonElement>('[data-action="pay"]')!.click();
    await waitUntil(() => party.ended.length === 1, 'the purchase ends');
    const [{ event, request }] = party.ended as [{ event: string; request: PaymentRequest }];
    expect(event).to.equal('complete');
    expect(request.state).to.equal('COMPLETED');
    expect(request.paymentRequestId).to.match(/^krn:payment:eu1:request:[0-9a-f-]{36}$/);
    expect(request.stateContext?.paymentToken).to.match(/^[0-9a-f-]{36}$/);
    expect(request.stateContext?.shipping).to.deep.equal({
      address: { country: 'US', postalCode: '90012', city: 'Los Angeles', region: 'CA' },
      shippingOptionReference: 'express',
    });
    expect(dialog()).to.equal(undefined);
  });

  it('pays once however often Pay is pressed, and only once shipping is priced', async () => {
    const completions = async () => (await emulatorRequests('/web-sdk/emulator/v2/completions')).filter(({ method }) => method === 'POST').length;
    const completedBefore = await completions();
    const { party, click, container } = await mounted(payment);
    let answerOptions: (() => void) | undefined;
    container.addEventListener('klarna-express-checkout-shipping-address-change', (event) => {
      (event).detail.respondWith(new Promise((resolve) => {
        answerOptions = () => resolve({ shippingOptions: [{ shippingOptionReference: 'standard', amount: 0, displayName: 'Standard', description: '' }] });
      }));
    });
    container.addEventListener('klarna-express-checkout-shipping-option-select', (event) => {
      (event).detail.respondWith({ amount: 32900 });
    });
    click();
    click();
    await waitUntil(() => answerOptions, 'Klarna asks for the options');
    const pay = () => dialog()!.querySelector<HTMLButtonElement>('[data-action="pay"]')!;
    expect(pay().disabled, 'Pay waits for the options').to.equal(true);
    expect(document.querySelectorAll('klarna-emulated-payment-dialog'), 'one dialog for two clicks').to.have.length(1);
    answerOptions!();
    await waitUntil(() => !pay().disabled, 'Pay is offered once the option is priced');
    pay().click();
    pay().click();
    await waitUntil(() => party.ended.length === 1, 'the purchase ends');
    expect(await completions(), 'one payment token for the request').to.equal(completedBefore + 1);
    expect(party.ended.map(({ event }) => event)).to.deep.equal(['complete']);
  });

  it('runs a payment request a server created, by the id initiate gives', async () => {
    const { party, click } = await mounted(payment, { paymentRequestId: 'krn:payment:eu1:request:from-the-server' });
    click();
    await waitUntil(() => dialog()?.querySelector('[data-action="cancel"]'), 'the dialog opens');
    dialog()!.querySelector<HTMLButtonElement>('[data-action="cancel"]')!.click();
    await waitUntil(() => party.ended.length === 1, 'the purchase ends');
    expect(party.ended[0]!.request?.paymentRequestId).to.equal('krn:payment:eu1:request:from-the-server');
  });

  it('aborts when the shopper cancels, and the same button pays again after', async () => {
    const { party, click, container } = await mounted(payment);
    answerShipping(container);
    click();
    await waitUntil(() => dialog()?.querySelector('[data-action="cancel"]'), 'the dialog opens');
    dialog()!.querySelector<HTMLButtonElement>('[data-action="cancel"]')!.click();
    await waitUntil(() => party.ended.length === 1, 'the purchase ends');
    expect(party.ended[0]!.event).to.equal('abort');
    expect(party.ended[0]!.request?.stateReason).to.equal('PURCHASE_FLOW_ABORTED');
    click();
    await waitUntil(() => dialog()?.querySelector('input[value="standard"]'), 'the dialog opens again');
    await waitUntil(() => dialog()?.querySelector<HTMLButtonElement>('[data-action="pay"]')?.disabled === false, 'Pay is offered');
    dialog()!.querySelector<HTMLButtonElement>('[data-action="pay"]')!.click();
    await waitUntil(() => party.ended.length === 2, 'the second purchase ends');
    expect(party.ended[1]!.event).to.equal('complete');
  });

  it('refuses a payment request whose lines do not add up, with no dialog', async () => {
    const { party, click } = await mounted(payment, { ...REQUEST, amount: 10000 });
    click();
    await waitUntil(() => party.ended.length === 1, 'Klarna refuses');
    const { event, error } = party.ended[0]!;
    expect(event).to.equal('error');
    expect((error as PaymentError).errorCode).to.equal('VALIDATION_ERROR');
    expect(dialog()).to.equal(undefined);
  });

  it('ends the flow in error when a shipping answer misses Klarna\'s deadline', async () => {
    await configureEmulator({ expressCheckout: { shippingDeadlineMs: 50 } });
    const slowSdk = (await webSdk({ url: `${MODULE_URL}?page=deadline`, config: { clientId: CLIENT_ID } })).Payment;
    const { party, click, container } = await mounted(slowSdk);
    // A listener that never answers: the element's own refusal comes at 4.5 s, after this emulator's 50 ms.
    container.addEventListener('klarna-express-checkout-shipping-address-change', (event) => {
      (event).detail.respondWith(new Promise(() => {}));
    });
    try {
      click();
      await waitUntil(() => party.ended.length === 1, 'Klarna gives up');
      expect((party.ended[0]!.error as PaymentError).errorCode).to.equal('SHIPPING_CALLBACK_TIMEOUT');
    } finally {
      await resetEmulator();
    }
  });
});
