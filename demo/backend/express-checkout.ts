/**
 * The shop's side of Express Checkout, as a merchant would write it with `klarna-elements/server`.
 * While the shopper is in Klarna's dialog, the product page asks it the shipping questions Klarna
 * asks the page; it answers them from the catalog and its shipping rates, and remembers what each
 * payment request buys. When Klarna's `payment.request.state-change.completed` webhook says the
 * shopper paid, it creates the Klarna Payments order from the webhook's payment token and keeps it
 * with the shop's other orders: once per payment request, however often Klarna delivers it
 * (`handleExpressCheckoutWebhook` keeps the answer), and never from what the page says alone (the
 * webhook is signed, and carries the address Klarna ships to).
 *
 * The page does not post the payment token itself: it waits for the order the webhook made
 * (`GET /api/express-checkout/payment-requests/{id}/order`), so there is one writer of orders.
 */
import type {
  ShippingAddressChangeAnswer,
  ShippingAddressRejection,
  ShippingOptionSelectAnswer,
} from '../../src/protocol/express-checkout.js';
import {
  handleExpressCheckoutWebhook,
  isKlarnaApiError,
  MemoryPlaceOrderStore,
  type Address,
  type ExpressCheckoutWebhookRequest,
  type ExpressCheckoutWebhookStage,
  type KlarnaPaymentsClient,
  type OrderLine,
  type PaymentRequestCompleted,
  type PaymentsOrder,
} from '../../src/server/index.js';
import { CURRENCY, LOCALE } from '../catalog.js';
import {
  findShippingRate,
  klarnaLineItems,
  pricePurchase,
  SHIPPING_RATES,
  type ExpressItem,
  type PricedLine,
  type PricedPurchase,
} from '../express-checkout-purchase.js';
import type { DemoOrder } from '../orders.js';
import type { Stock } from './stock.js';
import { orderDetails } from './order-details.js';

/** What of the shop the desk works with: its stock, its orders and their numbers, its storefront. */
export interface Shop {
  readonly orders: DemoOrder[];
  readonly stock: Stock;
  readonly storefrontUrl: string | undefined;
  nextOrderNumber(): string;
}

export interface ExpressCheckoutDeskOptions {
  shop: Shop;
  payments: KlarnaPaymentsClient;
  /** The webhook signing key Klarna signs deliveries with (the emulator's `expressCheckout.signingKey`). */
  signingKey: string;
  onError: (error: unknown, stage: ExpressCheckoutWebhookStage) => void;
}

/** An answer for the backend to send: a status and a JSON body. */
export interface DeskAnswer {
  status: number;
  body: unknown;
}

/** The US postal code format; the shop ships within the US only. */
const US_POSTAL_CODE = /^\d{5}(-\d{4})?$/;

/** An order's status on the Orders page, by Klarna's fraud status. */
const ORDER_STATUS = new Map<string, DemoOrder['status']>([['ACCEPTED', 'confirmed'], ['PENDING', 'pending'], ['REJECTED', 'rejected']]);

export class ExpressCheckoutDesk {
  readonly #shop: Shop;
  readonly #payments: KlarnaPaymentsClient;
  readonly #signingKey: string;
  readonly #onError: ExpressCheckoutDeskOptions['onError'];
  /** Which payment requests' webhooks were handled: this process's own, so a new backend starts afresh. */
  readonly #handled = new MemoryPlaceOrderStore();
  /** What each payment request buys, from the page's first shipping question until its order exists. */
  readonly #purchases = new Map<string, { item: ExpressItem; shippingReference?: string }>();

  constructor({ shop, payments, signingKey, onError }: ExpressCheckoutDeskOptions) {
    this.#shop = shop;
    this.#payments = payments;
    this.#signingKey = signingKey;
    this.#onError = onError;
  }

  /** Klarna's first question, through the page: the options for the shopper's address. */
  shippingOptions(question: unknown): DeskAnswer {
    const paymentRequestId = ownString(question, 'paymentRequestId');
    const item = itemOf(own(question, 'item'));
    const address = own(question, 'address');
    if (!paymentRequestId || !item || !pricePurchase(item) || typeof address !== 'object' || address === null) {
      return { status: 400, body: { error: 'a shipping question needs paymentRequestId, an item the shop sells and an address' } };
    }
    const rejection = addressRejection(address);
    if (rejection) return { status: 200, body: { rejectionReason: rejection } satisfies ShippingAddressChangeAnswer };
    this.#purchases.set(paymentRequestId, { item });
    const answer: ShippingAddressChangeAnswer = {
      shippingOptions: SHIPPING_RATES.map((rate) => ({
        shippingOptionReference: rate.reference,
        amount: rate.price,
        displayName: rate.name,
        description: rate.description,
        shippingType: 'TO_DOOR',
      })),
      selectedShippingOptionReference: SHIPPING_RATES[0]!.reference,
    };
    return { status: 200, body: answer };
  }

  /** Klarna's second question, through the page: the totals with the option the shopper picked. */
  shippingTotals(question: unknown): DeskAnswer {
    const paymentRequestId = ownString(question, 'paymentRequestId');
    const purchase = paymentRequestId ? this.#purchases.get(paymentRequestId) : undefined;
    if (!purchase) return { status: 404, body: { error: 'no shipping options were given for this payment request' } };
    const reference = ownString(question, 'shippingOptionReference');
    const priced = pricePurchase(purchase.item, findShippingRate(reference));
    if (!reference || !priced || priced.lines.length < 2) {
      return { status: 200, body: { rejectionReason: 'INVALID_OPTION' } satisfies ShippingOptionSelectAnswer };
    }
    purchase.shippingReference = reference;
    const answer: ShippingOptionSelectAnswer = {
      amount: priced.amount,
      lineItems: klarnaLineItems(priced),
    };
    return { status: 200, body: answer };
  }

  /** The order Klarna's webhook had created for a payment request, once it exists. */
  orderOf(paymentRequestId: string): DemoOrder | undefined {
    return this.#shop.orders.find((order) => order.paymentRequestId === paymentRequestId);
  }

  /** Klarna's webhook: signed, handled once per payment request (a repeat gets the first answer). */
  webhook(request: Request): Promise<Response> {
    return handleExpressCheckoutWebhook(request, (completed) => this.#complete(completed), {
      signingKeys: this.#signingKey,
      store: this.#handled,
      onError: this.#onError,
    });
  }

  /**
   * The shopper paid: the order is created from the payment token, for what the shop priced and
   * the shipping option Klarna says the shopper chose, to the address Klarna ships to. A payment
   * the shop cannot fill (one it never priced, or sold out meanwhile) is cancelled, so the shopper's
   * money is not held. A failure throws: Klarna delivers the event again later.
   */
  async #complete({ event, signal }: ExpressCheckoutWebhookRequest): Promise<void> {
    const token = event.paymentToken;
    // An acquirer's purchase (Klarna Network session token only) is not this shop's integration.
    if (!token) return;
    const purchase = this.#purchases.get(event.paymentRequestId);
    const rate = findShippingRate(event.shipping?.shipping_option_reference ?? purchase?.shippingReference);
    const priced = purchase && rate ? pricePurchase(purchase.item, rate) : undefined;
    if (!priced || this.#shop.stock.shortage(priced.lines)) {
      await this.#cancel(token, signal);
      return;
    }
    const number = this.#shop.nextOrderNumber();
    const order = this.#paymentsOrder(number, priced, shippingAddress(event));
    const created = await this.#payments.createOrder(token, order, { signal });
    if (created.fraud_status !== 'REJECTED') this.#shop.stock.take(priced.lines);
    this.#purchases.delete(event.paymentRequestId);
    this.#shop.orders.unshift(demoOrder(number, created.order_id, created.fraud_status, order, event.paymentRequestId));
  }

  #paymentsOrder(number: string, priced: PricedPurchase, address: Address): PaymentsOrder {
    const storefront = this.#shop.storefrontUrl;
    return {
      purchase_country: address.country ?? 'US',
      purchase_currency: CURRENCY,
      locale: LOCALE,
      order_amount: priced.amount,
      order_tax_amount: 0,
      order_lines: priced.lines.map(orderLine),
      shipping_address: address,
      merchant_reference1: number,
      ...(storefront && { merchant_urls: { confirmation: `${storefront}#/orders/${number}` } }),
    };
  }

  /** Gives the authorization up; one Klarna no longer knows (the emulator was reset) is given up already. */
  async #cancel(token: string, signal: AbortSignal): Promise<void> {
    try {
      await this.#payments.cancelAuthorization(token, { signal });
    } catch (error) {
      if (!(isKlarnaApiError(error) && error.status === 404)) throw error;
    }
  }
}

/** Why Klarna is told the shop does not ship to the (partial) address; `undefined` where it does. */
function addressRejection(address: object): ShippingAddressRejection | undefined {
  if (ownString(address, 'country') !== 'US') return 'COUNTRY_NOT_SUPPORTED';
  const postalCode = own(address, 'postalCode');
  if (postalCode !== undefined && !(typeof postalCode === 'string' && US_POSTAL_CODE.test(postalCode))) return 'POSTAL_CODE_NOT_SUPPORTED';
  return undefined;
}

/** The webhook's recipient and address, as one Klarna Payments address. */
function shippingAddress(event: PaymentRequestCompleted): Address {
  const recipient = event.shipping?.recipient ?? {};
  const { given_name, family_name, email, phone } = recipient;
  return { given_name, family_name, email, phone, ...event.shipping?.address };
}

function orderLine(line: PricedLine): OrderLine {
  return {
    type: line.type,
    reference: line.reference,
    name: line.name,
    quantity: line.quantity,
    unit_price: line.unitPrice,
    tax_rate: 0,
    total_amount: line.totalAmount,
    total_discount_amount: 0,
    total_tax_amount: 0,
  };
}

/** The order as the Orders page shows it. */
function demoOrder(
  number: string,
  klarnaOrderId: string,
  fraudStatus: string,
  order: PaymentsOrder,
  paymentRequestId: string,
): DemoOrder {
  const address = order.shipping_address ?? {};
  return {
    number,
    klarnaOrderId,
    // A status Klarna adds later is held as a review is: the goods wait.
    status: ORDER_STATUS.get(fraudStatus) ?? 'pending',
    ...orderDetails(order, address),
    channel: 'express-checkout',
    paymentRequestId,
  };
}

/** The item a page sent, read by its own fields; `undefined` when it is not one. */
function itemOf(value: unknown): ExpressItem | undefined {
  const productId = ownString(value, 'productId');
  const colour = ownString(value, 'colour');
  const size = ownString(value, 'size');
  const quantity = own(value, 'quantity');
  if (!productId || !colour || !size || typeof quantity !== 'number') return undefined;
  return { productId, colour, size, quantity };
}

/** A field the page sent, if it is the object's own (never one inherited through the prototype). */
function own(value: unknown, field: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
}

function ownString(value: unknown, field: string): string | undefined {
  const found = own(value, field);
  return typeof found === 'string' && found !== '' ? found : undefined;
}
