/**
 * A configuration problem, shown (as the element's error) a task after it appears and only if it
 * still stands then. A page gives an element its data in steps: the parser reaches a JSON child
 * after the element has connected, a framework sets one property after another, a server-rendered
 * element gets its properties after hydration. The steps in between are not mistakes, so nothing
 * is said of them; a problem that outlives them is said once, for as long as it stands.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Runs `callback` a task later and returns what cancels it: a timer, or a test's clock. */
export type Later = (callback: () => void) => () => void;

const nextTask: Later = (callback) => {
  const timer = setTimeout(callback);
  return () => clearTimeout(timer);
};

type ProblemHost = ReactiveControllerHost & { readonly isConnected: boolean };

export class StandingProblem implements ReactiveController {
  readonly #host: ProblemHost;
  /** Tells the page of a problem now shown: once for as long as it stands. */
  readonly #announce: (problem: string) => void;
  readonly #later: Later;
  /** The problem as of the element's last update, if it has one. */
  #seen: string | undefined;
  /** The problem the element shows. */
  #shown: string | undefined;
  /** Cancels the look a task later, while one is scheduled. */
  #cancelLook: (() => void) | undefined;

  constructor(host: ProblemHost, announce: (problem: string) => void, later: Later = nextTask) {
    this.#host = host;
    this.#announce = announce;
    this.#later = later;
    host.addController(this);
  }

  /** The problem the element shows, once it stood for a task. */
  get shown(): string | undefined {
    return this.#shown;
  }

  /** The problem as the element reads its data now, or `undefined`: a fixed problem is gone at once. */
  see(problem: string | undefined): void {
    this.#seen = problem;
    if (problem === undefined) {
      this.#stopLooking();
      this.#shown = undefined;
      return;
    }
    if (problem !== this.#shown) this.#cancelLook ??= this.#later(() => this.#look());
  }

  hostDisconnected(): void {
    // Off the page, a problem is not the page's to hear of; it is seen again when the element is back.
    this.#stopLooking();
  }

  #look(): void {
    this.#cancelLook = undefined;
    const problem = this.#seen;
    if (problem === undefined || problem === this.#shown || !this.#host.isConnected) return;
    this.#shown = problem;
    this.#announce(problem);
    this.#host.requestUpdate();
  }

  #stopLooking(): void {
    this.#cancelLook?.();
    this.#cancelLook = undefined;
  }
}
