/**
 * What every klarna-elements element shares: typed events (`emit` takes its detail type from
 * `HTMLElementEventMap`, so a wrong detail does not compile) and console messages that name the
 * element.
 */
import { LitElement } from 'lit';
import { property } from './property.js';

/** The detail type of a `CustomEvent` in `HTMLElementEventMap`. */
export type EventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * A bubbling, composed `CustomEvent` with its typed detail. Outside the class so that the manifest
 * analyzer, which lists `dispatchEvent(new CustomEvent(…))` calls as events, does not list a
 * generic one; each element documents its events with `@fires`. `cancelable` for an event whose
 * default a listener may prevent (a link's).
 */
export function klarnaEvent<K extends keyof HTMLElementEventMap>(
  name: K,
  detail: EventDetail<K>,
  cancelable = false,
): CustomEvent<EventDetail<K>> {
  return new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail });
}

export abstract class KlarnaElement extends LitElement {
  /**
   * While present, the element waits (no request, no event, no error) for properties still to come:
   * lit's convention for server-rendered elements. The React components render it when they have
   * properties to set after hydration, and remove it once they are set.
   */
  @property({ type: Boolean, attribute: 'defer-hydration' }) deferHydration?: boolean;

  protected override shouldUpdate(): boolean {
    return !this.deferHydration;
  }

  #states: CustomStateSet | undefined;

  /**
   * Shows `state` to the page's CSS as `:state(…)`. A custom state, not an attribute: the element
   * changes nothing in the markup a framework rendered, which it may still be hydrating.
   */
  protected showState(state: string): void {
    try {
      const states = (this.#states ??= this.attachInternals().states);
      states.clear();
      states.add(state);
    } catch {
      // Older browsers: no ElementInternals (Safari before 16.4), no custom states (before 2024), or
      // only `--dashed` names (Chrome 90 to 124), whose CSS knows no `:state()`: no state there.
    }
  }

  /** Dispatches a bubbling, composed `CustomEvent`; returns false if a listener cancelled it. */
  protected emit<K extends keyof HTMLElementEventMap>(name: K, detail: EventDetail<K>): boolean {
    return this.dispatchEvent(klarnaEvent(name, detail));
  }

  /** Writes to the console with the element's tag, so a merchant sees which element needs what. */
  protected log(level: 'error' | 'warn', message: string): void {
    console[level](`<${this.localName}>: ${message}`);
  }
}
