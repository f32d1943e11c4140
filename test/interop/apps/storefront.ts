/**
 * The storefront every interop app builds in its own framework: a product page with an On-site
 * messaging placement that follows the price (from framework state), an Instant Shopping button
 * bound to the order lines as a property and an Express Checkout button bound to its line items,
 * and a cart page without any, for a client-side route change. Each app reports the elements' events through `onEvent`, from its framework's own
 * listener syntax.
 */
import type { LineItem } from '../../../src/express-checkout/index.js';
import type { OrderLine } from '../../../src/instant-shopping/index.js';

export type Route = 'product' | 'cart';

export interface StorefrontProps {
  clientId: string;
  apiUrl: string;
  /** Klarna's SDK address; the tests put a recording SDK on `window` first. */
  sdkUrl: string;
  /** The Web SDK module's address: the emulator's. */
  webSdkUrl: string;
  /** The button's `instance-id`: Klarna's SDK keeps an instance for the page's life. */
  instanceId: string;
  quantity: number;
  onEvent: (name: string, detail: unknown) => void;
}

/** What a test drives; each promise resolves once the framework has applied the change to the DOM. */
export interface MountedStorefront {
  setQuantity(quantity: number): Promise<void>;
  showRoute(route: Route): Promise<void>;
  unmount(): Promise<void>;
}

export type MountStorefront = (container: HTMLElement, props: StorefrontProps) => MountedStorefront;

export const UNIT_PRICE = 11900;

export const BUTTON_ATTRIBUTES = {
  'button-key': '123e4567-e89b-12d3-a456-426655440000',
  'purchase-country': 'US',
  'purchase-currency': 'USD',
  locale: 'en-US',
} as const;

export const MERCHANT_URLS = { terms: 'https://shop.example/terms' };

export function orderLines(quantity: number): OrderLine[] {
  const total = quantity * UNIT_PRICE;
  return [{
    type: 'physical', reference: '19-402-B', name: 'Battery Power Pack Black', quantity, unit_price: UNIT_PRICE, tax_rate: 2500,
    total_amount: total, total_discount_amount: 0, total_tax_amount: total / 5,
  }];
}

/** The Web SDK client identifier of the Express Checkout button (the emulator takes any well-formed one). */
export const EXPRESS_CLIENT_ID = 'klarna_test_client_aW50ZXJvcA';

/** How many power packs the shop has: the Express Checkout button is greyed out above it. */
export const STOCK = 4;

/** The Express Checkout button's line items for `quantity` power packs. */
export function lineItems(quantity: number): LineItem[] {
  return [{ name: 'Battery Power Pack Black', quantity, totalAmount: quantity * UNIT_PRICE }];
}
