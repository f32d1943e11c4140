/**
 * `klarna-elements/react`: React components for the three elements, made with @lit/react. Each
 * property is a prop, and each event is an `on…` prop whose handler gets the typed `CustomEvent`:
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
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { KlarnaConfig as KlarnaConfigElement } from '../config/define.js';
import { KlarnaInstantShoppingHost as InstantShoppingHostElement } from '../instant-shopping/define.js';
import type { InstantShoppingErrorEvent, InstantShoppingReadyEvent, InstantShoppingSdkDomEvent } from '../instant-shopping/events.js';
import { KlarnaOsmPlacement as OsmPlacementElement } from '../osm-placement/define.js';
import type { OsmEmptyEvent, OsmErrorEvent, OsmImpressionEvent, OsmRenderEvent } from '../osm-placement/events.js';

/** `<klarna-config>`: `clientId`, `locale`, `environment`, `region`, `apiUrl` for every element inside it. */
export const KlarnaConfig = createComponent({
  react: React,
  tagName: 'klarna-config',
  elementClass: KlarnaConfigElement,
  displayName: 'KlarnaConfig',
});

/** `<klarna-osm-placement>`: On-site messaging, with `onRender`, `onEmpty`, `onError`, `onImpression`. */
export const KlarnaOsmPlacement = createComponent({
  react: React,
  tagName: 'klarna-osm-placement',
  elementClass: OsmPlacementElement,
  displayName: 'KlarnaOsmPlacement',
  events: {
    onRender: 'klarna-osm-render' as EventName<OsmRenderEvent>,
    onEmpty: 'klarna-osm-empty' as EventName<OsmEmptyEvent>,
    onError: 'klarna-osm-error' as EventName<OsmErrorEvent>,
    onImpression: 'klarna-osm-impression' as EventName<OsmImpressionEvent>,
  },
});

/**
 * `<klarna-instant-shopping-host>`: the Instant Shopping button, with `onReady`, `onError` and an
 * `on…` prop for each of the SDK's events.
 */
export const KlarnaInstantShoppingHost = createComponent({
  react: React,
  tagName: 'klarna-instant-shopping-host',
  elementClass: InstantShoppingHostElement,
  displayName: 'KlarnaInstantShoppingHost',
  events: {
    onReady: 'klarna-instant-shopping-ready' as EventName<InstantShoppingReadyEvent>,
    onError: 'klarna-instant-shopping-error' as EventName<InstantShoppingErrorEvent>,
    onBuyButtonClicked: 'klarna-instant-shopping-buy-button-clicked' as EventName<InstantShoppingSdkDomEvent>,
    onSessionInitiated: 'klarna-instant-shopping-session-initiated' as EventName<InstantShoppingSdkDomEvent>,
    onIdentificationUpdated: 'klarna-instant-shopping-identification-updated' as EventName<InstantShoppingSdkDomEvent>,
    onShippingUpdated: 'klarna-instant-shopping-shipping-updated' as EventName<InstantShoppingSdkDomEvent>,
    onConfirmationDisplayed: 'klarna-instant-shopping-confirmation-displayed' as EventName<InstantShoppingSdkDomEvent>,
  },
});
