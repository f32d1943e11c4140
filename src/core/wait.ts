/**
 * A delay a timer can hold: whole milliseconds up to 2^31 - 1 (about 24.8 days). Browsers and Node
 * store a timer's delay in 32 bits and fire a longer one at once, so a caller's "wait a very long
 * time" must be clamped, never passed on.
 */
export function timerDelay(ms: number): number {
  return Math.min(Math.ceil(ms), 2 ** 31 - 1);
}

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts (at once if it
 * already has). For waits that a newer request or a caller's abort must cut short: settling an
 * amount, backing off before a retry.
 */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, timerDelay(ms));
    signal?.addEventListener('abort', abort, { once: true });
  });
}
