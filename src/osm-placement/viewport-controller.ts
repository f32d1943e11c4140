/**
 * Where the placement is with respect to the viewport: in view (for the impression, and for its
 * request to go first), and whether it has come near (for `loading="lazy"`). Each change updates
 * the host, as `@lit-labs/observers`' `IntersectionController` does.
 *
 * One `IntersectionObserver` per element and margin, not one shared by every element: the browser
 * computes intersections per observed element either way, and disconnecting it when the element
 * leaves lets Chromium, which keeps an observer's first element alive for the observer's life,
 * drop it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How far outside the viewport a lazy placement starts to load, as for lazy images. */
export const NEAR_MARGIN = '300px';

export class ViewportController implements ReactiveController {
  /** At least partly inside the viewport now (false while disconnected). */
  inView = false;
  /** Has come within {@link NEAR_MARGIN} of the viewport since it was created; stays true. */
  near = false;
  /** The element observed and updated. */
  readonly #host: ReactiveControllerHost & Element;
  /** The observers while connected. */
  #observers: IntersectionObserver[] = [];

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observers = [
      this.#observe(undefined, (inView) => {
        this.inView = inView;
      }),
      this.#observe(NEAR_MARGIN, (near) => {
        this.near ||= near;
      }),
    ];
  }

  hostDisconnected(): void {
    for (const observer of this.#observers) observer.disconnect();
    this.inView = false;
  }

  /** Tells `record` whether the host intersects the viewport grown by `rootMargin`, at once and on every change. */
  #observe(rootMargin: string | undefined, record: (intersecting: boolean) => void): IntersectionObserver {
    const observer = new IntersectionObserver((entries) => {
      record(entries.at(-1)!.isIntersecting);
      this.#host.requestUpdate();
    }, { rootMargin });
    observer.observe(this.#host);
    return observer;
  }
}
