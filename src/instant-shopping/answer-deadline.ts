/**
 * How long a host waits for Klarna's answer to a `load` or `update`. The SDK calls back once
 * Klarna has answered; when Klarna's requests are blocked (a browser extension, a network filter,
 * the page's CSP) it never does, and a host that waited for ever would stay `loading`, keeping its
 * space, with nothing said. Past the deadline the host says so; the answer may still come, and is
 * then shown as any answer is.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timerDelay } from '../core/wait.js';
import type { SdkMethod } from './sdk-instances.js';

/**
 * The time Klarna has to answer, in milliseconds: far past a slow mobile network's round trip to
 * Klarna, short of a page's life. One setting for the page (a test shortens it); each wait reads it
 * as it starts.
 */
export const SDK_ANSWER_TIMEOUT = { ms: 15_000 };

/** Runs `callback` after `ms` and returns what cancels it: a timer, or a test's clock. */
export type Timer = (callback: () => void, ms: number) => () => void;

const browserTimer: Timer = (callback, ms) => {
  const timer = setTimeout(callback, timerDelay(ms));
  return () => clearTimeout(timer);
};

export class AnswerDeadlineController implements ReactiveController {
  /** Told when an answer is late: which call, after how long. */
  readonly #late: (method: SdkMethod, ms: number) => void;
  /** How the deadline is kept: a timer, or a test's clock. */
  readonly #timer: Timer;
  /** Cancels the deadline under way, while an answer is awaited. */
  #cancel: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    late: (method: SdkMethod, ms: number) => void,
    timer: Timer = browserTimer,
  ) {
    this.#late = late;
    this.#timer = timer;
    host.addController(this);
  }

  /** Waits afresh for the answer to `method` (a call went out, or the host now shows one that is out); none: waits for nothing. */
  waitFor(method: SdkMethod | undefined): void {
    this.stop();
    if (method === undefined) return;
    const { ms } = SDK_ANSWER_TIMEOUT;
    this.#cancel = this.#timer(() => {
      this.#cancel = undefined;
      this.#late(method, ms);
    }, ms);
  }

  /** Nothing is awaited any more: the answer came, or the call threw. */
  stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }

  hostDisconnected(): void {
    // A host off the page says nothing; added back, it waits afresh for a call still out (see `waitFor`).
    this.stop();
  }
}
