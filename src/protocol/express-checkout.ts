/**
 * Klarna's Web SDK v2 as Klarna Express Checkout uses it: every shape the library sends to or takes
 * from the SDK, in one module, as revision **r8** of Klarna's typedoc spells them (the SDK's shapes
 * drift between revisions: the early v2 drafts' `paymentAmount` / `update` / `PENDING_CONFIRMATION`
 * and the unversioned pages' `collectShippingData` are not these). DOM-free, so the server helpers
 * and the emulator name the same shapes. Sources and what is stated, inferred or unknown:
 * `reference/express-checkout.md` (S2 button and SDK config, S3 `Payment`, S4 shipping, S5 payment
 * request). Where r8 is silent this module says what was chosen.
 */

import { WEB_SDK_PATH } from '../core/endpoints.js';

export { WEB_SDK_PATH };

/** Where Klarna serves the Web SDK v2 as an ES module. It must be loaded from there, never bundled. */
export const WEB_SDK_URL = `https://js.klarna.com${WEB_SDK_PATH}`;

/** The SDK revision whose shapes this module follows. */
export const WEB_SDK_REVISION = 'v2-r8';

/** The products an SDK instance may be asked to serve; one page-wide instance serves them all. */
export type SdkProduct = 'PAYMENT' | 'CUSTOMER' | 'IDENTITY' | 'MESSAGING';

/**
 * `KlarnaSDK(config)`'s configuration (r8 `SDKConfig`). There is no environment or region field:
 * the client id says which (`klarna_test_client_…` or `klarna_live_client_…`).
 */
export interface SdkConfig {
  clientId: string;
  locale?: string;
  /** For acquirers and accounts with several partners. */
  partnerAccountId?: string;
  products?: SdkProduct[];
  /** Resumes a session a server created. */
  sdkToken?: string;
}

export type ButtonTheme = 'default' | 'light' | 'dark' | 'outlined';
export type ButtonShape = 'default' | 'pill' | 'rect';
/** What the button's label offers; `PAY` when none is given. */
export type ButtonIntent = 'PAY' | 'SUBSCRIBE' | 'SIGNUP' | 'SIGNIN' | 'DONATE';
/** How Klarna's flow opens; `DEVICE_BEST` lets Klarna choose per device. */
export type InitiationMode = 'DEVICE_BEST' | 'REDIRECT' | 'ON_PAGE' | 'POPUP';

export const BUTTON_THEMES: readonly ButtonTheme[] = ['default', 'light', 'dark', 'outlined'];
export const BUTTON_SHAPES: readonly ButtonShape[] = ['default', 'pill', 'rect'];
export const BUTTON_INTENTS: readonly ButtonIntent[] = ['PAY', 'SUBSCRIBE', 'SIGNUP', 'SIGNIN', 'DONATE'];
export const INITIATION_MODES: readonly InitiationMode[] = ['DEVICE_BEST', 'REDIRECT', 'ON_PAGE', 'POPUP'];

/** What `initiate` may answer: the payment request itself, or the id of one a server created. */
export type InitiateResult = PaymentRequestData | { paymentRequestId: string };

/** `klarna.Payment.button(config)` (r6 `KlarnaPaymentButtonConfig` with r8's `ButtonConfiguration`). */
export interface PaymentButtonConfig {
  /** Distinguishes the buttons of one page: `button()` called twice makes two buttons. */
  id?: string;
  disabled?: boolean;
  loading?: boolean;
  locale?: string;
  shape?: ButtonShape;
  theme?: ButtonTheme;
  intents?: ButtonIntent[];
  initiationMode?: InitiationMode;
  hideOverlay?: boolean;
  /** Called on the shopper's click: the payment request to start. */
  initiate?: () => Promise<InitiateResult>;
}

/**
 * A DOM element, named without the DOM's types: this layer also compiles for servers, whose
 * TypeScript has no `HTMLElement`. Every element is one.
 */
export interface ElementLike {
  readonly nodeType: number;
}

/**
 * A button (`KlarnaUIElement`). r8's member list for the payment button is not published: these
 * are the Identity button's, which older typedoc gives the payment button too.
 */
export interface PaymentButton {
  readonly htmlElement?: ElementLike;
  readonly id?: string;
  /** Appends the SDK's own element to the container. */
  mount(container: string | ElementLike): void;
  unmount(): void;
  on(event: 'render' | 'click', handler: () => void): void;
  toggleState(state: 'disabled' | 'loading', value?: boolean): void;
}

/** One line of the purchase, in minor units (r8 `supplementaryPurchaseData.lineItems`). */
export interface LineItem {
  name: string;
  quantity: number;
  /** The line's total, tax included, in minor units. */
  totalAmount: number;
  totalTaxAmount?: number;
  lineItemReference?: string;
  imageUrl?: string;
  productUrl?: string;
  productIdentifier?: string;
  shippingReference?: string;
}

export type CustomerProfileScope =
  | 'profile:name'
  | 'profile:email'
  | 'profile:phone'
  | 'profile:locale'
  | 'profile:billing_address'
  | 'profile:country'
  | 'profile:national_identification'
  | 'profile:date_of_birth';

/** `EDITABLE`: the shopper picks the address and option in Klarna's dialog; `READ_ONLY`: the page gave them. */
export interface ShippingConfig {
  mode: 'EDITABLE' | 'READ_ONLY';
  /** ISO 3166 alpha-2 codes. */
  supportedCountries?: string[];
}

export interface SupplementaryPurchaseData {
  lineItems?: LineItem[];
  purchaseReference?: string;
  shipping?: unknown;
  customer?: unknown;
}

/** The payment request the button starts (r8 `PaymentRequestData`). Amounts in minor units. */
export interface PaymentRequestData {
  /** ISO 4217, required. */
  currency: string;
  amount?: number;
  paymentRequestReference?: string;
  paymentOptionId?: string;
  customerInteractionConfig?: { returnUrl?: string };
  supplementaryPurchaseData?: SupplementaryPurchaseData;
  collectCustomerProfile?: CustomerProfileScope[];
  shippingConfig?: ShippingConfig;
}

export type PaymentRequestState = 'SUBMITTED' | 'IN_PROGRESS' | 'COMPLETED' | 'EXPIRED' | 'CANCELED';
export type PaymentRequestStateReason = 'PARTNER_CANCELED' | 'PURCHASE_FLOW_ABORTED' | 'TECHNICAL_ERROR';

/** A payment request as the SDK reports it to `complete`, `abort` and the shipping callbacks. */
export interface PaymentRequest {
  paymentRequestId: string;
  state: PaymentRequestState;
  previousState?: PaymentRequestState;
  stateReason?: PaymentRequestStateReason;
  stateContext?: {
    /** For the merchant's server: the order is created from it. */
    paymentToken?: string;
    interoperabilityToken?: string;
    klarnaCustomer?: { customerProfile?: unknown };
    shipping?: unknown;
    customerInteraction?: unknown;
  };
}

/** As much of the shopper's address as Klarna shares before the purchase, to price shipping. */
export interface PartialShippingAddress {
  country: string;
  postalCode?: string;
  city?: string;
  region?: string;
}

export type ShippingType =
  | 'TO_DOOR'
  | 'TO_CURB'
  | 'TO_MAILBOX'
  | 'PICKUP_BOX'
  | 'PICKUP_POINT'
  | 'PICKUP_STORE'
  | 'PICKUP_WAREHOUSE'
  | 'DIGITAL_EMAIL'
  | 'DIGITAL_DOWNLOAD'
  | 'DIGITAL_OTHER'
  | 'PHYSICAL_OTHER';

/** A shipping option offered in Klarna's dialog (r8 `ShippingOption`; named apart from Instant Shopping's). */
export interface ExpressShippingOption {
  shippingOptionReference: string;
  /** Minor units. */
  amount: number;
  displayName: string;
  description: string;
  shippingType?: ShippingType;
}

export type ShippingAddressRejection =
  | 'COUNTRY_NOT_SUPPORTED'
  | 'POSTAL_CODE_NOT_SUPPORTED'
  | 'CITY_NOT_SUPPORTED'
  | 'REGION_NOT_SUPPORTED'
  | 'ADDRESS_NOT_SUPPORTED';

/** The merchant's answer to a new shipping address: the options for it, or why it is refused. */
export type ShippingAddressChangeAnswer =
  | {
    shippingOptions: ExpressShippingOption[];
    selectedShippingOptionReference?: string;
    amount?: number;
    lineItems?: LineItem[];
  }
  | { rejectionReason: ShippingAddressRejection };

/**
 * The merchant's answer to a chosen shipping option: the new totals, or a refusal. Klarna's page
 * shows `{ amount, lineItems }`; chosen: `lineItems` may be left out where the lines did not
 * change (when given, they must add up to `amount`).
 */
export type ShippingOptionSelectAnswer = { amount: number; lineItems?: LineItem[] } | { rejectionReason: 'INVALID_OPTION' };

/**
 * How long Klarna waits for a shipping answer before the flow ends in error (stated in Klarna's
 * one-step guide). The element answers Klarna itself a little before, so it is never too late.
 */
export const SHIPPING_ANSWER_DEADLINE_MS = 5000;

/** What the SDK gives `error` handlers and rejects with (r8 `PaymentError`). */
export interface PaymentError {
  name: string;
  errorCode: string;
  errorId: string;
  errorMessage: string;
  errorType: string;
  originalError?: unknown;
  validationErrors?: unknown[];
}

/** The page-wide handlers of `klarna.Payment.on`: one set per SDK instance, for every button. */
export interface PaymentEventHandlers {
  complete: (paymentRequest: PaymentRequest) => Promise<boolean> | boolean | void;
  abort: (paymentRequest: PaymentRequest) => Promise<void> | void;
  error: (error: PaymentError | Error, paymentRequest?: PaymentRequest) => Promise<void> | void;
  shippingaddresschange: (
    paymentRequest: PaymentRequest,
    address: PartialShippingAddress,
  ) => Promise<ShippingAddressChangeAnswer>;
  shippingoptionselect: (
    paymentRequest: PaymentRequest,
    option: { shippingOptionReference: string },
  ) => Promise<ShippingOptionSelectAnswer>;
}

/** `klarna.Payment` (r8 `KlarnaPayment`). */
export interface KlarnaPayment {
  button(config?: PaymentButtonConfig): PaymentButton;
  on<E extends keyof PaymentEventHandlers>(event: E, handler: PaymentEventHandlers[E]): void;
  off<E extends keyof PaymentEventHandlers>(event: E, handler: PaymentEventHandlers[E]): void;
  cancel(paymentRequestId: string): Promise<unknown>;
  fetch(paymentRequestId: string): Promise<PaymentRequest>;
}

/** What `KlarnaSDK(config)` resolves with; only the part Express Checkout uses is typed. */
export interface KlarnaSdkInstance {
  Payment: KlarnaPayment;
}

/** The module Klarna serves at {@link WEB_SDK_URL}. */
export interface WebSdkModule {
  KlarnaSDK(config: SdkConfig): Promise<KlarnaSdkInstance>;
}
