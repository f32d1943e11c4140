/**
 * Checks the server helpers run before any request, so a mistake Klarna would refuse is reported
 * with the field to fix and never costs a round trip (or, for `placeOrder`, an authorization).
 */
import { isLoopbackHostname } from '../core/endpoints.js';
import { DENY_CODES, type AuthorizedOrder, type ButtonSetup } from '../protocol/instant-shopping-rest.js';
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

/**
 * An id that becomes one segment of a request path (a token, a button key, a session id): a
 * non-empty string of at most 255 characters that is not `.` or `..`. Escaping cannot help with
 * those two: a URL resolves them, so `…/authorizations/..` would call another endpoint with the
 * merchant's credentials. The value is never echoed, since it may come from a forged callback.
 */
export function pathIdProblem(name: string, value: unknown): string | undefined {
  const emptyProblem = nonEmpty(name, value);
  if (emptyProblem !== undefined) return emptyProblem;
  if ((value as string).length > MAX_ID_LENGTH) return `${name} is longer than ${MAX_ID_LENGTH} characters`;
  if (value === '.' || value === '..') return `${name} must not be "." or "..", which a URL resolves to another path`;
  return undefined;
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
  const value = setup?.merchant_urls?.place_order;
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

/** Amounts in minor units: whole numbers. Checks the order and each of its lines. */
export function orderProblems(order: AuthorizedOrder | undefined): string[] {
  if (!order || typeof order !== 'object') return ['order must be an object: the authorized order, usually as Klarna sent it'];
  const problems: string[] = [];
  for (const field of ['purchase_country', 'purchase_currency', 'locale'] as const) {
    const problem = nonEmpty(`order.${field}`, order[field]);
    if (problem) problems.push(problem);
  }
  const integer = (name: string, value: unknown, required = false) => {
    if (value === undefined && !required) return;
    if (!Number.isSafeInteger(value)) problems.push(`${name} must be a whole number of minor units (got ${JSON.stringify(value)})`);
  };
  integer('order.order_amount', order.order_amount, true);
  integer('order.order_tax_amount', order.order_tax_amount);
  if (!Array.isArray(order.order_lines) || order.order_lines.length === 0) {
    problems.push('order.order_lines must be a non-empty array');
    return problems;
  }
  order.order_lines.forEach((line, index) => {
    const name = `order.order_lines[${index}]`;
    integer(`${name}.quantity`, line.quantity, true);
    integer(`${name}.unit_price`, line.unit_price, true);
    integer(`${name}.total_amount`, line.total_amount, true);
    integer(`${name}.total_tax_amount`, line.total_tax_amount);
    integer(`${name}.total_discount_amount`, line.total_discount_amount);
    integer(`${name}.tax_rate`, line.tax_rate);
  });
  if (!problems.length) {
    const sum = order.order_lines.reduce((total, line) => total + line.total_amount, 0);
    if (sum !== order.order_amount) problems.push(`order.order_amount ${order.order_amount} must equal the sum of the order lines' total_amount (${sum})`);
  }
  return problems;
}

/** A deny: one of the five codes (`other` with a message), or a redirect URL alone. */
export function denyProblems(reason: DenyReason | undefined): string[] {
  if (!reason || typeof reason !== 'object') return [`reason must be { code, message? } or { redirectUrl }`];
  const { code, message, redirectUrl } = reason as { code?: unknown; message?: unknown; redirectUrl?: unknown };
  if (redirectUrl !== undefined) {
    const problems = code !== undefined || message !== undefined ? ['redirectUrl goes alone: Klarna takes either a redirect URL or a code with a message, not both'] : [];
    try {
      if (!/^https?:$/.test(new URL(redirectUrl as string).protocol)) problems.push('redirectUrl must be an http(s) URL');
    } catch {
      problems.push(`redirectUrl ${JSON.stringify(redirectUrl)} is not an absolute URL`);
    }
    return problems;
  }
  const problems: string[] = [];
  if (!DENY_CODES.includes(code as never)) problems.push(`code ${code === undefined ? 'is required' : `${JSON.stringify(code)} is not a deny code`}: use ${DENY_CODES.map((value) => `"${value}"`).join(', ')}, or give redirectUrl alone`);
  if (message !== undefined && typeof message !== 'string') problems.push('message must be a string');
  if (code === 'other' && !(typeof message === 'string' && message.trim())) problems.push('message is required with code "other": the reason shown to the consumer, in the purchase\'s locale');
  return problems;
}
