/**
 * The emulated payment button: `<klarna-emulated-payment-button>` (never a real Klarna tag name),
 * appended to the container `mount` is given, its label and look from the button's config.
 */
import type { ButtonIntent, PaymentButtonConfig } from '../../protocol/express-checkout.js';
import { element } from '../stand-in-dom.js';

export const BUTTON_TAG = 'klarna-emulated-payment-button';

const LABELS: Record<ButtonIntent, string> = {
  PAY: 'Pay with Klarna',
  SUBSCRIBE: 'Subscribe with Klarna',
  SIGNUP: 'Sign up with Klarna',
  SIGNIN: 'Sign in with Klarna',
  DONATE: 'Donate with Klarna',
};

/** Background, text and border colour of each theme. */
const THEMES: Record<string, [string, string, string]> = {
  default: ['#ffb3c7', '#0b051d', '#ffb3c7'],
  light: ['#ffffff', '#0b051d', '#ffffff'],
  dark: ['#0b051d', '#ffffff', '#0b051d'],
  outlined: ['#ffffff', '#0b051d', '#0b051d'],
};

const RADII: Record<string, string> = { default: '8px', pill: '999px', rect: '0' };

function css(config: PaymentButtonConfig): string {
  const [background, color, border] = THEMES[config.theme ?? 'default'] ?? THEMES.default!;
  const radius = RADII[config.shape ?? 'default'] ?? RADII.default!;
  return `
    :host { display: block; }
    button {
      all: unset;
      box-sizing: border-box;
      display: flex;
      align-items: center;
      justify-content: center;
      width: 100%;
      min-height: 48px;
      padding: 0 1.25em;
      border-radius: ${radius};
      border: 1px solid ${border};
      background: ${background};
      color: ${color};
      font: 600 16px/1 system-ui, sans-serif;
      cursor: pointer;
    }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible { outline: 3px solid #0b051d; outline-offset: 2px; }
    small { display: block; margin-top: 0.35em; font: 12px system-ui, sans-serif; opacity: 0.75; text-align: center; }
  `;
}

/** The button's element, not yet mounted; `onClick` runs on the shopper's click while it is enabled. */
export function buttonElement(doc: Document, config: PaymentButtonConfig, onClick: () => void): HTMLElement {
  const host = doc.createElement(BUTTON_TAG);
  if (config.id) host.id = config.id;
  // The look as attributes too, so that a test or a person in devtools sees which button this is.
  host.dataset.theme = config.theme ?? 'default';
  host.dataset.shape = config.shape ?? 'default';
  const intent = config.intents?.[0] ?? 'PAY';
  const button = element(doc, 'button', { type: 'button', part: 'button', onclick: onClick }, LABELS[intent] ?? LABELS.PAY);
  host.attachShadow({ mode: 'open' }).append(
    element(doc, 'style', {}, css(config)),
    button,
    element(doc, 'small', {}, 'Emulated by klarna-elements: no real purchase'),
  );
  setButtonState(host, 'disabled', Boolean(config.disabled));
  setButtonState(host, 'loading', Boolean(config.loading));
  return host;
}

/** Disables the button while it is disabled or loading; `data-loading` says which. */
export function setButtonState(host: HTMLElement, state: 'disabled' | 'loading', value: boolean): void {
  host.toggleAttribute(`data-${state}`, value);
  const button = host.shadowRoot!.querySelector('button')!;
  button.disabled = host.hasAttribute('data-disabled') || host.hasAttribute('data-loading');
}
