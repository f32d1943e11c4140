/**
 * `klarna-elements/express-checkout`: `<klarna-express-checkout>`, defined on import.
 * @module
 */
export { KlarnaExpressCheckout, type ExpressCheckoutState } from './express-checkout.component.js';
export { EXPRESS_CHECKOUT_TAG } from './define.js';
export { WEB_SDK_REVISION, WEB_SDK_URL } from '../protocol/express-checkout.js';
export type * from '../protocol/express-checkout.js';
export type * from './events.js';
