'use client';
/**
 * `klarna-elements/react`: React components for the four elements (one entry per element too:
 * `klarna-elements/react/osm-placement`, `…/express-checkout`, `…/instant-shopping`, `…/config`,
 * for an app that uses one). Each property is a prop, and each event is an `on…` prop whose handler
 * gets the typed `CustomEvent`:
 *
 * ```tsx
 * <KlarnaOsmPlacement placementKey="credit-promotion-badge" purchaseAmount={cents}
 *   onRender={(event) => console.log(event.detail.nodes)} onError={(event) => report(event.detail)} />
 * ```
 *
 * React 19 also renders the raw tags (`<klarna-osm-placement purchase-amount={cents}>`); these
 * components add prop names and event types in every React from 17 on.
 * @module
 */
export { KlarnaConfig } from './config.js';
export { KlarnaExpressCheckout } from './express-checkout.js';
export { KlarnaInstantShoppingHost } from './instant-shopping.js';
export { KlarnaOsmPlacement } from './osm-placement.js';
export type { KlarnaConfigProps } from './config.js';
export type { KlarnaExpressCheckoutProps } from './express-checkout.js';
export type { KlarnaInstantShoppingHostProps } from './instant-shopping.js';
export type { KlarnaOsmPlacementProps } from './osm-placement.js';
export type { ElementComponentProps } from './create-component.js';
