/**
 * At most {@link MAX_IN_FLIGHT} requests at once from one page, the urgent ones first: a product
 * listing page with dozens of placements must not open dozens of connections, and those the visitor
 * can see come before those only near the viewport. HTTP/1.1 browsers allow 6 connections per host;
 * going past it only queues in the browser, where a placement in view cannot go first.
 */

export const MAX_IN_FLIGHT = 6;

let inFlight = 0;
/** Each waiting request: what starts it, and whether it is urgent. */
const queue: [start: () => void, urgent?: () => boolean][] = [];

/**
 * Runs `request` once fewer than {@link MAX_IN_FLIGHT} run; while others wait, the first whose
 * `urgent()` says so goes next (asked when a place frees up, so it is true at that moment), else
 * the oldest. A request whose caller gave up meanwhile still takes its turn and ends at once: its
 * own signal is already aborted.
 */
export async function limitRequests<T>(request: () => Promise<T>, urgent?: () => boolean): Promise<T> {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((start) => queue.push([start, urgent]));
  inFlight++;
  try {
    return await request();
  } finally {
    inFlight--;
    const next = queue.findIndex(([, isUrgent]) => isUrgent?.());
    queue.splice(Math.max(next, 0), 1)[0]?.[0]();
  }
}
