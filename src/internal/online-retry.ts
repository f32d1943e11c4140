/**
 * Tries again, once, what failed for reasons that may pass (a blip at a CDN, a page that was
 * offline): when the host is added to the page again, or when the browser comes back online while
 * it is there. It listens for `online` only while a retry is due and the host is connected, so a
 * page of healthy elements holds no listener.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The element a retry belongs to. */
export type RetryHost = ReactiveControllerHost & { readonly isConnected: boolean };

export class OnlineRetryController implements ReactiveController {
  /** The element, for whether it is on the page (only then is `online` heard). */
  readonly #host: RetryHost;
  /** Tries again what failed. */
  readonly #retry: () => void;
  /** Where `online` is heard: the window, or a test's stand-in. */
  readonly #online: EventTarget;
  /** Something failed and has not been tried again yet. */
  #due = false;
  /** The `online` listener: one function, so that adding it twice adds it once. */
  readonly #onOnline = () => this.#fire();

  constructor(host: RetryHost, retry: () => void, online: EventTarget = globalThis) {
    this.#host = host;
    this.#retry = retry;
    this.#online = online;
    host.addController(this);
  }

  /** Something failed that may work later: it is tried again on the next connection or `online`. */
  failed(): void {
    this.#due = true;
    if (this.#host.isConnected) this.#online.addEventListener('online', this.#onOnline);
  }

  /** It worked after all, or no longer matters: nothing is tried again. */
  reset(): void {
    this.#due = false;
    this.#online.removeEventListener('online', this.#onOnline);
  }

  hostConnected(): void {
    if (this.#due) this.#fire();
  }

  hostDisconnected(): void {
    this.#online.removeEventListener('online', this.#onOnline);
  }

  /** One retry per failure: a retry that fails again asks for the next with `failed()`. */
  #fire(): void {
    this.reset();
    this.#retry();
  }
}
