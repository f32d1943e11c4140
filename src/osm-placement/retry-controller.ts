/**
 * Asking again after a failure that may pass (the network, a timeout, a 5xx): after 1, 2, 4, 8 and
 * 16 seconds, then only when the browser says it is back online; while the browser knows it is
 * offline, only then. A removed host stops (its timer and listener are released, so nothing keeps
 * it alive) and carries on from the next step when it is added back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The waits before each retry, in ms; after the last, only the `online` event retries. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000, 8000, 16000];

/** The clock the controller waits on: the page's timers, or a test's own. */
export interface RetryClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/** The element retrying: only one in the page schedules anything. */
export interface RetryHost extends ReactiveControllerHost {
  readonly isConnected: boolean;
}

export class RetryController implements ReactiveController {
  /** The element retrying. */
  readonly #host: RetryHost;
  /** What a retry does (the host's task runs again). */
  readonly #retry: () => void;
  /** Where the waits are timed. */
  readonly #clock: RetryClock;
  /** Retries made since the last success: the next one waits `RETRY_DELAYS_MS[attempts]`. */
  #attempts = 0;
  /** A failure that may pass stands: retries are due while the host is connected. */
  #failing = false;
  /** Cancels the retry scheduled now (its timer and its `online` listener); none while nothing is scheduled. */
  #cancel: (() => void) | undefined;

  constructor(host: RetryHost, retry: () => void, clock: RetryClock = globalThis) {
    this.#host = host;
    this.#retry = retry;
    this.#clock = clock;
    host.addController(this);
  }

  /** A failure that may pass: schedules the next retry while the host is in the page (else when it is back). */
  failed(): void {
    this.#failing = true;
    if (this.#host.isConnected) this.#schedule();
  }

  /** Nothing to retry any more (an answer, a new request, a failure that will not pass): forgets the attempts made. */
  reset(): void {
    this.#failing = false;
    this.#attempts = 0;
    this.#unschedule();
  }

  hostConnected(): void {
    // Back in the page while a failure stands: retry as after a new failure.
    if (this.#failing) this.#schedule();
  }

  hostDisconnected(): void {
    this.#unschedule();
  }

  #schedule(): void {
    this.#unschedule();
    const clock = this.#clock;
    const retry = () => {
      this.#unschedule();
      this.#retry();
    };
    const delay = RETRY_DELAYS_MS[this.#attempts];
    let timer: unknown;
    if (navigator.onLine && delay !== undefined) {
      this.#attempts++;
      timer = clock.setTimeout(retry, delay);
    }
    addEventListener('online', retry);
    this.#cancel = () => {
      clock.clearTimeout(timer);
      removeEventListener('online', retry);
    };
  }

  #unschedule(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }
}
