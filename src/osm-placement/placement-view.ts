/**
 * What a placement shows, as one explicit value, the one function that changes it, and where the
 * placement keeps it and announces each new one (its events, its impression); a view that is kept
 * as it was is not a new rendering, and is announced nothing.
 */
import type { ReactiveControllerHost } from 'lit';
import type { OsmAnswer, OsmMessage } from '../protocol/osm-answer.js';
import type { OsmErrorDetail } from './events.js';
import type { PlacementRequest } from './placement-request.js';

export type PlacementView =
  /** Nothing shown: given nothing yet, waiting for its turn (lazy, consent), or its first answer. */
  | { kind: 'idle' }
  /** Klarna's message for `request`. */
  | { kind: 'rendered'; request: PlacementRequest; message: OsmMessage }
  /** Klarna has nothing to show for `request` (a 204). */
  | { kind: 'empty'; request: PlacementRequest }
  /** Nothing can be shown; `key` is the request (or the problems) that failed. */
  | { kind: 'error'; key: string; error: OsmErrorDetail };

export type PlacementViewChange =
  /** The element was given nothing any more: it shows nothing, as before it was given anything. */
  | { type: 'cleared' }
  /** An answer for `request`; `reload` when it was asked for past every cache (a refresh). */
  | { type: 'answered'; request: PlacementRequest; answer: OsmAnswer; reload?: boolean | undefined }
  /** The request (or the problems) with `key` failed. */
  | { type: 'failed'; key: string; error: OsmErrorDetail };

export const IDLE: PlacementView = { kind: 'idle' };

/** The view after `change`: `view` itself when nothing the shopper sees changes. */
export function nextView(view: PlacementView, change: PlacementViewChange): PlacementView {
  switch (change.type) {
    case 'cleared':
      return IDLE;
    case 'answered':
      // The same answer again (a value changed and changed back) is the same rendering; a refresh is a new one.
      if (!change.reload && showsAnswer(view, change.request, change.answer)) return view;
      if (change.answer.kind === 'empty') return { kind: 'empty', request: change.request };
      return { kind: 'rendered', request: change.request, message: change.answer.message };
    case 'failed':
      // The same request failing the same way again (a retry) is the error already shown: one per outage.
      if (view.kind === 'error' && view.key === change.key && sameFailure(view.error, change.error)) return view;
      return { kind: 'error', key: change.key, error: change.error };
  }
}

function showsAnswer(view: PlacementView, request: PlacementRequest, answer: OsmAnswer): boolean {
  if (answer.kind === 'empty') return view.kind === 'empty' && view.request.url === request.url;
  return view.kind === 'rendered' && view.message === answer.message;
}

function sameFailure(shown: OsmErrorDetail, failure: OsmErrorDetail): boolean {
  return shown.code === failure.code && shown.status === failure.status;
}

/** The key of the request whose outcome `view` shows (see `ResolvedPlacementRequest`); none while idle. */
export function viewKey(view: PlacementView): string | undefined {
  if (view.kind === 'error') return view.key;
  if (view.kind === 'idle') return undefined;
  return view.request.url;
}

/**
 * The placement's view: `change` is its one writer, and `announceChange`, called once the view is
 * on screen (the placement's `updated`), announces a new one once (its events, its impression).
 */
export class PlacementViewState {
  /** What the shopper sees now. */
  value: PlacementView = IDLE;
  /** The placement, updated at each change. */
  readonly #host: ReactiveControllerHost;
  /** Announces a new view. */
  readonly #announce: (view: PlacementView) => void;
  /** The view last announced. */
  #announced: PlacementView = IDLE;

  constructor(host: ReactiveControllerHost, announce: (view: PlacementView) => void) {
    this.#host = host;
    this.#announce = announce;
  }

  change(change: PlacementViewChange): void {
    this.value = nextView(this.value, change);
    this.#host.requestUpdate();
  }

  /** Announces the view on screen if it is a new one. */
  announceChange(): void {
    if (this.value === this.#announced) return;
    this.#announced = this.value;
    this.#announce(this.value);
  }
}
