/**
 * What would make Klarna refuse an Express Checkout payment request, checked before Klarna sees it,
 * so that no dialog opens for a purchase that cannot complete: whole minor units, a currency of a
 * Klarna market, line items that add up to the amount, the Web SDK's kind of client id. Totals are
 * checked, never corrected. Each problem starts with the path the caller knows the value by
 * (`lineItems[0].totalAmount`), so the message names what to fix. Fields are read as the object's
 * own: data from a page may sit on a polluted `Object.prototype`.
 */
import { isRecord, ownValue } from '../core/json.js';
import { isKlarnaCurrency } from '../core/markets.js';
import type { CustomerProfileScope, ShippingAddressRejection, ShippingType } from './express-checkout.js';

/** A Web SDK client identifier, as the Merchant Portal's "Client identifiers" page gives it. */
const SDK_CLIENT_ID = /^klarna_(test|live)_client_[A-Za-z0-9_-]+$/;
/** The On-site messaging client id: a UUID, which a page showing both elements also has. */
const OSM_CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PROFILE_SCOPES: readonly CustomerProfileScope[] = [
  'profile:name',
  'profile:email',
  'profile:phone',
  'profile:locale',
  'profile:billing_address',
  'profile:country',
  'profile:national_identification',
  'profile:date_of_birth',
];

/**
 * Why `value` is not a Web SDK client id, or `undefined` when it is. A UUID is named for what it
 * probably is: the On-site messaging client id, which `<klarna-config client-id>` gives placements.
 */
export function sdkClientIdProblem(value: unknown, at = 'client-id'): string | undefined {
  if (typeof value === 'string' && SDK_CLIENT_ID.test(value)) return undefined;
  const expected = 'the Web SDK client identifier (klarna_test_client_… or klarna_live_client_…, from the Merchant Portal\'s Client identifiers)';
  if (typeof value === 'string' && OSM_CLIENT_ID.test(value)) {
    return `${at} "${value}" looks like an On-site messaging client id: Express Checkout needs ${expected}`;
  }
  return `${at} must be ${expected}`;
}

/**
 * Problems of a payment request in Klarna's r8 shape (`PaymentRequestData`), each naming its field
 * under `at`; none when Klarna would take it.
 */
export function paymentRequestProblems(request: unknown, at = 'paymentRequest'): string[] {
  if (!isRecord(request)) return [`${at} must be an object`];
  const problems: string[] = [];
  const currency = ownValue(request, 'currency');
  if (typeof currency !== 'string' || !isKlarnaCurrency(currency)) {
    problems.push(`${at}.currency ${shown(currency)} is not the ISO 4217 code of a Klarna market (USD, EUR, GBP, SEK, …)`);
  }
  const amount = ownValue(request, 'amount');
  if (amount !== undefined && !isMinorUnits(amount)) problems.push(`${at}.amount ${shown(amount)} must be a whole number of minor units, 0 or more`);
  const supplementary = ownValue(request, 'supplementaryPurchaseData');
  if (supplementary !== undefined && !isRecord(supplementary)) problems.push(`${at}.supplementaryPurchaseData must be an object`);
  const lineItems = ownValue(supplementary, 'lineItems');
  if (lineItems !== undefined) {
    problems.push(...lineItemsProblems(lineItems, isMinorUnits(amount) ? amount : undefined, `${at}.supplementaryPurchaseData.lineItems`));
  }
  problems.push(...shippingConfigProblems(ownValue(request, 'shippingConfig'), `${at}.shippingConfig`));
  problems.push(...profileProblems(ownValue(request, 'collectCustomerProfile'), `${at}.collectCustomerProfile`));
  const returnUrl = ownValue(ownValue(request, 'customerInteractionConfig'), 'returnUrl');
  if (returnUrl !== undefined && !isWebUrl(returnUrl)) problems.push(`${at}.customerInteractionConfig.returnUrl must be an absolute http(s) URL`);
  return problems;
}

/** Each line's fields, and a sum of `totalAmount` that is the request's `amount` when both are known. */
export function lineItemsProblems(lineItems: unknown, amount: number | undefined, at: string): string[] {
  if (!Array.isArray(lineItems)) return [`${at} must be an array`];
  const problems: string[] = [];
  let sum = 0;
  // An index loop, not forEach: a hole in the list (`[, line]`) is a missing line, not none.
  for (let index = 0; index < lineItems.length; index++) {
    const line: unknown = lineItems[index];
    const lineProblems = lineItemProblems(line, `${at}[${index}]`);
    problems.push(...lineProblems);
    if (lineProblems.length === 0) sum += ownValue(line, 'totalAmount') as number;
  }
  if (problems.length === 0 && amount !== undefined && sum !== amount) {
    problems.push(`${at} add up to ${sum}, not the amount ${amount}: the lines' totalAmount must sum to the amount (totals are checked, never corrected)`);
  }
  return problems;
}

function lineItemProblems(line: unknown, at: string): string[] {
  if (!isRecord(line)) return [`${at} must be an object`];
  const problems: string[] = [];
  const name = ownValue(line, 'name');
  if (typeof name !== 'string' || !name.trim()) problems.push(`${at}.name is required`);
  const quantity = ownValue(line, 'quantity');
  if (!Number.isInteger(quantity) || (quantity as number) < 1) problems.push(`${at}.quantity must be a whole number, 1 or more`);
  if (!isMinorUnits(ownValue(line, 'totalAmount'))) problems.push(`${at}.totalAmount must be a whole number of minor units, 0 or more`);
  const tax = ownValue(line, 'totalTaxAmount');
  if (tax !== undefined && !isMinorUnits(tax)) problems.push(`${at}.totalTaxAmount must be a whole number of minor units, 0 or more`);
  return problems;
}

function shippingConfigProblems(config: unknown, at: string): string[] {
  if (config === undefined) return [];
  if (!isRecord(config)) return [`${at} must be an object`];
  const problems: string[] = [];
  const mode = ownValue(config, 'mode');
  if (mode !== 'EDITABLE' && mode !== 'READ_ONLY') problems.push(`${at}.mode must be "EDITABLE" or "READ_ONLY"`);
  const countries = ownValue(config, 'supportedCountries');
  if (countries !== undefined && !(Array.isArray(countries) && countries.every((country) => typeof country === 'string' && /^[A-Z]{2}$/.test(country)))) {
    problems.push(`${at}.supportedCountries must list ISO 3166 alpha-2 codes ("US", "SE")`);
  }
  return problems;
}

function profileProblems(scopes: unknown, at: string): string[] {
  if (scopes === undefined) return [];
  if (!Array.isArray(scopes)) return [`${at} must be an array`];
  const unknown = scopes.filter((scope) => !(PROFILE_SCOPES as readonly unknown[]).includes(scope));
  if (unknown.length === 0) return [];
  return [`${at} has ${unknown.map((scope) => shown(scope)).join(', ')}: the scopes are ${PROFILE_SCOPES.join(', ')}`];
}

const ADDRESS_REJECTIONS: readonly ShippingAddressRejection[] = [
  'COUNTRY_NOT_SUPPORTED',
  'POSTAL_CODE_NOT_SUPPORTED',
  'CITY_NOT_SUPPORTED',
  'REGION_NOT_SUPPORTED',
  'ADDRESS_NOT_SUPPORTED',
];

const SHIPPING_TYPES: readonly ShippingType[] = [
  'TO_DOOR',
  'TO_CURB',
  'TO_MAILBOX',
  'PICKUP_BOX',
  'PICKUP_POINT',
  'PICKUP_STORE',
  'PICKUP_WAREHOUSE',
  'DIGITAL_EMAIL',
  'DIGITAL_DOWNLOAD',
  'DIGITAL_OTHER',
  'PHYSICAL_OTHER',
];

/**
 * Problems of a merchant's answer to a new shipping address: a refusal Klarna knows, or at least
 * one option (a chosen one among them), with totals that add up. Chosen: an empty list of options
 * is refused here, as the shopper could not go on; refuse the address instead.
 */
export function shippingAddressAnswerProblems(answer: unknown, at = 'answer'): string[] {
  if (!isRecord(answer)) return [`${at} must be an object`];
  const rejection = ownValue(answer, 'rejectionReason');
  if (rejection !== undefined) {
    if ((ADDRESS_REJECTIONS as readonly unknown[]).includes(rejection)) return [];
    return [`${at}.rejectionReason ${shown(rejection)} is not one of ${ADDRESS_REJECTIONS.join(', ')}`];
  }
  const options = ownValue(answer, 'shippingOptions');
  if (!Array.isArray(options) || options.length === 0) {
    return [`${at}.shippingOptions must list at least one option, or give a rejectionReason`];
  }
  const problems = options.flatMap((option: unknown, index) => shippingOptionProblems(option, `${at}.shippingOptions[${index}]`));
  const selected = ownValue(answer, 'selectedShippingOptionReference');
  const references = options.map((option: unknown) => ownValue(option, 'shippingOptionReference'));
  if (selected !== undefined && !references.includes(selected)) {
    problems.push(`${at}.selectedShippingOptionReference ${shown(selected)} is none of the options' shippingOptionReference`);
  }
  problems.push(...totalsProblems(answer, at, false));
  return problems;
}

/** Problems of a merchant's answer to a chosen shipping option: `INVALID_OPTION`, or the new amount. */
export function shippingOptionAnswerProblems(answer: unknown, at = 'answer'): string[] {
  if (!isRecord(answer)) return [`${at} must be an object`];
  const rejection = ownValue(answer, 'rejectionReason');
  if (rejection !== undefined) {
    return rejection === 'INVALID_OPTION' ? [] : [`${at}.rejectionReason ${shown(rejection)} must be "INVALID_OPTION"`];
  }
  return totalsProblems(answer, at, true);
}

function shippingOptionProblems(option: unknown, at: string): string[] {
  if (!isRecord(option)) return [`${at} must be an object`];
  const problems: string[] = [];
  for (const name of ['shippingOptionReference', 'displayName']) {
    const value = ownValue(option, name);
    if (typeof value !== 'string' || !value.trim()) problems.push(`${at}.${name} is required`);
  }
  if (typeof ownValue(option, 'description') !== 'string') problems.push(`${at}.description must be a string`);
  if (!isMinorUnits(ownValue(option, 'amount'))) problems.push(`${at}.amount must be a whole number of minor units, 0 or more`);
  const type = ownValue(option, 'shippingType');
  if (type !== undefined && !(SHIPPING_TYPES as readonly unknown[]).includes(type)) {
    problems.push(`${at}.shippingType ${shown(type)} is not one of ${SHIPPING_TYPES.join(', ')}`);
  }
  return problems;
}

/** An answer's new `amount` (required or not) and line items, which add up to it. */
function totalsProblems(answer: Record<string, unknown>, at: string, amountRequired: boolean): string[] {
  const amount = ownValue(answer, 'amount');
  const problems: string[] = [];
  if ((amountRequired || amount !== undefined) && !isMinorUnits(amount)) {
    problems.push(`${at}.amount must be a whole number of minor units, 0 or more`);
  }
  const lineItems = ownValue(answer, 'lineItems');
  if (lineItems !== undefined) problems.push(...lineItemsProblems(lineItems, isMinorUnits(amount) ? amount : undefined, `${at}.lineItems`));
  return problems;
}

/** A value as a message shows it: JSON where it can be, never a throw (a BigInt, a cycle). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return `a ${typeof value}`;
  }
}

/** A whole, non-negative number of minor units (3290 for 32.90). */
function isMinorUnits(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
