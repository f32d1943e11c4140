/**
 * Where Klarna's services live. Every URL the library calls is built here, so pointing the library
 * at the emulator or a merchant's proxy is one `baseUrl` away and production stays the default.
 */
import { ownValue } from './json.js';
import { type KlarnaRegion, regionForCountry, regionForLocale, isKlarnaRegion } from './markets.js';

export type KlarnaEnvironment = 'playground' | 'production';

export const KLARNA_ENVIRONMENTS: readonly KlarnaEnvironment[] = ['production', 'playground'];

/**
 * Klarna's REST API host for an environment and region, as Klarna's OSM and REST docs list them:
 * `api` with `-na` or `-oc` outside Europe, and `.playground` for the playground.
 */
export function klarnaApiHost(environment: KlarnaEnvironment, region: KlarnaRegion): string {
  return `https://api${region === 'eu' ? '' : `-${region}`}${environment === 'playground' ? '.playground' : ''}.klarna.com`;
}

/** Every REST API host, by environment and region. */
export const KLARNA_API_HOSTS: Readonly<Record<KlarnaEnvironment, Readonly<Record<KlarnaRegion, string>>>> =
  /* @__PURE__ */ hostTable();

function hostTable() {
  const row = (environment: KlarnaEnvironment) => ({ eu: klarnaApiHost(environment, 'eu'), na: klarnaApiHost(environment, 'na'), oc: klarnaApiHost(environment, 'oc') });
  return { production: row('production'), playground: row('playground') };
}

/** The Instant Shopping JS SDK. Klarna serves one URL for every environment and region. */
export const INSTANT_SHOPPING_SDK_URL = 'https://x.klarnacdn.net/instantshopping/lib/v1/lib.js';

/** Path of the SDK below a base URL, so the emulator can serve it at the same place. */
export const INSTANT_SHOPPING_SDK_PATH = '/instantshopping/lib/v1/lib.js';
/** The Web SDK v2's module path on Klarna's host (`js.klarna.com`); the emulator serves its stand-in at the same path. */
export const WEB_SDK_PATH = '/web-sdk/v2/klarna.mjs';

export const OSM_MESSAGING_PATH = '/messaging/v3';

/**
 * Whether a URL's hostname is this machine (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`),
 * where plain http is as trustworthy as https to a browser: the emulator and development servers.
 */
export function isLoopbackHostname(hostname: string): boolean {
  return /^(localhost|.+\.localhost|127(\.\d+){3}|\[::1\])$/.test(hostname);
}

export function isKlarnaEnvironment(value: unknown): value is KlarnaEnvironment {
  return value === 'production' || value === 'playground';
}

export interface EndpointOptions {
  /** `production` (default) or `playground`. */
  environment?: KlarnaEnvironment | undefined;
  /** API region; derived from `locale` or `country` when absent, else `eu`. */
  region?: KlarnaRegion | undefined;
  /** A locale such as `en-US`, used to derive the region when `region` is absent. */
  locale?: string | undefined;
  /** A country such as `US`, used to derive the region when `region` and `locale` are absent. */
  country?: string | undefined;
  /** Replaces Klarna's host entirely (the emulator, a proxy): `https://proxy.example/klarna`. */
  baseUrl?: string | undefined;
}

/** The region to call: the one given, else the locale's market, else the country's, else `eu`. */
export function resolveRegion(options: Pick<EndpointOptions, 'region' | 'locale' | 'country'>): KlarnaRegion {
  // The options' own fields: a polluted Object.prototype chooses no host.
  const region = ownValue(options, 'region');
  const locale = ownValue(options, 'locale');
  const country = ownValue(options, 'country');
  if (isKlarnaRegion(region)) return region;
  if (typeof locale === 'string' && locale) return regionForLocale(locale);
  if (typeof country === 'string' && country) return regionForCountry(country);
  return 'eu';
}

/** Why a base URL cannot be used: not absolute, not http(s), or carrying a query or fragment. */
export type BaseUrlFault = 'not-absolute' | 'not-http' | 'query-or-fragment';

/** What each {@link BaseUrlFault} asks the merchant to fix, after the value. */
export const BASE_URL_FAULTS: Readonly<Record<BaseUrlFault, string>> = {
  'not-absolute': 'is not an absolute URL, e.g. "http://localhost:8787"',
  'not-http': 'must use http: or https:',
  'query-or-fragment': 'must not have a query or fragment',
};

/**
 * A base URL without trailing slashes, or why it cannot be one (as a code, so that a page needs
 * no wording until something is wrong): a relative or `javascript:` base would send requests
 * somewhere the merchant did not mean.
 */
export function checkBaseUrl(baseUrl: string): { url: string } | { fault: BaseUrlFault } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { fault: 'not-absolute' };
  }
  if (!/^https?:$/.test(url.protocol)) return { fault: 'not-http' };
  if (url.search || url.hash) return { fault: 'query-or-fragment' };
  return { url: url.href.replace(/\/+$/, '') };
}

/** A base URL without trailing slashes; throws a `TypeError` that says what to fix. */
export function normalizeBaseUrl(baseUrl: string): string {
  const checked = checkBaseUrl(baseUrl);
  if ('fault' in checked) throw new TypeError(`"${baseUrl}" ${BASE_URL_FAULTS[checked.fault]}.`);
  return checked.url;
}

/** The REST base URL for an environment and region, or the override when one is given. */
export function apiBaseUrl(options: EndpointOptions = {}): string {
  // The options' own fields: a polluted Object.prototype sends no request, and no credential, elsewhere.
  const baseUrl = ownValue(options, 'baseUrl') as string | undefined;
  if (baseUrl) return normalizeBaseUrl(baseUrl);
  const environment = (ownValue(options, 'environment') as KlarnaEnvironment | undefined) ?? 'production';
  return klarnaApiHost(environment, resolveRegion(options));
}

/** The On-site messaging endpoint: `{base}/messaging/v3`. */
export function osmMessagingUrl(options: EndpointOptions = {}): string {
  return apiBaseUrl(options) + OSM_MESSAGING_PATH;
}

/** The Instant Shopping SDK URL: Klarna's, or the same path below an override base URL. */
export function instantShoppingSdkUrl(options: Pick<EndpointOptions, 'baseUrl'> = {}): string {
  const baseUrl = ownValue(options, 'baseUrl') as string | undefined;
  return baseUrl ? normalizeBaseUrl(baseUrl) + INSTANT_SHOPPING_SDK_PATH : INSTANT_SHOPPING_SDK_URL;
}
