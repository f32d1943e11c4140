// Generated from custom-elements.json by scripts/framework-types.js (npm run analyze): do not edit.
// Vue's template checker (vue-tsc, Volar) reads these: props in camelCase, `@event` handlers as `on…`.
import type { DefineComponent } from 'vue';
import type { InstantShoppingErrorDetail, InstantShoppingEventDetail, InstantShoppingReadyDetail, KlarnaConfig, KlarnaInstantShoppingHost, KlarnaOsmPlacement, OsmEmptyDetail, OsmErrorDetail, OsmImpressionDetail, OsmLinkDetail, OsmRenderDetail } from '../index.js';

type KlarnaConfigProps = {
  /** Your OSM client id, for every `<klarna-osm-placement>` inside. */
  clientId?: KlarnaConfig['clientId'];
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
  /** Klarna's Instant Shopping button for a product page. */
  'klarna-instant-shopping-host': DefineComponent<KlarnaInstantShoppingHostProps>;
  /** Klarna On-site messaging: "Pay in 4" and financing messages next to a price. */
  'klarna-osm-placement': DefineComponent<KlarnaOsmPlacementProps>;
};

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends CustomElements {}
}
