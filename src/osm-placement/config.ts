/**
 * Turns the element's attributes into an OSM request URL, or into one message that names each
 * attribute to fix and the values it takes.
 */
import { osmMessagingUrl, type KlarnaEnvironment } from '../core/endpoints.js';
import { isOsmLocale, OSM_LOCALES, type KlarnaRegion } from '../core/markets.js';
import { OSM_PLACEMENT_KEYS, type OsmPlacementKey } from './api.js';

export type OsmLoading = 'eager' | 'lazy';
export type OsmImpressionMode = 'visible' | 'render';

export interface OsmPlacementConfig {
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

export interface OsmRequest {
  url: string;
  placementKey: OsmPlacementKey;
  locale: string;
  purchaseAmount: number | undefined;
  timeout: number;
}

export type ResolvedConfig = { ok: true; request: OsmRequest } | { ok: false; message: string };

/** The attributes that take one of a few values. */
const CHOICES: [attribute: string, key: keyof OsmPlacementConfig, values: readonly string[]][] = [
  ['placement-key', 'placementKey', OSM_PLACEMENT_KEYS],
  ['environment', 'environment', ['production', 'playground']],
  ['region', 'region', ['eu', 'na', 'oc']],
  ['loading', 'loading', ['eager', 'lazy']],
  ['impression', 'impression', ['visible', 'render']],
];

const MINOR_UNITS = 'a whole, non-negative number of minor units, e.g. 12999 for 129.99';

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

export function resolveOsmRequest(config: OsmPlacementConfig): ResolvedConfig {
  const { clientId, placementKey, locale, timeout = 5000 } = config;
  const problems: string[] = [];
  if (!clientId?.trim()) problems.push('client-id is required (here or on a <klarna-config>): your OSM client id from the Klarna Merchant Portal');
  if (!placementKey) problems.push(`placement-key is required: use ${quoted(OSM_PLACEMENT_KEYS)}`);
  for (const [attribute, key, values] of CHOICES) {
    const value = config[key] as string | undefined;
    if (value !== undefined && !values.includes(value)) problems.push(`${attribute} "${value}" is not supported: use ${quoted(values)}`);
  }
  if (!locale || !isOsmLocale(locale)) problems.push(`${locale ? `locale "${locale}" is not supported` : 'locale is required'}: use one of ${OSM_LOCALES.join(', ')}`);

  let amount = config.purchaseAmount;
  if (typeof amount === 'string' && /^\s*\d+\s*$/.test(amount)) amount = Number(amount);
  const hasAmount = amount !== undefined && amount !== null && amount !== '';
  if (hasAmount && !(Number.isSafeInteger(amount) && (amount as number) >= 0)) {
    problems.push(`purchase-amount "${config.purchaseAmountAttribute ?? String(amount)}" must be ${MINOR_UNITS}`);
  } else if (!hasAmount && placementKey === 'credit-promotion-badge') {
    problems.push(`purchase-amount is required for credit-promotion-badge: ${MINOR_UNITS}`);
  }
  if (!(typeof timeout === 'number' && timeout > 0 && timeout < Infinity)) problems.push(`timeout "${String(timeout)}" must be a positive number of milliseconds`);

  let base = '';
  if (!problems.length) try {
    base = osmMessagingUrl({ environment: config.environment as KlarnaEnvironment, region: config.region as KlarnaRegion, locale, baseUrl: config.apiUrl || undefined });
  } catch (error) {
    problems.push(`api-url ${(error as Error).message.replace(/\.$/, '')}`);
  }
  if (problems.length) return { ok: false, message: `${problems.join('; ')}.` };

  const query = new URLSearchParams({ client_id: clientId!.trim(), placement_key: placementKey!, locale: locale! });
  if (hasAmount) query.set('purchase_amount', String(amount));
  return {
    ok: true,
    request: { url: `${base}?${query}`, placementKey: placementKey as OsmPlacementKey, locale: locale!, purchaseAmount: hasAmount ? (amount as number) : undefined, timeout: timeout as number },
  };
}
