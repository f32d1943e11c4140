'use client';
/**
 * `klarna-elements/react/express-checkout`: `<KlarnaExpressCheckout>` alone, so an app that shows
 * only the Express Checkout button ships only that element.
 * @module
 */
import { KlarnaExpressCheckout as ExpressCheckoutElement } from '../express-checkout/define.js';
import type {
  ExpressCheckoutAbortEvent,
  ExpressCheckoutClickEvent,
  ExpressCheckoutCompleteEvent,
  ExpressCheckoutErrorEvent,
  ExpressCheckoutReadyEvent,
  ExpressCheckoutShippingAddressChangeEvent,
  ExpressCheckoutShippingOptionSelectEvent,
} from '../express-checkout/events.js';
import { createComponent, type ElementComponentProps } from './create-component.js';
import type { ElementProperty } from './element-properties.js';

interface ExpressCheckoutEventProps {
  onReady: ExpressCheckoutReadyEvent;
  onClick: ExpressCheckoutClickEvent;
  onComplete: ExpressCheckoutCompleteEvent;
  onAbort: ExpressCheckoutAbortEvent;
  onError: ExpressCheckoutErrorEvent;
  onShippingAddressChange: ExpressCheckoutShippingAddressChangeEvent;
  onShippingOptionSelect: ExpressCheckoutShippingOptionSelectEvent;
}

/** The props of `<KlarnaExpressCheckout>`. */
export type KlarnaExpressCheckoutProps = ElementComponentProps<
  ExpressCheckoutElement,
  ElementProperty<ExpressCheckoutElement>,
  ExpressCheckoutEventProps
>;

/**
 * `<klarna-express-checkout>`: Klarna's Express Checkout button, with `onReady`, `onClick`,
 * `onComplete`, `onAbort`, `onError`, and the shipping questions `onShippingAddressChange` /
 * `onShippingOptionSelect` (answer with `event.detail.respondWith`). `onClick` is the element's
 * cancelable `klarna-express-checkout-click` (`event.preventDefault()` stops the payment), not the
 * DOM's `click`, which a shopper's click inside Klarna's button also is.
 */
export const KlarnaExpressCheckout = createComponent<ExpressCheckoutElement, ExpressCheckoutEventProps>({
  tagName: 'klarna-express-checkout',
  elementClass: ExpressCheckoutElement,
  displayName: 'KlarnaExpressCheckout',
  addsChildren: true,
  events: {
    onReady: 'klarna-express-checkout-ready',
    onClick: 'klarna-express-checkout-click',
    onComplete: 'klarna-express-checkout-complete',
    onAbort: 'klarna-express-checkout-abort',
    onError: 'klarna-express-checkout-error',
    onShippingAddressChange: 'klarna-express-checkout-shipping-address-change',
    onShippingOptionSelect: 'klarna-express-checkout-shipping-option-select',
  },
});
