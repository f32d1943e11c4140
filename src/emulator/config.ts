/**
 * The emulator's configuration: which OSM clients exist, what they offer, and the faults and
 * latency tests can switch on. It comes from an options object, a JSON file, or a runtime patch
 * (`POST /__emulator/config`), merged over {@link defaultEmulatorConfig}.
 */
import { readFile } from 'node:fs/promises';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { FraudStatus } from '../protocol/instant-shopping-rest.js';
import { DEFAULT_FINANCING, DEFAULT_PAY_IN_FOUR, EMULATOR_CLIENT_ID, EMULATOR_DISABLED_CLIENT_ID } from './constants.js';
import { isRecord } from '../core/json.js';
import { ownData, UNSAFE_KEYS, unsafeKeyPaths } from './own-data.js';

export interface AmountRange {
  /** Minor units, inclusive. */
  min: number;
  /** Minor units, inclusive. */
  max: number;
}

export interface FinancingOffer extends AmountRange {
  /** Annual percentage rate, e.g. `19.99`. */
  apr: number;
  months: number;
  /** Countries whose market offers financing. */
  markets: string[];
}

export interface EmulatorOsmClient {
  /** `false` answers 403, like a client whose OSM API access Klarna has not enabled. */
  enabled: boolean;
  /** Amounts that get a "4 payments" message. */
  payInFour: AmountRange;
  /** Larger amounts that get a financing message with TEXT_LEGAL and ACTION_PREQUALIFY; `false` for none. */
  financing: FinancingOffer | false;
  /** Locales this client has messaging for; any other listed OSM locale answers 204. Absent: all. */
  locales?: string[] | undefined;
  /**
   * The intrinsic size of the Klarna badge this client's answers link to, so tests can check that a
   * page's layout does not depend on it. Absent: Klarna's 71×30.
   */
  badge?: EmulatorBadgeSize | undefined;
}

/** A badge's intrinsic size in CSS px, each a positive integer, e.g. `{ width: 60, height: 24 }`. */
export interface EmulatorBadgeSize {
  width: number;
  height: number;
}

export interface EmulatorCredentials {
  username: string;
  password: string;
}

export interface FraudRule {
  /** Matches orders whose `order_amount` (minor units) is at least this. */
  minOrderAmount?: number;
  /** Matches orders whose `order_amount` is at most this. */
  maxOrderAmount?: number;
  /** Matches orders whose billing postal code is exactly this. */
  postalCode?: string;
  /** Matches orders whose billing email is exactly this. */
  email?: string;
  status: FraudStatus;
}

/** The merchant API credentials the emulator accepts by default. Not secrets: they open nothing but the emulator. */
export const EMULATOR_API_USERNAME = 'emulator-merchant';
export const EMULATOR_API_PASSWORD = 'emulator-password';

/** An API key of the newer Klarna APIs (Shopping Session), and the partner account it acts for. */
export interface EmulatorApiKey {
  apiKey: string;
  accountId: string;
}

/** The API key and account the emulator accepts by default. Not secrets: they open nothing but the emulator. */
export const EMULATOR_API_KEY = 'emulator-api-key';
export const EMULATOR_ACCOUNT_ID = 'krn:partner:global:account:test:EMULATOR';

/** The webhook signing key the emulator signs its deliveries with by default. Not a secret: it opens nothing but the emulator. */
export const EMULATOR_WEBHOOK_SIGNING_KEY = 'emulator-webhook-signing-key';

/** A fault for tests: matched requests get this status, body or delay instead of the real answer. */
export interface EmulatorFault {
  /** Exact path, e.g. `/messaging/v3`; absent matches every non-control path. */
  path?: string;
  /** Query values a request must have, e.g. `{ "purchase_amount": "1000" }`. */
  query?: Record<string, string>;
  /** Status to answer with; absent keeps the real status (use with `latencyMs`). */
  status?: number;
  /** Raw body to send, e.g. `{"content": ` for a malformed answer. Absent: Klarna's error body for 4xx/5xx. */
  body?: string;
  contentType?: string;
  /** Extra response headers, e.g. `{ "retry-after": "1" }`. */
  headers?: Record<string, string>;
  /** Extra delay before answering, in ms. */
  latencyMs?: number;
  /** How many matching requests it applies to; absent: all. */
  times?: number;
}

export interface EmulatorConfig {
  /** Delay before every answer, in ms. */
  latencyMs: number;
  /** How many of the latest requests and impressions the records keep (a dev server left running must not grow without bound). */
  recordLimit: number;
  /** The origin the emulator puts in the URLs it returns; default: from the request's Host header. */
  publicUrl?: string | undefined;
  osm: {
    clients: Record<string, EmulatorOsmClient>;
    /** Placement keys that exist; any other answers 404. */
    placements: string[];
    /** `cache-control` of a 200, as Klarna documents it. */
    cacheControl: string;
  };
  instantShopping: {
    /** Countries where the emulated SDK offers the button (`show_button: true`). */
    markets: string[];
    /** API credentials the REST endpoints accept (HTTP Basic); anything else is a 401. */
    credentials: EmulatorCredentials[];
    /** The fraud status of a placed order when no rule matches. */
    fraudStatus: FraudStatus;
    /** The first matching rule sets a placed order's fraud status, to test PENDING and REJECTED. */
    fraudRules: FraudRule[];
    /** How long the purchase dialog waits for the merchant to place or deny the order, in ms. */
    decisionTimeoutMs: number;
  };
  shoppingSession: {
    /** API keys the Shopping Session endpoints accept (`Authorization: Basic <key>`); anything else is a 401. */
    apiKeys: EmulatorApiKey[];
    /** How long a session lives after it was created or updated, in ms. */
    lifetimeMs: number;
  };
  payments: {
    /** API credentials Klarna Payments' endpoints accept (HTTP Basic); anything else is a 401. */
    credentials: EmulatorCredentials[];
    /** The fraud status of a created order. */
    fraudStatus: FraudStatus;
    /** How long a payment token can be turned into an order, in ms (Klarna documents 60 minutes). */
    tokenLifetimeMs: number;
  };
  expressCheckout: {
    /** Where the emulator posts `payment.request.state-change.completed` when told to; absent: nowhere. */
    webhookUrl?: string | undefined;
    /** The key each delivery is signed with (HMAC-SHA256 of the body, hex, in `Klarna-Signature`). */
    signingKey: string;
    /** Web SDK client ids the emulated Klarna knows; empty: any well-formed `klarna_test_client_…`. */
    clientIds: string[];
    /** Origins allowed to use them (the Merchant Portal's list); empty: any. */
    allowedOrigins: string[];
    /** How the emulated dialog ends when the shopper presses Pay: Klarna approves, declines, or the purchase aborts (as if the shopper closed the dialog). */
    outcome: 'approve' | 'decline' | 'abort';
    /** How long the emulated Klarna waits for a shipping callback's answer (Klarna: 5 s). */
    shippingDeadlineMs: number;
  };
  faults: EmulatorFault[];
}

/** A partial config: objects merge key by key, arrays and other values replace. */
export type EmulatorConfigPatch = DeepPartial<EmulatorConfig>;

type DeepPartial<T> = T extends unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export function defaultEmulatorConfig(): EmulatorConfig {
  const payInFour = { ...DEFAULT_PAY_IN_FOUR };
  const financing: FinancingOffer = { ...DEFAULT_FINANCING, markets: [...DEFAULT_FINANCING.markets] };
  return {
    latencyMs: 0,
    recordLimit: 1000,
    osm: {
      clients: {
        [EMULATOR_CLIENT_ID]: { enabled: true, payInFour, financing },
        [EMULATOR_DISABLED_CLIENT_ID]: { enabled: false, payInFour, financing: false },
      },
      placements: ['credit-promotion-badge', 'top-strip-promotion-badge'],
      cacheControl: 'private, max-age=86400',
    },
    instantShopping: {
      // Where Klarna launched Instant Shopping.
      markets: ['AT', 'DE', 'DK', 'FI', 'GB', 'NL', 'NO', 'SE', 'US'],
      credentials: [{ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD }],
      fraudStatus: 'ACCEPTED',
      fraudRules: [],
      decisionTimeoutMs: 30_000,
    },
    shoppingSession: {
      apiKeys: [{ apiKey: EMULATOR_API_KEY, accountId: EMULATOR_ACCOUNT_ID }],
      // Klarna does not document a session's lifetime; the emulator chooses one day.
      lifetimeMs: 86_400_000,
    },
    payments: {
      credentials: [{ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD }],
      fraudStatus: 'ACCEPTED',
      tokenLifetimeMs: 60 * 60 * 1000,
    },
    expressCheckout: {
      signingKey: EMULATOR_WEBHOOK_SIGNING_KEY,
      clientIds: [],
      allowedOrigins: [],
      outcome: 'approve',
      shippingDeadlineMs: 5000,
    },
    faults: [],
  };
}

export function mergeConfig<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  if (!isRecord(base) || !isRecord(patch)) return patch as T;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    // JSON.parse makes `__proto__` an own key; assigned here, it would replace the prototype. validateConfig names it.
    if (UNSAFE_KEYS.has(key)) {
      Object.defineProperty(result, key, { value, enumerable: true, configurable: true, writable: true });
      continue;
    }
    result[key] = Object.hasOwn(result, key) ? mergeConfig(result[key], value as never) : value;
  }
  return result as T;
}

/** Reads a JSON config file (a patch over the defaults), with errors that name the file. */
export async function readConfigFile(path: string): Promise<EmulatorConfigPatch> {
  const text = await readFile(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Emulator config ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isRecord(parsed)) throw new Error(`Emulator config ${path} must hold a JSON object.`);
  return parsed;
}

/**
 * A patch merged over a config, as the emulator keeps it: every object without a prototype (a field
 * a patch left out reads as `undefined`, whatever a polluted `Object.prototype` holds; see
 * `own-data.ts`), then checked. Throws an `Error` that names the bad field.
 */
export function resolveConfig(base: EmulatorConfig, patch: EmulatorConfigPatch | undefined): EmulatorConfig {
  return validateConfig(ownData(mergeConfig<EmulatorConfig>(base, patch)));
}

/** Checks a merged config; throws an `Error` that names the bad field. */
export function validateConfig(config: EmulatorConfig): EmulatorConfig {
  const problems = [
    ...unsafeKeyPaths(config, 'config').map((path) => `${path} is not a usable key`),
    ...limitProblems(config),
    ...publicUrlProblems(config.publicUrl),
    ...osmProblems(config.osm),
    ...instantShoppingProblems(config.instantShopping),
    ...shoppingSessionProblems(config.shoppingSession),
    ...paymentsProblems(config.payments),
    ...expressCheckoutProblems(config.expressCheckout),
    ...faultProblems(config.faults),
  ];
  if (problems.length) throw new Error(`Invalid emulator config: ${problems.join('; ')}.`);
  return config;
}

// Each part of the config is checked by a function of its own. A patch can have replaced any
// object with something else, hence the optional chaining on what the types say is always there.

function limitProblems(config: EmulatorConfig): string[] {
  const problems: string[] = [];
  if (!isNonNegativeInteger(config.latencyMs)) problems.push('latencyMs must be a non-negative integer');
  if (!isPositiveInteger(config.recordLimit)) problems.push('recordLimit must be a positive integer');
  return problems;
}

/** The origin put in answers' URLs, and a name the emulator answers to: an absolute http(s) URL. */
function publicUrlProblems(publicUrl: unknown): string[] {
  if (publicUrl === undefined) return [];
  const problem = ['publicUrl must be an absolute http or https URL, e.g. "https://klarna-emulator.test"'];
  if (typeof publicUrl !== 'string' || !URL.canParse(publicUrl)) return problem;
  return ['http:', 'https:'].includes(new URL(publicUrl).protocol) ? [] : problem;
}

function osmProblems(osm: EmulatorConfig['osm']): string[] {
  const problems: string[] = [];
  if (!isRecord(osm?.clients)) problems.push('osm.clients must be an object keyed by client id');
  for (const [id, client] of Object.entries(osm?.clients ?? {})) problems.push(...osmClientProblems(`osm.clients["${id}"]`, client));
  if (!isStringArray(osm?.placements)) problems.push('osm.placements must be an array of placement keys');
  if (typeof osm?.cacheControl !== 'string') problems.push('osm.cacheControl must be a string, a cache-control header');
  return problems;
}

function osmClientProblems(name: string, client: EmulatorOsmClient): string[] {
  if (!isRecord(client)) return [`${name} must be an object: { enabled, payInFour, financing }`];
  const problems: string[] = [];
  if (typeof client.enabled !== 'boolean') problems.push(`${name}.enabled must be true or false`);
  if (!isRange(client.payInFour)) problems.push(`${name}.payInFour must be { min, max } in minor units`);
  if (client.financing !== false && !isFinancing(client.financing)) {
    problems.push(`${name}.financing must be false or { min, max, apr, months, markets }`);
  }
  if (client.locales !== undefined && !isStringArray(client.locales)) problems.push(`${name}.locales must be an array of locales`);
  if (client.badge !== undefined && !isBadgeSize(client.badge)) {
    problems.push(`${name}.badge must be { width, height } in CSS px, each a positive integer`);
  }
  return problems;
}

const FRAUD_STATUSES: readonly string[] = ['ACCEPTED', 'PENDING', 'REJECTED'];

function instantShoppingProblems(instantShopping: EmulatorConfig['instantShopping']): string[] {
  const problems: string[] = [];
  const markets = instantShopping?.markets;
  if (!(Array.isArray(markets) && markets.every((code) => /^[A-Z]{2}$/.test(code)))) {
    problems.push('instantShopping.markets must be an array of upper-case two-letter country codes');
  }
  const credentials = instantShopping?.credentials;
  const isCredential = (entry: EmulatorCredentials) =>
    typeof entry?.username === 'string' && typeof entry.password === 'string';
  if (!(Array.isArray(credentials) && credentials.every(isCredential))) {
    problems.push('instantShopping.credentials must be an array of { username, password }');
  }
  if (!FRAUD_STATUSES.includes(instantShopping?.fraudStatus)) {
    problems.push('instantShopping.fraudStatus must be ACCEPTED, PENDING or REJECTED');
  }
  const fraudRules = instantShopping?.fraudRules;
  if (!(Array.isArray(fraudRules) && fraudRules.every(isFraudRule))) {
    problems.push('instantShopping.fraudRules must be an array of rules, each with a status of ACCEPTED, PENDING or REJECTED, '
      + 'and optional minOrderAmount and maxOrderAmount (integers), postalCode and email (strings)');
  }
  if (!isNonNegativeInteger(instantShopping?.decisionTimeoutMs)) {
    problems.push('instantShopping.decisionTimeoutMs must be a non-negative integer');
  }
  return problems;
}

function shoppingSessionProblems(shoppingSession: EmulatorConfig['shoppingSession']): string[] {
  const problems: string[] = [];
  const apiKeys = shoppingSession?.apiKeys;
  const isApiKey = (entry: EmulatorApiKey) =>
    typeof entry?.apiKey === 'string' && typeof entry.accountId === 'string';
  if (!(Array.isArray(apiKeys) && apiKeys.every(isApiKey))) {
    problems.push('shoppingSession.apiKeys must be an array of { apiKey, accountId }');
  }
  if (!isPositiveInteger(shoppingSession?.lifetimeMs)) problems.push('shoppingSession.lifetimeMs must be a positive integer');
  return problems;
}

function paymentsProblems(payments: EmulatorConfig['payments']): string[] {
  const problems: string[] = [];
  const credentials = payments?.credentials;
  if (!(Array.isArray(credentials) && credentials.every((entry) => typeof entry?.username === 'string' && typeof entry.password === 'string'))) {
    problems.push('payments.credentials must be an array of { username, password }');
  }
  if (!FRAUD_STATUSES.includes(payments?.fraudStatus)) problems.push('payments.fraudStatus must be ACCEPTED, PENDING or REJECTED');
  if (!isPositiveInteger(payments?.tokenLifetimeMs)) problems.push('payments.tokenLifetimeMs must be a positive integer');
  return problems;
}

function expressCheckoutProblems(expressCheckout: EmulatorConfig['expressCheckout']): string[] {
  const problems: string[] = [];
  const url = expressCheckout?.webhookUrl;
  if (url !== undefined && !(typeof url === 'string' && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol))) {
    problems.push('expressCheckout.webhookUrl must be an absolute http or https URL');
  }
  if (!(typeof expressCheckout?.signingKey === 'string' && expressCheckout.signingKey)) problems.push('expressCheckout.signingKey must be a non-empty string');
  return [...problems, ...webSdkProblems(expressCheckout)];
}

/** The emulated Web SDK's settings: which client ids and origins it knows, how its dialog ends. */
function webSdkProblems(expressCheckout: EmulatorConfig['expressCheckout']): string[] {
  const problems: string[] = [];
  for (const list of ['clientIds', 'allowedOrigins'] as const) {
    const value = expressCheckout?.[list];
    if (!(Array.isArray(value) && value.every((entry) => typeof entry === 'string'))) problems.push(`expressCheckout.${list} must be an array of strings`);
  }
  if (!['approve', 'decline', 'abort'].includes(expressCheckout?.outcome)) problems.push('expressCheckout.outcome must be approve, decline or abort');
  if (!isPositiveInteger(expressCheckout?.shippingDeadlineMs)) problems.push('expressCheckout.shippingDeadlineMs must be a positive integer');
  return problems;
}

function isFraudRule(rule: FraudRule): boolean {
  return isRecord(rule)
    && FRAUD_STATUSES.includes(rule.status)
    && (rule.minOrderAmount === undefined || Number.isSafeInteger(rule.minOrderAmount))
    && (rule.maxOrderAmount === undefined || Number.isSafeInteger(rule.maxOrderAmount))
    && (rule.postalCode === undefined || typeof rule.postalCode === 'string')
    && (rule.email === undefined || typeof rule.email === 'string');
}

function faultProblems(faults: EmulatorFault[]): string[] {
  if (!Array.isArray(faults)) return ['faults must be an array'];
  return faults.flatMap((fault, index) => faultEntryProblems(`faults[${index}]`, fault));
}

/** A fault's fields, each of which the emulator puts into an answer: a wrong type would fail every answer it matches. */
function faultEntryProblems(name: string, entry: unknown): string[] {
  if (!isRecord(entry)) return [`${name} must be an object`];
  const fault = entry as EmulatorFault;
  return [...faultMatchProblems(name, fault), ...faultAnswerProblems(name, fault), ...faultTimingProblems(name, fault)];
}

/** Which requests a fault applies to. */
function faultMatchProblems(name: string, fault: EmulatorFault): string[] {
  const problems: string[] = [];
  if (fault.path !== undefined && typeof fault.path !== 'string') problems.push(`${name}.path must be a string`);
  if (fault.query !== undefined && !isStringRecord(fault.query)) problems.push(`${name}.query must be an object of strings`);
  return problems;
}

/** What a fault answers with. */
function faultAnswerProblems(name: string, fault: EmulatorFault): string[] {
  const problems: string[] = [];
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)) {
    problems.push(`${name}.status must be an HTTP status from 200 to 599`);
  }
  if (fault.body !== undefined && typeof fault.body !== 'string') problems.push(`${name}.body must be a string`);
  if (fault.contentType !== undefined && !isHeader('content-type', fault.contentType)) {
    problems.push(`${name}.contentType must be a content type, e.g. "application/json"`);
  }
  if (fault.headers !== undefined && !isHeaderRecord(fault.headers)) {
    problems.push(`${name}.headers must be an object of header names and string values`);
  }
  return problems;
}

/** When and how often a fault applies. */
function faultTimingProblems(name: string, fault: EmulatorFault): string[] {
  const problems: string[] = [];
  if (fault.latencyMs !== undefined && !isNonNegativeInteger(fault.latencyMs)) {
    problems.push(`${name}.latencyMs must be a non-negative integer`);
  }
  if (fault.times !== undefined && !isPositiveInteger(fault.times)) problems.push(`${name}.times must be a positive integer`);
  return problems;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((item) => typeof item === 'string');
}

function isHeaderRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.entries(value).every(([name, item]) => isHeader(name, item));
}

/** Whether Node would send this header: a token for a name, a string without line breaks for a value. */
function isHeader(name: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

function isNonNegativeInteger(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isPositiveInteger(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) > 0;
}

function isFinancing(value: unknown): value is FinancingOffer {
  if (!isRange(value)) return false;
  const { apr, months, markets } = value as FinancingOffer;
  return Number.isFinite(apr) && apr >= 0 && isPositiveInteger(months) && isStringArray(markets);
}

function isRange(value: unknown): value is AmountRange {
  return isRecord(value)
    && isNonNegativeInteger(value.min)
    && isNonNegativeInteger(value.max)
    && (value.min as number) <= (value.max as number);
}

/** Safe integers only: the size goes into the badge's URL and back, and 1e21 would come back as "1e+21". */
function isBadgeSize(value: unknown): value is EmulatorBadgeSize {
  return isRecord(value) && isBadgeLength(value.width) && isBadgeLength(value.height);
}

function isBadgeLength(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}
