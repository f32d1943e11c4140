/**
 * The demo shop's Express Checkout, end to end: the product page's button
 * (demo/express-checkout-button.ts) against the emulator's Web SDK and the demo backend, from the
 * click through Klarna's dialog (shipping priced by the backend, an option picked, Pay) to the
 * order the backend created from Klarna's signed webhook, which the Orders page lists.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { DemoExpressCheckout } from '../../demo/express-checkout-button.js';
import '../../demo/express-checkout-button.js';
import { DEMO_SDK_CLIENT_ID, EXPRESS_CHECKOUT_API, type ExpressItem } from '../../demo/express-checkout-purchase.js';
import { ordersView } from '../../demo/order-views.js';
import { variantReference, type DemoOrder } from '../../demo/orders.js';
import type { KlarnaExpressCheckout } from '../../src/express-checkout/index.js';
import type { StoredPaymentsOrder, WebhookDelivery } from '../../src/emulator/index.js';
import { emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { currentEngine } from '../helpers/skip-unless.js';

declare global {
  interface Window {
    __MERCHANT_BACKEND_URL__?: string;
  }
}

const backendUrl = window.__MERCHANT_BACKEND_URL__!;

/**
 * The size each engine's shopper buys two Ember jackets in: the engines run one after the other
 * against one backend, whose stock (five of each variant) lasts the whole run; purchase.test.ts
 * buys Glacier ones.
 */
const SIZE_BOUGHT = { chromium: 'M', firefox: 'S', webkit: 'L' } as const;

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function backendOrders(): Promise<DemoOrder[]> {
  return (await getJson<{ orders: DemoOrder[] }>(`${backendUrl}/api/orders`)).orders;
}

/** The next `name` event `target` fires, typed as `addEventListener` knows it. */
function nextEvent<K extends keyof HTMLElementEventMap>(target: EventTarget, name: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }));
}

function dialog(): ShadowRoot | null | undefined {
  return document.querySelector('klarna-emulated-payment-dialog')?.shadowRoot;
}

/** The product page's button for `item`, as the storefront renders it inside its <klarna-config>, talking to the backend. */
async function productButton(item: ExpressItem): Promise<{ button: DemoExpressCheckout; checkout: KlarnaExpressCheckout }> {
  const page = await fixture<HTMLElement>(html`
    <klarna-config locale="en-US" api-url=${emulatorUrl} sdk-client-id=${DEMO_SDK_CLIENT_ID}>
      <demo-express-checkout api=${backendUrl} .item=${item}></demo-express-checkout>
    </klarna-config>`);
  const button = page.querySelector('demo-express-checkout')!;
  await button.updateComplete;
  const checkout = button.querySelector('klarna-express-checkout')!;
  if (checkout.state !== 'ready') await nextEvent(checkout, 'klarna-express-checkout-ready');
  return { button, checkout };
}

describe('the demo shop: an Express Checkout purchase from the product page to the Orders page', () => {
  // Other test files reset the emulator; a reset keeps its start config, which posts the webhook to the backend.
  before(() => resetEmulator());
  afterEach(() => document.querySelector('klarna-emulated-payment-dialog')?.remove());

  it('creates the order from Klarna\'s webhook once, with the lines, the shipping and the address, and lists it', async () => {
    const size = SIZE_BOUGHT[await currentEngine()];
    const reference = variantReference('aurora-jacket', 'Ember', size);
    const { button, checkout } = await productButton({ productId: 'aurora-jacket', colour: 'Ember', size, quantity: 1 });
    // The element follows the page's quantity, and keeps its one button.
    const shown = checkout.querySelector('klarna-emulated-payment-button');
    button.item = { productId: 'aurora-jacket', colour: 'Ember', size, quantity: 2 };
    await button.updateComplete;
    expect(checkout.amount).to.equal(65800);
    expect(checkout.lineItems).to.deep.equal([{ name: `Aurora Down Jacket, Ember, ${size}`, quantity: 2, totalAmount: 65800, lineItemReference: reference }]);
    expect(checkout.shippingConfig).to.deep.equal({ mode: 'EDITABLE', supportedCountries: ['US'] });
    expect(checkout.querySelectorAll('klarna-emulated-payment-button')).to.have.length(1);
    expect(checkout.querySelector('klarna-emulated-payment-button')).to.equal(shown);

    const completed = nextEvent(checkout, 'klarna-express-checkout-complete');
    const ordered = nextEvent(button, 'demo-express-checkout-ordered');
    shown!.shadowRoot!.querySelector('button')!.click();
    // The backend answers the address with its rates (Standard preselected and priced), then the chosen option's total.
    const pay = () => dialog()?.querySelector<HTMLButtonElement>('[data-action="pay"]');
    await waitUntil(() => dialog()?.querySelector('input[value="standard"]:checked') && pay()?.disabled === false, 'the dialog offers the rates');
    expect(dialog()!.querySelector('[data-amount]')!.textContent).to.equal('Total: 658.00 USD');
    dialog()!.querySelector<HTMLInputElement>('input[value="express"]')!.click();
    await waitUntil(() => dialog()?.querySelector('[data-amount]')?.textContent === 'Total: 673.00 USD', 'the total adds Express shipping');
    await waitUntil(() => pay()?.disabled === false, 'Pay is offered');
    pay()!.click();
    const { paymentRequestId, paymentToken } = (await completed).detail;
    expect(paymentToken).to.match(/^[0-9a-f-]{36}$/);

    let order: DemoOrder | undefined;
    await waitUntil(async () => {
      order = (await backendOrders()).find((candidate) => candidate.paymentRequestId === paymentRequestId);
      return order !== undefined;
    }, 'the backend lists the order Klarna\'s webhook had it create');
    expect(order).to.deep.include({
      status: 'confirmed',
      channel: 'express-checkout',
      customer: 'Jane Doe',
      shipTo: '800 N Alameda St, 90012, Los Angeles, US',
      orderAmount: 67300,
      currency: 'USD',
    });
    expect(order!.lines).to.deep.equal([
      { reference, name: `Aurora Down Jacket, Ember, ${size}`, quantity: 2, totalAmount: 65800 },
      { reference: 'express', name: 'Express shipping', quantity: 1, totalAmount: 1500 },
    ]);
    // The page is handed the same order, to show its confirmation.
    expect((await ordered).detail).to.deep.equal(order);
    expect(await getJson<DemoOrder>(`${backendUrl}/api/orders/${order!.number}`)).to.deep.equal(order);

    // Klarna has one order for the payment request, made with its token, for the amount the shopper approved.
    const { orders: klarnaOrders } = await getJson<{ orders: StoredPaymentsOrder[] }>(`${emulatorUrl}/__emulator/express-checkout/orders`);
    const atKlarna = klarnaOrders.filter((candidate) => candidate.payment_request_id === paymentRequestId);
    expect(atKlarna.map((candidate) => [candidate.order_id, candidate.authorization_token, candidate.order.order_amount])).to.deep.equal([[order!.klarnaOrderId, paymentToken, 67300]]);

    // Klarna delivers the event again: the backend answers as before, and makes no second order.
    const delivery = await getJson<WebhookDelivery>(`${emulatorUrl}/__emulator/express-checkout/webhook-deliveries`, {
      method: 'POST',
      body: JSON.stringify({ payment_request_id: paymentRequestId }),
    });
    expect(delivery.status).to.equal(200);
    expect((await backendOrders()).filter((candidate) => candidate.paymentRequestId === paymentRequestId)).to.have.length(1);
    expect(await getJson(backendUrl + EXPRESS_CHECKOUT_API.order(paymentRequestId))).to.deep.equal(order);

    // The Orders page lists it, marked as Express Checkout's.
    const ordersPage = await fixture<HTMLElement>(html`<div>${ordersView(await backendOrders())}</div>`);
    const row = [...ordersPage.querySelectorAll('tbody tr')].find((candidate) => candidate.textContent.includes(order!.number));
    expect(row?.textContent).to.include('Express Checkout');
    expect(row?.textContent).to.include('$673.00');
  });

  it('tells Klarna the shop does not ship to an address outside the US', async () => {
    const question = {
      paymentRequestId: 'krn:payment:eu1:request:not-shipped',
      item: { productId: 'lumen-lantern', colour: 'Amber', size: 'One size', quantity: 1 },
      address: { country: 'SE', postalCode: '111 22', city: 'Stockholm' },
    };
    const answer = await getJson(backendUrl + EXPRESS_CHECKOUT_API.shippingOptions, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(question),
    });
    expect(answer).to.deep.equal({ rejectionReason: 'COUNTRY_NOT_SUPPORTED' });
  });
});
