/**
 * Turns the placement's attributes into the OSM request (built by the protocol layer, as
 * `OsmClient` builds it on a server), or into one message that names each attribute to fix and
 * the values it takes.
 */
import { OSM_LOCALES, OSM_PLACEMENT_KEYS, osmRequest, type OsmRequest, type OsmRequestProblem } from '../protocol/osm-request.js';

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

export type ResolvedPlacementRequest = { ok: true; request: PlacementRequest } | { ok: false; message: string };

const ATTRIBUTES = { clientId: 'client-id', placementKey: 'placement-key', locale: 'locale', purchaseAmount: 'purchase-amount', environment: 'environment', region: 'region', baseUrl: 'api-url' } as const;

const MINOR_UNITS = 'a whole, non-negative number of minor units, e.g. 12999 for 129.99';

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

export function resolvePlacementRequest(attributes: PlacementAttributes): ResolvedPlacementRequest {
  const { timeout = 5000 } = attributes;
  let amount = attributes.purchaseAmount;
  // A script may assign the attribute's kind of value to the property.
  if (typeof amount === 'string' && /^\s*\d+\s*$/.test(amount)) amount = Number(amount);
  const result = osmRequest({ ...attributes, purchaseAmount: amount, baseUrl: attributes.apiUrl });
  const problems = result.ok ? [] : result.problems.map((problem) => describe(problem, attributes));
  for (const [attribute, values] of [['loading', ['eager', 'lazy']], ['impression', ['visible', 'render']]] as const) {
    const value = attributes[attribute];
    if (value !== undefined && !(values as readonly string[]).includes(value)) problems.push(`${attribute} "${value}" is not supported: use ${quoted(values)}`);
  }
  if (!(typeof timeout === 'number' && timeout > 0 && timeout < Infinity)) problems.push(`timeout "${String(timeout)}" must be a positive number of milliseconds`);
  if (!result.ok || problems.length) return { ok: false, message: `${problems.join('; ')}.` };
  return { ok: true, request: { ...result.request, timeout: timeout as number } };
}

function describe(problem: OsmRequestProblem, attributes: PlacementAttributes): string {
  const name = ATTRIBUTES[problem.field];
  switch (problem.kind) {
    case 'missing':
      return problem.field === 'clientId' ? 'client-id is required (here or on a <klarna-config>): your OSM client id from the Klarna Merchant Portal'
        : problem.field === 'locale' ? `locale is required: use one of ${OSM_LOCALES.join(', ')}`
        : `${name} is required: use ${quoted(OSM_PLACEMENT_KEYS)}`;
    case 'unsupported':
      return problem.field === 'locale' ? `locale "${String(problem.value)}" is not supported: use one of ${OSM_LOCALES.join(', ')}` : `${name} "${String(problem.value)}" is not supported: use ${quoted(problem.allowed)}`;
    case 'not-minor-units':
      return `purchase-amount "${attributes.purchaseAmountAttribute ?? String(problem.value)}" must be ${MINOR_UNITS}`;
    case 'amount-required':
      return `purchase-amount is required for credit-promotion-badge: ${MINOR_UNITS}`;
    case 'bad-base-url':
      return `api-url ${problem.reason}`;
  }
}
