/**
 * Turns the placement's attributes into the OSM request (built by the protocol layer, as
 * `OsmClient` builds it on a server), or into the problems that stop it. Their wording, which
 * names each attribute to fix and the values it takes, is in `placement-problems.ts`, loaded only
 * by a page whose placement has a problem.
 */
import type { PageAmount } from '../internal/amount-from.js';
import type { KlarnaPageConfig } from '../internal/page-config.js';
import { DEFAULT_TIMEOUT_MS } from '../core/http.js';
import { oneOfProblem, osmRequest, type OsmRequest, type OsmRequestInput, type OsmRequestProblem } from '../protocol/osm-request.js';
import type { OsmRequestDetail } from './events.js';

export type OsmLoading = 'eager' | 'lazy';
export type OsmImpressionMode = 'visible' | 'render';
/** How the learn-more and prequalify links open: a new tab (the browser's own), a popup window, or a dialog on the page. */
export type OsmLearnMorePresentation = 'tab' | 'popup' | 'dialog';

export const LEARN_MORE_PRESENTATIONS: readonly OsmLearnMorePresentation[] = ['tab', 'popup', 'dialog'];

/** The element's own properties, as a script may have set them (an attribute that failed to parse included). */
export interface PlacementAttributes {
  clientId?: string | undefined;
  placementKey?: string | undefined;
  locale?: string | undefined;
  environment?: string | undefined;
  region?: string | undefined;
  apiUrl?: string | undefined;
  loading?: string | undefined;
  impression?: string | undefined;
  learnMore?: string | undefined;
  timeout?: unknown;
  amountFrom?: string | undefined;
  quantityFrom?: string | undefined;
}

/**
 * The purchase amount a request is for, and how to name it when it is wrong: the
 * `purchase-amount` attribute's text, or the sentence about what `amount-from` read.
 */
export type PlacementAmount = PageAmount;

export interface PlacementRequest extends OsmRequest {
  timeout: number;
}

/** A problem of the request, or of an attribute only the element has. */
export type PlacementProblem =
  | OsmRequestProblem
  | { field: 'loading' | 'impression' | 'learnMore'; kind: 'unsupported'; value: unknown; allowed: readonly string[] }
  | { field: 'timeout'; kind: 'not-positive'; value: unknown };

/**
 * The request, or the problems that stop it. `key` tells two resolutions apart: the same key is
 * the same request (its URL: an answer depends on nothing else), or the same problems worded from
 * the same values, so nothing needs asking or reporting again.
 */
export type ResolvedPlacementRequest =
  | { ok: true; key: string; request: PlacementRequest }
  | { ok: false; key: string; problems: PlacementProblem[]; amount: PlacementAmount };

/**
 * The request for an element's properties, with the page's settings (`<klarna-config>`,
 * `configure()`) where it has none of its own, for `given` (the element's own amount, or the one
 * it reads from the page). `undefined` when the element was given nothing at all (no attribute,
 * property or page setting it reads; the theme is only looks, consent only a gate), as when it
 * upgrades before a framework sets its properties: it then waits quietly.
 */
export function resolvePlacementRequest(
  element: PlacementAttributes,
  page: KlarnaPageConfig,
  given: PlacementAmount,
): ResolvedPlacementRequest | undefined {
  const { clientId, placementKey, locale, environment, region, apiUrl, loading, impression, timeout } = element;
  const own = [clientId, placementKey, locale, given.value, environment, region, apiUrl, loading, impression, timeout];
  if (own.every((value) => value == null) && Object.keys(page).every((field) => field === 'consent')) return undefined;
  const result = osmRequest(requestInput(element, page, given));
  const problems: PlacementProblem[] = result.ok ? [] : result.problems;
  problems.push(...elementProblems(element));
  const wait = timeout ?? DEFAULT_TIMEOUT_MS;
  if (!(typeof wait === 'number' && wait > 0 && wait < Infinity)) problems.push({ field: 'timeout', kind: 'not-positive', value: wait });
  if (!result.ok || problems.length) return { ok: false, key: problemsKey(problems, given), problems, amount: given };
  // An answer depends on the URL alone: it is the request's key.
  return { ok: true, key: result.request.url, request: { ...result.request, timeout: wait as number } };
}

/** The request as the protocol layer builds it: the element's own values, else the page's. */
function requestInput(element: PlacementAttributes, page: KlarnaPageConfig, given: PlacementAmount): OsmRequestInput {
  return {
    clientId: element.clientId || page.clientId,
    placementKey: element.placementKey,
    locale: element.locale || page.locale,
    purchaseAmount: minorUnits(given.value),
    environment: element.environment || page.environment,
    region: element.region || page.region,
    baseUrl: element.apiUrl || page.apiUrl,
  };
}

/** A script may assign the attribute's kind of value (digits as text) to the property. */
function minorUnits(amount: unknown): unknown {
  return typeof amount === 'string' && /^\s*\d+\s*$/.test(amount) ? Number(amount) : amount;
}

/** What is wrong with the attributes only the element has (how it loads, counts and opens links). */
function elementProblems({ loading, impression, learnMore }: PlacementAttributes): PlacementProblem[] {
  const problems = [
    oneOfProblem('loading', loading, ['eager', 'lazy']),
    oneOfProblem('impression', impression, ['visible', 'render']),
    oneOfProblem('learnMore', learnMore, LEARN_MORE_PRESENTATIONS),
  ];
  return problems.filter((problem) => problem !== undefined) as PlacementProblem[];
}

/** The same problems of the same values are worded the same: the field, what is wrong, the value as given. */
function problemsKey(problems: readonly PlacementProblem[], { source }: PlacementAmount): string {
  const amountSource = typeof source === 'object' && source ? source.problem : String(source);
  const lines = problems.map((problem) => [problem.field, problem.kind, 'value' in problem ? textOf(problem.value) : ''].join(' '));
  return ['invalid', amountSource, ...lines].join('\n');
}

/**
 * A value a script assigned, as text, whatever it is: `String()` throws for an object with no
 * prototype or a throwing `toString` (the wording in `placement-problems.ts` does the same).
 */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** `purchase-amount` as a number: text that is not one stays visible to validation as NaN, with the attribute's text. */
export function parseAmountAttribute(value: string | null): number | undefined {
  return value?.trim() ? Number(value) : undefined;
}

/** What the placement's events say of the request a rendering is for. */
export function requestDetail({ placementKey, locale, purchaseAmount }: PlacementRequest): OsmRequestDetail {
  return { placementKey, locale, purchaseAmount };
}
