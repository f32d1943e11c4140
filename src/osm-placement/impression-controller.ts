/**
 * The impression beacon: one per rendering, fired once the rendering may count (consent given, and
 * in view unless `impression="render"`) while the element is in the page. `klarna-osm-impression`
 * means the beacon left the page, not that the page's Content-Security-Policy blocked it.
 *
 * A beacon takes its turn among the page's requests to Klarna (`core/request-limit.ts`), after the
 * answers, and its code (`core/beacon.ts`) loads with the first: a page shows its placements'
 * messages before it counts them. When that code cannot load (the network went), the beacon could
 * not have left the page either: no impression, as for a beacon the network failed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageRequests, RANK_BEACON } from '../core/request-limit.js';
import { klarnaEvent } from '../internal/klarna-element.js';

export class ImpressionController implements ReactiveController {
  /** The element whose renderings these are. */
  readonly #host: ReactiveControllerHost & HTMLElement;
  /** Whether a due beacon may fire now (consent, visibility): asked at every update of the host. */
  readonly #mayFire: () => boolean;
  /** The impression URL of the rendering on screen, until its beacon fires. */
  #due: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, mayFire: () => boolean) {
    this.#host = host;
    this.#mayFire = mayFire;
    host.addController(this);
  }

  /** A new rendering is on screen: its beacon is due (none for one without an impression URL, or for nothing shown). */
  rendered(impressionUrl: string | undefined): void {
    this.#due = impressionUrl;
    this.hostUpdated();
  }

  hostUpdated(): void {
    const url = this.#due;
    if (!url || !this.#host.isConnected || !this.#mayFire()) return;
    this.#due = undefined;
    // Until Klarna answers, the element is held weakly: a route change must not keep it for a slow beacon.
    const element = new WeakRef(this.#host);
    const fire = async () => {
      const { fireBeacon } = await import('../core/beacon.js');
      if (await fireBeacon(url)) element.deref()?.dispatchEvent(klarnaEvent('klarna-osm-impression', { url }));
    };
    // After the page's answers: a beacon counts a message already shown, an answer shows one.
    pageRequests.run(fire, () => RANK_BEACON).catch(() => undefined);
  }
}
