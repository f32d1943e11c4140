/**
 * `klarna-elements/protocol`: Klarna's wire facts, DOM-free and Node-safe. The On-site messaging
 * request (placement keys, locales, the one URL builder) and answer parser, the Instant
 * Shopping SDK's and REST API's shapes, and Klarna's Web SDK v2 (r8) shapes for Express Checkout,
 * each with the checks that their totals add up. The elements and
 * the server helpers both build on it, so the browser and a server agree byte for byte.
 * @module
 */
export * from './osm-request.js';
export * from './osm-answer.js';
export * from './instant-shopping.js';
export * from './instant-shopping-rest.js';
export * from './instant-shopping-checks.js';
export * from './express-checkout.js';
export * from './express-checkout-request.js';
export * from './express-checkout-checks.js';
