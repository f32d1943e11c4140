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
  /** As the property holds it: a number, or whatever a script assigned. */
  purchaseAmount?: unknown;
  environment?: string | undefined;
  region?: string | undefined;
  apiUrl?: string | undefined;
  loading?: string | undefined;
  impression?: string | undefined;
  timeout?: unknown;
}

export interface PlacementRequest extends OsmRequest {
  timeout: number;
}

/** A problem of the request, or of an attribute only the element has. */
export type PlacementProblem = OsmRequestProblem | { field: 'loading' | 'impression'; kind: 'unsupported'; value: unknown; allowed: readonly string[] } | { field: 'timeout'; kind: 'not-positive'; value: unknown };

/**
 * `unconfigured`: the element was given nothing at all (no attribute, property or page setting it
 * reads), as when it upgrades before a framework sets its properties. It waits quietly.
 */
export type ResolvedPlacementRequest =
  | { ok: true; request: PlacementRequest }
  | { ok: false; problems: PlacementProblem[]; purchaseAmountAttribute: string | null; unconfigured?: true };

/** What the element reads (the theme is only looks): one of them given, and the element is configured. */
const INPUTS = ['clientId', 'placementKey', 'locale', 'purchaseAmount', 'environment', 'region', 'apiUrl', 'loading', 'impression', 'timeout'] as const;

/**
 * The request for an element's properties, with the page's settings (`<klarna-config>`,
 * `configure()`) where it has none of its own. `purchaseAmountAttribute` is the attribute's text,
 * for the message about a value that did not parse.
 */
export function resolvePlacementRequest(element: PlacementAttributes, page: KlarnaPageConfig, purchaseAmountAttribute: string | null): ResolvedPlacementRequest {
  if (!INPUTS.some((name) => element[name] != null) && !Object.keys(page).length) return { ok: false, problems: [], purchaseAmountAttribute, unconfigured: true };
  const { placementKey, timeout = 5000 } = element;
  let amount = element.purchaseAmount;
  // A script may assign the attribute's kind of value to the property.
  if (typeof amount === 'string' && /^\s*\d+\s*$/.test(amount)) amount = Number(amount);
  const result = osmRequest({
    clientId: element.clientId || page.clientId, placementKey, locale: element.locale || page.locale, purchaseAmount: amount,
    environment: element.environment || page.environment, region: element.region || page.region, baseUrl: element.apiUrl || page.apiUrl,
  });
  const problems: PlacementProblem[] = result.ok ? [] : result.problems;
  for (const problem of [oneOfProblem('loading', element.loading, ['eager', 'lazy']), oneOfProblem('impression', element.impression, ['visible', 'render'])]) {
    if (problem) problems.push(problem as PlacementProblem);
  }
  if (!(typeof timeout === 'number' && timeout > 0 && timeout < Infinity)) problems.push({ field: 'timeout', kind: 'not-positive', value: timeout });
  if (!result.ok || problems.length) return { ok: false, problems, purchaseAmountAttribute };
  return { ok: true, request: { ...result.request, timeout: timeout as number } };
}
