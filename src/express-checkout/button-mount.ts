/**
 * The one Klarna button an Express Checkout element shows, in a light-DOM container the element
 * owns (Klarna's SDK cannot see into a shadow root). Never two: a button whose look changed is
 * unmounted before the new one is mounted, a price or variant change keeps the button (its
 * `initiate` reads the purchase when the shopper clicks), a moved element keeps its button (the
 * container moves with it, and a purchase under way goes on), and an element still off the page a
 * task after it left (removed, not moved) unmounts it. Real integrations got this wrong in every
 * way: a new button on each variant change, two buttons after a re-render, none after a move.
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

/** What the element hears from its button. */
export interface MountOutlet {
  /** A new button is on the page: the first, or one of a new look. */
  mounted(): void;
  /** Klarna's SDK threw making, mounting or changing the button: no button shows. */
  failed(error: unknown): void;
}

/** Runs `callback` a task later: a timer, or a test's clock. */
export type Later = (callback: () => void) => void;

export class ButtonMount implements ReactiveController {
  readonly #host: MountHost;
  readonly #outlet: MountOutlet;
  readonly #later: Later;
  /** What the element asked to show, kept while it is away so that it shows it again when back. */
  #wanted: ButtonRequest | undefined;
  /** The button on the page, and the SDK and look it was made with. */
  #shown: { button: PaymentButton; payment: KlarnaPayment; look: string; disabled: boolean } | undefined;

  constructor(host: MountHost, outlet: MountOutlet, later: Later = (callback) => setTimeout(callback)) {
    this.#host = host;
    this.#outlet = outlet;
    this.#later = later;
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
    try {
      this.#showNow(request);
    } catch (error) {
      // The SDK's own failure: no half-made button stays, and the element says why.
      this.#unmount();
      this.#wanted = undefined;
      this.#outlet.failed(error);
    }
  }

  /** Shows no button (the element's configuration became invalid, say). */
  hide(): void {
    this.#wanted = undefined;
    this.#unmount();
  }

  hostConnected(): void {
    // Moved: the button came along in its container. Added again after it left: a new one.
    if (this.#wanted && !this.#shown) this.show(this.#wanted);
  }

  hostDisconnected(): void {
    // A move (or a framework's re-render) is back within the task; only an element that stays away loses its button.
    this.#later(() => {
      if (!this.#host.isConnected) this.#unmount();
    });
  }

  #showNow(request: ButtonRequest): void {
    const look = lookOf(request.config);
    if (this.#shown?.look !== look || this.#shown.payment !== request.payment) {
      this.#unmount();
      const button = request.payment.button({ ...request.config, disabled: request.disabled });
      button.mount(this.#container());
      this.#shown = { button, payment: request.payment, look, disabled: request.disabled };
      this.#outlet.mounted();
      return;
    }
    if (this.#shown.disabled !== request.disabled) {
      this.#shown.button.toggleState('disabled', request.disabled);
      this.#shown.disabled = request.disabled;
    }
  }

  #unmount(): void {
    const shown = this.#shown;
    this.#shown = undefined;
    try {
      shown?.button.unmount();
    } catch {
      // The SDK's button is gone either way; its container is ours and stays for the next one.
    }
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
