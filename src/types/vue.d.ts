// Generated from custom-elements.json by scripts/framework-types.js (npm run analyze): do not edit.
// Vue's template checker (vue-tsc, Volar) reads these: props in camelCase, `@event` handlers as `on…`.
import type { DefineComponent } from 'vue';
import type { ExpressCheckoutAbortDetail, ExpressCheckoutClickDetail, ExpressCheckoutCompleteDetail, ExpressCheckoutErrorDetail, ExpressCheckoutReadyDetail, InstantShoppingErrorDetail, InstantShoppingEventDetail, InstantShoppingReadyDetail, KlarnaConfig, KlarnaExpressCheckout, KlarnaInstantShoppingHost, KlarnaOsmPlacement, OsmEmptyDetail, OsmErrorDetail, OsmImpressionDetail, OsmLinkDetail, OsmRenderDetail, ShippingAddressChangeDetail, ShippingOptionSelectDetail } from '../index.js';

type KlarnaConfigProps = {
  /** Your OSM client id, for every `<klarna-osm-placement>` inside. */
  clientId?: KlarnaConfig['clientId'];
  /** Your Web SDK client identifier (`klarna_test_client_…`), for every `<klarna-express-checkout>` inside: not the OSM `client-id`. */
  sdkClientId?: KlarnaConfig['sdkClientId'];
  /** E.g. `en-US`, for every element inside. */
  locale?: KlarnaConfig['locale'];
  /** `production` or `playground`. */
  environment?: KlarnaConfig['environment'];
  /** `eu`, `na` or `oc`. */
  region?: KlarnaConfig['region'];
  /** A base URL replacing Klarna's hosts (the emulator, a proxy). */
  apiUrl?: KlarnaConfig['apiUrl'];
  /** `granted` (default) or `pending`: while pending, no element inside sends anything to Klarna (no request, beacon or SDK script); once granted, they go on. */
  consent?: KlarnaConfig['consent'];
};

type KlarnaExpressCheckoutProps = {
  /** Your Web SDK client identifier (`klarna_test_client_…` or `klarna_live_client_…`, from the Merchant Portal's Client identifiers): not the On-site messaging client id. Else `sdk-client-id` of `<klarna-config>`. */
  clientId?: KlarnaExpressCheckout['clientId'];
  /** The button's and the dialog's language and market, e.g. `en-US`; else the page's `locale`. */
  locale?: KlarnaExpressCheckout['locale'];
  /** Three-letter currency of the purchase, e.g. `USD`. Required unless `initiate` gives the payment request. */
  currency?: KlarnaExpressCheckout['currency'];
  /** The purchase's total in minor units (`32900` is 329.00); the line items must add up to it. */
  amount?: KlarnaExpressCheckout['amount'];
  /** A CSS selector of the price the page shows (nearest match first), read as `amount` and followed as it changes; `amount` wins when both are set. As on `<klarna-osm-placement>`. */
  amountFrom?: KlarnaExpressCheckout['amountFrom'];
  /** A CSS selector of the quantity field the page shows: `amount` (or the price `amount-from` reads) times it. */
  quantityFrom?: KlarnaExpressCheckout['quantityFrom'];
  /** `default`, `light`, `dark` or `outlined`. */
  theme?: KlarnaExpressCheckout['theme'];
  /** `default`, `pill` or `rect`. */
  shape?: KlarnaExpressCheckout['shape'];
  /** What the button offers, space-separated as `class` is: `PAY` (the default), `SUBSCRIBE`, `SIGNUP`, `SIGNIN`, `DONATE`. */
  intents?: KlarnaExpressCheckout['intents'];
  /** How Klarna's flow opens: `DEVICE_BEST` (Klarna chooses per device), `ON_PAGE`, `POPUP` or `REDIRECT`. */
  initiationMode?: KlarnaExpressCheckout['initiationMode'];
  /** For acquirers and accounts with several partners: the partner account the SDK runs for. */
  partnerAccountId?: KlarnaExpressCheckout['partnerAccountId'];
  /** Shows the button greyed out: a click does nothing (a variant not chosen yet, say). */
  disabled?: KlarnaExpressCheckout['disabled'];
  /** Replaces the URL of Klarna's Web SDK module (the emulator's, for development and tests, or a proxy's); else the SDK's path below the page's `api-url`, else Klarna's. */
  sdkUrl?: KlarnaExpressCheckout['sdkUrl'];
  /** What is sold, in minor units (`{ name, quantity, totalAmount, … }`); the lines' `totalAmount` must add up to `amount`. Sent as Klarna's `supplementaryPurchaseData.lineItems`. */
  lineItems?: KlarnaExpressCheckout['lineItems'];
  /** `{ mode: 'EDITABLE' }`: the shopper picks the address and shipping option in Klarna's dialog (answer the shipping events); `READ_ONLY`: the page gave them. */
  shippingConfig?: KlarnaExpressCheckout['shippingConfig'];
  /** What Klarna shares of the shopper with the purchase, e.g. `['profile:email', 'profile:name']`. */
  collectCustomerProfile?: KlarnaExpressCheckout['collectCustomerProfile'];
  /** Where Klarna sends the shopper back after a redirect flow; a relative URL is resolved against the page. Sent as Klarna's `customerInteractionConfig.returnUrl`. */
  returnUrl?: KlarnaExpressCheckout['returnUrl'];
  /** Your own reference for the purchase (an order number), passed back with it. */
  paymentRequestReference?: KlarnaExpressCheckout['paymentRequestReference'];
  /** The rest of Klarna's supplementary purchase data (`purchaseReference`, `customer`, `shipping`); `lineItems` has its own property. */
  supplementaryPurchaseData?: KlarnaExpressCheckout['supplementaryPurchaseData'];
  /** Gives the payment request when the shopper clicks, instead of the properties above: Klarna's `PaymentRequestData`, or `{ paymentRequestId }` of one your server created. */
  initiate?: KlarnaExpressCheckout['initiate'];
  /** While present, the element waits (no request, no event, no error) for properties still to come:
   * lit's convention for server-rendered elements. The React components render it when they have
   * properties to set after hydration, and remove it once they are set. */
  deferHydration?: KlarnaExpressCheckout['deferHydration'];
  /** CSP nonce that admits Klarna's Web SDK module, for a page whose `script-src` names neither Klarna's host nor `'strict-dynamic'` (a nonced library's `import()` carries its nonce already). Read from the element's built-in `nonce`, which keeps the value after a browser hides the attribute under a header CSP. */
  nonce?: KlarnaExpressCheckout['nonce'];
  /** A button is on the page: the first, or a new one for a new look (`theme`, `shape`, …); a moved element keeps its button. Detail: `{ clientId }`. */
  onKlarnaExpressCheckoutReady?: (event: CustomEvent<ExpressCheckoutReadyDetail>) => void;
  /** The shopper clicked the button; cancelable: `preventDefault()` stops the payment, and no dialog opens. Not fired for a click while a payment is starting (a double click, or another button's). Detail: `{ amount, currency }`. */
  onKlarnaExpressCheckoutClick?: (event: CustomEvent<ExpressCheckoutClickDetail>) => void;
  /** Klarna approved the purchase. Detail: `{ paymentRequestId, paymentRequestReference?, state, paymentToken?, interoperabilityToken?, shipping?, customerProfile? }`; your server creates the order from `paymentToken`. */
  onKlarnaExpressCheckoutComplete?: (event: CustomEvent<ExpressCheckoutCompleteDetail>) => void;
  /** The purchase ended without a payment. Detail: `{ paymentRequestId, stateReason }`. */
  onKlarnaExpressCheckoutAbort?: (event: CustomEvent<ExpressCheckoutAbortDetail>) => void;
  /** Something is wrong. Detail: `{ code, message, cause? }`, `code` one of `invalid-config`, `script-load`, `sdk`, `timeout`. */
  onKlarnaExpressCheckoutError?: (event: CustomEvent<ExpressCheckoutErrorDetail>) => void;
  /** The shopper gave an address in Klarna's dialog: call `detail.respondWith(answer)` in the listener with the shipping options for it (or a `rejectionReason`), as a value or a promise, within 4.5 s. Detail: `{ paymentRequestId, address, respondWith }`. */
  onKlarnaExpressCheckoutShippingAddressChange?: (event: CustomEvent<ShippingAddressChangeDetail>) => void;
  /** The shopper picked a shipping option: call `detail.respondWith({ amount, lineItems? })` with the new total within 4.5 s. Detail: `{ paymentRequestId, shippingOptionReference, respondWith }`. */
  onKlarnaExpressCheckoutShippingOptionSelect?: (event: CustomEvent<ShippingOptionSelectDetail>) => void;
};

type KlarnaInstantShoppingHostProps = {
  /** The button key your server created with Klarna's Button Keys API. Required. */
  buttonKey?: KlarnaInstantShoppingHost['buttonKey'];
  /** Identifies this button to the SDK; generated when absent, and kept while the element is on the page. */
  instanceId?: KlarnaInstantShoppingHost['instanceId'];
  /** `production` (default) or `playground`. */
  environment?: KlarnaInstantShoppingHost['environment'];
  /** Klarna region, `eu` or `na`; derived from `purchase-country` when absent. */
  region?: KlarnaInstantShoppingHost['region'];
  /** Two-letter country of the purchase, e.g. `SE`. Required. */
  purchaseCountry?: KlarnaInstantShoppingHost['purchaseCountry'];
  /** Three-letter currency, e.g. `SEK`. Required. */
  purchaseCurrency?: KlarnaInstantShoppingHost['purchaseCurrency'];
  /** The dialog's language and market, e.g. `sv-SE`; its country must be `purchase-country`. Required. */
  locale?: KlarnaInstantShoppingHost['locale'];
  /** Replaces the URL of Klarna's `lib.js` (the emulator's, for development and tests). On a page that requires Trusted Types, a URL that is not the SDK's path must be a `TrustedScriptURL` from the page's own policy. */
  sdkUrl?: KlarnaInstantShoppingHost['sdkUrl'];
  /** What is sold, as Klarna's order lines (amounts in minor units; totals must add up). Give this or `items`. */
  orderLines?: KlarnaInstantShoppingHost['orderLines'];
  /** A product with variations the consumer picks in Klarna's dialog; `orderLines` wins when both are given. */
  items?: KlarnaInstantShoppingHost['items'];
  /** Delivery choices shown in Klarna's dialog; each price's tax must match its rate. */
  shippingOptions?: KlarnaInstantShoppingHost['shippingOptions'];
  /** In the browser, at least `{ terms }`: your terms and conditions. Relative URLs are resolved against the page; Klarna gets them absolute. */
  merchantUrls?: KlarnaInstantShoppingHost['merchantUrls'];
  /** The button's look: `{ theme: { variation, tagline, type } }`. */
  styling?: KlarnaInstantShoppingHost['styling'];
  /** Prefills the consumer's address in Klarna's dialog. */
  billingAddress?: KlarnaInstantShoppingHost['billingAddress'];
  /** Countries the consumer may give a billing address in, as two-letter codes. */
  billingCountries?: KlarnaInstantShoppingHost['billingCountries'];
  /** Countries you ship to, as two-letter codes. */
  shippingCountries?: KlarnaInstantShoppingHost['shippingCountries'];
  /** Your own reference for the order (an order number), passed back with it. */
  merchantReference1?: KlarnaInstantShoppingHost['merchantReference1'];
  /** A second reference of your own (a campaign, a store), passed back with the order. */
  merchantReference2?: KlarnaInstantShoppingHost['merchantReference2'];
  /** At most 1024 characters, passed back to your server with the order. */
  merchantData?: KlarnaInstantShoppingHost['merchantData'];
  /** Extra checkboxes in Klarna's dialog (`{ id, text, checked?, required? }`); the answers come with the order. */
  additionalCheckboxes?: KlarnaInstantShoppingHost['additionalCheckboxes'];
  /** Any other SDK field, merged over everything else (`setup` excepted: it comes from the attributes). */
  options?: KlarnaInstantShoppingHost['options'];
  /** While present, the element waits (no request, no event, no error) for properties still to come:
   * lit's convention for server-rendered elements. The React components render it when they have
   * properties to set after hydration, and remove it once they are set. */
  deferHydration?: KlarnaInstantShoppingHost['deferHydration'];
  /** CSP nonce for the injected SDK `<script>`, for pages with a strict `script-src`. Read from the element's built-in `nonce` (no property of its own shadows it), which keeps the value after a browser hides the attribute under a header CSP. */
  nonce?: KlarnaInstantShoppingHost['nonce'];
  /** Klarna answered a `load` or `update`. Detail: `{ showButton }`. */
  onKlarnaInstantShoppingReady?: (event: CustomEvent<InstantShoppingReadyDetail>) => void;
  /** The button cannot be shown as configured. Detail: `{ code, message, cause? }`, `code` one of `invalid-config`, `script-load`, `sdk`. */
  onKlarnaInstantShoppingError?: (event: CustomEvent<InstantShoppingErrorDetail>) => void;
  /** The consumer clicked the button. Detail: the SDK's event data. */
  onKlarnaInstantShoppingBuyButtonClicked?: (event: CustomEvent<InstantShoppingEventDetail>) => void;
  /** Klarna's purchase dialog opened. Detail: `{ instanceId, customer_country, customer_postal_code }`. */
  onKlarnaInstantShoppingSessionInitiated?: (event: CustomEvent<InstantShoppingEventDetail>) => void;
  /** The consumer entered or changed their details. Detail: `{ instanceId, customer_country, customer_postal_code }`. */
  onKlarnaInstantShoppingIdentificationUpdated?: (event: CustomEvent<InstantShoppingEventDetail>) => void;
  /** The consumer chose a shipping option. Detail: `{ instanceId, customer_selected_shipping_option, customer_country, customer_postal_code }`. */
  onKlarnaInstantShoppingShippingUpdated?: (event: CustomEvent<InstantShoppingEventDetail>) => void;
  /** Klarna showed the purchase confirmation. Detail: the SDK's event data. */
  onKlarnaInstantShoppingConfirmationDisplayed?: (event: CustomEvent<InstantShoppingEventDetail>) => void;
};

type KlarnaOsmPlacementProps = {
  /** Your On-site messaging client id from the Klarna Merchant Portal. Required, here or on a `<klarna-config>`. */
  clientId?: KlarnaOsmPlacement['clientId'];
  /** `credit-promotion-badge` (amount based, next to a price) or `top-strip-promotion-badge` (landing pages). Required. */
  placementKey?: KlarnaOsmPlacement['placementKey'];
  /** The language and market of the message: one of the 47 OSM locales, e.g. `en-US`. Required. */
  locale?: KlarnaOsmPlacement['locale'];
  /** The price in minor units (`12999` for 129.99). Required for `credit-promotion-badge`. */
  purchaseAmount?: KlarnaOsmPlacement['purchaseAmount'];
  /** A CSS selector for the price the page shows: the placement reads its amount from it and follows
   * it (text, attributes, the element replaced). The match nearest the placement wins, in its own
   * root first, then the document. Its `data-amount` (minor units), else its `content` or `value`
   * (major units, as schema.org's `itemprop="price"`), else its text ("$1,299.99", "1.299,99 €").
   * No match yet: the placement waits. `purchase-amount` wins when both are set. */
  amountFrom?: KlarnaOsmPlacement['amountFrom'];
  /** A CSS selector for a quantity field: its value multiplies the amount (an empty or invalid value keeps the last good one). */
  quantityFrom?: KlarnaOsmPlacement['quantityFrom'];
  /** `production` (default) or `playground`. */
  environment?: KlarnaOsmPlacement['environment'];
  /** Klarna API region: `eu`, `na` or `oc`; derived from the locale when absent. */
  region?: KlarnaOsmPlacement['region'];
  /** A base URL that replaces Klarna's host (the request goes to `{api-url}/messaging/v3`): the emulator or your proxy. */
  apiUrl?: KlarnaOsmPlacement['apiUrl'];
  /** `eager` (default) loads at once; `lazy` loads when the placement comes near the viewport. */
  loading?: KlarnaOsmPlacement['loading'];
  /** `visible` (default) fires the impression beacon once the message is at least partly in view; `render` as soon as it is rendered. */
  impression?: KlarnaOsmPlacement['impression'];
  /** How the learn-more and prequalify links open: `tab` (default, a new tab), `popup` (a window over the page) or `dialog` (a modal dialog on the page). */
  learnMore?: KlarnaOsmPlacement['learnMore'];
  /** Milliseconds to wait for Klarna before giving up; default 5000, as Klarna advises. */
  timeout?: KlarnaOsmPlacement['timeout'];
  /** Colours: absent takes the page's own; `light`, `dark`, or `auto` to follow `prefers-color-scheme`. */
  theme?: KlarnaOsmPlacement['theme'];
  /** The message a server already fetched: `OsmClient.getMessage`'s result (in the attribute, as
   * JSON). It is shown at once, and Klarna is not asked again, when its `url` is the request this
   * placement makes; otherwise the placement warns and fetches. Later changes fetch as usual. */
  prefetched?: KlarnaOsmPlacement['prefetched'];
  /** While present, the element waits (no request, no event, no error) for properties still to come:
   * lit's convention for server-rendered elements. The React components render it when they have
   * properties to set after hydration, and remove it once they are set. */
  deferHydration?: KlarnaOsmPlacement['deferHydration'];
  /** A message was rendered. Detail: `{ nodes, impressionUrl, placementKey, locale, purchaseAmount }`. */
  onKlarnaOsmRender?: (event: CustomEvent<OsmRenderDetail>) => void;
  /** Klarna has nothing to show for this request (a 204); the element collapses. Detail: `{ placementKey, locale, purchaseAmount }`. */
  onKlarnaOsmEmpty?: (event: CustomEvent<OsmEmptyDetail>) => void;
  /** Nothing can be shown. Detail: `{ code, message, status?, correlationId? }`, `code` one of `invalid-config`, `http`, `network`, `timeout`, `malformed-response`. */
  onKlarnaOsmError?: (event: CustomEvent<OsmErrorDetail>) => void;
  /** An impression beacon left the page (not when the page's Content-Security-Policy blocked it). Detail: `{ url }`. */
  onKlarnaOsmImpression?: (event: CustomEvent<OsmImpressionDetail>) => void;
  /** The shopper followed the learn-more link; cancelable (`preventDefault()` to open it your own way). Detail: `{ url, placementKey, locale, purchaseAmount, presentation }`. */
  onKlarnaOsmLearnMore?: (event: CustomEvent<OsmLinkDetail>) => void;
  /** The shopper followed the prequalify link; cancelable, as `klarna-osm-learn-more`. Detail: the same. */
  onKlarnaOsmPrequalify?: (event: CustomEvent<OsmLinkDetail>) => void;
  /** The dialog a link opened (`learn-more="dialog"`, or a blocked popup) closed. Detail: the link's. */
  onKlarnaOsmDialogClose?: (event: CustomEvent<OsmLinkDetail>) => void;
};

/** Every element, for Vue's `GlobalComponents` (declared below, so importing this file is enough). */
export type CustomElements = {
  /** Page- or section-wide settings for the Klarna elements inside it. */
  'klarna-config': DefineComponent<KlarnaConfigProps>;
  /** Klarna's Express Checkout button for a product or cart page. */
  'klarna-express-checkout': DefineComponent<KlarnaExpressCheckoutProps>;
  /** Klarna's Instant Shopping button for a product page. */
  'klarna-instant-shopping-host': DefineComponent<KlarnaInstantShoppingHostProps>;
  /** Klarna On-site messaging: "Pay in 4" and financing messages next to a price. */
  'klarna-osm-placement': DefineComponent<KlarnaOsmPlacementProps>;
};

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends CustomElements {}
}
