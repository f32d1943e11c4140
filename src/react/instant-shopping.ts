'use client';
/**
 * `klarna-elements/react/instant-shopping`: `<KlarnaInstantShoppingHost>` alone, so an app that
 * shows only the button ships only that element. Made with @lit/react.
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { KlarnaInstantShoppingHost as InstantShoppingHostElement } from '../instant-shopping/define.js';
import type { InstantShoppingErrorEvent, InstantShoppingReadyEvent, InstantShoppingSdkDomEvent } from '../instant-shopping/events.js';

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
