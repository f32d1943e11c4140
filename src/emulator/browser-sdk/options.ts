/**
 * The stand-in's own reading of `load`/`update` options: what it refuses, the lines a purchase
 * holds, and whether the button is offered. Its own checks, looser than the library's and written
 * apart from them: the emulator is the oracle the library is tested against.
 */
import type { InstantShoppingOptions, Item, OrderLine } from '../../protocol/instant-shopping.js';

/** A line as the dialog shows and buys it: an order line, or an item bought once. */
export type PurchaseLine = OrderLine | (Item & { quantity: number });

const isInt = (value: unknown) => Number.isSafeInteger(value);

/** Records a problem unless `ok`. */
type Need = (ok: boolean, message: string) => unknown;

export function problemsOf(options: InstantShoppingOptions): string[] {
  const problems: string[] = [];
  const need: Need = (ok, message) => ok || problems.push(message);
  checkSetup(options, need);
  checkPurchase(options, need);
  checkLines(options, need);
  checkShippingOptions(options, need);
  return problems;
}

function checkSetup(options: InstantShoppingOptions, need: Need): void {
  const setup: Partial<InstantShoppingOptions['setup']> = options.setup ?? {};
  need(typeof setup.key === 'string' && setup.key.length > 0, 'setup.key is required');
  need(['production', 'playground'].includes(setup.environment ?? 'production'), 'setup.environment must be production or playground');
  need(['eu', 'na'].includes(setup.region ?? 'eu'), 'setup.region must be eu or na');
}

function checkPurchase(options: InstantShoppingOptions, need: Need): void {
  need(/^[A-Z]{2}$/i.test(options.purchase_country ?? ''), 'purchase_country is required');
  need(/^[A-Z]{3}$/i.test(options.purchase_currency ?? ''), 'purchase_currency is required');
  const localeCountry = /^[a-z]{2,3}-([a-z]{2})$/i.exec(options.locale ?? '')?.[1];
  const localeMatchesCountry = !!localeCountry
    && localeCountry.toUpperCase() === String(options.purchase_country).toUpperCase();
  need(localeMatchesCountry, 'locale must be a locale of purchase_country');
  need(typeof options.merchant_urls?.terms === 'string', 'merchant_urls.terms is required');
}

function checkLines(options: InstantShoppingOptions, need: Need): void {
  const hasOrderLines = !!options.order_lines?.length;
  const lines: unknown = hasOrderLines ? options.order_lines : options.items ?? [];
  need(Array.isArray(lines) && lines.length > 0, 'order_lines or items is required');
  for (const [index, line] of (Array.isArray(lines) ? (lines as PurchaseLine[]) : []).entries()) {
    const quantity = hasOrderLines ? line.quantity : 1;
    const amountFields = ['unit_price', 'tax_rate', 'total_amount', 'total_tax_amount'] as const;
    const amounts = amountFields.every((field) => isInt(line[field])) && isInt(quantity);
    need(amounts, `line ${index}: amounts must be integers`);
    const addsUp = () => line.total_amount === quantity * line.unit_price - (line.total_discount_amount ?? 0);
    need(!amounts || addsUp(), `line ${index}: total_amount does not add up`);
  }
}

function checkShippingOptions(options: InstantShoppingOptions, need: Need): void {
  for (const [index, option] of (options.shipping_options ?? []).entries()) {
    const complete = typeof option.id === 'string' && isInt(option.price) && isInt(option.tax_amount);
    need(complete, `shipping_options ${index}: id, price and tax_amount are required`);
  }
}

/** The lines a purchase contains: order lines, or one item (the dialog lets the consumer pick another). */
export function linesOf(options: InstantShoppingOptions, itemIndex = 0): PurchaseLine[] {
  if (options.order_lines?.length) return options.order_lines;
  const item = options.items?.[itemIndex] ?? options.items?.[0];
  return item ? [{ ...item, quantity: 1 }] : [];
}

export function sum(lines: readonly object[], field: string): number {
  const amountOf = (line: object) => ((line as Record<string, unknown>)[field] as number | undefined) ?? 0;
  return lines.reduce((total, line) => total + amountOf(line), 0);
}

/** Whether the emulated Klarna shows the button: a market it serves, and something to pay for. */
export function offered(options: InstantShoppingOptions, markets: readonly string[]): boolean {
  return markets.includes(String(options.purchase_country).toUpperCase()) && sum(linesOf(options), 'total_amount') > 0;
}

/**
 * A copy of data the page gave, as it is: a structured clone, not a JSON round trip, which a page's
 * `toJSON` (Prototype.js 1.6 puts one on Array.prototype that returns a string) would change.
 */
export function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
