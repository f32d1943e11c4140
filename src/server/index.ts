/**
 * `klarna-elements/server`: helpers for a merchant's Node backend (and other fetch-based
 * runtimes). Being filled by the server helpers issue: so far the error every call throws, and the
 * core pieces a backend shares with the browser.
 * @module
 */
export { KlarnaApiError, isKlarnaApiError, type ValidationError } from './api-error.js';
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
