/**
 * Turns the placement's attributes into the OSM request (built by the protocol layer, as
 * `OsmClient` builds it on a server), or into the problems that stop it. Their wording, which
 * names each attribute to fix and the values it takes, is in `placement-problems.ts`, loaded only
 * by a page whose placement has a problem.
 */
import { osmRequest, type OsmRequest, type OsmRequestProblem } from '../protocol/osm-request.js';

export type OsmLoading = 'eager' | 'lazy';
export type OsmImpressionMode = 'visible' | 'render';

export interface PlacementAttributes {
  clientId: string | undefined;
  placementKey: string | undefined;
  locale: string | undefined;
  /** As the property holds it: a number, or whatever a script assigned. */
  purchaseAmount: unknown;
  /** The attribute's text, for messages about a value that did not parse. */
  purchaseAmountAttribute: string | null;
  environment: string | undefined;
  region: string | undefined;
  apiUrl: string | undefined;
  loading: string | undefined;
  impression: string | undefined;
  timeout: unknown;
}

export interface PlacementRequest extends OsmRequest {
  timeout: number;
}

/** A problem of the request, or of an attribute only the element has. */
export type PlacementProblem = OsmRequestProblem | { field: 'loading' | 'impression'; kind: 'unsupported'; value: unknown; allowed: readonly string[] } | { field: 'timeout'; kind: 'not-positive'; value: unknown };

export type ResolvedPlacementRequest = { ok: true; request: PlacementRequest } | { ok: false; problems: PlacementProblem[]; purchaseAmountAttribute: string | null };

export function resolvePlacementRequest(attributes: PlacementAttributes): ResolvedPlacementRequest {
  const { timeout = 5000 } = attributes;
  let amount = attributes.purchaseAmount;
  // A script may assign the attribute's kind of value to the property.
  if (typeof amount === 'string' && /^\s*\d+\s*$/.test(amount)) amount = Number(amount);
  const result = osmRequest({ ...attributes, purchaseAmount: amount, baseUrl: attributes.apiUrl });
  const problems: PlacementProblem[] = result.ok ? [] : result.problems;
  for (const [field, allowed] of [['loading', ['eager', 'lazy']], ['impression', ['visible', 'render']]] as const) {
    const value = attributes[field];
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) problems.push({ field, kind: 'unsupported', value, allowed });
  }
  if (!(typeof timeout === 'number' && timeout > 0 && timeout < Infinity)) problems.push({ field: 'timeout', kind: 'not-positive', value: timeout });
  if (!result.ok || problems.length) return { ok: false, problems, purchaseAmountAttribute: attributes.purchaseAmountAttribute };
  return { ok: true, request: { ...result.request, timeout: timeout as number } };
}
