/**
 * `klarna-elements/instant-shopping`: `<klarna-instant-shopping-host>`, defined on import.
 * @module
 */
export { KlarnaInstantShoppingHost, type InstantShoppingState } from './instant-shopping-host.component.js';
export { INSTANT_SHOPPING_HOST_TAG } from './define.js';
export { sdkInstanceIds } from './sdk-instances.js';
export { INSTANT_SHOPPING_SDK_EVENTS } from '../protocol/instant-shopping.js';
export type * from '../protocol/instant-shopping.js';
export type * from './events.js';
