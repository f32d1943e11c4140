/** Registers `<klarna-config>`; a second copy of the library on the page leaves the first one's in place. */
import { KlarnaConfig } from './klarna-config.component.js';

export const KLARNA_CONFIG_TAG = 'klarna-config';

// The tag is written out because the manifest analyzer reads it from here.
if (typeof customElements !== 'undefined' && !customElements.get(KLARNA_CONFIG_TAG)) {
  customElements.define('klarna-config', KlarnaConfig);
}

declare global {
  interface HTMLElementTagNameMap {
    'klarna-config': KlarnaConfig;
  }
}

export { KlarnaConfig };
