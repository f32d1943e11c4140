/**
 * What every klarna-elements element shares: typed events (`emit` takes its detail type from
 * `HTMLElementEventMap`, so a wrong detail does not compile) and console messages that name the
 * element.
 */
import { LitElement } from 'lit';

/** The detail type of a `CustomEvent` in `HTMLElementEventMap`. */
export type EventDetail<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Outside the class so that the manifest analyzer, which lists `dispatchEvent(new CustomEvent(…))`
 * calls as events, does not list a generic one; each element documents its events with `@fires`.
 */
function klarnaEvent<K extends keyof HTMLElementEventMap>(name: K, detail: EventDetail<K>): CustomEvent<EventDetail<K>> {
  return new CustomEvent(name, { bubbles: true, composed: true, detail });
}

export abstract class KlarnaElement extends LitElement {
  /** Dispatches a bubbling, composed `CustomEvent`; returns false if a listener cancelled it. */
  protected emit<K extends keyof HTMLElementEventMap>(name: K, detail: EventDetail<K>): boolean {
    return this.dispatchEvent(klarnaEvent(name, detail));
  }

  /** Writes to the console with the element's tag, so a merchant sees which element needs what. */
  protected log(level: 'error' | 'warn', message: string): void {
    console[level](`<${this.localName}>: ${message}`);
  }
}
