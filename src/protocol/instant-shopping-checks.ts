/**
 * What Klarna checks in an Instant Shopping order line and shipping option, checked before Klarna
 * sees them: whole minor units, totals that add up, tax that matches its rate. Totals are checked,
 * never corrected: a button that charges a different amount than the page shows is worse than no
 * button. Each problem starts with `at`, the path the caller knows the value by
 * (`orderLines[0]`), so the message names what to fix.
 */
import { isRecord } from '../core/json.js';

/** Problems of one order line (`hasQuantity`) or one item (a variation: no quantity, no `_` in its identifiers). */
export function orderLineProblems(line: unknown, at: string, hasQuantity: boolean): string[] {
  const problems: string[] = [];
  if (!isRecord(line)) return [`${at} must be an object`];
  if (typeof line.name !== 'string' || !line.name.trim()) problems.push(`${at}.name is required`);
  const amounts = ['unit_price', 'tax_rate', 'total_amount', 'total_tax_amount', ...(hasQuantity ? ['quantity'] : [])];
  let whole = integerProblems(line, amounts, at, problems);
  whole = integerProblems(line, line.total_discount_amount === undefined ? [] : ['total_discount_amount'], at, problems) && whole;
  if (!whole) return problems;
  totalProblems(line, at, hasQuantity, problems);
  taxProblems(line, 'total_amount', 'total_tax_amount', at, problems);
  if (!hasQuantity) identifierProblems(line, at, problems);
  return problems;
}

/** A quantity of at least 1, and a total that is quantity × unit_price − total_discount_amount. */
function totalProblems(line: Record<string, unknown>, at: string, hasQuantity: boolean, problems: string[]): void {
  const quantity = hasQuantity ? (line.quantity as number) : 1;
  if (hasQuantity && quantity < 1) problems.push(`${at}.quantity must be at least 1`);
  const unitPrice = line.unit_price as number;
  const discount = (line.total_discount_amount as number | undefined) ?? 0;
  const total = line.total_amount as number;
  const expected = quantity * unitPrice - discount;
  if (total === expected) return;
  const formula = hasQuantity
    ? `quantity × unit_price − total_discount_amount = ${quantity} × ${unitPrice} − ${discount}`
    : `unit_price − total_discount_amount = ${unitPrice} − ${discount}`;
  problems.push(`${at}.total_amount ${total} does not add up: ${formula} = ${expected} (totals are checked, never corrected)`);
}

/** An item's identifiers (its group's, its attributes' identifiers and values) hold no `_`. */
function identifierProblems(line: Record<string, unknown>, at: string, problems: string[]): void {
  if (typeof line.group_identifier === 'string' && line.group_identifier.includes('_')) {
    problems.push(`${at}.group_identifier "${line.group_identifier}" must not contain "_"`);
  }
  const attributes = Array.isArray(line.product_attributes) ? (line.product_attributes as unknown[]) : [];
  attributes.forEach((attribute, index) => {
    if (!isRecord(attribute)) return;
    for (const name of ['identifier', 'value']) {
      const value = attribute[name];
      if (typeof value === 'string' && value.includes('_')) problems.push(`${at}.product_attributes[${index}].${name} "${value}" must not contain "_"`);
    }
  });
}

/** Problems of one shipping option: an id and a name, and a price whose tax matches its rate. */
export function shippingOptionProblems(option: unknown, at: string): string[] {
  if (!isRecord(option)) return [`${at} must be an object`];
  const problems: string[] = [];
  for (const name of ['id', 'name']) {
    const value = option[name];
    if (typeof value !== 'string' || !value.trim()) problems.push(`${at}.${name} is required`);
  }
  if (integerProblems(option, ['price', 'tax_amount', 'tax_rate'], at, problems)) taxProblems(option, 'price', 'tax_amount', at, problems);
  return problems;
}

/**
 * The tax included in `amount` at `taxRate` (2500 = 25 %): `amount − amount × 10000 / (10000 + rate)`,
 * Klarna's formula, rounded to a minor unit.
 */
export function includedTax(amount: number, taxRate: number): number {
  return Math.round(amount - (amount * 10_000) / (10_000 + taxRate));
}

/** One minor unit either way is rounding, not an error. */
function taxProblems(
  record: Record<string, unknown>,
  amountField: string,
  taxField: string,
  at: string,
  problems: string[],
): void {
  const amount = record[amountField] as number;
  const rate = record.tax_rate as number;
  const tax = record[taxField] as number;
  if (rate < 0 || rate > 10_000) {
    problems.push(`${at}.tax_rate ${rate} must be between 0 and 10000 (2500 is 25 %)`);
    return;
  }
  const expected = includedTax(amount, rate);
  if (Math.abs(tax - expected) > 1) problems.push(`${at}.${taxField} ${tax} does not match tax_rate ${rate} on ${amountField} ${amount}: expected ${expected} (within one minor unit)`);
}

/** True when every named field is a whole number; otherwise each one that is not is a problem. */
function integerProblems(record: Record<string, unknown>, names: string[], at: string, problems: string[]): boolean {
  let ok = true;
  for (const name of names) {
    const value = record[name];
    if (!Number.isSafeInteger(value)) {
      ok = false;
      problems.push(value === undefined ? `${at}.${name} is required` : `${at}.${name} ${JSON.stringify(value)} must be an integer (minor units: 11900 for 119.00)`);
    }
  }
  return ok;
}
