/**
 * The Klarna emulator, for Node: `startEmulator()` and point the elements' `api-url` (or the server
 * helpers' `baseUrl`) at `emulator.url`.
 * @module
 */
export { KlarnaEmulator, createEmulator, startEmulator, type EmulatorOptions, type ListenOptions } from './server.js';
export { EMULATOR_CLIENT_ID, EMULATOR_DISABLED_CLIENT_ID } from './constants.js';
export {
  defaultEmulatorConfig,
  EMULATOR_API_USERNAME,
  EMULATOR_API_PASSWORD,
  EMULATOR_API_KEY,
  EMULATOR_ACCOUNT_ID,
  EMULATOR_WEBHOOK_SIGNING_KEY,
  type EmulatorApiKey,
  type EmulatorCredentials,
  type FraudRule,
  type AmountRange,
  type EmulatorConfig,
  type EmulatorConfigPatch,
  type EmulatorFault,
  type EmulatorOsmClient,
  type EmulatorBadgeSize,
  type FinancingOffer,
} from './config.js';
export type { ImpressionRecord, RequestRecord } from './records.js';
export { IMPRESSION_PATH } from './osm-routes.js';
export { EMULATED_PURCHASE_PATH } from './constants.js';
// The emulator's own records; Klarna's wire shapes (ButtonKey, DenyCode, …) are the protocol layer's, exported by klarna-elements/server.
export type { MerchantDecision, StoredAuthorization, StoredButtonKey } from './instant-shopping-state.js';
export type { StoredShoppingSession } from './shopping-session-routes.js';
export type {
  ExpressCheckoutEmulation,
  IssuedPaymentToken,
  PaymentTokenInit,
  StoredPaymentToken,
  StoredPaymentsOrder,
  StoredPaymentTransaction,
  WebhookDelivery,
} from './express-checkout-state.js';
