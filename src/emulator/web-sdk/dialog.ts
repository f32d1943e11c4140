/**
 * The emulated Klarna dialog: an overlay the shopper can see (the demo) and a test can click, with
 * the steps of Klarna's one-step flow. Its controls carry `data-action` (`pay`, `cancel`) and each
 * shipping option a radio whose value is its reference. The flow itself is in `flow.ts`; this
 * module only draws and reports the shopper's choices.
 */
import type { ExpressShippingOption } from '../../protocol/express-checkout.js';
import { element } from '../stand-in-dom.js';

export const DIALOG_TAG = 'klarna-emulated-payment-dialog';

const CSS = `
  :host {
    position: fixed;
    inset: 0;
    z-index: 2147483647;
    display: grid;
    place-items: center;
    background: rgb(11 5 29 / 0.45);
  }
  section {
    box-sizing: border-box;
    width: min(420px, 92vw);
    padding: 24px;
    border-radius: 12px;
    background: #fff;
    color: #0b051d;
    font: 15px/1.4 system-ui, sans-serif;
    box-shadow: 0 8px 40px rgb(0 0 0 / 0.3);
  }
  h2 { margin: 0 0 12px; font-size: 18px; }
  label { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
  p[data-status] { min-height: 1.4em; color: #6b1d3a; }
  menu { display: flex; gap: 8px; justify-content: flex-end; margin: 16px 0 0; padding: 0; }
  button { font: inherit; padding: 8px 16px; }
`;

export interface DialogChoices {
  /** The shopper picked another shipping option. */
  optionChosen(reference: string): void;
  pay(): void;
  cancel(): void;
}

export class EmulatedDialog {
  readonly #host: HTMLElement;
  readonly #amount: HTMLElement;
  readonly #shipping: HTMLElement;
  readonly #status: HTMLElement;
  readonly #payButton: HTMLButtonElement;

  constructor(doc: Document, currency: string, choices: DialogChoices) {
    this.#host = doc.createElement(DIALOG_TAG);
    this.#amount = element(doc, 'p', { 'data-amount': true });
    this.#shipping = element(doc, 'fieldset', { 'data-shipping': true, hidden: true });
    this.#status = element(doc, 'p', { 'data-status': true, role: 'status' });
    this.#payButton = element(doc, 'button', { type: 'button', 'data-action': 'pay', onclick: () => choices.pay() }, 'Pay') as HTMLButtonElement;
    this.#shipping.addEventListener('change', (event) => choices.optionChosen((event.target as HTMLInputElement).value));
    this.#host.attachShadow({ mode: 'open' }).append(
      element(doc, 'style', {}, CSS),
      element(
        doc,
        'section',
        { role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Klarna (emulated)' },
        element(doc, 'h2', {}, 'Klarna (emulated)'),
        this.#amount,
        this.#shipping,
        this.#status,
        element(doc, 'menu', {}, element(doc, 'button', { type: 'button', 'data-action': 'cancel', onclick: () => choices.cancel() }, 'Cancel'), this.#payButton),
      ),
    );
    this.#host.dataset.currency = currency;
    doc.body.append(this.#host);
  }

  showAmount(amount: number | undefined): void {
    this.#amount.textContent = amount === undefined ? '' : `Total: ${(amount / 100).toFixed(2)} ${this.#host.dataset.currency}`;
  }

  showOptions(options: readonly ExpressShippingOption[], selected: string): void {
    const doc = this.#host.ownerDocument;
    const radios = options.map((option) => element(
      doc,
      'label',
      {},
      element(doc, 'input', { type: 'radio', name: 'shipping', value: option.shippingOptionReference, checked: option.shippingOptionReference === selected }),
      `${option.displayName} (${(option.amount / 100).toFixed(2)})`,
    ));
    this.#shipping.replaceChildren(element(doc, 'legend', {}, 'Shipping'), ...radios);
    this.#shipping.hidden = false;
  }

  /** What stops the purchase for now (a refused address or option), or nothing; Pay waits while it is said. */
  showProblem(problem: string | undefined): void {
    this.#status.textContent = problem ?? '';
    this.#payButton.disabled = problem !== undefined;
  }

  close(): void {
    this.#host.remove();
  }
}
