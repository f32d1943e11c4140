/**
 * The product page's Express Checkout button: `<klarna-express-checkout>` for the chosen variant
 * and quantity (its properties follow them; the element keeps its one button), with the shipping
 * questions Klarna asks while the shopper is in its dialog answered by the shop's backend, which
 * prices shipping and remembers what the payment request buys. Once Klarna says the purchase is
 * complete, the backend creates the order from Klarna's webhook; this element waits for that order
 * and hands it to the page in `demo-express-checkout-ordered`.
 *
 * It renders into its own light DOM, as the rest of the storefront does: Klarna's SDK mounts its
 * button into a container it must be able to find from the page.
 */
import { html, LitElement, nothing } from 'lit';
import type {
  ExpressCheckoutCompleteEvent,
  ExpressCheckoutShippingAddressChangeEvent,
  ExpressCheckoutShippingOptionSelectEvent,
  ShippingAddressChangeAnswer,
  ShippingConfig,
  ShippingOptionSelectAnswer,
} from '../src/express-checkout/index.js';
import '../src/express-checkout/index.js';
import { CURRENCY } from './catalog.js';
import {
  EXPRESS_CHECKOUT_API,
  klarnaLineItems,
  pricePurchase,
  type ExpressItem,
  type ShippingOptionsQuestion,
  type ShippingTotalsQuestion,
} from './express-checkout-purchase.js';
import type { DemoOrder } from './orders.js';

/** The shopper picks the address and the shipping option in Klarna's dialog; the page prices them. */
const EDITABLE_SHIPPING: ShippingConfig = { mode: 'EDITABLE', supportedCountries: ['US'] };

/** How long the page waits for the order Klarna's webhook has the backend create: 20 looks, 250 ms apart. */
const ORDER_LOOKS = 20;
const ORDER_LOOK_INTERVAL_MS = 250;

/** Where the purchase stands, as the shopper is told it. */
type Status =
  | { kind: 'shopping' }
  | { kind: 'confirming' }
  /** Klarna approved the payment, but the shop's order did not show up in time. */
  | { kind: 'unconfirmed' };

export class DemoExpressCheckout extends LitElement {
  static override properties = {
    item: { attribute: false },
    api: {},
    status: { state: true },
  };

  /** What the button sells: the product page's variant and quantity. */
  item: ExpressItem | undefined;
  /** The shop's backend: its origin, or `''` for the page's own (the storefront's `/api` proxy). */
  api = '';
  private status: Status = { kind: 'shopping' };
  /** What the shopper clicked to buy: Klarna's dialog prices that, even if the page changes meanwhile. */
  #buying: ExpressItem | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    const priced = this.item && pricePurchase(this.item);
    if (!priced) return nothing;
    return html`
      <klarna-express-checkout
        currency=${CURRENCY}
        shape="pill"
        .amount=${priced.amount}
        .lineItems=${klarnaLineItems(priced)}
        .shippingConfig=${EDITABLE_SHIPPING}
        @klarna-express-checkout-click=${this.#clicked}
        @klarna-express-checkout-shipping-address-change=${this.#addressChanged}
        @klarna-express-checkout-shipping-option-select=${this.#optionSelected}
        @klarna-express-checkout-complete=${this.#completed}
      ></klarna-express-checkout>
      <p class="muted" role="status">${this.#statusText()}</p>`;
  }

  #statusText() {
    if (this.status.kind === 'confirming') return 'Klarna approved your payment. Confirming your order…';
    if (this.status.kind === 'unconfirmed') {
      return html`Klarna approved your payment. Your order shows under <a href="#/orders">Orders</a> as soon as the shop has it.`;
    }
    return nothing;
  }

  readonly #clicked = (): void => {
    this.#buying = this.item && { ...this.item };
    this.status = { kind: 'shopping' };
  };

  /** Klarna asks for the options of the shopper's address: the backend answers, in Klarna's shape. */
  readonly #addressChanged = (event: ExpressCheckoutShippingAddressChangeEvent): void => {
    const { paymentRequestId, address, respondWith } = event.detail;
    const item = this.#buying ?? this.item!;
    const question: ShippingOptionsQuestion = { paymentRequestId, item, address };
    respondWith(this.#ask<ShippingAddressChangeAnswer>(EXPRESS_CHECKOUT_API.shippingOptions, question));
  };

  /** Klarna asks for the totals with the option the shopper picked. */
  readonly #optionSelected = (event: ExpressCheckoutShippingOptionSelectEvent): void => {
    const { paymentRequestId, shippingOptionReference, respondWith } = event.detail;
    const question: ShippingTotalsQuestion = { paymentRequestId, shippingOptionReference };
    respondWith(this.#ask<ShippingOptionSelectAnswer>(EXPRESS_CHECKOUT_API.shippingTotals, question));
  };

  readonly #completed = (event: ExpressCheckoutCompleteEvent): void => {
    this.status = { kind: 'confirming' };
    void this.#awaitOrder(event.detail.paymentRequestId);
  };

  /** A question for the backend; a failure rejects, and the element tells Klarna it cannot ship there. */
  async #ask<Answer>(path: string, question: ShippingOptionsQuestion | ShippingTotalsQuestion): Promise<Answer> {
    const response = await fetch(this.api + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(question),
    });
    if (!response.ok) throw new Error(`the shop's backend answered ${response.status} to ${path}`);
    return (await response.json()) as Answer;
  }

  /** The order Klarna's webhook had the backend create, handed to the page; told apart when it takes too long. */
  async #awaitOrder(paymentRequestId: string): Promise<void> {
    for (let look = 0; look < ORDER_LOOKS; look += 1) {
      const response = await fetch(this.api + EXPRESS_CHECKOUT_API.order(paymentRequestId)).catch(() => undefined);
      if (response?.ok) {
        const order = (await response.json()) as DemoOrder;
        this.status = { kind: 'shopping' };
        this.dispatchEvent(new CustomEvent('demo-express-checkout-ordered', { bubbles: true, composed: true, detail: order }));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, ORDER_LOOK_INTERVAL_MS));
    }
    this.status = { kind: 'unconfirmed' };
  }
}

if (!customElements.get('demo-express-checkout')) customElements.define('demo-express-checkout', DemoExpressCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'demo-express-checkout': DemoExpressCheckout;
  }
  interface HTMLElementEventMap {
    /** The order the shop created for a completed Express Checkout purchase. */
    'demo-express-checkout-ordered': CustomEvent<DemoOrder>;
  }
}
