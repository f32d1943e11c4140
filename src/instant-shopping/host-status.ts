/**
 * What `<klarna-instant-shopping-host>` shows the page, as one value with one writer: its state
 * (`state`, `:state(…)`, `showButton`), Klarna's last answer, and the error that stands. Every
 * change is a transition below, named after what happened; the page sees the state, and each new
 * error in the console and as an event, after the update that follows.
 *
 * An error stands over what the host would show without it, which shows again once the error's
 * cause is gone: the data is fixed, the script loads, Klarna answers without an `error`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeSdkError, type InstantShoppingResponse } from '../protocol/instant-shopping.js';
import type { InstantShoppingErrorCode, InstantShoppingErrorDetail } from './events.js';
import { describeThrown, ownField } from './page-data.js';
import type { SdkMethod } from './sdk-instances.js';

export type InstantShoppingState = 'idle' | 'loading' | 'ready' | 'hidden' | 'error';

/** What the host shows while no error stands: no answer yet (waiting for one, or not), or Klarna's answer. */
export type AnswerView =
  | { state: 'idle' | 'loading' }
  | { state: 'ready' | 'hidden'; response: InstantShoppingResponse };

/** The host's view: an answer view, or an error standing over one. */
export type HostView = AnswerView | { state: 'error'; error: InstantShoppingErrorDetail; over: AnswerView };

/** Where the page sees the view: the host's custom state, and its error announcements. */
export interface StatusOutlet {
  /** Shows `state` to the page's CSS as `:state(…)`. */
  showState(state: InstantShoppingState): void;
  /** Tells the page of an error that now stands: once for as long as it stands. */
  announce(error: InstantShoppingErrorDetail): void;
}

/** Runs `callback` a task later and returns what cancels it: a timer, or a test's clock. */
export type Later = (callback: () => void) => () => void;

/** The element a status belongs to. */
export type StatusHost = ReactiveControllerHost & { readonly isConnected: boolean };

const nextTask: Later = (callback) => {
  const timer = setTimeout(callback);
  return () => clearTimeout(timer);
};

export class HostStatusController implements ReactiveController {
  /** The element: asked to update when the view changes; invalid data is reported only while it is on the page. */
  readonly #host: StatusHost;
  /** Where the page sees the view. */
  readonly #outlet: StatusOutlet;
  /** How "a task later" is scheduled, for the data's problem. */
  readonly #later: Later;
  /** The view, written by `#write` alone. */
  #view: HostView = { state: 'idle' };
  /** The error last announced: an error is announced once while it stands. */
  #announced: InstantShoppingErrorDetail | undefined;
  /** The data's problem as of the host's last update, if it has one. */
  #problem: string | undefined;
  /** Cancels the check a task later that shows `#problem`, while one is scheduled. */
  #cancelCheck: (() => void) | undefined;

  constructor(host: StatusHost, outlet: StatusOutlet, later: Later = nextTask) {
    this.#host = host;
    this.#outlet = outlet;
    this.#later = later;
    host.addController(this);
  }

  /** What the page sees now. */
  get view(): HostView {
    return this.#view;
  }

  /** The error that stands, if one does. */
  get error(): InstantShoppingErrorDetail | undefined {
    const view = this.#view;
    return view.state === 'error' ? view.error : undefined;
  }

  // ── transitions ─────────────────────────────────────────────────────────────────────────────
  /** Whether the host waits for an answer it does not have (given something, consented, on the page). */
  waiting(waiting: boolean): void {
    const shown = this.#shown;
    if (shown.state !== 'idle' && shown.state !== 'loading') return;
    const state = waiting ? 'loading' : 'idle';
    if (shown.state !== state) this.#write({ state }, this.error);
  }

  /** The host shows an instance (another one, or the same one again): its last answer, or none yet. */
  attached(response: InstantShoppingResponse | undefined): void {
    const shown = this.#shown;
    const seen = shown.state === 'ready' || shown.state === 'hidden' ? shown.response : undefined;
    if (response && response !== seen) {
      // An answer this host has not shown: another instance's, or one that came while the host was
      // away (after it had said Klarna did not answer in time). It is an answer as any other.
      this.answered(response);
    } else if (!response && seen) {
      // A host with an answer was waiting for one, and now waits for this instance's.
      this.#write({ state: 'loading' }, this.error);
    }
  }

  /** Klarna answered a `load` or `update`; a refusal (an `error` in the answer) stands until an answer without one. */
  answered(response: InstantShoppingResponse): void {
    // Its own `error` only: one a page's script put on Object.prototype is no refusal.
    const error = ownField(response, 'error');
    if (error === undefined) {
      this.#write(answerView(response), this.#without('sdk'));
      return;
    }
    const message = `Klarna did not show the button: ${sdkErrorText(error)}`;
    this.#write(answerView(response), { code: 'sdk', message, cause: error });
  }

  /** The SDK threw instead of answering; the error stands until an answer without one. */
  sdkThrew(method: SdkMethod, error: unknown): void {
    const message = `Klarna.InstantShopping.${method} threw: ${describeThrown(error)}`;
    this.#write(this.#shown, { code: 'sdk', message, cause: error });
  }

  /**
   * Klarna's answer to a `load` or `update` has not come in `ms` (its requests blocked, say): the
   * host stops holding space for a button that may never come. The error stands until an answer,
   * which the host still shows if it comes.
   */
  unanswered(method: SdkMethod, ms: number): void {
    const message = `Klarna.InstantShopping.${method} did not answer within ${ms} ms: Klarna's requests may be blocked `
      + '(a browser extension, a network filter, the page\'s Content-Security-Policy). The button shows if the answer still comes.';
    this.#write(this.#shown, { code: 'sdk', message });
  }

  /** Klarna's script did not load; the error stands until it is tried again or loads. */
  scriptFailed(error: unknown): void {
    const retried = 'It is tried again when the browser comes back online, or when the element is added again.';
    this.#write(this.#shown, { code: 'script-load', message: `${(error as Error).message} ${retried}`, cause: error });
  }

  /** What caused errors of `code` is gone (the script is tried again, or loaded): such an error no longer stands. */
  clear(code: InstantShoppingErrorCode): void {
    this.#write(this.#shown, this.#without(code));
  }

  /**
   * The data's problem as of the host's update, or none. A problem shows as `invalid-config` a
   * task later, if the data still has one then (frameworks may set the fields one at a time), and
   * once: the same problem is not checked again while it shows. None clears that error at once.
   */
  configProblem(problem: string | undefined): void {
    this.#problem = problem;
    if (problem === undefined) {
      this.#cancel();
      this.clear('invalid-config');
      return;
    }
    const error = this.error;
    const shows = error?.code === 'invalid-config' && error.message === problem;
    if (shows || this.#cancelCheck || !this.#host.isConnected) return;
    this.#cancelCheck = this.#later(() => {
      this.#cancelCheck = undefined;
      const standing = this.#problem;
      if (standing !== undefined) this.#write(this.#shown, { code: 'invalid-config', message: standing });
    });
  }

  // ── the host's lifecycle ────────────────────────────────────────────────────────────────────
  hostUpdated(): void {
    this.#outlet.showState(this.#view.state);
    const error = this.error;
    const announced = this.#announced;
    // The same code and message again (Klarna refusing new data for the same reason) is the same error.
    if (error && announced && error.code === announced.code && error.message === announced.message) return;
    this.#announced = error;
    if (error) this.#outlet.announce(error);
  }

  hostDisconnected(): void {
    // Reported when the host is back, if the problem is still there.
    this.#cancel();
  }

  // ── private helpers ─────────────────────────────────────────────────────────────────────────
  /** What the host shows under the error, if one stands. */
  get #shown(): AnswerView {
    const view = this.#view;
    return view.state === 'error' ? view.over : view;
  }

  /** The error that stands once errors of `code` are cleared. */
  #without(code: InstantShoppingErrorCode): InstantShoppingErrorDetail | undefined {
    const error = this.error;
    return error?.code === code ? undefined : error;
  }

  /** The one writer of the view; the host updates when it changes. */
  #write(shown: AnswerView, error: InstantShoppingErrorDetail | undefined): void {
    if (shown === this.#shown && error === this.error) return;
    this.#view = error ? { state: 'error', error, over: shown } : shown;
    this.#host.requestUpdate();
  }

  #cancel(): void {
    this.#cancelCheck?.();
    this.#cancelCheck = undefined;
  }
}

/** The SDK's `error` in words; an `error` that cannot be put in words (it contains itself, say) is said to be one. */
function sdkErrorText(error: unknown): string {
  try {
    return describeSdkError(error);
  } catch {
    return 'its error could not be shown as text (see the event\'s cause)';
  }
}

function answerView(response: InstantShoppingResponse): AnswerView {
  return { state: response.show_button ? 'ready' : 'hidden', response };
}
