/**
 * A `<script type="application/json">` child of an element, for pages without a build step: the
 * fields it holds (the Instant Shopping SDK's, an Express Checkout payment request's), read when
 * the element connects and again whenever the child or its text changes. A reactive controller, so
 * the element updates when the data does.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isRecord } from '../core/json.js';

export class JsonChildController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  /** What the object holds, for the message when it holds something else. */
  readonly #holds: string;
  #observer: MutationObserver | undefined;
  #text: string | undefined;
  /** The child's fields; empty when there is no child or it cannot be read. */
  value: Record<string, unknown> = {};
  /** Why the child could not be read, when it could not: for the host's `invalid-config` message. */
  problem: string | undefined;

  /** `holds`: what the object's fields are, e.g. `Instant Shopping SDK fields`. */
  constructor(host: ReactiveControllerHost & HTMLElement, holds: string) {
    this.#host = host;
    this.#holds = holds;
    host.addController(this);
  }

  /** Whether the element has such a child, readable or not. */
  get present(): boolean {
    return this.#text !== undefined;
  }

  hostConnected(): void {
    this.#read();
    this.#observer ??= new MutationObserver(() => {
      if (this.#read()) this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  /** Reads the child; true when its text changed. */
  #read(): boolean {
    const text = this.#host.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
    if (text === this.#text) return false;
    this.#text = text;
    this.value = {};
    this.problem = undefined;
    let parsed: unknown;
    try {
      parsed = text === undefined ? {} : JSON.parse(text);
    } catch (error) {
      this.problem = `is not valid JSON (${(error as Error).message})`;
      return true;
    }
    if (isRecord(parsed)) this.value = parsed;
    else this.problem = `must hold a JSON object of ${this.#holds}`;
    return true;
  }
}
