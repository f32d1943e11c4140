/**
 * The events `<klarna-express-checkout>` fires. All are `CustomEvent`s that bubble and cross
 * shadow roots, and all are in `HTMLElementEventMap`, so `addEventListener` knows their detail.
 */
import type { PaymentRequestState, PaymentRequestStateReason } from '../protocol/express-checkout.js';
import type { ShippingAddressChangeDetail, ShippingOptionSelectDetail } from './shipping-questions.js';

export type { ShippingAddressChangeDetail, ShippingOptionSelectDetail, RespondWith } from './shipping-questions.js';

/**
 * `invalid-config`: the element's data (or an answer of the page's) is not one Klarna takes;
 * `script-load`: the Web SDK's module did not load; `sdk`: the SDK refused or failed;
 * `timeout`: the SDK, or a listener of a shipping event, did not answer in time.
 */
export type ExpressCheckoutErrorCode = 'invalid-config' | 'script-load' | 'sdk' | 'timeout';

export interface ExpressCheckoutErrorDetail {
  code: ExpressCheckoutErrorCode;
  message: string;
  /** The underlying error: the SDK's `PaymentError`, the module's load error, a listener's rejection. */
  cause?: unknown;
}

/** The button is on the page, ready for the shopper. */
export interface ExpressCheckoutReadyDetail {
  /** The Web SDK's client identifier the button runs with. */
  clientId: string;
}

/** The shopper clicked the button; `preventDefault()` stops the payment (no dialog opens). */
export interface ExpressCheckoutClickDetail {
  /** The payment request's amount as the element holds it, in minor units (absent with `initiate`). */
  amount?: number | undefined;
  currency?: string | undefined;
}

/** Klarna approved the purchase: your server creates the order from `paymentToken`. */
export interface ExpressCheckoutCompleteDetail {
  paymentRequestId: string;
  /** Your `paymentRequestReference` (an order or cart number), when the request you gave had one. */
  paymentRequestReference?: string | undefined;
  state: PaymentRequestState;
  /** For your server: the order is created from it (`KlarnaPaymentsClient.createOrder`). */
  paymentToken?: string | undefined;
  interoperabilityToken?: string | undefined;
  /** The address and option the shopper chose in Klarna's dialog, as Klarna gives them. */
  shipping?: unknown;
  /** The profile the `collectCustomerProfile` scopes asked for, as Klarna gives it. */
  customerProfile?: unknown;
}

/** The purchase ended without a payment: the shopper closed Klarna's dialog, or you cancelled it. */
export interface ExpressCheckoutAbortDetail {
  paymentRequestId: string;
  stateReason?: PaymentRequestStateReason | undefined;
}

export type ExpressCheckoutReadyEvent = CustomEvent<ExpressCheckoutReadyDetail>;
export type ExpressCheckoutClickEvent = CustomEvent<ExpressCheckoutClickDetail>;
export type ExpressCheckoutCompleteEvent = CustomEvent<ExpressCheckoutCompleteDetail>;
export type ExpressCheckoutAbortEvent = CustomEvent<ExpressCheckoutAbortDetail>;
export type ExpressCheckoutErrorEvent = CustomEvent<ExpressCheckoutErrorDetail>;
export type ExpressCheckoutShippingAddressChangeEvent = CustomEvent<ShippingAddressChangeDetail>;
export type ExpressCheckoutShippingOptionSelectEvent = CustomEvent<ShippingOptionSelectDetail>;

declare global {
  interface HTMLElementEventMap {
    'klarna-express-checkout-ready': ExpressCheckoutReadyEvent;
    'klarna-express-checkout-click': ExpressCheckoutClickEvent;
    'klarna-express-checkout-complete': ExpressCheckoutCompleteEvent;
    'klarna-express-checkout-abort': ExpressCheckoutAbortEvent;
    'klarna-express-checkout-error': ExpressCheckoutErrorEvent;
    'klarna-express-checkout-shipping-address-change': ExpressCheckoutShippingAddressChangeEvent;
    'klarna-express-checkout-shipping-option-select': ExpressCheckoutShippingOptionSelectEvent;
  }
}
