/**
 * At most {@link MAX_IN_FLIGHT} requests to Klarna at once from one page, in the order that matters
 * to the shopper: the answers of placements in view, then the page's other answers, then the
 * impression beacons. A product listing page with dozens of placements must not open dozens of
 * connections, and what the visitor can see comes first.
 *
 * The order is decided here rather than left to the browser's own queue (HTTP/1.1 browsers open
 * six connections per host): a connection that comes free goes to whichever request the browser
 * holds then, and a request this queue has not handed over yet cannot take it. Measured by
 * `npm run bench` against Fetch Priority (`fetch(url, { priority })`) alone, which changes neither
 * the order of requests asked for in one task nor which request takes an idle connection.
 */

export const MAX_IN_FLIGHT = 6;

/** Which waiting request goes first: the lowest rank, asked when a place frees up. */
export const RANK_IN_VIEW = 0;
export const RANK_ANSWER = 1;
export const RANK_BEACON = 2;

interface Waiting {
  start: () => void;
  rank: () => number;
}

export class RequestLimit {
  /** Requests under way. */
  #inFlight = 0;
  /** Requests waiting for a place, oldest first. */
  readonly #waiting: Waiting[] = [];
  /** A start of waiting requests is scheduled. */
  #scheduled = false;
  /** Runs a callback after the current task (a test passes its own). */
  readonly #afterTask: (callback: () => void) => void;

  constructor(afterTask: (callback: () => void) => void = (callback) => setTimeout(callback)) {
    this.#afterTask = afterTask;
  }

  /**
   * Runs `request` when a place is free and no waiting request ranks before it. Requests asked for
   * in one task (a listing's placements coming near the viewport together, each in its own
   * observer callback) start after it, in rank order; later ones when a place frees up, ranked at
   * that moment. A request whose caller gave up meanwhile still takes its turn and ends at once: its
   * own signal is already aborted.
   */
  async run<T>(request: () => Promise<T>, rank: () => number = () => RANK_ANSWER): Promise<T> {
    await new Promise<void>((start) => {
      this.#waiting.push({ start, rank });
      if (this.#scheduled) return;
      this.#scheduled = true;
      this.#afterTask(() => {
        this.#scheduled = false;
        this.#startWaiting();
      });
    });
    try {
      return await request();
    } finally {
      this.#inFlight--;
      this.#startWaiting();
    }
  }

  #startWaiting(): void {
    while (this.#inFlight < MAX_IN_FLIGHT && this.#waiting.length) {
      const ranks = this.#waiting.map(({ rank }) => rank());
      const next = ranks.indexOf(Math.min(...ranks));
      this.#inFlight++;
      this.#waiting.splice(next, 1)[0]!.start();
    }
  }
}

/** The page's limit (per copy of the library): every request to Klarna from the page takes its turn here. */
export const pageRequests = new RequestLimit();
