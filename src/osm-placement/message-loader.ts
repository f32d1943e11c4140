/**
 * Asking Klarna for the placement's message: a @lit/task whose arguments are what an answer
 * depends on (the request, compared by its key, and whether it may load now), run again when they
 * change, when a failure that may pass is retried (with backoff), and on a refresh. Each outcome
 * is a change of the placement's view.
 *
 * The retries' code (`retry-controller.ts`) loads with the first failure that may pass: most
 * pages never need it. When even that cannot load (the browser is offline), the task runs again
 * when the browser says it is back online, as a retry would.
 */
import { Task, TaskStatus } from '@lit/task';
import { failureDetail, loadMessage, mayPass, type LoadOptions } from './load-message.js';
import type { ResolvedPlacementRequest } from './placement-request.js';
import { viewKey, type PlacementViewState } from './placement-view.js';
import type { RetryController, RetryHost } from './retry-controller.js';

/** What the loader asks of the placement. */
export interface MessageLoaderOptions {
  /** Whether Klarna may be asked now (consent given; near the viewport, when lazy). */
  mayLoad: () => boolean;
  /** Whether the placement is in view now: its request goes before others waiting. */
  urgent: () => boolean;
}

type LoadArgs = readonly [request: ResolvedPlacementRequest | undefined, mayLoad: boolean, options: LoadOptions];

export class MessageLoader {
  /** What the placement shows: each answer or failure is a change of it. */
  readonly #view: PlacementViewState;
  /** What the loader asks of the placement. */
  readonly #options: MessageLoaderOptions;
  /** One run per request; @lit/task drops the outcome of a run another replaced. */
  readonly #task: Task<LoadArgs, Awaited<ReturnType<typeof loadMessage>>>;
  /** The placement, which the retries are a controller of. */
  readonly #host: RetryHost;
  /** Runs the task again after a failure that may pass; none until the first such failure. */
  #retry: RetryController | undefined;
  /** The request the placement makes now; none while it has been given nothing. */
  #request: ResolvedPlacementRequest | undefined;
  /** Klarna has been asked, or a server's answer taken instead: a later change waits for its value to settle. */
  #asked = false;

  constructor(host: RetryHost, view: PlacementViewState, options: MessageLoaderOptions) {
    this.#view = view;
    this.#host = host;
    this.#options = options;
    this.#task = new Task(host, {
      args: () => this.#args(),
      argsEqual: ([request, mayLoad], [next, nextMayLoad]) => request?.key === next?.key && mayLoad === nextMayLoad,
      task: ([request, mayLoad, loadOptions], { signal }) => {
        this.#asked ||= mayLoad && !!request?.ok;
        return loadMessage(request, mayLoad, loadOptions, signal);
      },
      // A run that gave `initialState` (it may not load yet) never reaches here: @lit/task goes back to INITIAL.
      onComplete: (loaded) => {
        this.#retry?.reset();
        view.change({ type: 'answered', ...loaded });
      },
      onError: (error) => void this.#failed(failureDetail(error)),
    });
  }

  /** Klarna is being asked. */
  get pending(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /**
   * Whether a server's prefetched answer may stand for the request now: only for the placement's
   * first, before Klarna was asked anything; asking once is the answer's one use.
   */
  get mayTakePrefetched(): boolean {
    return !this.#asked;
  }

  /**
   * A server's answer stands for the request now, as if Klarna had been asked. Only a taken one:
   * a refused one (not JSON, or for another amount) leaves the first request a first, asked at once.
   */
  tookPrefetched(): void {
    this.#asked = true;
  }

  /** The request the placement makes now; none while it has been given nothing. */
  get request(): ResolvedPlacementRequest | undefined {
    return this.#request;
  }

  /** Takes the request the placement makes now; whether it is another one (its key changed), which ends any retry of the old one. */
  setRequest(request: ResolvedPlacementRequest | undefined): boolean {
    const previous = this.#request;
    this.#request = request;
    if (request?.key === previous?.key) return false;
    this.#retry?.reset();
    return true;
  }

  /** Asks again past every cache; resolves once the answer (or the failure) is in. */
  refresh(): Promise<void> {
    const [request, mayLoad, loadOptions] = this.#args();
    return this.#task.run([request, mayLoad, { ...loadOptions, reload: true }]);
  }

  #args(): LoadArgs {
    const { mayLoad, urgent } = this.#options;
    const request = this.#request;
    const view = this.#view.value;
    const onScreen = viewKey(view) === request?.key;
    const loadOptions: LoadOptions = {
      // Its answer on screen already (a server's, or a value changed back before the new answer came); an error is asked again.
      answered: onScreen && view.kind !== 'error',
      // Asked before, for another request than the one on screen: a change, which may go on (a stepper, a slider).
      settle: this.#asked && !onScreen,
      urgent,
    };
    return [request, mayLoad(), loadOptions];
  }

  async #failed(error: ReturnType<typeof failureDetail>): Promise<void> {
    const key = this.#request?.key;
    this.#view.change({ type: 'failed', key: key ?? '', error });
    if (!mayPass(error)) {
      this.#retry?.reset();
      return;
    }
    const retries = await import('./retry-controller.js').catch(() => undefined);
    // Settled otherwise while that code loaded (another request, an answer): nothing to retry.
    if (this.#task.status !== TaskStatus.ERROR || this.#request?.key !== key) return;
    if (!retries) {
      // It could not load (offline): the task runs again when the browser says it is back online.
      // Held weakly: a placement removed meanwhile is not kept for an event that may never come.
      const task = new WeakRef(this.#task);
      addEventListener('online', () => void task.deref()?.run(), { once: true });
      return;
    }
    this.#retry ??= new retries.RetryController(this.#host, () => void this.#task.run());
    this.#retry.failed();
  }
}
