/**
 * An Express Checkout purchase as the product page and the shop's backend both see it: the variant
 * bought, its lines priced from the catalog, the shop's shipping rates, and the backend's routes
 * the page asks while the shopper is in Klarna's dialog. Free of the DOM and of Node: the
 * storefront and demo/backend import it alike, so the page shows the prices the backend charges.
 */
import type { LineItem, PartialShippingAddress } from '../src/protocol/express-checkout.js';
import { findProduct, variantName, variantPrice } from './catalog.js';
import { variantReference } from './orders.js';

/** The shop's Web SDK client identifier, for its pages' <klarna-config>; the emulator takes any well-formed test one. */
export const DEMO_SDK_CLIENT_ID = 'klarna_test_client_bm9yZGx5cw';

/** What the shopper buys: the variant chosen on the product page, and how many. */
export interface ExpressItem {
  productId: string;
  colour: string;
  size: string;
  quantity: number;
}

/** A way the shop ships, priced in minor units (US prices exclude sales tax, so no tax). */
export interface ShippingRate {
  reference: string;
  name: string;
  description: string;
  price: number;
}

/** The shop's shipping rates, for Express Checkout and Instant Shopping alike; the first is the default. */
export const SHIPPING_RATES: readonly ShippingRate[] = [
  { reference: 'standard', name: 'Standard', description: '3–5 business days', price: 0 },
  { reference: 'express', name: 'Express', description: 'Next business day', price: 1500 },
];

export function findShippingRate(reference: string | undefined): ShippingRate | undefined {
  return SHIPPING_RATES.find((rate) => rate.reference === reference);
}

/** The most of one variant a shopper buys at once (the product page's stepper stops there too). */
export const MAX_QUANTITY = 10;

/** One line of a priced purchase: the variant, or the shipping. Amounts in minor units. */
export interface PricedLine {
  type: 'physical' | 'shipping_fee';
  reference: string;
  name: string;
  quantity: number;
  unitPrice: number;
  totalAmount: number;
}

export interface PricedPurchase {
  /** The variant's line, then the shipping's once a rate is chosen. */
  lines: PricedLine[];
  /** What the lines add up to. */
  amount: number;
}

/** The purchase priced from the catalog; `undefined` for a variant the shop does not sell, or a quantity it does not take. */
export function pricePurchase(item: ExpressItem, shipping?: ShippingRate): PricedPurchase | undefined {
  const product = findProduct(item.productId);
  const sold = product
    && product.colours.some((colour) => colour.name === item.colour)
    && product.sizes.some((size) => size.label === item.size);
  if (!sold || !Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) return undefined;
  const unitPrice = variantPrice(product, item.size);
  const lines: PricedLine[] = [{
    type: 'physical',
    reference: variantReference(product.id, item.colour, item.size),
    name: variantName(product, item.colour, item.size),
    quantity: item.quantity,
    unitPrice,
    totalAmount: unitPrice * item.quantity,
  }];
  if (shipping) {
    lines.push({
      type: 'shipping_fee',
      reference: shipping.reference,
      name: `${shipping.name} shipping`,
      quantity: 1,
      unitPrice: shipping.price,
      totalAmount: shipping.price,
    });
  }
  return { lines, amount: lines.reduce((sum, line) => sum + line.totalAmount, 0) };
}

/** The lines as Klarna's payment request and shipping answers carry them. */
export function klarnaLineItems(priced: PricedPurchase): LineItem[] {
  return priced.lines.map((line) => ({
    name: line.name,
    quantity: line.quantity,
    totalAmount: line.totalAmount,
    lineItemReference: line.reference,
  }));
}

/**
 * The page asks which shipping options the shopper's address has: the backend remembers what the
 * payment request buys, and answers in Klarna's shape (`ShippingAddressChangeAnswer`).
 */
export interface ShippingOptionsQuestion {
  paymentRequestId: string;
  item: ExpressItem;
  address: PartialShippingAddress;
}

/** The page asks for the totals with the option the shopper picked; answered as `ShippingOptionSelectAnswer`. */
export interface ShippingTotalsQuestion {
  paymentRequestId: string;
  shippingOptionReference: string;
}

/** The backend's Express Checkout routes (the storefront reaches `/api` through its dev server's proxy). */
export const EXPRESS_CHECKOUT_API = {
  shippingOptions: '/api/express-checkout/shipping-options',
  shippingTotals: '/api/express-checkout/shipping-totals',
  /** The order made for a payment request: 404 until Klarna's webhook has had it created. */
  order: (paymentRequestId: string) => `/api/express-checkout/payment-requests/${encodeURIComponent(paymentRequestId)}/order`,
} as const;

/** Where Klarna posts `payment.request.state-change.completed` on the backend (configured in the emulator, or in Klarna's portal). */
export const EXPRESS_CHECKOUT_WEBHOOK_PATH = '/klarna/express-checkout/webhook';
