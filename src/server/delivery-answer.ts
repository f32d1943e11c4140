/**
 * What the two receivers of Klarna's deliveries (the `place_order` callback, the Express Checkout
 * webhook) share in answering them: a JSON `Response`, a tunable read with its default, and the
 * merchant's `onError` made safe to call.
 */

/** A JSON answer to a delivery. */
export function jsonAnswer(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A tunable as given when it is a positive number; else (absent, or a mistake) its default. */
export function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}

/**
 * The merchant's own `onError`, made safe to call anywhere: absent or not a function (a value from
 * a polluted prototype, a mistake), nothing; a logger that throws changes no answer (a throw from
 * inside a fallback would leave the consumer waiting).
 */
export function safeReporter<Stage extends string>(given: unknown): (error: unknown, stage: Stage) => void {
  const onError = typeof given === 'function' ? (given as (error: unknown, stage: Stage) => void) : undefined;
  return (error, stage) => {
    try {
      onError?.(error, stage);
    } catch {
      // The merchant's logger failed; the delivery is answered all the same.
    }
  };
}
