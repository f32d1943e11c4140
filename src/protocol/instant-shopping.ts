/**
 * The Instant Shopping JS SDK's surface (`Klarna.InstantShopping`: load, update, on) and the data
 * it takes, in Klarna's own snake_case shapes so that examples from Klarna's docs paste in as they
 * are. DOM-free: the server helpers take the same order lines. Sources: Klarna's product-page
 * guide and the facts in `reference/instant-shopping.md`.
 */

export type InstantShoppingRegion = 'eu' | 'na';

export type OrderLineType = 'physical' | 'digital' | 'discount' | 'shipping_fee' | 'sales_tax' | 'gift_card' | 'store_credit' | 'surcharge';

export interface ProductIdentifiers {
  category_path?: string;
  global_trade_item_number?: string;
  manufacturer_part_number?: string;
  brand?: string;
}

/** One line of the order. Amounts are integers in minor units; `tax_rate` 2500 is 25 %. */
export interface OrderLine {
  type?: OrderLineType;
  reference?: string;
  name: string;
  quantity: number;
  quantity_unit?: string;
  unit_price: number;
  tax_rate: number;
  total_amount: number;
  total_discount_amount?: number;
  total_tax_amount: number;
  product_url?: string;
  image_url?: string;
  merchant_data?: string;
  product_identifiers?: ProductIdentifiers;
  shipping_attributes?: {
    weight?: number;
    dimensions?: { height?: number; width?: number; length?: number };
    tags?: string[];
  };
}

export interface ProductAttribute {
  /** No `_` allowed. */
  identifier: string;
  identifier_label: string;
  /** No `_` allowed. */
  value: string;
  value_label: string;
}

/** A product with variations the consumer chooses among in the Klarna dialog (size, colour). */
export interface Item extends Omit<OrderLine, 'quantity'> {
  /** Shared by the variations of one product; no `_` allowed. */
  group_identifier?: string;
  product_attributes?: ProductAttribute[];
}

export type ShippingMethod = 'PickUpStore' | 'Home' | 'BoxReg' | 'BoxUnreg' | 'PickUpPoint' | 'Own' | 'Postal' | 'DHLPackstation' | 'Other';

export interface ShippingOption {
  id: string;
  name: string;
  description?: string;
  promo?: string;
  price: number;
  tax_amount: number;
  tax_rate: number;
  preselected?: boolean;
  shipping_method?: ShippingMethod;
  delivery_details?: Record<string, unknown>;
}

export interface MerchantUrls {
  /** Your terms and conditions; mandatory for the button. */
  terms?: string;
  confirmation?: string;
  [name: string]: string | undefined;
}

export interface Address {
  given_name?: string;
  family_name?: string;
  email?: string;
  street_address?: string;
  street_address2?: string;
  postal_code?: string;
  city?: string;
  region?: string;
  phone?: string;
  country?: string;
}

export interface ButtonStyling {
  theme?: {
    variation?: 'klarna' | 'dark' | 'light';
    tagline?: 'dark' | 'light';
    type?: 'buy' | 'express' | 'pay' | 'donation';
  };
}

export interface AdditionalCheckbox {
  id: string;
  text: string;
  checked?: boolean;
  required?: boolean;
}

export interface InstantShoppingSetup {
  instance_id: string;
  key?: string;
  environment?: 'production' | 'playground';
  region?: InstantShoppingRegion;
}

/** What `load` takes; `update` takes `setup.instance_id` and any of the other fields. */
export interface InstantShoppingOptions {
  setup: InstantShoppingSetup;
  purchase_country?: string;
  purchase_currency?: string;
  locale?: string;
  billing_countries?: string[];
  shipping_countries?: string[];
  merchant_urls?: MerchantUrls;
  merchant_reference1?: string;
  merchant_reference2?: string;
  merchant_data?: string;
  attachment?: { content_type: string; body: string };
  order_lines?: OrderLine[];
  items?: Item[];
  shipping_options?: ShippingOption[];
  billing_address?: Address;
  additional_checkboxes?: AdditionalCheckbox[];
  styling?: ButtonStyling;
  [field: string]: unknown;
}

/**
 * The argument of the `load` and `update` callbacks. The docs describe `error` only as "details
 * of potential error messages"; its shape is unconfirmed, so it is passed on as it comes.
 */
export interface InstantShoppingResponse {
  show_button: boolean;
  error?: unknown;
}

/** The SDK's events, as named in plugin code (the docs do not list them). */
export const INSTANT_SHOPPING_SDK_EVENTS = [
  'buy_button_clicked',
  'session_initiated',
  'identification_updated',
  'shipping_updated',
  'confirmation_displayed',
] as const;

export type InstantShoppingSdkEvent = (typeof INSTANT_SHOPPING_SDK_EVENTS)[number];

/** What an event handler receives: the instance it concerns and the event's data. */
export interface InstantShoppingEventData {
  instanceId?: string;
  customer_country?: string;
  customer_postal_code?: string;
  customer_selected_shipping_option?: { id?: string; reference?: string; [field: string]: unknown };
  [field: string]: unknown;
}

export interface InstantShoppingSdk {
  load(options: InstantShoppingOptions, callback?: (response: InstantShoppingResponse) => void): void;
  update(options: InstantShoppingOptions, callback?: (response: InstantShoppingResponse) => void): void;
  on(
    event: string,
    handler: (data: InstantShoppingEventData) => void,
    options?: { setup: { instance_id: string } },
  ): void;
}

/** The SDK's `error` has no documented shape; show its message(s) if it has any. */
export function describeSdkError(error: unknown): string {
  if (typeof error === 'string') return error;
  // The SDK's own fields only: what a page's script put on Object.prototype is not Klarna's word.
  const messages = ownField(error, 'error_messages');
  if (Array.isArray(messages) && messages.length) return messages.map((item) => textOf(item)).join('; ');
  const message = ownField(error, 'message');
  if (typeof message === 'string') return message;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    // A cycle, a BigInt, a throwing toJSON: the error is still reported, by its kind.
    return textOf(error);
  }
}

function ownField(record: unknown, name: string): unknown {
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, name)) return undefined;
  return (record as Record<string, unknown>)[name];
}

function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
