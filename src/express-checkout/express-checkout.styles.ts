import { unsafeCSS } from 'lit';

/**
 * The element is a plain block around Klarna's button. It keeps the space the button will take
 * while the SDK starts (`--klarna-express-checkout-min-height`), and hides itself while something
 * is wrong, so that no button sells what the page no longer shows. `:state()` sits inside `:is()`:
 * a browser that knows no custom states drops only that part. A constant, as `unsafeCSS` takes it.
 */
export const expressCheckoutStyles = unsafeCSS(`
:host {
  display: block;
  min-height: var(--klarna-express-checkout-min-height, 0px);
}

:host([hidden]),
:host(:is(:state(error))) {
  display: none;
}
`);
