/**
 * Turns the element's attributes into an OSM request URL, or into one message that names the
 * attribute to fix and the values it takes.
 */
import { isKlarnaEnvironment, osmMessagingUrl, type KlarnaEnvironment } from '../core/endpoints.js';
import { isKlarnaRegion, isOsmLocale, OSM_LOCALES, type KlarnaRegion } from '../core/markets.js';
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

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

export function resolveOsmRequest(config: OsmPlacementConfig): ResolvedConfig {
  const problems: string[] = [];
  const { clientId, placementKey, locale } = config;

  if (!clientId?.trim()) problems.push('client-id is required: your On-site messaging client id from the Klarna Merchant Portal');
  if (!placementKey) problems.push(`placement-key is required: use ${quoted(OSM_PLACEMENT_KEYS)}`);
  else if (!(OSM_PLACEMENT_KEYS as readonly string[]).includes(placementKey)) problems.push(`placement-key "${placementKey}" is not supported by the On-site messaging API: use ${quoted(OSM_PLACEMENT_KEYS)}`);
  if (!locale) problems.push('locale is required, e.g. "en-US"');
  else if (!isOsmLocale(locale)) problems.push(`locale "${locale}" is not one On-site messaging serves: use one of ${OSM_LOCALES.join(', ')}`);

  const amount = readAmount(config.purchaseAmount);
  const amountText = config.purchaseAmountAttribute ?? String(config.purchaseAmount);
  if (amount === 'invalid') problems.push(`purchase-amount "${amountText}" must be a whole, non-negative number of minor units, e.g. 12999 for 129.99`);
  else if (amount === undefined && placementKey === 'credit-promotion-badge') problems.push('purchase-amount is required for credit-promotion-badge: the price in minor units, e.g. 12999 for 129.99');

  const environment = config.environment ?? 'production';
  if (!isKlarnaEnvironment(environment)) problems.push(`environment "${environment}" must be "production" or "playground"`);
  if (config.region !== undefined && !isKlarnaRegion(config.region)) problems.push(`region "${config.region}" must be "eu", "na" or "oc" (or absent, to follow the locale)`);
  if (config.loading !== undefined && config.loading !== 'eager' && config.loading !== 'lazy') problems.push(`loading "${config.loading}" must be "eager" or "lazy"`);
  if (config.impression !== undefined && config.impression !== 'visible' && config.impression !== 'render') problems.push(`impression "${config.impression}" must be "visible" or "render"`);
  const timeout = config.timeout ?? 5000;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) problems.push(`timeout "${String(config.timeout)}" must be a positive number of milliseconds`);

  let base: string | undefined;
  if (problems.length === 0) {
    try {
      base = osmMessagingUrl({
        environment: environment as KlarnaEnvironment,
        region: config.region as KlarnaRegion | undefined,
        locale,
        baseUrl: config.apiUrl || undefined,
      });
    } catch (error) {
      problems.push(`api-url ${(error as Error).message}`);
    }
  }
  if (problems.length > 0 || base === undefined) return { ok: false, message: `${problems.join('; ')}.` };

  const query = new URLSearchParams({ client_id: clientId!.trim(), placement_key: placementKey!, locale: locale! });
  if (typeof amount === 'number') query.set('purchase_amount', String(amount));
  return {
    ok: true,
    request: { url: `${base}?${query}`, placementKey: placementKey as OsmPlacementKey, locale: locale!, purchaseAmount: typeof amount === 'number' ? amount : undefined, timeout: timeout as number },
  };
}

/** A whole, non-negative amount; numeric strings from a framework's binding are accepted too. */
function readAmount(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null || value === '') return undefined;
  const amount = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0 ? amount : 'invalid';
}
