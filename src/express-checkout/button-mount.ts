/**
 * The one Klarna button an Express Checkout element shows, in a light-DOM container the element
 * owns (Klarna's SDK cannot see into a shadow root). Never two: a button whose look changed is
 * unmounted before the new one is mounted, a price or variant change keeps the button (its
 * `initiate` reads the purchase when the shopper clicks), a removed element unmounts its button,
 * and a moved one mounts a new one where it lands. Real integrations got this wrong in every way:
 * a new button on each variant change, two buttons after a re-render, none after a move.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KlarnaPayment, PaymentButton, PaymentButtonConfig } from '../protocol/express-checkout.js';

/** The attribute that marks the element's own container, so it finds it again after a move. */
export const BUTTON_CONTAINER_ATTRIBUTE = 'data-klarna-express-checkout-button';

type MountHost = ReactiveControllerHost & HTMLElement;

/**
 * What makes a button: the SDK's `Payment`, and the button's config without `disabled` (toggled in
 * place). A button keeps the `initiate` it was made with: give one that reads the purchase when
 * the shopper clicks, not the purchase of the moment.
 */
export interface ButtonRequest {
  payment: KlarnaPayment;
  config: Omit<PaymentButtonConfig, 'disabled'>;
  disabled: boolean;
}

export class ButtonMount implements ReactiveController {
  readonly #host: MountHost;
  /** Told each time a new button is on the page: the first, one of a new look, one after a move. */
  readonly #mounted: () => void;
  /** What the element asked to show, kept while it is away so that it shows it again when back. */
  #wanted: ButtonRequest | undefined;
  /** The button on the page, and the SDK and look it was made with. */
  #shown: { button: PaymentButton; payment: KlarnaPayment; look: string; disabled: boolean } | undefined;

  constructor(host: MountHost, mounted: () => void = () => {}) {
    this.#host = host;
    this.#mounted = mounted;
    host.addController(this);
  }

  /** How many buttons this element has on the page: 0 or 1. */
  get mounted(): number {
    return this.#shown ? 1 : 0;
  }

  /** Shows the button `request` describes: the same look keeps the button, another replaces it. */
  show(request: ButtonRequest): void {
    this.#wanted = request;
    if (!this.#host.isConnected) return;
    const look = lookOf(request.config);
    if (this.#shown?.look !== look || this.#shown.payment !== request.payment) {
      this.#unmount();
      const button = request.payment.button({ ...request.config, disabled: request.disabled });
      button.mount(this.#container());
      this.#shown = { button, payment: request.payment, look, disabled: request.disabled };
      this.#mounted();
      return;
    }
    if (this.#shown.disabled !== request.disabled) {
      this.#shown.button.toggleState('disabled', request.disabled);
      this.#shown.disabled = request.disabled;
    }
  }

  /** Shows no button (the element's configuration became invalid, say). */
  hide(): void {
    this.#wanted = undefined;
    this.#unmount();
  }

  hostConnected(): void {
    if (this.#wanted) this.show(this.#wanted);
  }

  hostDisconnected(): void {
    this.#unmount();
  }

  #unmount(): void {
    this.#shown?.button.unmount();
    this.#shown = undefined;
  }

  /** The element's own container: found again after a move, added the first time a button shows. */
  #container(): HTMLElement {
    const found = this.#host.querySelector<HTMLElement>(`:scope > [${BUTTON_CONTAINER_ATTRIBUTE}]`);
    if (found) return found;
    const container = this.#host.ownerDocument.createElement('div');
    container.setAttribute(BUTTON_CONTAINER_ATTRIBUTE, '');
    return this.#host.appendChild(container);
  }
}

/** What about a button's config needs a new button when it changes (everything but `initiate`). */
function lookOf(config: Omit<PaymentButtonConfig, 'disabled'>): string {
  const { initiate: _initiate, ...look } = config;
  return JSON.stringify(look);
}
