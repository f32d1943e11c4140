/**
 * The Instant Shopping REST API's shapes (button keys, authorized orders, the `place_order`
 * callback, fraud statuses, deny codes), in Klarna's snake_case so examples from Klarna's docs
 * paste in. The order pieces are the ones the browser SDK takes.
 */
import type { AdditionalCheckbox, Address, ButtonStyling, Item, OrderLine, ShippingOption } from './instant-shopping.js';

/** The merchant's endpoints. `place_order` is where Klarna posts each purchase for a decision. */
export interface ButtonMerchantUrls {
  /** Required when creating a key: https, at most 2000 characters. */
  place_order?: string;
  terms?: string;
  confirmation?: string;
  push?: string;
  notification?: string;
  update?: string;
  [name: string]: string | undefined;
}

/** What a button key holds: the merchant URLs, purchase options and the SDK's load options. */
export interface ButtonSetup {
  merchant_urls?: ButtonMerchantUrls;
  options?: {
    allow_separate_shipping_address?: boolean;
    date_of_birth_mandatory?: boolean;
    phone_mandatory?: boolean;
    national_identification_number_mandatory?: boolean;
    title_mandatory?: boolean;
    additional_checkboxes?: AdditionalCheckbox[];
  };
  purchase_country?: string;
  purchase_currency?: string;
  locale?: string;
  billing_countries?: string[];
  shipping_countries?: string[];
  order_lines?: OrderLine[];
  items?: Item[];
  shipping_options?: ShippingOption[];
  styling?: ButtonStyling;
  [field: string]: unknown;
}

/** A button key as Klarna returns it. */
export interface ButtonKey extends ButtonSetup {
  button_key: string;
}

/** An authorized purchase: what the consumer agreed to in the Instant Shopping dialog. */
export interface AuthorizedOrder {
  purchase_country: string;
  purchase_currency: string;
  locale: string;
  billing_address?: Address;
  shipping_address?: Address;
  customer?: { date_of_birth?: string; gender?: string; [field: string]: unknown };
  order_amount: number;
  order_tax_amount?: number;
  order_lines: OrderLine[];
  selected_shipping_option?: ShippingOption;
  merchant_urls?: ButtonMerchantUrls;
  merchant_reference1?: string;
  merchant_reference2?: string;
  merchant_data?: string;
  /** The consumer's answers to `additional_checkboxes`. */
  merchant_requested?: { additional_checkboxes?: Record<string, boolean>; [field: string]: unknown };
  [field: string]: unknown;
}

/** The body Klarna posts to `merchant_urls.place_order`. */
export interface PlaceOrderCallback {
  authorization_token: string;
  order: AuthorizedOrder;
}

export type FraudStatus = 'ACCEPTED' | 'PENDING' | 'REJECTED';

export const DENY_CODES = ['address_error', 'item_out_of_stock', 'consumer_underaged', 'unsupported_shipping_address', 'other'] as const;
export type DenyCode = (typeof DENY_CODES)[number];
