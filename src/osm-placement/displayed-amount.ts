/**
 * Reads a purchase amount from what the page displays (`amount-from`): a price element's
 * `data-amount` (minor units), its schema.org `content` or `value` (major units), or its text
 * ("$1,299.99", "1.299,99 €", "1 299,99 kr", "CHF 1’299.90", "129,-"), in the minor units of the
 * locale's currency. Loaded only by placements that use `amount-from`.
 *
 * Text is read by its shape rather than by the locale's separators, because shops format prices
 * their own way (an `en-DE` page may well write "1.299,00 €"): the last `.` or `,` followed by at
 * most the currency's minor digits (or by `-`, as in "129,-") is the decimal mark; every other
 * `.`, `,`, space or apostrophe groups thousands. No currency OSM serves has three minor digits, so
 * "1.299" and "1,299" are both 1299.
 */

/** What an element's price reads as: an amount in minor units, or the text that could not be read. */
export type DisplayedAmount = { amount: number } | { unreadable: string };

/** A number as shops write prices: digits with grouping (`.` `,` spaces, apostrophes) and an optional decimal part or `,-`. */
const PRICE = /\d(?:[\d.,'’\u00a0\u202f\u2009 ]*\d)?(?:[.,][-–]{1,2})?/g;

/** Marks that stand next to a price: symbols, `kr`, `Kč`, `zł`, ISO codes; a run next to one is preferred over a stray number. */
const CURRENCY_MARK = /[$€£¥₣]|\b(?:kr|Kč|zł|Fr|CHF|EUR|USD|GBP|SEK|NOK|DKK|PLN|CZK|CAD|MXN|AUD|NZD)\b|[.,][-–]/u;

/** Digits after the decimal mark for the locale's currency (2 for every market OSM serves). */
export function minorDigitsOf(locale: string, currency: string): number {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The price in `text` in minor units, or `undefined` when it holds none that reads as one. */
export function parseDisplayedPrice(text: string, minorDigits = 2): number | undefined {
  const runs = [...text.matchAll(PRICE)];
  const near = (run: RegExpMatchArray) => {
    const start = run.index!;
    const end = start + run[0].length;
    return CURRENCY_MARK.test(text.slice(Math.max(0, start - 4), start) + text.slice(end, end + 4) + run[0]);
  };
  const run = (runs.length > 1 && runs.find(near)) || runs[0];
  if (!run) return undefined;
  let digits = run[0].replace(/[.,][-–]{1,2}$/, '');
  let fraction = '';
  const decimal = new RegExp(`[.,](\\d{1,${minorDigits}})$`).exec(digits);
  if (decimal && minorDigits > 0) {
    fraction = decimal[1]!;
    digits = digits.slice(0, decimal.index);
  }
  const whole = digits.replace(/\D/g, '');
  const amount = Number(whole) * 10 ** minorDigits + Number(fraction.padEnd(minorDigits, '0') || 0);
  return Number.isSafeInteger(amount) ? amount : undefined;
}

/** Strike-through and sale-before prices a container may hold next to the price that counts. */
const NOT_THE_PRICE = 'del, s, strike, [hidden], [aria-hidden="true"], [data-amount-ignore]';

/**
 * The amount `element` shows: its `data-amount` (minor units, a whole number), else its
 * `content` or `value` attribute (schema.org `itemprop="price"`, `<data value>`, `<meta content>`:
 * major units with a `.` decimal mark), else its text without struck-through or hidden parts.
 */
export function readDisplayedAmount(element: Element, minorDigits = 2): DisplayedAmount {
  const minor = element.getAttribute('data-amount');
  if (minor !== null) {
    const isWhole = /^\s*\d+\s*$/.test(minor) && Number.isSafeInteger(Number(minor));
    return isWhole ? { amount: Number(minor) } : { unreadable: minor };
  }
  const fieldValue = element.localName === 'input' ? (element as HTMLInputElement).value : element.getAttribute('value');
  const major = element.getAttribute('content') ?? fieldValue;
  if (major !== null) {
    const value = Number(major.trim());
    const isPrice = major.trim() && Number.isFinite(value) && value >= 0;
    return isPrice ? { amount: Math.round(value * 10 ** minorDigits) } : { unreadable: major };
  }
  // Copied only when there is something to leave out: this runs on every change to the page.
  let shown = element;
  if (element.querySelector(NOT_THE_PRICE)) {
    shown = element.cloneNode(true) as Element;
    for (const struck of shown.querySelectorAll(NOT_THE_PRICE)) struck.remove();
  }
  const text = (shown.textContent ?? '').replace(/\s+/g, ' ').trim();
  const amount = parseDisplayedPrice(text, minorDigits);
  return amount === undefined ? { unreadable: text } : { amount };
}
