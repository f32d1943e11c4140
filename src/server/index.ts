/**
 * `klarna-elements/server`: helpers for a merchant's Node backend. Filled by the server helpers
 * issue; for now it offers the core pieces a backend shares with the browser.
 * @module
 */
export {
  apiBaseUrl,
  osmMessagingUrl,
  KLARNA_API_HOSTS,
  KlarnaHttpError,
  isKlarnaHttpError,
  requestJson,
  redactUrl,
  type KlarnaEnvironment,
  type KlarnaHttpErrorCode,
  type KlarnaRegion,
} from '../core/index.js';
