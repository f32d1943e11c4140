/**
 * An On-site messaging request as Klarna's API takes it: the placement keys and the 47 locales it
 * serves, what a request needs, and the one function that builds its URL. The element and
 * `OsmClient` both build their request here, so a server's `prefetched` answer is for exactly the
 * URL the element asks for.
 *
 * Problems come back as data (the field, and what is wrong with it) rather than as sentences,
 * because the element names a field by its attribute (`placement-key`) and a server by its
 * property (`placementKey`).
 */
import { checkBaseUrl, KLARNA_ENVIRONMENTS, klarnaApiHost, OSM_MESSAGING_PATH, type BaseUrlFault, type KlarnaEnvironment } from '../core/endpoints.js';
import { KLARNA_REGIONS, regionForLocale, type KlarnaRegion } from '../core/markets.js';

export type OsmPlacementKey = 'credit-promotion-badge' | 'top-strip-promotion-badge';

/** The placements the OSM API serves: amount based next to a price, and the top strip of a page. */
export const OSM_PLACEMENT_KEYS: readonly OsmPlacementKey[] = ['credit-promotion-badge', 'top-strip-promotion-badge'];

/** Every locale the OSM API accepts, exactly as listed in its reference. */
export const OSM_LOCALES = [
  'en-AT', 'de-AT', 'nl-BE', 'en-BE', 'fr-BE', 'en-CH', 'de-CH', 'it-CH', 'fr-CH', 'en-CZ',
  'cs-CZ', 'de-DE', 'en-DE', 'da-DK', 'en-DK', 'es-ES', 'en-ES', 'fi-FI', 'sv-FI', 'en-FI',
  'fr-FR', 'en-FR', 'en-GB', 'en-GR', 'el-GR', 'en-IE', 'en-IT', 'it-IT', 'nl-NL', 'en-NL',
  'no-NO', 'nb-NO', 'en-NO', 'en-PL', 'pl-PL', 'en-PT', 'pt-PT', 'sv-SE', 'en-SE', 'en-CA',
  'fr-CA', 'es-MX', 'en-MX', 'en-US', 'es-US', 'en-AU', 'en-NZ',
] as const;

export type OsmLocale = (typeof OSM_LOCALES)[number];

export function isOsmLocale(value: unknown): value is OsmLocale {
  return (OSM_LOCALES as readonly unknown[]).includes(value);
}

/** What a request is made of, as a caller holds it (anything a script may have assigned). */
export interface OsmRequestInput {
  clientId: unknown;
  placementKey: unknown;
  locale: unknown;
  /** Minor units: a whole, non-negative number. Required for `credit-promotion-badge`. */
  purchaseAmount: unknown;
  environment?: unknown;
  region?: unknown;
  /** Replaces Klarna's host (the emulator, a proxy). */
  baseUrl?: string | undefined;
}

export interface OsmRequest {
  /** The request URL, also the key under which answers are cached. */
  url: string;
  placementKey: OsmPlacementKey;
  locale: OsmLocale;
  purchaseAmount: number | undefined;
}

/**
 * One thing wrong with a request: `missing` (absent or blank; `allowed` what it may be),
 * `unsupported` (not one of `allowed`), `not-minor-units` (an amount that is not a whole, non-negative number),
 * `amount-required` (none given for `credit-promotion-badge`), `bad-base-url` (`fault` says why; the core's
 * `BASE_URL_FAULTS` words it).
 */
export type OsmRequestProblem =
  | { field: 'clientId'; kind: 'missing' }
  | { field: 'placementKey' | 'locale'; kind: 'missing'; allowed: readonly string[] }
  | { field: 'placementKey' | 'locale' | 'environment' | 'region'; kind: 'unsupported'; value: unknown; allowed: readonly string[] }
  | { field: 'purchaseAmount'; kind: 'not-minor-units'; value: unknown }
  | { field: 'purchaseAmount'; kind: 'amount-required' }
  | { field: 'baseUrl'; kind: 'bad-base-url'; value: string; fault: BaseUrlFault };

export type OsmRequestResult = { ok: true; request: OsmRequest } | { ok: false; problems: OsmRequestProblem[] };

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** A value that must be one of `allowed`: blank while required (`missing`), or another value (`unsupported`). */
type OneOfProblem<F extends string> =
  | { field: F; kind: 'missing'; allowed: readonly string[] }
  | { field: F; kind: 'unsupported'; value: unknown; allowed: readonly string[] };

/**
 * What is wrong with a value that must be one of `allowed`, if anything: a blank value is
 * `missing` when `required`, else fine (the default applies). The element checks its own
 * enumerated attributes with it too.
 */
export function oneOfProblem<F extends string>(
  field: F,
  value: unknown,
  allowed: readonly string[],
  required?: boolean,
): OneOfProblem<F> | undefined {
  if (isBlank(value)) return required ? { field, kind: 'missing', allowed } : undefined;
  if (!(allowed as readonly unknown[]).includes(value)) return { field, kind: 'unsupported', value, allowed };
}

const hasProblem = <P>(problem: P | false | undefined): problem is P => !!problem;

/** Checks a request and, when nothing is wrong, builds its URL: `{base}/messaging/v3?client_id=…`. */
export function osmRequest(input: OsmRequestInput): OsmRequestResult {
  const { clientId, placementKey, locale, purchaseAmount: amount, environment, region } = input;
  const hasAmount = !isBlank(amount);
  const problems = [
    !(typeof clientId === 'string' && clientId.trim()) && { field: 'clientId', kind: 'missing' } as const,
    oneOfProblem('placementKey', placementKey, OSM_PLACEMENT_KEYS, true),
    oneOfProblem('environment', environment, KLARNA_ENVIRONMENTS),
    oneOfProblem('region', region, KLARNA_REGIONS),
    oneOfProblem('locale', locale, OSM_LOCALES, true),
    hasAmount ? !(Number.isSafeInteger(amount) && (amount as number) >= 0) && { field: 'purchaseAmount', kind: 'not-minor-units', value: amount } as const
      : placementKey === 'credit-promotion-badge' && { field: 'purchaseAmount', kind: 'amount-required' } as const,
  ].filter(hasProblem) as OsmRequestProblem[];
  if (problems.length) return { ok: false, problems };

  // A base URL (the emulator, a proxy) replaces Klarna's host, which is then never worked out.
  const checked = input.baseUrl
    ? checkBaseUrl(input.baseUrl)
    : { url: klarnaApiHost((environment as KlarnaEnvironment | '' | undefined) || 'production', (region as KlarnaRegion | '' | undefined) || regionForLocale(locale as string)) };
  if ('fault' in checked) return { ok: false, problems: [{ field: 'baseUrl', kind: 'bad-base-url', value: input.baseUrl!, fault: checked.fault }] };
  const purchaseAmount = hasAmount ? (amount as number) : undefined;
  const query = new URLSearchParams({
    client_id: (clientId as string).trim(),
    placement_key: placementKey as string,
    locale: locale as string,
  });
  if (purchaseAmount !== undefined) query.set('purchase_amount', String(purchaseAmount));
  return { ok: true, request: { url: `${checked.url}${OSM_MESSAGING_PATH}?${query}`, placementKey: placementKey as OsmPlacementKey, locale: locale as OsmLocale, purchaseAmount } };
}
