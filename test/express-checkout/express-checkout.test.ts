/**
 * `<klarna-express-checkout>` against the emulator's Web SDK over HTTP: a button for data Klarna
 * takes, an `invalid-config` error that names what to fix for data it would refuse, a purchase from
 * the click through Klarna's dialog (shipping asked of the page) to the payment token, an abort and
 * a second purchase after it, and never two buttons for one element.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/express-checkout/define.js';
import '../../src/config/define.js';
import { configure } from '../../src/internal/page-config.js';
import type { KlarnaExpressCheckout } from '../../src/express-checkout/express-checkout.component.js';
import { BUTTON_CONTAINER_ATTRIBUTE } from '../../src/express-checkout/button-mount.js';
import { webSdk } from '../../src/express-checkout/web-sdk.js';
import type { PaymentError } from '../../src/protocol/express-checkout.js';
import type { ExpressCheckoutErrorEvent } from '../../src/express-checkout/events.js';
import { configureEmulator, emulatorRequests, emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { captureConsole } from '../helpers/console.js';

const SDK_URL = `${emulatorUrl}/web-sdk/v2/klarna.mjs`;
const CLIENT_ID = 'klarna_test_client_ZW11bGF0ZWQ';
const JACKET = [{ name: 'Aurora jacket', quantity: 1, totalAmount: 32900 }];

/** The next `name` event `target` fires, typed as `addEventListener` knows it. */
function nextEvent<K extends keyof HTMLElementEventMap>(target: EventTarget, name: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }));
}

function dialog(): ShadowRoot | null | undefined {
  return document.querySelector('klarna-emulated-payment-dialog')?.shadowRoot;
}

/** The emulated Klarna buttons inside `element` (0 or 1, never more). */
function buttonsOf(element: HTMLElement): HTMLElement[] {
  return [...element.querySelectorAll<HTMLElement>('klarna-emulated-payment-button')];
}

function click(element: HTMLElement): void {
  buttonsOf(element)[0]!.shadowRoot!.querySelector('button')!.click();
}

/** An element with the jacket's purchase, its button shown. */
async function readyCheckout(sdkUrl = SDK_URL): Promise<KlarnaExpressCheckout> {
  const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout
    client-id=${CLIENT_ID} sdk-url=${sdkUrl} locale="en-US" currency="USD" amount="32900" shape="pill"
    .lineItems=${JACKET} .shippingConfig=${{ mode: 'EDITABLE' }}></klarna-express-checkout>`);
  if (element.state !== 'ready') await nextEvent(element, 'klarna-express-checkout-ready');
  return element;
}

/**
 * Listens for the next error Klarna's SDK (the page's, by URL) tells its handlers of, a start it
 * refused; resolves once listening, with the promise of that error.
 */
async function klarnaRefusal(): Promise<{ next: Promise<PaymentError> }> {
  const { Payment } = await webSdk({ url: SDK_URL, config: { clientId: CLIENT_ID } });
  const next = new Promise<PaymentError>((resolve) => {
    const handler = (error: PaymentError | Error) => {
      Payment.off('error', handler);
      resolve(error as PaymentError);
    };
    Payment.on('error', handler);
  });
  return { next };
}

/** The error that stands on `element`, or the next one it reports. */
async function standingError(element: KlarnaExpressCheckout) {
  return element.error ?? (await nextEvent(element, 'klarna-express-checkout-error')).detail;
}

/** The page's shipping answers: two options, express adding 15.00. */
function answerShipping(element: HTMLElement): void {
  element.addEventListener('klarna-express-checkout-shipping-address-change', (event) => {
    (event).detail.respondWith({
      shippingOptions: [
        { shippingOptionReference: 'standard', amount: 0, displayName: 'Standard', description: '3 to 5 days' },
        { shippingOptionReference: 'express', amount: 1500, displayName: 'Express', description: 'Next day' },
      ],
    });
  });
  element.addEventListener('klarna-express-checkout-shipping-option-select', (event) => {
    const { detail } = event;
    detail.respondWith({ amount: detail.shippingOptionReference === 'express' ? 34400 : 32900 });
  });
}

async function pay(): Promise<void> {
  await waitUntil(() => dialog()?.querySelector<HTMLButtonElement>('[data-action="pay"]')?.disabled === false, 'Pay is offered');
  dialog()!.querySelector<HTMLButtonElement>('[data-action="pay"]')!.click();
}

async function cancel(): Promise<void> {
  await waitUntil(() => dialog()?.querySelector('[data-action="cancel"]'), 'the dialog opens');
  dialog()!.querySelector<HTMLButtonElement>('[data-action="cancel"]')!.click();
}

describe('<klarna-express-checkout>', () => {
  before(() => resetEmulator());
  afterEach(() => {
    document.querySelector('klarna-emulated-payment-dialog')?.remove();
    configure({ sdkClientId: undefined });
  });

  it('shows one button in a light-DOM container of its own, and says it is ready', async () => {
    const element = await readyCheckout();
    expect(element.state).to.equal('ready');
    expect(element.matches(':state(ready)')).to.equal(true);
    expect(buttonsOf(element)).to.have.length(1);
    expect(element.querySelector(`:scope > [${BUTTON_CONTAINER_ATTRIBUTE}] > klarna-emulated-payment-button`)).to.exist;
    expect(buttonsOf(element)[0]!.dataset.shape).to.equal('pill');
  });

  it('stays quiet while given nothing: no SDK, no event, state idle', async () => {
    const errors: Event[] = [];
    const before = (await emulatorRequests('/web-sdk/v2/klarna.mjs')).length;
    const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout @klarna-express-checkout-error=${(event: Event) => errors.push(event)}></klarna-express-checkout>`);
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(element.state).to.equal('idle');
    expect(errors).to.have.length(0);
    expect(buttonsOf(element)).to.have.length(0);
    expect((await emulatorRequests('/web-sdk/v2/klarna.mjs')).length).to.equal(before);
  });

  it('names what to fix when the line items do not add up, shows no button, and recovers once they do', async () => {
    const captured = captureConsole('error');
    try {
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout
        client-id=${CLIENT_ID} sdk-url=${SDK_URL} currency="USD" amount="30000" .lineItems=${JACKET}></klarna-express-checkout>`);
      const detail = await standingError(element);
      expect(detail.code).to.equal('invalid-config');
      expect(detail.message).to.equal('lineItems add up to 32900, not the amount 30000: the lines\' totalAmount must sum to the amount (totals are checked, never corrected)');
      expect(element.state).to.equal('error');
      expect(buttonsOf(element)).to.have.length(0);
      element.amount = 32900;
      await nextEvent(element, 'klarna-express-checkout-ready');
      expect(element.state).to.equal('ready');
      expect(element.error).to.equal(undefined);
    } finally {
      captured.restore();
    }
  });

  for (const [name, attributes, expected] of [
    ['an amount that is not whole minor units', { amount: '329.5' }, 'amount "329.5" must be a whole number of minor units (32900 for 329.00)'],
    ['an amount written with a decimal point', { amount: '329.00' }, 'amount "329.00" must be a whole number of minor units (32900 for 329.00)'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency "XYZ" is not the ISO 4217 code of a Klarna market (USD, EUR, GBP, SEK, …)'],
    ['no currency', { currency: '' }, 'currency is required: the ISO 4217 code of the purchase (USD, EUR, GBP, SEK, …)'],
    ['the On-site messaging client id', { 'client-id': '7d5c44b0-a1b2-4c3d-9e8f-001122334455' }, 'client-id "7d5c44b0-a1b2-4c3d-9e8f-001122334455" looks like an On-site messaging client id: Express Checkout needs the Web SDK client identifier (klarna_test_client_… or klarna_live_client_…, from the Merchant Portal\'s Client identifiers)'],
    ['an unknown theme', { theme: 'neon' }, 'theme "neon" is not one of default, light, dark, outlined'],
    ['an unknown intent', { intents: 'PAY BUY' }, 'intents has "BUY": the intents are PAY, SUBSCRIBE, SIGNUP, SIGNIN, DONATE'],
  ] as const) {
    it(`is an invalid-config error for ${name}`, async () => {
      const captured = captureConsole('error');
      try {
        const element = document.createElement('klarna-express-checkout');
        const base: Record<string, string> = { 'client-id': CLIENT_ID, 'sdk-url': SDK_URL, currency: 'USD', amount: '32900' };
        const all = { ...base, ...attributes };
        for (const [attribute, value] of Object.entries(all)) if (value !== '') element.setAttribute(attribute, value);
        const failed = nextEvent(element, 'klarna-express-checkout-error');
        document.body.append(element);
        try {
          const { detail } = await failed;
          expect(detail).to.deep.equal({ code: 'invalid-config', message: expected });
          expect(buttonsOf(element)).to.have.length(0);
        } finally {
          element.remove();
        }
      } finally {
        captured.restore();
      }
    });
  }

  it('takes its client id from <klarna-config sdk-client-id> or configure({ sdkClientId })', async () => {
    const wrapper = await fixture<HTMLElement>(html`<klarna-config sdk-client-id=${CLIENT_ID} client-id="7d5c44b0-a1b2-4c3d-9e8f-001122334455">
      <klarna-express-checkout sdk-url=${SDK_URL} currency="USD" amount="32900"></klarna-express-checkout></klarna-config>`);
    const element = wrapper.querySelector('klarna-express-checkout')!;
    if (element.state !== 'ready') await nextEvent(element, 'klarna-express-checkout-ready');
    configure({ sdkClientId: CLIENT_ID });
    const alone = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout sdk-url=${SDK_URL} currency="USD" amount="32900"></klarna-express-checkout>`);
    if (alone.state !== 'ready') await nextEvent(alone, 'klarna-express-checkout-ready');
    expect(buttonsOf(alone)).to.have.length(1);
  });

  it('finds the SDK below <klarna-config api-url>, as the emulator serves it at Klarna\'s path', async () => {
    const wrapper = await fixture<HTMLElement>(html`<klarna-config api-url=${emulatorUrl}>
      <klarna-express-checkout client-id=${CLIENT_ID} currency="USD" amount="32900"></klarna-express-checkout></klarna-config>`);
    const element = wrapper.querySelector('klarna-express-checkout')!;
    if (element.state !== 'ready') await nextEvent(element, 'klarna-express-checkout-ready');
    expect(buttonsOf(element)).to.have.length(1);
  });

  it('reads the payment request from a JSON child', async () => {
    const captured = captureConsole('error');
    after(() => captured.restore());
    const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout client-id=${CLIENT_ID} sdk-url=${SDK_URL} currency="USD" amount="32900">
      <script type="application/json">{ "lineItems": [{ "name": "Aurora jacket", "quantity": 1, "totalAmount": 30000 }] }</script>
    </klarna-express-checkout>`);
    const detail = await standingError(element);
    expect(detail.message).to.equal('lineItems add up to 30000, not the amount 32900: the lines\' totalAmount must sum to the amount (totals are checked, never corrected)');
    element.querySelector('script')!.textContent = JSON.stringify({ lineItems: JACKET, shippingConfig: { mode: 'EDITABLE' } });
    await nextEvent(element, 'klarna-express-checkout-ready');
  });

  it('runs a purchase: click, shipping asked of the page, Pay, and complete with the payment token', async () => {
    const element = await readyCheckout();
    element.paymentRequestReference = 'cart-8841';
    answerShipping(element);
    const clicked = nextEvent(element, 'klarna-express-checkout-click');
    click(element);
    expect((await clicked).detail).to.deep.equal({ amount: 32900, currency: 'USD' });
    const completed = nextEvent(element, 'klarna-express-checkout-complete');
    await waitUntil(() => dialog()?.querySelector('input[value="express"]'), 'the dialog shows the options');
    dialog()!.querySelector<HTMLInputElement>('input[value="express"]')!.click();
    await waitUntil(() => dialog()?.querySelector('[data-amount]')?.textContent === 'Total: 344.00 USD', 'the total follows the option');
    await pay();
    const { detail } = await completed;
    expect(detail.state).to.equal('COMPLETED');
    expect(detail.paymentRequestReference, 'the page\'s own reference comes back').to.equal('cart-8841');
    expect(detail.paymentRequestId).to.match(/^krn:payment:eu1:request:[0-9a-f-]{36}$/);
    expect(detail.paymentToken).to.match(/^[0-9a-f-]{36}$/);
    expect(detail.shipping).to.deep.equal({
      address: { country: 'US', postalCode: '90012', city: 'Los Angeles', region: 'CA' },
      shippingOptionReference: 'express',
    });
  });

  it('opens no dialog when a click listener calls preventDefault(), and the next click opens it', async () => {
    const element = await readyCheckout();
    // The page's SDK (the element's, by URL): Klarna tells its error handlers that initiate gave nothing.
    const { Payment } = await webSdk({ url: SDK_URL, config: { clientId: CLIENT_ID } });
    const refused = new Promise<PaymentError>((resolve) => {
      const handler = (error: PaymentError | Error) => {
        Payment.off('error', handler);
        resolve(error as PaymentError);
      };
      Payment.on('error', handler);
    });
    element.addEventListener('klarna-express-checkout-click', (event) => event.preventDefault(), { once: true });
    click(element);
    expect((await refused).errorCode).to.equal('INITIATE_FAILED');
    expect(dialog(), 'no dialog for the prevented click').to.equal(undefined);
    click(element);
    await cancel();
  });

  it('aborts when the shopper closes the dialog, and a second click after it pays', async () => {
    const element = await readyCheckout();
    answerShipping(element);
    const aborted = nextEvent(element, 'klarna-express-checkout-abort');
    click(element);
    await cancel();
    const { detail } = await aborted;
    expect(detail.stateReason).to.equal('PURCHASE_FLOW_ABORTED');
    const completed = nextEvent(element, 'klarna-express-checkout-complete');
    click(element);
    await pay();
    expect((await completed).detail.paymentToken).to.be.a('string');
  });

  it('checks the purchase again at the click: a change Klarna would refuse opens no dialog', async () => {
    const captured = captureConsole('error');
    try {
      const element = await readyCheckout();
      const failed = nextEvent(element, 'klarna-express-checkout-error');
      element.amount = 1;
      // The click comes before the element's update, as a shopper's may.
      click(element);
      const { detail } = await failed;
      expect(detail.code).to.equal('invalid-config');
      expect(detail.message).to.contain('lineItems add up to 32900, not the amount 1');
      expect(dialog()).to.equal(undefined);
      // The same problem stands once the element updates: it is said again as its state's error.
      await nextEvent(element, 'klarna-express-checkout-error');
      expect(element.state).to.equal('error');
    } finally {
      captured.restore();
    }
  });

  it('never shows two buttons: 50 variant changes, a new look, a move, and a removal', async () => {
    const element = await readyCheckout();
    const first = buttonsOf(element)[0];
    for (let variant = 1; variant <= 50; variant++) {
      element.amount = 32900 + variant;
      element.lineItems = [{ name: `Aurora jacket, variant ${variant}`, quantity: 1, totalAmount: 32900 + variant }];
      await element.updateComplete;
      expect(buttonsOf(element), `after variant ${variant}`).to.have.length(1);
    }
    expect(buttonsOf(element)[0], 'a variant keeps the button').to.equal(first);
    element.theme = 'dark';
    await element.updateComplete;
    expect(buttonsOf(element)).to.have.length(1);
    expect(buttonsOf(element)[0]!.dataset.theme).to.equal('dark');
    const elsewhere = await fixture<HTMLElement>(html`<section></section>`);
    const kept = buttonsOf(element)[0];
    elsewhere.append(element);
    await element.updateComplete;
    expect(buttonsOf(element), 'after a move').to.have.length(1);
    expect(buttonsOf(element)[0], 'a moved element keeps its button').to.equal(kept);
    const before = document.querySelectorAll('klarna-emulated-payment-button').length;
    element.remove();
    await waitUntil(() => document.querySelectorAll('klarna-emulated-payment-button').length === before - 1, 'a removed element leaves no button');
  });

  it('greys its button out while disabled', async () => {
    const element = await readyCheckout();
    element.disabled = true;
    await element.updateComplete;
    expect(buttonsOf(element)[0]!.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
    element.disabled = false;
    await element.updateComplete;
    expect(buttonsOf(element)[0]!.shadowRoot!.querySelector('button')!.disabled).to.equal(false);
  });

  it('is a script-load error when the SDK module is not there, and names sdk-url', async () => {
    const captured = captureConsole('error');
    try {
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout
        client-id=${CLIENT_ID} sdk-url=${`${emulatorUrl}/web-sdk/v2/missing.mjs`} currency="USD" amount="32900"></klarna-express-checkout>`);
      const detail = await standingError(element);
      expect(detail.code).to.equal('script-load');
      expect(detail.message).to.contain('check sdk-url');
      expect(element.state).to.equal('error');
    } finally {
      captured.restore();
    }
  });

  it('tells Klarna ADDRESS_NOT_SUPPORTED when no listener answers the address, and says which event went unanswered', async () => {
    const captured = captureConsole('error');
    try {
      const element = await readyCheckout();
      const failed = nextEvent(element, 'klarna-express-checkout-error');
      click(element);
      const { detail } = await failed;
      expect(detail).to.deep.equal({
        code: 'timeout',
        message: 'no listener of klarna-express-checkout-shipping-address-change called detail.respondWith: Klarna was told {"rejectionReason":"ADDRESS_NOT_SUPPORTED"}',
      });
      await waitUntil(() => dialog()?.querySelector('[data-status]')?.textContent?.includes('ADDRESS_NOT_SUPPORTED'), 'Klarna shows the refusal');
      expect(element.state, 'the button stays').to.equal('ready');
      await cancel();
    } finally {
      captured.restore();
    }
  });

  it('answers Klarna itself at 4.5 s when a listener is slow, before Klarna\'s 5 s deadline', async () => {
    const captured = captureConsole('error');
    try {
      const element = await readyCheckout();
      element.addEventListener('klarna-express-checkout-shipping-address-change', (event) => event.detail.respondWith(new Promise(() => {})));
      const failed = nextEvent(element, 'klarna-express-checkout-error');
      click(element);
      const { detail } = await failed;
      expect(detail.code).to.equal('timeout');
      expect(detail.message).to.equal('the listener of klarna-express-checkout-shipping-address-change did not answer within 4500 ms (Klarna waits 5 s): Klarna was told {"rejectionReason":"ADDRESS_NOT_SUPPORTED"}');
      await waitUntil(() => dialog()?.querySelector('[data-status]')?.textContent?.includes('ADDRESS_NOT_SUPPORTED'), 'Klarna took the refusal in time');
      await cancel();
    } finally {
      captured.restore();
    }
  });

  it('is an sdk error, with Klarna\'s code, when Klarna declines the purchase; the button stays for another try', async () => {
    const captured = captureConsole('error');
    await configureEmulator({ expressCheckout: { outcome: 'decline' } });
    try {
      // A module of its own: the emulator writes its settings into the module it serves.
      const element = await readyCheckout(`${SDK_URL}?page=decline`);
      answerShipping(element);
      const failed = nextEvent(element, 'klarna-express-checkout-error');
      click(element);
      await pay();
      const { detail } = await failed;
      expect(detail.code).to.equal('sdk');
      expect(detail.message).to.match(/^Klarna's Web SDK reported an error \(payment request krn:payment:eu1:request:[0-9a-f-]{36}\): PURCHASE_DECLINED: Klarna declined the purchase$/);
      expect(element.state).to.equal('ready');
    } finally {
      captured.restore();
      await resetEmulator();
    }
  });

  it('waits in state loading while the SDK is slow to load, keeping its min-height, then shows the button', async () => {
    const url = `${SDK_URL}?page=slow`;
    await configureEmulator({ faults: [{ path: '/web-sdk/v2/klarna.mjs', query: { page: 'slow' }, latencyMs: 300 }] });
    try {
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout style="--klarna-express-checkout-min-height: 48px"
        client-id=${CLIENT_ID} sdk-url=${url} currency="USD" amount="32900"></klarna-express-checkout>`);
      expect(element.state).to.equal('loading');
      expect(element.matches(':state(loading)')).to.equal(true);
      expect(element.getBoundingClientRect().height).to.equal(48);
      await nextEvent(element, 'klarna-express-checkout-ready');
      expect(buttonsOf(element)).to.have.length(1);
    } finally {
      await resetEmulator();
    }
  });

  it('tries a failed SDK load again when the browser is back online, and shows the button', async () => {
    const captured = captureConsole('error');
    const url = `${SDK_URL}?page=offline`;
    await configureEmulator({ faults: [{ path: '/web-sdk/v2/klarna.mjs', query: { page: 'offline' }, status: 503, times: 1 }] });
    try {
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout
        client-id=${CLIENT_ID} sdk-url=${url} currency="USD" amount="32900"></klarna-express-checkout>`);
      const detail = await standingError(element);
      expect(detail.code).to.equal('script-load');
      expect(element.state).to.equal('error');
      const ready = nextEvent(element, 'klarna-express-checkout-ready');
      window.dispatchEvent(new Event('online'));
      await ready;
      expect(element.state).to.equal('ready');
      expect(element.error).to.equal(undefined);
    } finally {
      captured.restore();
      await resetEmulator();
    }
  });

  it('is an invalid-config error when a second button gives another client id: one page, one SDK', async () => {
    const captured = captureConsole('error');
    try {
      await readyCheckout();
      const other = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout
        client-id="klarna_test_client_b3RoZXI" sdk-url=${SDK_URL} currency="USD" amount="32900"></klarna-express-checkout>`);
      const error = await standingError(other);
      expect(error.code).to.equal('invalid-config');
      expect(error.message).to.contain(`the page's Klarna Web SDK was started with client id ${CLIENT_ID}`);
      expect(buttonsOf(other)).to.have.length(0);
    } finally {
      captured.restore();
    }
  });

  it('reads its amount from the price and quantity the page shows (amount-from, quantity-from), waiting quietly for the price', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <input id="quantity" value="2">
      <klarna-express-checkout client-id=${CLIENT_ID} sdk-url=${SDK_URL} currency="USD" amount-from=".price" quantity-from="#quantity"></klarna-express-checkout>
    </div>`);
    const element = page.querySelector('klarna-express-checkout')!;
    await element.updateComplete;
    expect(element.state, 'no price on the page yet').to.equal('idle');
    const ready = nextEvent(element, 'klarna-express-checkout-ready');
    page.insertAdjacentHTML('afterbegin', '<p class="price">$329.00</p>');
    await ready;
    page.querySelector<HTMLInputElement>('#quantity')!.value = '3';
    page.querySelector('#quantity')!.dispatchEvent(new Event('input', { bubbles: true }));
    await element.updateComplete;
    const clicked = nextEvent(element, 'klarna-express-checkout-click');
    click(element);
    expect((await clicked).detail).to.deep.equal({ amount: 98700, currency: 'USD' });
    await cancel();
  });

  it('says why lines stop adding up when the amount follows the page and the lines do not', async () => {
    const captured = captureConsole('error');
    try {
      const page = await fixture<HTMLElement>(html`<div><p class="price">$329.00</p><input id="quantity" value="2">
        <klarna-express-checkout client-id=${CLIENT_ID} sdk-url=${SDK_URL} currency="USD" amount-from=".price" quantity-from="#quantity"
          .lineItems=${JACKET}></klarna-express-checkout></div>`);
      const element = page.querySelector('klarna-express-checkout')!;
      const error = await standingError(element);
      expect(error.message).to.equal('lineItems add up to 32900, not the amount 65800: the lines\' totalAmount must sum to the amount (totals are checked, never corrected); the amount follows amount-from and quantity-from, the lines do not: give no lineItems, or keep them in step');
    } finally {
      captured.restore();
    }
  });

  it('takes an amount a framework set as the attribute\'s text (Vue\'s static amount="32900") as the number', async () => {
    const element = await readyCheckout();
    (element as unknown as { amount: string }).amount = '32900';
    await element.updateComplete;
    const clicked = nextEvent(element, 'klarna-express-checkout-click');
    click(element);
    expect((await clicked).detail).to.deep.equal({ amount: 32900, currency: 'USD' });
    expect(element.state).to.equal('ready');
    await cancel();
  });

  it('aborts when the emulator is told to (expressCheckout.outcome "abort"), without reaching into the dialog', async () => {
    await configureEmulator({ expressCheckout: { outcome: 'abort' } });
    try {
      const element = await readyCheckout(`${SDK_URL}?page=abort`);
      answerShipping(element);
      const aborted = nextEvent(element, 'klarna-express-checkout-abort');
      click(element);
      await pay();
      expect((await aborted).detail.stateReason).to.equal('PURCHASE_FLOW_ABORTED');
    } finally {
      await resetEmulator();
    }
  });

  describe('with initiate (the payment request given at the click)', () => {
    async function initiating(initiate: KlarnaExpressCheckout['initiate']): Promise<KlarnaExpressCheckout> {
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout
        client-id=${CLIENT_ID} sdk-url=${SDK_URL} .initiate=${initiate}></klarna-express-checkout>`);
      if (element.state !== 'ready') await nextEvent(element, 'klarna-express-checkout-ready');
      return element;
    }

    it('runs the payment request initiate gives, with its reference back in complete', async () => {
      const element = await initiating(() => Promise.resolve({
        currency: 'USD', amount: 32900, paymentRequestReference: 'server-cart-7',
        supplementaryPurchaseData: { lineItems: JACKET }, shippingConfig: { mode: 'EDITABLE' },
      }));
      answerShipping(element);
      const completed = nextEvent(element, 'klarna-express-checkout-complete');
      click(element);
      await pay();
      const { detail } = await completed;
      expect(detail.paymentRequestReference).to.equal('server-cart-7');
      expect(detail.paymentToken).to.be.a('string');
    });

    it('runs a payment request the merchant\'s server created, by the id initiate gives', async () => {
      const element = await initiating(() => ({ paymentRequestId: 'krn:payment:eu1:request:from-the-server' }));
      const aborted = nextEvent(element, 'klarna-express-checkout-abort');
      click(element);
      await cancel();
      expect((await aborted).detail.paymentRequestId).to.equal('krn:payment:eu1:request:from-the-server');
    });

    it('is an invalid-config error, with no dialog, when initiate fails or gives what Klarna refuses; the next click works', async () => {
      const captured = captureConsole('error');
      try {
        let give: () => unknown = () => Promise.reject(new Error('the cart service is down'));
        const element = await initiating(() => give() as Promise<{ paymentRequestId: string }>);
        // Klarna hears that initiate gave nothing; once it has, the button takes the next click.
        let refused = await klarnaRefusal();
        let failed = nextEvent(element, 'klarna-express-checkout-error');
        click(element);
        expect((await failed).detail).to.include({ code: 'invalid-config', message: 'initiate() failed, so no payment started: the cart service is down' });
        await refused.next;
        expect(dialog()).to.equal(undefined);
        give = () => ({ currency: 'USD', amount: 100.5 });
        refused = await klarnaRefusal();
        failed = nextEvent(element, 'klarna-express-checkout-error');
        click(element);
        expect((await failed).detail.message).to.equal('no payment started: initiate().amount 100.5 must be a whole number of minor units, 0 or more');
        await refused.next;
        give = () => ({ paymentRequestId: 'krn:payment:eu1:request:after-two-failures' });
        const aborted = nextEvent(element, 'klarna-express-checkout-abort');
        click(element);
        await cancel();
        expect((await aborted).detail.paymentRequestId).to.equal('krn:payment:eu1:request:after-two-failures');
      } finally {
        captured.restore();
      }
    });

    it('starts one payment at a time: a click on another button while a slow initiate runs starts none', async () => {
      const warnings = captureConsole('warn');
      try {
        let answer: (result: { paymentRequestId: string }) => void = () => {};
        const slow = await initiating(() => new Promise((resolve) => (answer = resolve)));
        const other = await readyCheckout();
        const otherClicks: Event[] = [];
        other.addEventListener('klarna-express-checkout-click', (event) => otherClicks.push(event));
        const slowClicked = nextEvent(slow, 'klarna-express-checkout-click');
        click(slow);
        await slowClicked;
        click(other);
        click(slow);
        expect(otherClicks, 'the other button\'s click starts nothing').to.have.length(0);
        const aborted = nextEvent(slow, 'klarna-express-checkout-abort');
        answer({ paymentRequestId: 'krn:payment:eu1:request:the-slow-one' });
        await cancel();
        expect((await aborted).detail.paymentRequestId, 'Klarna\'s callbacks reach the button that started').to.equal('krn:payment:eu1:request:the-slow-one');
      } finally {
        warnings.restore();
      }
    });
  });

  it('keeps a purchase under way when a framework moves the element mid-purchase: shipping and complete reach it', async () => {
    const element = await readyCheckout();
    answerShipping(element);
    const completed = nextEvent(element, 'klarna-express-checkout-complete');
    click(element);
    await waitUntil(() => dialog()?.querySelector('input[value="express"]'), 'the dialog shows the options');
    const elsewhere = await fixture<HTMLElement>(html`<aside></aside>`);
    elsewhere.append(element);
    await element.updateComplete;
    dialog()!.querySelector<HTMLInputElement>('input[value="express"]')!.click();
    await waitUntil(() => dialog()?.querySelector('[data-amount]')?.textContent === 'Total: 344.00 USD', 'the moved element answered the option');
    await pay();
    expect((await completed).detail.state).to.equal('COMPLETED');
  });

  it('holds everything while the page waits for consent, and starts once it is granted', async () => {
    const before = (await emulatorRequests('/web-sdk/v2/klarna.mjs')).length;
    configure({ consent: 'pending' });
    try {
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout
        client-id=${CLIENT_ID} sdk-url=${`${SDK_URL}?page=consent`} currency="USD" amount="32900"></klarna-express-checkout>`);
      await element.updateComplete;
      expect(element.state).to.equal('idle');
      expect((await emulatorRequests('/web-sdk/v2/klarna.mjs')).length, 'no SDK asked for').to.equal(before);
      const ready = nextEvent(element, 'klarna-express-checkout-ready');
      configure({ consent: 'granted' });
      await ready;
      expect(buttonsOf(element)).to.have.length(1);
    } finally {
      configure({ consent: undefined });
    }
  });

  it('says what to fix, without throwing, for intents given as a list', async () => {
    const captured = captureConsole('error');
    try {
      const element = await readyCheckout();
      (element as unknown as { intents: string[] }).intents = ['PAY'];
      const error = await standingError(element);
      expect(error).to.deep.equal({ code: 'invalid-config', message: 'intents must be a space-separated string, as class is: "PAY", "PAY SUBSCRIBE"' });
      element.intents = 'PAY';
      await nextEvent(element, 'klarna-express-checkout-ready');
    } finally {
      captured.restore();
    }
  });

  it('recovers from amount="329.00" once the property is set to minor units', async () => {
    const captured = captureConsole('error');
    try {
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout
        client-id=${CLIENT_ID} sdk-url=${SDK_URL} currency="USD" amount="329.00"></klarna-express-checkout>`);
      expect((await standingError(element)).message).to.equal('amount "329.00" must be a whole number of minor units (32900 for 329.00)');
      const ready = nextEvent(element, 'klarna-express-checkout-ready');
      element.amount = 32900;
      await ready;
      expect(element.error).to.equal(undefined);
    } finally {
      captured.restore();
    }
  });

  it('says once that Klarna\'s SDK could not make its button, and asks again only after a change', async () => {
    const captured = captureConsole('error');
    try {
      const sdkUrl = new URL('/test/fixtures/web-sdk-button-throws.js', location.href).href;
      const { asked } = (await import(/* @vite-ignore */ sdkUrl)) as { asked: unknown[] };
      const errors: ExpressCheckoutErrorEvent[] = [];
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout client-id=${CLIENT_ID} sdk-url=${sdkUrl}
        currency="USD" amount="32900" @klarna-express-checkout-error=${(event: ExpressCheckoutErrorEvent) => errors.push(event)}></klarna-express-checkout>`);
      const error = await standingError(element);
      expect(error.code).to.equal('sdk');
      expect(error.message).to.equal('Klarna\'s Web SDK could not show its button: NotSupportedError: this name has already been used with this registry');
      expect(element.state).to.equal('error');
      element.requestUpdate();
      await element.updateComplete;
      expect([asked.length, errors.length], 'not asked again for nothing').to.deep.equal([1, 1]);
      element.theme = 'dark';
      await element.updateComplete;
      expect(asked.length, 'asked again after a change').to.equal(2);
    } finally {
      captured.restore();
    }
  });
});
