/**
 * What the placement's task does: one request's answer, from the page's shared cache or from
 * Klarna, or the failure as the placement reports it. A function of its arguments only, so the
 * element decides when it runs (its request changed, a refresh, a retry) and @lit/task drops the
 * answers of runs that were replaced.
 */
import { initialState } from '@lit/task';
import { ResponseCache } from '../core/cache.js';
import { requestJsonCached } from '../core/cached-request.js';
import { KlarnaHttpError } from '../core/http.js';
import { wait } from '../core/wait.js';
import { parseOsmAnswer, type OsmAnswer } from '../protocol/osm-answer.js';
import type { OsmErrorDetail } from './events.js';
import type { PlacementRequest, ResolvedPlacementRequest } from './placement-request.js';

/** One cache per page (per copy of the library): identical placements share requests and answers. */
const answers = new ResponseCache<OsmAnswer>({ maxEntries: 200 });

/**
 * After a change to a message already shown, wait this long for the value to settle (a quantity
 * stepper, a slider) so that only the final value is requested. The first request never waits.
 */
export const SETTLE_MS = 250;

export interface LoadOptions {
  /** Ask Klarna past every cache (a refresh). */
  reload?: boolean | undefined;
  /** The placement shows this request's answer already (a server's, or a value changed back): nothing to ask. */
  answered?: boolean | undefined;
  /** A message is on screen and is being replaced: wait for the value to settle first, unless the answer is kept. */
  settle?: boolean | undefined;
  /** Whether the placement is in view now: its request goes before others waiting for their turn. */
  urgent?: (() => boolean) | undefined;
}

/** An answer, with the request it answers. */
export interface LoadedMessage {
  request: PlacementRequest;
  answer: OsmAnswer;
  reload: boolean;
}

/** The placement's problems, worded: thrown by the task so that they are reported as any failure is. */
export class PlacementConfigError extends Error {}

/**
 * The answer for `resolved`: nothing (`initialState`) while it may not load, was given nothing or
 * shows the answer already; a {@link PlacementConfigError} for its problems; else Klarna's answer.
 */
export async function loadMessage(
  resolved: ResolvedPlacementRequest | undefined,
  mayLoad: boolean,
  options: LoadOptions,
  signal: AbortSignal,
): Promise<LoadedMessage | typeof initialState> {
  if (!mayLoad || !resolved) return initialState;
  if (!resolved.ok) {
    // Frameworks may set attributes one at a time; a later one in this task may fix it.
    await wait(0, signal);
    throw new PlacementConfigError(await describeProblems(resolved));
  }
  const { request } = resolved;
  const { reload = false, answered, settle, urgent } = options;
  if (answered && !reload) return initialState;
  if (settle && !reload && !answers.peek(request.url)) await wait(SETTLE_MS, signal);
  const parse = (response: Parameters<typeof parseOsmAnswer>[0]) => parseOsmAnswer(response, request.url);
  try {
    const { url, timeout } = request;
    const answer = await requestJsonCached(answers, url, { signal, reload, timeout, parse, urgent });
    return { request, answer, reload };
  } catch (error) {
    throw await explain(error, request.timeout);
  }
}

/** A failure as the placement reports it: a stable code, a message that says what to fix, and what Klarna said. */
export function failureDetail(error: unknown): OsmErrorDetail {
  const { message, status, correlationId } = error as Partial<KlarnaHttpError>;
  return {
    code: failureCode(error),
    message: String(message ?? error),
    ...(status && { status }),
    ...(correlationId && { correlationId }),
  };
}

function failureCode(error: unknown): OsmErrorDetail['code'] {
  if (error instanceof PlacementConfigError) return 'invalid-config';
  // A caller's abort never reaches here (the task ignores it); any other abort is the network's.
  if (error instanceof KlarnaHttpError && error.code !== 'aborted') return error.code;
  return 'network';
}

/** Whether asking again may get another answer: after the network, a timeout or a 5xx; never a 4xx or a problem of the placement's. */
export function mayPass({ code, status = 0 }: OsmErrorDetail): boolean {
  return code === 'network' || code === 'timeout' || status >= 500;
}

/** The wording of a failed request, loaded only when one failed; a failed load (offline) leaves its terse message. */
function explain(error: unknown, timeout: number): Promise<unknown> {
  return import('./placement-problems.js').then((wording) => wording.explainHttpError(error, timeout), () => error);
}

/** The wording of what is wrong, loaded only when something is; a failed load still names the attributes. */
function describeProblems({ problems, amount }: Extract<ResolvedPlacementRequest, { ok: false }>): Promise<string> {
  return import('./placement-problems.js').then(
    (wording) => wording.describePlacementProblems(problems, amount),
    (error) => `invalid: ${problems.map((problem) => problem.field).join()} (${String(error)}).`,
  );
}
