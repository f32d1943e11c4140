/**
 * The events `<klarna-instant-shopping-host>` fires. All are `CustomEvent`s that bubble and cross
 * shadow roots, and all are in `HTMLElementEventMap`, so `addEventListener` knows their detail.
 * Each SDK event becomes `klarna-instant-shopping-` + its name in kebab case.
 */
import type { InstantShoppingEventData, InstantShoppingSdkEvent } from '../protocol/instant-shopping.js';

export type InstantShoppingErrorCode = 'invalid-config' | 'script-load' | 'sdk';

export interface InstantShoppingReadyDetail {
  /** Whether Klarna offers the button for this data; when false the host hides itself. */
  showButton: boolean;
}

export interface InstantShoppingErrorDetail {
  code: InstantShoppingErrorCode;
  message: string;
  /** The underlying error: the SDK's `error` object, or the script's load error. */
  cause?: unknown;
}

/** The SDK's data for the event, only ever for this host's instance. */
export type InstantShoppingEventDetail = InstantShoppingEventData;

type Kebab<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}-${Kebab<Tail>}` : S;

/** The DOM event name for an SDK event: `buy_button_clicked` → `klarna-instant-shopping-buy-button-clicked`. */
export type InstantShoppingDomEventName<E extends InstantShoppingSdkEvent = InstantShoppingSdkEvent> = `klarna-instant-shopping-${Kebab<E>}`;

export function domEventName<E extends InstantShoppingSdkEvent>(sdkEvent: E): InstantShoppingDomEventName<E> {
  return `klarna-instant-shopping-${sdkEvent.replaceAll('_', '-')}` as InstantShoppingDomEventName<E>;
}

export type InstantShoppingReadyEvent = CustomEvent<InstantShoppingReadyDetail>;
export type InstantShoppingErrorEvent = CustomEvent<InstantShoppingErrorDetail>;
export type InstantShoppingSdkDomEvent = CustomEvent<InstantShoppingEventDetail>;

declare global {
  interface HTMLElementEventMap {
    'klarna-instant-shopping-ready': InstantShoppingReadyEvent;
    'klarna-instant-shopping-error': InstantShoppingErrorEvent;
    'klarna-instant-shopping-buy-button-clicked': InstantShoppingSdkDomEvent;
    'klarna-instant-shopping-session-initiated': InstantShoppingSdkDomEvent;
    'klarna-instant-shopping-identification-updated': InstantShoppingSdkDomEvent;
    'klarna-instant-shopping-shipping-updated': InstantShoppingSdkDomEvent;
    'klarna-instant-shopping-confirmation-displayed': InstantShoppingSdkDomEvent;
  }
}
