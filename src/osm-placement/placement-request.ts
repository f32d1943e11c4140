/**
 * Turns the placement's attributes into the OSM request (built by the protocol layer, as
 * `OsmClient` builds it on a server), or into the problems that stop it. Their wording, which
 * names each attribute to fix and the values it takes, is in `placement-problems.ts`, loaded only
 * by a page whose placement has a problem.
 */
import type { KlarnaPageConfig } from '../internal/page-config.js';
import { oneOfProblem, osmRequest, type OsmRequest, type OsmRequestProblem } from '../protocol/osm-request.js';

export type OsmLoading = 'eager' | 'lazy';
export type OsmImpressionMode = 'visible' | 'render';

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
  timeout?: unknown;
  amountFrom?: string | undefined;
  quantityFrom?: string | undefined;
}

/**
 * The purchase amount a request is for, and how to name it when it is wrong: the
 * `purchase-amount` attribute's text (a value that did not parse stays visible as NaN), or, for an
 * amount read from the page (`amount-from`, `quantity-from`), the whole sentence that says what to
 * fix. `value` is whatever the property holds.
 */
export interface PlacementAmount {
  value: unknown;
  source: string | null | { problem: string };
}

export interface PlacementRequest extends OsmRequest {
  timeout: number;
}

/** A problem of the request, or of an attribute only the element has. */
export type PlacementProblem = OsmRequestProblem | { field: 'loading' | 'impression'; kind: 'unsupported'; value: unknown; allowed: readonly string[] } | { field: 'timeout'; kind: 'not-positive'; value: unknown };

export type ResolvedPlacementRequest = { ok: true; request: PlacementRequest } | { ok: false; problems: PlacementProblem[]; amount: PlacementAmount };

/**
 * The request for an element's properties, with the page's settings (`<klarna-config>`,
 * `configure()`) where it has none of its own, for `amount` (the element's own, or the one it reads
 * from the page). `undefined` when the element was given nothing
 * at all (no attribute, property or page setting it reads; the theme is only looks, consent only a gate), as when it
 * upgrades before a framework sets its properties: it then waits quietly.
 */
export function resolvePlacementRequest(element: PlacementAttributes, page: KlarnaPageConfig, given: PlacementAmount): ResolvedPlacementRequest | undefined {
  const { clientId, placementKey, locale, environment, region, apiUrl, loading, impression, timeout } = element;
  let amount = given.value;
  if ([clientId, placementKey, locale, amount, environment, region, apiUrl, loading, impression, timeout].every((value) => value == null) && Object.keys(page).every((field) => field === 'consent')) return undefined;
  // A script may assign the attribute's kind of value to the property.
  if (typeof amount === 'string' && /^\s*\d+\s*$/.test(amount)) amount = Number(amount);
  const result = osmRequest({
    clientId: clientId || page.clientId, placementKey, locale: locale || page.locale, purchaseAmount: amount,
    environment: environment || page.environment, region: region || page.region, baseUrl: apiUrl || page.apiUrl,
  });
  const problems: PlacementProblem[] = result.ok ? [] : result.problems;
  for (const problem of [oneOfProblem('loading', loading, ['eager', 'lazy']), oneOfProblem('impression', impression, ['visible', 'render'])]) {
    if (problem) problems.push(problem as PlacementProblem);
  }
  const wait = timeout ?? 5000;
  if (!(typeof wait === 'number' && wait > 0 && wait < Infinity)) problems.push({ field: 'timeout', kind: 'not-positive', value: wait });
  if (!result.ok || problems.length) return { ok: false, problems, amount: given };
  return { ok: true, request: { ...result.request, timeout: wait as number } };
}
