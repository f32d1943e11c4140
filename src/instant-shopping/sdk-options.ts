/**
 * Builds the options for `Klarna.InstantShopping.load`/`update` from the host's attributes,
 * properties and JSON child, and checks them before the SDK sees them. Everything given is first
 * read into data (see page-data.ts), so no input, however deep, cyclic or odd, throws here. Every
 * problem is named by the attribute or property the merchant sets; the order lines' totals are
 * checked by the protocol layer's rules, never corrected.
 */
import { isRecord } from '../core/json.js';
import { countryOfLocale, regionForCountry } from '../core/markets.js';
import { orderLineProblems, shippingOptionProblems } from '../protocol/instant-shopping-checks.js';
import { DataReader } from './page-data.js';
import type { KlarnaPageConfig } from '../internal/page-config.js';
import type { InstantShoppingOptions, InstantShoppingRegion } from '../protocol/instant-shopping.js';

/** The host's inputs, as the element holds them (anything a script may have assigned). */
export interface HostInputs {
  buttonKey: unknown;
  instanceId: unknown;
  environment: unknown;
  region: unknown;
  purchaseCountry: unknown;
  purchaseCurrency: unknown;
  locale: unknown;
  /** SDK-shaped data from a `<script type="application/json">` child; lowest precedence. */
  json: Record<string, unknown> | undefined;
  /** Why the JSON child could not be read, when it could not. */
  jsonProblem?: string | undefined;
  /** The `sdk-url` attribute, checked here so that every problem is reported together. */
  sdkUrl: unknown;
  /** SDK fields set through properties (`orderLines` → `order_lines`); above the JSON child. */
  fields: Record<string, unknown>;
  /** The `options` property: any SDK field, merged last. */
  options: unknown;
  /** What relative URLs are resolved against: the page's `document.baseURI`. */
  baseUri?: string | undefined;
}

/** What a `<script type="application/json">` child gave: its fields, or why it could not be read. */
export interface JsonChild {
  value: Record<string, unknown>;
  problem: string | undefined;
}

export type ResolvedOptions = { ok: true; options: InstantShoppingOptions } | { ok: false; message: string };

/** The host's properties that make its options (the element itself satisfies this). */
export type HostProperties = Partial<Record<keyof typeof DATA_PROPERTIES | 'buttonKey' | 'instanceId' | 'environment' | 'region' | 'purchaseCountry' | 'purchaseCurrency' | 'locale' | 'options', unknown>>;

/**
 * Whether the host was given anything that configures it: an attribute or property (its instance id
 * and nonce aside), a JSON child, or a page setting it reads. A host given nothing (one that upgraded
 * before a framework set its properties) waits quietly instead of reporting everything as missing.
 */
export function isConfigured(
  host: HostProperties & { sdkUrl?: unknown },
  page: KlarnaPageConfig,
  json: JsonChild,
): boolean {
  const { buttonKey, environment, region, purchaseCountry, purchaseCurrency, locale, options, sdkUrl } = host;
  const data = Object.keys(DATA_PROPERTIES).map((property) => host[property as keyof typeof DATA_PROPERTIES]);
  const given = [buttonKey, environment, region, purchaseCountry, purchaseCurrency, locale, options, sdkUrl, ...data];
  const fromPage = [page.locale, page.environment, page.apiUrl];
  return [...given, ...fromPage, json.problem].some((value) => value != null) || Object.keys(json.value).length > 0;
}

/** The inputs from a host: its properties over the page's settings, its JSON child, the SDK URL in force. */
export function hostInputs(host: HostProperties, page: KlarnaPageConfig, json: JsonChild, sdkUrl: unknown): HostInputs {
  const fields = Object.entries(DATA_PROPERTIES)
    .map(([property, field]): [string, unknown] => [field, host[property as keyof typeof DATA_PROPERTIES]]);
  return {
    buttonKey: host.buttonKey,
    instanceId: host.instanceId,
    environment: host.environment || page.environment,
    region: host.region,
    purchaseCountry: host.purchaseCountry,
    purchaseCurrency: host.purchaseCurrency,
    locale: host.locale || page.locale,
    sdkUrl,
    json: json.value,
    jsonProblem: json.problem,
    fields: Object.fromEntries(fields),
    options: host.options,
    baseUri: globalThis.document?.baseURI,
  };
}

/** Property name → SDK field, for the structured data the host takes. */
export const DATA_PROPERTIES = {
  orderLines: 'order_lines',
  items: 'items',
  shippingOptions: 'shipping_options',
  merchantUrls: 'merchant_urls',
  styling: 'styling',
  billingAddress: 'billing_address',
  billingCountries: 'billing_countries',
  shippingCountries: 'shipping_countries',
  merchantReference1: 'merchant_reference1',
  merchantReference2: 'merchant_reference2',
  merchantData: 'merchant_data',
  additionalCheckboxes: 'additional_checkboxes',
} as const;

/** How a merchant sets each SDK field, for messages. */
const FIELD_NAMES: Record<string, string> = {
  purchase_country: 'purchase-country',
  purchase_currency: 'purchase-currency',
  locale: 'locale',
  ...Object.fromEntries(Object.entries(DATA_PROPERTIES).map(([property, field]) => [field, property])),
};

const MAX_MERCHANT_DATA = 1024;
const MAX_PROBLEMS = 6;

/** Instant Shopping runs in Klarna's `eu` and `na` regions; North American countries use `na`. */
export function instantShoppingRegion(country: string): InstantShoppingRegion {
  return regionForCountry(country) === 'na' ? 'na' : 'eu';
}

export function resolveOptions(given: HostInputs): ResolvedOptions {
  const { inputs, problems: unreadable } = readInputs(given);
  const problems = [...inputProblems(inputs), ...unreadable];
  // Data that could not be read is not checked further: what keeps it from being data is what to fix first.
  if (unreadable.length) return unresolved(problems);
  const merged = mergedFields(inputs);
  const { key, environment } = checkSetup(inputs, problems);
  checkMarket(merged, problems);
  const merchantUrls = checkMerchantUrls(merged.merchant_urls, problems, inputs.baseUri);
  if (merchantUrls !== undefined) merged.merchant_urls = merchantUrls;
  checkLines(merged, problems);
  checkShippingOptions(merged.shipping_options, problems);
  checkOthers(merged, problems);

  if (problems.length) return unresolved(problems);
  const country = merged.purchase_country as string;
  const region = (inputs.region as InstantShoppingRegion | undefined) ?? instantShoppingRegion(country);
  return {
    ok: true,
    options: { setup: { instance_id: inputs.instanceId as string, key, environment, region }, ...merged },
  };
}

/** The first few problems, in one message. */
function unresolved(problems: string[]): ResolvedOptions {
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS) shown.push(`and ${problems.length - MAX_PROBLEMS} more`);
  return { ok: false, message: `${shown.join('; ')}.` };
}

/**
 * The inputs with every piece of data read into a copy the checks can trust (see page-data.ts):
 * own fields only, without a prototype, bounded in depth and size. What could not be read is left
 * out, with a problem naming it. `sdk-url` stays as it was given: a TrustedScriptURL is not data.
 */
function readInputs(given: HostInputs): { inputs: HostInputs; problems: string[] } {
  const reader = new DataReader();
  const inputs: HostInputs = {
    ...given,
    buttonKey: reader.read(given.buttonKey, 'button-key'),
    instanceId: reader.read(given.instanceId, 'instance-id'),
    environment: reader.read(given.environment, 'environment'),
    region: reader.read(given.region, 'region'),
    purchaseCountry: reader.read(given.purchaseCountry, 'purchase-country'),
    purchaseCurrency: reader.read(given.purchaseCurrency, 'purchase-currency'),
    locale: reader.read(given.locale, 'locale'),
    json: given.json && reader.readFields(given.json, (field) => field, ' in the <script type="application/json"> child'),
    fields: reader.readFields(given.fields, (field) => FIELD_NAMES[field] ?? field),
    options: reader.read(given.options, 'options'),
  };
  return { inputs, problems: reader.problems };
}

/** Problems with how the data was given: the JSON child, `sdk-url`, `options`. */
function inputProblems(inputs: HostInputs): string[] {
  const problems: string[] = [];
  const { jsonProblem, sdkUrl, options, baseUri } = inputs;
  if (jsonProblem) problems.push(`the <script type="application/json"> child ${jsonProblem}`);
  if (sdkUrl !== undefined && sdkUrl !== null && !httpUrl(sdkUrl, baseUri)) {
    problems.push(`sdk-url ${show(sdkUrl)} must be an http(s) URL of the Instant Shopping lib.js`);
  }
  if (options !== undefined && options !== null && !isRecord(options)) problems.push('options must be an object of Instant Shopping SDK fields');
  return problems;
}

/** The SDK's fields, `setup` aside: the JSON child, under the attributes, under the properties, under `options`. */
function mergedFields(inputs: HostInputs): Record<string, unknown> {
  const { json = {}, fields } = inputs;
  const extra = isRecord(inputs.options) ? inputs.options : {};
  // `setup` comes from the attributes alone; a `setup` in the JSON child or in `options` is ignored.
  const { setup: _ignored, ...jsonFields } = json;
  const { setup: _alsoIgnored, ...extraFields } = extra;
  const attributes = {
    purchase_country: inputs.purchaseCountry,
    purchase_currency: inputs.purchaseCurrency,
    locale: inputs.locale,
  };
  // Read copies, merged into an object without a prototype: a field the page did not give is never
  // read from a polluted Object.prototype, here or in the checks.
  const merged = Object.create(null) as Record<string, unknown>;
  Object.assign(merged, jsonFields, defined(attributes), defined(fields), extraFields);
  return merged;
}

/** The button key and environment for `setup`, and what is wrong with them and with the region. */
function checkSetup(inputs: HostInputs, problems: string[]): { key: string; environment: 'production' | 'playground' } {
  const key = typeof inputs.buttonKey === 'string' ? inputs.buttonKey.trim() : '';
  if (!key) problems.push('button-key is required: the key your server created with Klarna\'s Button Keys API (POST /instantshopping/v1/buttons)');
  // The host makes one up when none is given; one a script set to anything but text names no instance.
  if (typeof inputs.instanceId !== 'string') problems.push(`instance-id ${show(inputs.instanceId)} must be a string`);
  const environment = inputs.environment ?? 'production';
  if (environment !== 'production' && environment !== 'playground') problems.push(`environment ${show(environment)} is not supported: use "production" or "playground"`);
  if (inputs.region !== undefined && inputs.region !== 'eu' && inputs.region !== 'na') problems.push(`region ${show(inputs.region)} is not supported: use "eu" or "na"`);
  return { key, environment: environment as 'production' | 'playground' };
}

// ── checks ──────────────────────────────────────────────────────────────────────────────────────

function checkMarket(merged: Record<string, unknown>, problems: string[]): void {
  const { purchase_country: country, purchase_currency: currency, locale } = merged;
  const countryOk = typeof country === 'string' && /^[a-z]{2}$/i.test(country);
  if (!countryOk) problems.push(country === undefined ? 'purchase-country is required: a two-letter country code such as "SE"' : `purchase-country ${show(country)} must be a two-letter country code such as "SE"`);
  if (!(typeof currency === 'string' && /^[a-z]{3}$/i.test(currency))) problems.push(currency === undefined ? 'purchase-currency is required: a three-letter currency code such as "SEK"' : `purchase-currency ${show(currency)} must be a three-letter currency code such as "SEK"`);
  const localeCountry = typeof locale === 'string' ? countryOfLocale(locale) : undefined;
  if (locale === undefined) problems.push('locale is required: a language and country such as "sv-SE"');
  else if (!localeCountry) problems.push(`locale ${show(locale)} must be a language and country such as "sv-SE"`);
  else if (countryOk && localeCountry !== country.toUpperCase()) problems.push(`locale ${show(locale)} does not match purchase-country ${show(country)}: use a locale of that market, such as "en-${country.toUpperCase()}"`);
}

/**
 * Checks the merchant URLs and returns them absolute: a merchant writes `/terms` as in any link of
 * the page, and Klarna, which opens them from its own dialog, gets `https://shop.example/terms`.
 */
function checkMerchantUrls(urls: unknown, problems: string[], base: string | undefined): unknown {
  if (!isRecord(urls) || urls.terms === undefined) {
    problems.push('merchantUrls.terms is required: the URL of your terms and conditions, which Klarna links to in the purchase dialog');
    return urls;
  }
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(urls)) {
    const url = value === undefined ? undefined : httpUrl(value, base);
    if (value !== undefined && !url) problems.push(`merchantUrls.${name} ${show(value)} must be an http(s) URL, absolute or relative to the page`);
    resolved[name] = url ?? value;
  }
  return resolved;
}

function checkLines(merged: Record<string, unknown>, problems: string[]): void {
  const { order_lines: orderLines, items } = merged;
  for (const [field, lines] of [['order_lines', orderLines], ['items', items]] as const) {
    if (lines !== undefined && !Array.isArray(lines)) problems.push(`${FIELD_NAMES[field]} must be an array`);
  }
  const hasLines = Array.isArray(orderLines) && orderLines.length > 0;
  const hasItems = Array.isArray(items) && items.length > 0;
  if (!hasLines && !hasItems) {
    problems.push('orderLines (or items) is required: at least one product to sell');
    return;
  }
  // Klarna uses order_lines when both are given, so only those are checked then.
  const [field, list] = hasLines ? ['orderLines', orderLines as unknown[]] : ['items', items as unknown[]];
  list.forEach((line, index) => problems.push(...orderLineProblems(line, `${field}[${index}]`, field === 'orderLines')));
}

function checkShippingOptions(options: unknown, problems: string[]): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    problems.push('shippingOptions must be an array');
    return;
  }
  options.forEach((option: unknown, index) => problems.push(...shippingOptionProblems(option, `shippingOptions[${index}]`)));
}

function checkOthers(merged: Record<string, unknown>, problems: string[]): void {
  const { merchant_data: data, billing_countries: billing, shipping_countries: shipping } = merged;
  const checkboxes = merged.additional_checkboxes;
  if (data !== undefined && (typeof data !== 'string' || data.length > MAX_MERCHANT_DATA)) problems.push(`merchantData must be a string of at most ${MAX_MERCHANT_DATA} characters`);
  const countryCodes = (value: unknown) => Array.isArray(value) && value.every((code) => typeof code === 'string' && /^[a-z]{2}$/i.test(code));
  for (const [name, value] of [['billingCountries', billing], ['shippingCountries', shipping]] as const) {
    if (value !== undefined && !countryCodes(value)) problems.push(`${name} must be an array of two-letter country codes`);
  }
  const checkbox = (box: unknown) => isRecord(box) && typeof box.id === 'string' && typeof box.text === 'string';
  if (checkboxes !== undefined && !(Array.isArray(checkboxes) && checkboxes.every(checkbox))) {
    problems.push('additionalCheckboxes must be an array of { id, text }');
  }
}

/** How much of a value a message shows. */
const MAX_SHOWN = 200;

/** A value as a merchant would recognise it in a message: strings quoted, anything else as JSON, cut short; never throws. */
function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // `sdk-url` is the one input not read into data first: it may be any object.
    text = `a value that is not data (${typeof value})`;
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** `value` as an absolute http(s) URL, resolved against `base` when relative; `undefined` when it is none. */
function httpUrl(value: unknown, base?: string): string | undefined {
  // A string, or a TrustedScriptURL (an object whose text is the URL), but not just any object.
  const { trustedTypes } = globalThis as { trustedTypes?: { isScriptURL(value: unknown): boolean } };
  const isTrusted = trustedTypes?.isScriptURL(value);
  if (typeof value !== 'string' && !isTrusted) return undefined;
  try {
    const url = new URL(String(value), base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
}
