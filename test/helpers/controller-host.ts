/**
 * A stand-in for a lit element, to drive one controller by hand: a real element (so it can be in
 * the page, be observed, dispatch events) that keeps its controllers, calls their connection hooks
 * as the page adds and removes it, and calls `hostUpdated` only when the test says it updated.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ControllerHost extends HTMLElement implements ReactiveControllerHost {
  readonly controllers = new Set<ReactiveController>();
  /** How many times a controller asked for an update. */
  updatesRequested = 0;
  readonly updateComplete = Promise.resolve(true);

  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }

  requestUpdate(): void {
    this.updatesRequested++;
  }

  /** What an element's update does for its controllers, after it rendered. */
  updated(): void {
    for (const controller of this.controllers) controller.hostUpdated?.();
  }

  connectedCallback(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

customElements.define('controller-test-host', ControllerHost);
