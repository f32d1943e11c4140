/**
 * `klarna-elements/server`: a merchant backend's side of Klarna, for Node 20+ and any runtime with
 * `fetch`, Edge runtimes included: what it loads needs only the standard web APIs (no `Buffer`,
 * no `process`, no `AbortSignal.any`, no runtime import of Node; the Node adapters take Node's
 * objects as they are given). Instant Shopping button keys and purchase decisions, the
 * Shopping Session API, On-site messaging with a pluggable cache, Express Checkout's completion
 * (Klarna Payments orders and the `payment.request.state-change.completed` webhook), and one error
 * type for them all.
 * @module
 */
export { InstantShoppingClient, type InstantShoppingClientOptions, type PlaceOrderOptions } from './instant-shopping-client.js';
export {
  ShoppingSessionClient,
  type ShoppingSession,
  type ShoppingSessionClientOptions,
  type ShoppingSessionData,
  type SupplementaryLineItem,
  type SupplementaryPurchaseData,
} from './shopping-session-client.js';
export { OsmClient, MemoryOsmCache, type OsmCache, type OsmCacheEntry, type OsmClientOptions, type OsmMessageRequest, type OsmMessageResult } from './osm-client.js';
export {
  handlePlaceOrder,
  approve,
  deny,
  type HandlePlaceOrderOptions,
  type PlaceOrderDecision,
  type PlaceOrderHandler,
  type PlaceOrderRequest,
  type PlaceOrderResult,
  type PlaceOrderStage,
} from './place-order.js';
export {
  placeOrderListener,
  expressCheckoutWebhookListener,
  toWebRequest,
  sendWebResponse,
  type FrameworkReply,
  type FrameworkRequest,
  type NodeRequest,
} from './node.js';
export {
  KlarnaPaymentsClient,
  type CreateOrderOptions,
  type KlarnaPaymentsClientOptions,
} from './payments-client.js';
export type { AuthorizedPaymentMethod, CreatedOrder, PaymentsMerchantUrls, PaymentsOrder } from './payments-wire.js';
export {
  handleExpressCheckoutWebhook,
  type ExpressCheckoutWebhookHandler,
  type ExpressCheckoutWebhookRequest,
  type ExpressCheckoutWebhookStage,
  type HandleExpressCheckoutWebhookOptions,
} from './express-checkout-webhook.js';
export { COMPLETED_EVENT, type CompletedShipping, type PaymentRequestCompleted } from './webhook-event.js';
export { MemoryPlaceOrderStore, type PlaceOrderStore, type StoredPlaceOrderAnswer } from './place-order-store.js';
export { RedisOsmCache, RedisPlaceOrderStore, type RedisCommands, type RedisPlaceOrderStoreOptions } from './redis-stores.js';
export { KlarnaApiError, isKlarnaApiError, type ValidationError } from './api-error.js';
export { KlarnaValidationError, isKlarnaValidationError } from './validation.js';
export type { KlarnaClientOptions } from './client-options.js';
export type { CallOptions } from './transport.js';
export type { DenyReason, OrderToPlace, PlacedOrder } from './purchase-decisions.js';
// Klarna's wire shapes, from the protocol layer the elements use too: one name, one shape.
export {
  DENY_CODES,
  OSM_LOCALES,
  OSM_PLACEMENT_KEYS,
  type Address,
  type AuthorizedOrder,
  type ButtonKey,
  type ButtonMerchantUrls,
  type ButtonSetup,
  type DenyCode,
  type FraudStatus,
  type Item,
  type OrderLine,
  type OsmLocale,
  type OsmNode,
  type OsmPlacementKey,
  type PlaceOrderCallback,
  type ShippingOption,
} from '../protocol/index.js';
export {
  apiBaseUrl,
  KLARNA_API_HOSTS,
  KlarnaHttpError,
  isKlarnaHttpError,
  redactUrl,
  type KlarnaEnvironment,
  type KlarnaHttpErrorCode,
  type KlarnaRegion,
} from '../core/index.js';
