'use client';
/**
 * `klarna-elements/react/instant-shopping`: `<KlarnaInstantShoppingHost>` alone, so an app that
 * shows only the button ships only that element.
 * @module
 */
import { KlarnaInstantShoppingHost as InstantShoppingHostElement } from '../instant-shopping/define.js';
import type { InstantShoppingErrorEvent, InstantShoppingReadyEvent, InstantShoppingSdkDomEvent } from '../instant-shopping/events.js';
import { createComponent, type ElementComponentProps } from './create-component.js';
import type { ElementProperty } from './element-properties.js';


interface InstantShoppingEventProps {
  onReady: InstantShoppingReadyEvent;
  onError: InstantShoppingErrorEvent;
  onBuyButtonClicked: InstantShoppingSdkDomEvent;
  onSessionInitiated: InstantShoppingSdkDomEvent;
  onIdentificationUpdated: InstantShoppingSdkDomEvent;
  onShippingUpdated: InstantShoppingSdkDomEvent;
  onConfirmationDisplayed: InstantShoppingSdkDomEvent;
}

/** The props of `<KlarnaInstantShoppingHost>`. */
export type KlarnaInstantShoppingHostProps = ElementComponentProps<
  InstantShoppingHostElement,
  ElementProperty<InstantShoppingHostElement>,
  InstantShoppingEventProps
>;

/**
 * `<klarna-instant-shopping-host>`: the Instant Shopping button, with `onReady`, `onError` and an
 * `on…` prop for each of the SDK's events.
 */
export const KlarnaInstantShoppingHost = createComponent<InstantShoppingHostElement, InstantShoppingEventProps>({
  tagName: 'klarna-instant-shopping-host',
  elementClass: InstantShoppingHostElement,
  displayName: 'KlarnaInstantShoppingHost',
  addsChildren: true,
  events: {
    onReady: 'klarna-instant-shopping-ready',
    onError: 'klarna-instant-shopping-error',
    onBuyButtonClicked: 'klarna-instant-shopping-buy-button-clicked',
    onSessionInitiated: 'klarna-instant-shopping-session-initiated',
    onIdentificationUpdated: 'klarna-instant-shopping-identification-updated',
    onShippingUpdated: 'klarna-instant-shopping-shipping-updated',
    onConfirmationDisplayed: 'klarna-instant-shopping-confirmation-displayed',
  },
});
