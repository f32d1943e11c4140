/**
 * Checks the server helpers run before any request, so a mistake Klarna would refuse is reported
 * with the field to fix and never costs a round trip (or, for `placeOrder`, an authorization).
 */
import { isLoopbackHostname } from '../core/endpoints.js';
import { DENY_CODES, type AuthorizedOrder, type ButtonSetup } from '../protocol/instant-shopping-rest.js';
import { ownValue } from './own.js';
import type { DenyReason } from './purchase-decisions.js';

const MAX_PLACE_ORDER_URL_LENGTH = 2000;

/** A call refused before it reached Klarna. `problems` names each field and what it must be. */
export class KlarnaValidationError extends TypeError {
  override readonly name = 'KlarnaValidationError';
  readonly problems: readonly string[];

  constructor(operation: string, problems: readonly string[]) {
    super(`${operation}: ${problems.join('; ')}.`);
    this.problems = problems;
  }
}

export function isKlarnaValidationError(error: unknown): error is KlarnaValidationError {
  return error instanceof KlarnaValidationError;
}

/** Throws one {@link KlarnaValidationError} listing every problem, when there are any. */
export function assertValid(operation: string, problems: readonly (string | undefined)[]): void {
  const found = problems.filter((problem): problem is string => problem !== undefined);
  if (found.length) throw new KlarnaValidationError(operation, found);
}

export function nonEmpty(name: string, value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? undefined : `${name} must be a non-empty string`;
}

const MAX_ID_LENGTH = 255;

/** Klarna's ids (UUIDs, `krn:…` names, tokens) are printable ASCII: no spaces, no controls, nothing beyond. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * An id that becomes one segment of a request path (a token, a button key, a session id): a
 * non-empty string of at most 255 printable ASCII characters that is not `.` or `..`. Escaping
 * cannot help with those two: a URL resolves them, so `…/authorizations/..` would call another
 * endpoint with the merchant's credentials. Other characters are no id Klarna issues, and some
 * cannot be sent at all: `encodeURIComponent` throws on a lone surrogate (`tok\ud800x`), and a
 * token also goes into the `Klarna-Idempotency-Key` header, which takes no character beyond
 * Latin-1. The value is never echoed, since it may come from a forged callback.
 */
export function pathIdProblem(name: string, value: unknown): string | undefined {
  const emptyProblem = nonEmpty(name, value);
  if (emptyProblem !== undefined) return emptyProblem;
  if ((value as string).length > MAX_ID_LENGTH) return `${name} is longer than ${MAX_ID_LENGTH} characters`;
  if (value === '.' || value === '..') return `${name} must not be "." or "..", which a URL resolves to another path`;
  if (!PRINTABLE_ASCII.test(value as string)) return `${name} must be printable ASCII without spaces, as Klarna's ids are`;
  return undefined;
}

/** A lone surrogate: half of a character, which no encoder can turn into bytes (`\p{Cs}` matches only unpaired halves under `u`). */
const LONE_SURROGATE = /\p{Cs}/u;

/** A string that is whole Unicode text: TextEncoder would silently turn a lone surrogate into U+FFFD. */
export function wellFormedProblem(name: string, value: string): string | undefined {
  return LONE_SURROGATE.test(value) ? `${name} must be well-formed text (it holds half of a character)` : undefined;
}

/** What fetch refuses in a header value (a ByteString without line breaks or NUL), so it is refused before the call. */
const NOT_A_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A value sent as a header: text fetch can send, else fetch throws and the call would fail as a network error. Never echoed: it may be a secret. */
export function headerValueProblem(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return `${name} must be a string`;
  if (NOT_A_HEADER_VALUE.test(value)) return `${name} must be Latin-1 text without line breaks, to fit in a header`;
  return undefined;
}

/** A call's extra headers: own fields only, each a header name with a value fetch can send. */
export function headerProblems(headers: unknown): string[] {
  if (headers === undefined) return [];
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return ['headers must be an object of header names and values'];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const label = `headers[${JSON.stringify(name).slice(0, 60)}]`;
    if (!HEADER_NAME.test(name)) problems.push(`${label} is not a header name`);
    else {
      const problem = headerValueProblem(label, value);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/**
 * `merchant_urls.place_order`: required when creating a key (`required`), https and at most 2000
 * characters, as Klarna documents it. One exception: with `toEmulator` (the client talks to an
 * emulator on this machine), http on a loopback host is allowed, where a development backend runs.
 */
export function placeOrderUrlProblem(
  setup: ButtonSetup | undefined,
  required: boolean,
  toEmulator = false,
): string | undefined {
  const value = ownValue(ownValue(setup, 'merchant_urls'), 'place_order');
  const name = 'merchant_urls.place_order';
  if (value === undefined) return required ? `${name} is required: the https URL where Klarna posts each purchase for your decision` : undefined;
  if (typeof value !== 'string') return `${name} must be a URL string`;
  if (value.length > MAX_PLACE_ORDER_URL_LENGTH) return `${name} is ${value.length} characters long; Klarna takes at most ${MAX_PLACE_ORDER_URL_LENGTH}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} "${value}" is not an absolute URL`;
  }
  if (url.protocol === 'https:' || (toEmulator && url.protocol === 'http:' && isLoopbackHostname(url.hostname))) return undefined;
  return `${name} must use https (got ${url.protocol})`;
}

/** A value as it may be shown in a problem: bounded, and never a throw (`JSON.stringify` throws on a BigInt). */
function shown(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text ??= typeof value === 'bigint' ? `${value}n` : typeof value;
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Amounts in minor units: whole numbers. Checks the order and each of its lines, by their own fields. */
export function orderProblems(order: AuthorizedOrder | undefined): string[] {
  if (!order || typeof order !== 'object') return ['order must be an object: the authorized order, usually as Klarna sent it'];
  const problems: string[] = [];
  for (const field of ['purchase_country', 'purchase_currency', 'locale'] as const) {
    const problem = nonEmpty(`order.${field}`, ownValue(order, field));
    if (problem) problems.push(problem);
  }
  const integer = (record: unknown, name: string, field: string, required = false) => {
    const value = ownValue(record, field);
    if (value === undefined && !required) return;
    if (!Number.isSafeInteger(value)) problems.push(`${name}.${field} must be a whole number of minor units (got ${shown(value)})`);
  };
  integer(order, 'order', 'order_amount', true);
  integer(order, 'order', 'order_tax_amount');
  const lines = ownValue(order, 'order_lines');
  if (!Array.isArray(lines) || lines.length === 0) {
    problems.push('order.order_lines must be a non-empty array');
    return problems;
  }
  lines.forEach((line: unknown, index) => {
    const name = `order.order_lines[${index}]`;
    if (typeof line !== 'object' || line === null) return void problems.push(`${name} must be an object`);
    for (const field of ['quantity', 'unit_price', 'total_amount']) integer(line, name, field, true);
    for (const field of ['total_tax_amount', 'total_discount_amount', 'tax_rate']) integer(line, name, field);
  });
  if (!problems.length) {
    const sum = lines.reduce((total: number, line) => total + (ownValue(line, 'total_amount') as number), 0);
    const amount = ownValue(order, 'order_amount') as number;
    if (sum !== amount) problems.push(`order.order_amount ${amount} must equal the sum of the order lines' total_amount (${sum})`);
  }
  return problems;
}

/** A deny: one of the five codes (`other` with a message), or a redirect URL alone; read by its own fields. */
export function denyProblems(reason: DenyReason | undefined): string[] {
  if (!reason || typeof reason !== 'object') return [`reason must be { code, message? } or { redirectUrl }`];
  const code = ownValue(reason, 'code');
  const message = ownValue(reason, 'message');
  const redirectUrl = ownValue(reason, 'redirectUrl');
  if (redirectUrl !== undefined) {
    const problems = code !== undefined || message !== undefined ? ['redirectUrl goes alone: Klarna takes either a redirect URL or a code with a message, not both'] : [];
    try {
      if (!/^https?:$/.test(new URL(redirectUrl as string).protocol)) problems.push('redirectUrl must be an http(s) URL');
    } catch {
      problems.push(`redirectUrl ${shown(redirectUrl)} is not an absolute URL`);
    }
    return problems;
  }
  const problems: string[] = [];
  if (!DENY_CODES.includes(code as never)) problems.push(`code ${code === undefined ? 'is required' : `${shown(code)} is not a deny code`}: use ${DENY_CODES.map((value) => `"${value}"`).join(', ')}, or give redirectUrl alone`);
  if (message !== undefined && typeof message !== 'string') problems.push('message must be a string');
  if (code === 'other' && !(typeof message === 'string' && message.trim())) problems.push('message is required with code "other": the reason shown to the consumer, in the purchase\'s locale');
  return problems;
}
