/** Registers `<klarna-instant-shopping-host>`; a second copy of the library on the page leaves the first one's in place. */
import { KlarnaInstantShoppingHost } from './instant-shopping-host.component.js';

export const INSTANT_SHOPPING_HOST_TAG = 'klarna-instant-shopping-host';

// The tag is written out (not INSTANT_SHOPPING_HOST_TAG) because the manifest analyzer reads it from here.
if (typeof customElements !== 'undefined' && !customElements.get(INSTANT_SHOPPING_HOST_TAG)) {
  customElements.define('klarna-instant-shopping-host', KlarnaInstantShoppingHost);
}

declare global {
  interface HTMLElementTagNameMap {
    'klarna-instant-shopping-host': KlarnaInstantShoppingHost;
  }
}

export { KlarnaInstantShoppingHost };
