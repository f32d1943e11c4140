/** Registers `<klarna-express-checkout>`; a second copy of the library on the page leaves the first one's in place. */
import { KlarnaExpressCheckout } from './express-checkout.component.js';

export const EXPRESS_CHECKOUT_TAG = 'klarna-express-checkout';

// The tag is written out (not EXPRESS_CHECKOUT_TAG) because the manifest analyzer reads it from here.
if (typeof customElements !== 'undefined' && !customElements.get(EXPRESS_CHECKOUT_TAG)) {
  customElements.define('klarna-express-checkout', KlarnaExpressCheckout);
}

declare global {
  interface HTMLElementTagNameMap {
    'klarna-express-checkout': KlarnaExpressCheckout;
  }
}

export { KlarnaExpressCheckout };
