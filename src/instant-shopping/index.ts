/**
 * `klarna-elements/instant-shopping`: `<klarna-instant-shopping-host>`, defined on import.
 * @module
 */
export { KlarnaInstantShoppingHost, type InstantShoppingState } from './instant-shopping-host.component.js';
export { INSTANT_SHOPPING_HOST_TAG } from './define.js';
export { INSTANT_SHOPPING_SDK_EVENTS } from './sdk.js';
export type * from './sdk.js';
export type * from './events.js';
