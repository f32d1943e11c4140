import type {
  KlarnaConfig,
  KlarnaExpressCheckout,
  ExpressCheckoutReadyDetail,
  ExpressCheckoutClickDetail,
  ExpressCheckoutCompleteDetail,
  ExpressCheckoutAbortDetail,
  ExpressCheckoutErrorDetail,
  ShippingAddressChangeDetail,
  ShippingOptionSelectDetail,
  KlarnaInstantShoppingHost,
  InstantShoppingReadyDetail,
  InstantShoppingErrorDetail,
  InstantShoppingEventDetail,
  KlarnaOsmPlacement,
  OsmRenderDetail,
  OsmEmptyDetail,
  OsmErrorDetail,
  OsmImpressionDetail,
  OsmLinkDetail,
} from "../index.js";

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 */
export type ScopedElements<Prefix extends string = "", Suffix extends string = ""> = {
  [Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`]: CustomElements[Key];
};

type BaseProps = {
  /** Content added between the opening and closing tags of the element */
  children?: any;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined>;
  /** Specifies the text direction of the element. */
  dir?: "ltr" | "rtl";
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string;
  /** A unique identifier for the element. */
  id?: string;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number;
  /** Specifies the language of the element. */
  lang?: string;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: unknown | ((e: unknown) => void);
  /** Adds a reference for a custom element slot */
  slot?: string;
  /** Prop for setting inline styles */
  style?: Record<string, string | number>;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number;
  /** Specifies the tooltip text for the element. */
  title?: string;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: "yes" | "no";
};

type BaseEvents = {};

export type KlarnaConfigProps = {
  /** Your OSM client id, for every `<klarna-osm-placement>` inside. */
  "client-id"?: KlarnaConfig["clientId"];
  /** Your Web SDK client identifier (`klarna_test_client_…`), for every `<klarna-express-checkout>` inside: not the OSM `client-id`. */
  "sdk-client-id"?: KlarnaConfig["sdkClientId"];
  /** E.g. `en-US`, for every element inside. */
  locale?: KlarnaConfig["locale"];
  /** `production` or `playground`. */
  environment?: KlarnaConfig["environment"];
  /** `eu`, `na` or `oc`. */
  region?: KlarnaConfig["region"];
  /** A base URL replacing Klarna's hosts (the emulator, a proxy). */
  "api-url"?: KlarnaConfig["apiUrl"];
  /** `granted` (default) or `pending`: while pending, no element inside sends anything to Klarna (no request, beacon or SDK script); once granted, they go on. */
  consent?: KlarnaConfig["consent"];
  /** The settings the elements inside receive. */
  config?: KlarnaConfig["config"];
};

export type KlarnaExpressCheckoutProps = {
  /** CSP nonce that admits Klarna's Web SDK module, for a page whose `script-src` names neither Klarna's host nor `'strict-dynamic'` (a nonced library's `import()` carries its nonce already). Read from the element's built-in `nonce`, which keeps the value after a browser hides the attribute under a header CSP. */
  nonce?: KlarnaExpressCheckout["nonce"];
  /** Your Web SDK client identifier (`klarna_test_client_…` or `klarna_live_client_…`, from the Merchant Portal's Client identifiers): not the On-site messaging client id. Else `sdk-client-id` of `<klarna-config>`. */
  "client-id"?: KlarnaExpressCheckout["clientId"];
  /** The button's and the dialog's language and market, e.g. `en-US`; else the page's `locale`. */
  locale?: KlarnaExpressCheckout["locale"];
  /** Three-letter currency of the purchase, e.g. `USD`. Required unless `initiate` gives the payment request. */
  currency?: KlarnaExpressCheckout["currency"];
  /** The purchase's total in minor units (`32900` is 329.00); the line items must add up to it. */
  amount?: KlarnaExpressCheckout["amount"];
  /** A CSS selector of the price the page shows (nearest match first), read as `amount` and followed as it changes; `amount` wins when both are set. As on `<klarna-osm-placement>`. */
  "amount-from"?: KlarnaExpressCheckout["amountFrom"];
  /** A CSS selector of the quantity field the page shows: `amount` (or the price `amount-from` reads) times it. */
  "quantity-from"?: KlarnaExpressCheckout["quantityFrom"];
  /** `default`, `light`, `dark` or `outlined`. */
  theme?: KlarnaExpressCheckout["theme"];
  /** `default`, `pill` or `rect`. */
  shape?: KlarnaExpressCheckout["shape"];
  /** What the button offers, space-separated as `class` is: `PAY` (the default), `SUBSCRIBE`, `SIGNUP`, `SIGNIN`, `DONATE`. */
  intents?: KlarnaExpressCheckout["intents"];
  /** How Klarna's flow opens: `DEVICE_BEST` (Klarna chooses per device), `ON_PAGE`, `POPUP` or `REDIRECT`. */
  "initiation-mode"?: KlarnaExpressCheckout["initiationMode"];
  /** For acquirers and accounts with several partners: the partner account the SDK runs for. */
  "partner-account-id"?: KlarnaExpressCheckout["partnerAccountId"];
  /** Shows the button greyed out: a click does nothing (a variant not chosen yet, say). */
  disabled?: KlarnaExpressCheckout["disabled"];
  /** Replaces the URL of Klarna's Web SDK module (the emulator's, for development and tests, or a proxy's); else the SDK's path below the page's `api-url`, else Klarna's. */
  "sdk-url"?: KlarnaExpressCheckout["sdkUrl"];
  /** While present, the element waits (no request, no event, no error) for properties still to come:
lit's convention for server-rendered elements. The React components render it when they have
properties to set after hydration, and remove it once they are set. */
  "defer-hydration"?: KlarnaExpressCheckout["deferHydration"];
  /** What is sold, in minor units (`{ name, quantity, totalAmount, … }`); the lines' `totalAmount` must add up to `amount`. Sent as Klarna's `supplementaryPurchaseData.lineItems`. */
  lineItems?: KlarnaExpressCheckout["lineItems"];
  /** `{ mode: 'EDITABLE' }`: the shopper picks the address and shipping option in Klarna's dialog (answer the shipping events); `READ_ONLY`: the page gave them. */
  shippingConfig?: KlarnaExpressCheckout["shippingConfig"];
  /** What Klarna shares of the shopper with the purchase, e.g. `['profile:email', 'profile:name']`. */
  collectCustomerProfile?: KlarnaExpressCheckout["collectCustomerProfile"];
  /** Where Klarna sends the shopper back after a redirect flow; a relative URL is resolved against the page. Sent as Klarna's `customerInteractionConfig.returnUrl`. */
  returnUrl?: KlarnaExpressCheckout["returnUrl"];
  /** Your own reference for the purchase (an order number), passed back with it. */
  paymentRequestReference?: KlarnaExpressCheckout["paymentRequestReference"];
  /** The rest of Klarna's supplementary purchase data (`purchaseReference`, `customer`, `shipping`); `lineItems` has its own property. */
  supplementaryPurchaseData?: KlarnaExpressCheckout["supplementaryPurchaseData"];
  /** Gives the payment request when the shopper clicks, instead of the properties above: Klarna's `PaymentRequestData`, or `{ paymentRequestId }` of one your server created. */
  initiate?: KlarnaExpressCheckout["initiate"];
  /** What the element is doing: `idle`, `loading`, `ready` (the button is shown) or `error`. */
  state?: KlarnaExpressCheckout["state"];
  /** The error that stands, while `state` is `error`. */
  error?: KlarnaExpressCheckout["error"];
  /** A button is on the page: the first, or a new one for a new look (`theme`, `shape`, …); a moved element keeps its button. Detail: `{ clientId }`. */
  "onklarna-express-checkout-ready"?: (e: CustomEvent<ExpressCheckoutReadyDetail>) => void;
  /** The shopper clicked the button; cancelable: `preventDefault()` stops the payment, and no dialog opens. Not fired for a click while a payment is starting (a double click, or another button's). Detail: `{ amount, currency }`. */
  "onklarna-express-checkout-click"?: (e: CustomEvent<ExpressCheckoutClickDetail>) => void;
  /** Klarna approved the purchase. Detail: `{ paymentRequestId, paymentRequestReference?, state, paymentToken?, interoperabilityToken?, shipping?, customerProfile? }`; your server creates the order from `paymentToken`. */
  "onklarna-express-checkout-complete"?: (e: CustomEvent<ExpressCheckoutCompleteDetail>) => void;
  /** The purchase ended without a payment. Detail: `{ paymentRequestId, stateReason }`. */
  "onklarna-express-checkout-abort"?: (e: CustomEvent<ExpressCheckoutAbortDetail>) => void;
  /** Something is wrong. Detail: `{ code, message, cause? }`, `code` one of `invalid-config`, `script-load`, `sdk`, `timeout`. */
  "onklarna-express-checkout-error"?: (e: CustomEvent<ExpressCheckoutErrorDetail>) => void;
  /** The shopper gave an address in Klarna's dialog: call `detail.respondWith(answer)` in the listener with the shipping options for it (or a `rejectionReason`), as a value or a promise, within 4.5 s. Detail: `{ paymentRequestId, address, respondWith }`. */
  "onklarna-express-checkout-shipping-address-change"?: (e: CustomEvent<ShippingAddressChangeDetail>) => void;
  /** The shopper picked a shipping option: call `detail.respondWith({ amount, lineItems? })` with the new total within 4.5 s. Detail: `{ paymentRequestId, shippingOptionReference, respondWith }`. */
  "onklarna-express-checkout-shipping-option-select"?: (e: CustomEvent<ShippingOptionSelectDetail>) => void;
};

export type KlarnaInstantShoppingHostProps = {
  /** CSP nonce for the injected SDK `<script>`, for pages with a strict `script-src`. Read from the element's built-in `nonce` (no property of its own shadows it), which keeps the value after a browser hides the attribute under a header CSP. */
  nonce?: KlarnaInstantShoppingHost["nonce"];
  /** The button key your server created with Klarna's Button Keys API. Required. */
  "button-key"?: KlarnaInstantShoppingHost["buttonKey"];
  /** Identifies this button to the SDK; generated when absent, and kept while the element is on the page. */
  "instance-id"?: KlarnaInstantShoppingHost["instanceId"];
  /** `production` (default) or `playground`. */
  environment?: KlarnaInstantShoppingHost["environment"];
  /** Klarna region, `eu` or `na`; derived from `purchase-country` when absent. */
  region?: KlarnaInstantShoppingHost["region"];
  /** Two-letter country of the purchase, e.g. `SE`. Required. */
  "purchase-country"?: KlarnaInstantShoppingHost["purchaseCountry"];
  /** Three-letter currency, e.g. `SEK`. Required. */
  "purchase-currency"?: KlarnaInstantShoppingHost["purchaseCurrency"];
  /** The dialog's language and market, e.g. `sv-SE`; its country must be `purchase-country`. Required. */
  locale?: KlarnaInstantShoppingHost["locale"];
  /** Replaces the URL of Klarna's `lib.js` (the emulator's, for development and tests). On a page that requires Trusted Types, a URL that is not the SDK's path must be a `TrustedScriptURL` from the page's own policy. */
  "sdk-url"?: KlarnaInstantShoppingHost["sdkUrl"];
  /** While present, the element waits (no request, no event, no error) for properties still to come:
lit's convention for server-rendered elements. The React components render it when they have
properties to set after hydration, and remove it once they are set. */
  "defer-hydration"?: KlarnaInstantShoppingHost["deferHydration"];
  /** What is sold, as Klarna's order lines (amounts in minor units; totals must add up). Give this or `items`. */
  orderLines?: KlarnaInstantShoppingHost["orderLines"];
  /** A product with variations the consumer picks in Klarna's dialog; `orderLines` wins when both are given. */
  items?: KlarnaInstantShoppingHost["items"];
  /** Delivery choices shown in Klarna's dialog; each price's tax must match its rate. */
  shippingOptions?: KlarnaInstantShoppingHost["shippingOptions"];
  /** In the browser, at least `{ terms }`: your terms and conditions. Relative URLs are resolved against the page; Klarna gets them absolute. */
  merchantUrls?: KlarnaInstantShoppingHost["merchantUrls"];
  /** The button's look: `{ theme: { variation, tagline, type } }`. */
  styling?: KlarnaInstantShoppingHost["styling"];
  /** Prefills the consumer's address in Klarna's dialog. */
  billingAddress?: KlarnaInstantShoppingHost["billingAddress"];
  /** Countries the consumer may give a billing address in, as two-letter codes. */
  billingCountries?: KlarnaInstantShoppingHost["billingCountries"];
  /** Countries you ship to, as two-letter codes. */
  shippingCountries?: KlarnaInstantShoppingHost["shippingCountries"];
  /** Your own reference for the order (an order number), passed back with it. */
  merchantReference1?: KlarnaInstantShoppingHost["merchantReference1"];
  /** A second reference of your own (a campaign, a store), passed back with the order. */
  merchantReference2?: KlarnaInstantShoppingHost["merchantReference2"];
  /** At most 1024 characters, passed back to your server with the order. */
  merchantData?: KlarnaInstantShoppingHost["merchantData"];
  /** Extra checkboxes in Klarna's dialog (`{ id, text, checked?, required? }`); the answers come with the order. */
  additionalCheckboxes?: KlarnaInstantShoppingHost["additionalCheckboxes"];
  /** Any other SDK field, merged over everything else (`setup` excepted: it comes from the attributes). */
  options?: KlarnaInstantShoppingHost["options"];
  /** What the host is doing: `idle`, `loading`, `ready` (button shown), `hidden` (not offered) or `error`. */
  state?: KlarnaInstantShoppingHost["state"];
  /** Whether Klarna shows the button for the current data. */
  showButton?: KlarnaInstantShoppingHost["showButton"];
  /** The last error, while `state` is `error`. */
  error?: KlarnaInstantShoppingHost["error"];
  /** Klarna answered a `load` or `update`. Detail: `{ showButton }`. */
  "onklarna-instant-shopping-ready"?: (e: CustomEvent<InstantShoppingReadyDetail>) => void;
  /** The button cannot be shown as configured. Detail: `{ code, message, cause? }`, `code` one of `invalid-config`, `script-load`, `sdk`. */
  "onklarna-instant-shopping-error"?: (e: CustomEvent<InstantShoppingErrorDetail>) => void;
  /** The consumer clicked the button. Detail: the SDK's event data. */
  "onklarna-instant-shopping-buy-button-clicked"?: (e: CustomEvent<InstantShoppingEventDetail>) => void;
  /** Klarna's purchase dialog opened. Detail: `{ instanceId, customer_country, customer_postal_code }`. */
  "onklarna-instant-shopping-session-initiated"?: (e: CustomEvent<InstantShoppingEventDetail>) => void;
  /** The consumer entered or changed their details. Detail: `{ instanceId, customer_country, customer_postal_code }`. */
  "onklarna-instant-shopping-identification-updated"?: (e: CustomEvent<InstantShoppingEventDetail>) => void;
  /** The consumer chose a shipping option. Detail: `{ instanceId, customer_selected_shipping_option, customer_country, customer_postal_code }`. */
  "onklarna-instant-shopping-shipping-updated"?: (e: CustomEvent<InstantShoppingEventDetail>) => void;
  /** Klarna showed the purchase confirmation. Detail: the SDK's event data. */
  "onklarna-instant-shopping-confirmation-displayed"?: (e: CustomEvent<InstantShoppingEventDetail>) => void;
};

export type KlarnaOsmPlacementProps = {
  /** Your On-site messaging client id from the Klarna Merchant Portal. Required, here or on a `<klarna-config>`. */
  "client-id"?: KlarnaOsmPlacement["clientId"];
  /** `credit-promotion-badge` (amount based, next to a price) or `top-strip-promotion-badge` (landing pages). Required. */
  "placement-key"?: KlarnaOsmPlacement["placementKey"];
  /** The language and market of the message: one of the 47 OSM locales, e.g. `en-US`. Required. */
  locale?: KlarnaOsmPlacement["locale"];
  /** The price in minor units (`12999` for 129.99). Required for `credit-promotion-badge`. */
  "purchase-amount"?: KlarnaOsmPlacement["purchaseAmount"];
  /** A CSS selector for the price the page shows: the placement reads its amount from it and follows
it (text, attributes, the element replaced). The match nearest the placement wins, in its own
root first, then the document. Its `data-amount` (minor units), else its `content` or `value`
(major units, as schema.org's `itemprop="price"`), else its text ("$1,299.99", "1.299,99 €").
No match yet: the placement waits. `purchase-amount` wins when both are set. */
  "amount-from"?: KlarnaOsmPlacement["amountFrom"];
  /** A CSS selector for a quantity field: its value multiplies the amount (an empty or invalid value keeps the last good one). */
  "quantity-from"?: KlarnaOsmPlacement["quantityFrom"];
  /** `production` (default) or `playground`. */
  environment?: KlarnaOsmPlacement["environment"];
  /** Klarna API region: `eu`, `na` or `oc`; derived from the locale when absent. */
  region?: KlarnaOsmPlacement["region"];
  /** A base URL that replaces Klarna's host (the request goes to `{api-url}/messaging/v3`): the emulator or your proxy. */
  "api-url"?: KlarnaOsmPlacement["apiUrl"];
  /** `eager` (default) loads at once; `lazy` loads when the placement comes near the viewport. */
  loading?: KlarnaOsmPlacement["loading"];
  /** `visible` (default) fires the impression beacon once the message is at least partly in view; `render` as soon as it is rendered. */
  impression?: KlarnaOsmPlacement["impression"];
  /** How the learn-more and prequalify links open: `tab` (default, a new tab), `popup` (a window over the page) or `dialog` (a modal dialog on the page). */
  "learn-more"?: KlarnaOsmPlacement["learnMore"];
  /** Milliseconds to wait for Klarna before giving up; default 5000, as Klarna advises. */
  timeout?: KlarnaOsmPlacement["timeout"];
  /** Colours: absent takes the page's own; `light`, `dark`, or `auto` to follow `prefers-color-scheme`. */
  theme?: KlarnaOsmPlacement["theme"];
  /** The message a server already fetched: `OsmClient.getMessage`'s result (in the attribute, as
JSON). It is shown at once, and Klarna is not asked again, when its `url` is the request this
placement makes; otherwise the placement warns and fetches. Later changes fetch as usual. */
  prefetched?: KlarnaOsmPlacement["prefetched"];
  /** While present, the element waits (no request, no event, no error) for properties still to come:
lit's convention for server-rendered elements. The React components render it when they have
properties to set after hydration, and remove it once they are set. */
  "defer-hydration"?: KlarnaOsmPlacement["deferHydration"];
  /** What the placement is doing: `idle`, `loading`, `rendered`, `empty` or `error`. */
  state?: KlarnaOsmPlacement["state"];
  /** The nodes last rendered (empty when nothing is shown). */
  content?: KlarnaOsmPlacement["content"];
  /** The last error, while `state` is `error`. */
  error?: KlarnaOsmPlacement["error"];
  /** A message was rendered. Detail: `{ nodes, impressionUrl, placementKey, locale, purchaseAmount }`. */
  "onklarna-osm-render"?: (e: CustomEvent<OsmRenderDetail>) => void;
  /** Klarna has nothing to show for this request (a 204); the element collapses. Detail: `{ placementKey, locale, purchaseAmount }`. */
  "onklarna-osm-empty"?: (e: CustomEvent<OsmEmptyDetail>) => void;
  /** Nothing can be shown. Detail: `{ code, message, status?, correlationId? }`, `code` one of `invalid-config`, `http`, `network`, `timeout`, `malformed-response`. */
  "onklarna-osm-error"?: (e: CustomEvent<OsmErrorDetail>) => void;
  /** An impression beacon left the page (not when the page's Content-Security-Policy blocked it). Detail: `{ url }`. */
  "onklarna-osm-impression"?: (e: CustomEvent<OsmImpressionDetail>) => void;
  /** The shopper followed the learn-more link; cancelable (`preventDefault()` to open it your own way). Detail: `{ url, placementKey, locale, purchaseAmount, presentation }`. */
  "onklarna-osm-learn-more"?: (e: CustomEvent<OsmLinkDetail>) => void;
  /** The shopper followed the prequalify link; cancelable, as `klarna-osm-learn-more`. Detail: the same. */
  "onklarna-osm-prequalify"?: (e: CustomEvent<OsmLinkDetail>) => void;
  /** The dialog a link opened (`learn-more="dialog"`, or a blocked popup) closed. Detail: the link's. */
  "onklarna-osm-dialog-close"?: (e: CustomEvent<OsmLinkDetail>) => void;
};

export type CustomElements = {
  /**
   * Page- or section-wide settings for the Klarna elements inside it.
   * ---
   *
   *
   * ### **Slots:**
   *  - _default_ - The part of the page the settings apply to.
   */
  "klarna-config": Partial<KlarnaConfigProps & BaseProps & BaseEvents>;

  /**
   * Klarna's Express Checkout button for a product or cart page.
   * ---
   *
   *
   * ### **Events:**
   *  - **klarna-express-checkout-ready** - A button is on the page: the first, or a new one for a new look (`theme`, `shape`, …); a moved element keeps its button. Detail: `{ clientId }`.
   * - **klarna-express-checkout-click** - The shopper clicked the button; cancelable: `preventDefault()` stops the payment, and no dialog opens. Not fired for a click while a payment is starting (a double click, or another button's). Detail: `{ amount, currency }`.
   * - **klarna-express-checkout-complete** - Klarna approved the purchase. Detail: `{ paymentRequestId, paymentRequestReference?, state, paymentToken?, interoperabilityToken?, shipping?, customerProfile? }`; your server creates the order from `paymentToken`.
   * - **klarna-express-checkout-abort** - The purchase ended without a payment. Detail: `{ paymentRequestId, stateReason }`.
   * - **klarna-express-checkout-error** - Something is wrong. Detail: `{ code, message, cause? }`, `code` one of `invalid-config`, `script-load`, `sdk`, `timeout`.
   * - **klarna-express-checkout-shipping-address-change** - The shopper gave an address in Klarna's dialog: call `detail.respondWith(answer)` in the listener with the shipping options for it (or a `rejectionReason`), as a value or a promise, within 4.5 s. Detail: `{ paymentRequestId, address, respondWith }`.
   * - **klarna-express-checkout-shipping-option-select** - The shopper picked a shipping option: call `detail.respondWith({ amount, lineItems? })` with the new total within 4.5 s. Detail: `{ paymentRequestId, shippingOptionReference, respondWith }`.
   *
   * ### **Methods:**
   *
   *
   *
   *
   * ### **Slots:**
   *  - _default_ - Holds the container of Klarna's button (the element adds one, marked `data-klarna-express-checkout-button`, when the button first shows), and an optional `<script type="application/json">` with payment request fields (`lineItems`, `shippingConfig`, `collectCustomerProfile`, `returnUrl`, `paymentRequestReference`, `supplementaryPurchaseData`) for pages without a build step.
   *
   * ### **CSS Properties:**
   *  - **--klarna-express-checkout-min-height** - Space kept while the button loads, so nothing shifts when it appears. _(default: 0px)_
   */
  "klarna-express-checkout": Partial<KlarnaExpressCheckoutProps & BaseProps & BaseEvents>;

  /**
   * Klarna's Instant Shopping button for a product page.
   * ---
   *
   *
   * ### **Events:**
   *  - **klarna-instant-shopping-ready** - Klarna answered a `load` or `update`. Detail: `{ showButton }`.
   * - **klarna-instant-shopping-error** - The button cannot be shown as configured. Detail: `{ code, message, cause? }`, `code` one of `invalid-config`, `script-load`, `sdk`.
   * - **klarna-instant-shopping-buy-button-clicked** - The consumer clicked the button. Detail: the SDK's event data.
   * - **klarna-instant-shopping-session-initiated** - Klarna's purchase dialog opened. Detail: `{ instanceId, customer_country, customer_postal_code }`.
   * - **klarna-instant-shopping-identification-updated** - The consumer entered or changed their details. Detail: `{ instanceId, customer_country, customer_postal_code }`.
   * - **klarna-instant-shopping-shipping-updated** - The consumer chose a shipping option. Detail: `{ instanceId, customer_selected_shipping_option, customer_country, customer_postal_code }`.
   * - **klarna-instant-shopping-confirmation-displayed** - Klarna showed the purchase confirmation. Detail: the SDK's event data.
   *
   * ### **Methods:**
   *
   *
   *
   *
   * ### **Slots:**
   *  - _default_ - Holds Klarna's `<klarna-instant-shopping>` container (the host adds one when the button is first shown, unless the page gave it), and an optional `<script type="application/json">` with SDK fields for pages without a build step.
   *
   * ### **CSS Properties:**
   *  - **--klarna-instant-shopping-min-height** - Space kept while the button loads, so nothing shifts when it appears. _(default: 0px)_
   */
  "klarna-instant-shopping-host": Partial<KlarnaInstantShoppingHostProps & BaseProps & BaseEvents>;

  /**
   * Klarna On-site messaging: "Pay in 4" and financing messages next to a price.
   * ---
   *
   *
   * ### **Events:**
   *  - **klarna-osm-render** - A message was rendered. Detail: `{ nodes, impressionUrl, placementKey, locale, purchaseAmount }`.
   * - **klarna-osm-empty** - Klarna has nothing to show for this request (a 204); the element collapses. Detail: `{ placementKey, locale, purchaseAmount }`.
   * - **klarna-osm-error** - Nothing can be shown. Detail: `{ code, message, status?, correlationId? }`, `code` one of `invalid-config`, `http`, `network`, `timeout`, `malformed-response`.
   * - **klarna-osm-impression** - An impression beacon left the page (not when the page's Content-Security-Policy blocked it). Detail: `{ url }`.
   * - **klarna-osm-learn-more** - The shopper followed the learn-more link; cancelable (`preventDefault()` to open it your own way). Detail: `{ url, placementKey, locale, purchaseAmount, presentation }`.
   * - **klarna-osm-prequalify** - The shopper followed the prequalify link; cancelable, as `klarna-osm-learn-more`. Detail: the same.
   * - **klarna-osm-dialog-close** - The dialog a link opened (`learn-more="dialog"`, or a blocked popup) closed. Detail: the link's.
   *
   * ### **Methods:**
   *  - **refresh(): _Promise<void>_** - Asks Klarna again, past every cache, and renders the answer (with a new impression).
   *
   *
   *
   *
   * ### **CSS Properties:**
   *  - **--klarna-osm-color** - Text colour. _(default: inherit)_
   * - **--klarna-osm-link-color** - Colour of the links. _(default: inherit)_
   * - **--klarna-osm-link-font-weight** - Weight of the links. _(default: 600)_
   * - **--klarna-osm-legal-color** - Colour of the legal text. _(default: inherit)_
   * - **--klarna-osm-focus-color** - Colour of the focus ring on links. _(default: currentColor)_
   * - **--klarna-osm-font-family** - Font family. _(default: inherit)_
   * - **--klarna-osm-font-size** - Font size. _(default: 1em)_
   * - **--klarna-osm-line-height** - Line height. _(default: 1.45)_
   * - **--klarna-osm-gap** - Space between the badge, the text and the links. _(default: 0.25em 0.5em)_
   * - **--klarna-osm-badge-height** - Height of the Klarna badge's box, which is 71/30 as wide (set `::part(badge)`'s width for another); the badge is fitted inside it, so nothing moves when it loads, whatever its shape. _(default: 1.5em)_
   * - **--klarna-osm-min-height** - Space kept while the first message loads, so nothing shifts when it arrives. _(default: 0px)_
   *
   * ### **CSS Parts:**
   *  - **container** - The box around the whole message.
   * - **text-main** - The main message (TEXT_MAIN).
   * - **text-legal** - The legal text some markets require (TEXT_LEGAL).
   * - **learn-more** - The "Learn more" link (ACTION_LEARN_MORE).
   * - **prequalify** - The prequalification link (ACTION_PREQUALIFY).
   * - **badge** - The Klarna badge image (KLARNA_BADGE).
   * - **dialog** - The dialog a link opens in (`learn-more="dialog"`).
   * - **dialog-close** - The dialog's close button.
   */
  "klarna-osm-placement": Partial<KlarnaOsmPlacementProps & BaseProps & BaseEvents>;
};
