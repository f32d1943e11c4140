/**
 * The wording of a placement's problems: one message that names each attribute to fix and the
 * values it takes (each problem carries them), and of a failed request. Loaded on demand (see
 * `placement-request.ts`): a page whose placements are configured right and answered never
 * downloads it, so it imports no values.
 */
import type { PlacementAmount, PlacementProblem } from './placement-request.js';

/** A failed request's wording, from the core: loaded with this module, only when a request failed. */
export { explainHttpError } from '../core/http-errors.js';

const ATTRIBUTES = {
  clientId: 'client-id',
  placementKey: 'placement-key',
  locale: 'locale',
  purchaseAmount: 'purchase-amount',
  environment: 'environment',
  region: 'region',
  baseUrl: 'api-url',
  loading: 'loading',
  impression: 'impression',
  learnMore: 'learn-more',
  timeout: 'timeout',
} as const;

/** The core's `BASE_URL_FAULTS`, in the element's words: importing it would pull it into every page's bundle. */
const BASE_URL_FAULTS = {
  'not-absolute': 'is not an absolute URL, e.g. "http://localhost:8787"',
  'not-http': 'must use http: or https:',
  'query-or-fragment': 'must not have a query or fragment',
} as const;

const MINOR_UNITS = 'a whole, non-negative number of minor units, e.g. 12999 for 129.99';

/** The values a field takes: the locales as a plain list (there are 47), the others quoted. */
const choices = ({ field, allowed }: { field: string; allowed: readonly string[] }) => (field === 'locale' ? `one of ${allowed.join(', ')}` : allowed.map((value) => `"${value}"`).join(', '));

/** One sentence for all of a placement's problems. */
export function describePlacementProblems(problems: readonly PlacementProblem[], { source }: PlacementAmount): string {
  return `${problems.map((problem) => describe(problem, source)).join('; ')}.`;
}

function describe(problem: PlacementProblem, source: PlacementAmount['source']): string {
  const name = ATTRIBUTES[problem.field];
  switch (problem.kind) {
    case 'missing':
      return problem.field === 'clientId' ? 'client-id is required (here or on a <klarna-config>): your OSM client id from the Klarna Merchant Portal' : `${name} is required: use ${choices(problem)}`;
    case 'unsupported':
      return `${name} "${textOf(problem.value)}" is not supported: use ${choices(problem)}`;
    case 'not-minor-units':
      // An amount read from the page (amount-from) comes with its own sentence.
      return typeof source === 'object' && source ? source.problem : `purchase-amount "${source ?? textOf(problem.value)}" must be ${MINOR_UNITS}`;
    case 'amount-required':
      return `purchase-amount is required for credit-promotion-badge: ${MINOR_UNITS} (or amount-from, a selector for the price the page shows)`;
    case 'bad-base-url':
      return `api-url "${problem.value}" ${BASE_URL_FAULTS[problem.fault]}`;
    case 'not-positive':
      return `timeout "${textOf(problem.value)}" must be a positive number of milliseconds`;
  }
}

/**
 * A value a script assigned, as text, whatever it is: `String()` throws for an object with no
 * prototype or a throwing `toString`. (`placement-request.ts` has the same: this module imports no
 * value from the page's bundle, see its header.)
 */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
