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
 *
 * A card's text often holds other numbers than its price: "20% off", "4 colours", "12 months 0%
 * APR", "Sale ends 12/31", a regular price beside the sale price. A wrong amount shows the shopper
 * a financing offer for another price, which is worse than none: when the text holds several
 * candidates and no currency mark settles which is the price, it is reported, never guessed.
 */

/**
 * What an element's price reads as: an amount in minor units; the text that holds no price; or the
 * text that holds several candidates none of which is settled as the price (a sale and a regular
 * price side by side, a range), which is reported rather than guessed.
 */
export type DisplayedAmount = { amount: number } | { unreadable: string } | { several: string[]; text: string };

/** A group separator: `.`, `,`, a space of any width, or an apostrophe (Swiss francs). */
const GROUP = "[.,'’ \\u00a0\\u202f\\u2009]";

/**
 * A number as shops write prices: digits grouped by threes (the same separator throughout) or not
 * at all, then an optional decimal part of one or two digits, or `,-` (as in "129,-"). A number
 * that follows a price ("$49.99 20% off") is another number, not more digits of the price.
 */
const PRICE = new RegExp(`\\d{1,3}(${GROUP})\\d{3}(?:\\1\\d{3})*(?:[.,](?:\\d{1,2}|[-–]{1,2}))?|\\d+(?:[.,](?:\\d{1,2}|[-–]{1,2}))?`, 'g');

/** Marks that stand next to a price: symbols, `kr`, `Kč`, `zł`, `Fr`, ISO codes (not inside a word). */
const CURRENCY_MARK = /[$€£¥₣]|(?<!\p{L})(?:kr|Kč|zł|Fr|CHF|EUR|USD|GBP|SEK|NOK|DKK|PLN|CZK|CAD|MXN|AUD|NZD)(?!\p{L})/u;

/** A currency mark ending the text before a number ("CHF ", "Fr. ", "$"), or starting the text after it (" kr."). */
const MARK_BEFORE = new RegExp(`(?:${CURRENCY_MARK.source})\\.?\\s*$`, 'u');
const MARK_AFTER = new RegExp(`^\\s*(?:${CURRENCY_MARK.source})`, 'u');

/** Text just before a number that makes it no price: a date or a time ("12/31", "10:30", "2026-12-31"). */
const PART_OF_A_DATE_BEFORE = /[/:]$|\d-$/;
/** Text just after a number that makes it no price: a percentage, a date or a time, a number running on. */
const NOT_A_PRICE_AFTER = /^\s*%|^[/:]|^-\d/;
/** A letter touching a number. */
const LETTER_AT_END = /\p{L}$/u;
const LETTER_AT_START = /^\p{L}/u;

/** Digits after the decimal mark for the locale's currency (2 for every market OSM serves). */
export function minorDigitsOf(locale: string, currency: string): number {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * The price in `text` in minor units; `undefined` when it holds none; the candidates when it holds
 * several and the currency marks do not settle which one is the price. A number next to a currency
 * mark is a price; a percentage, a date, a time or a number inside a word is not; among the rest,
 * one alone is the price.
 */
export function parseDisplayedPrice(text: string, minorDigits = 2): number | string[] | undefined {
  const candidates = [...text.matchAll(PRICE)].filter((run) => !isPercentOrDate(text, run) && !insideAWord(text, run));
  const marked = candidates.filter((run) => nextToCurrencyMark(text, run));
  const chosen = marked.length ? marked : candidates;
  if (chosen.length > 1) return chosen.map((run) => run[0]);
  return chosen[0] && toMinorUnits(chosen[0][0], minorDigits);
}

function before(text: string, run: RegExpMatchArray): string {
  return text.slice(0, run.index);
}

function after(text: string, run: RegExpMatchArray): string {
  return text.slice(run.index! + run[0].length);
}

/** A number that is part of a percentage, a date or a time, or runs on into another number. */
function isPercentOrDate(text: string, run: RegExpMatchArray): boolean {
  return PART_OF_A_DATE_BEFORE.test(before(text, run)) || NOT_A_PRICE_AFTER.test(after(text, run));
}

/** A currency mark right before or after the number (spaces between allowed), or its own `,-`. */
function nextToCurrencyMark(text: string, run: RegExpMatchArray): boolean {
  return /[-–]$/.test(run[0]) || MARK_BEFORE.test(before(text, run)) || MARK_AFTER.test(after(text, run));
}

/** A number touching letters that are no currency code: a model, a size, an ordinal ("X200", "4K", "2nd"). */
function insideAWord(text: string, run: RegExpMatchArray): boolean {
  const textBefore = before(text, run);
  const textAfter = after(text, run);
  const wordBefore = LETTER_AT_END.test(textBefore) && !MARK_BEFORE.test(textBefore);
  const wordAfter = LETTER_AT_START.test(textAfter) && !MARK_AFTER.test(textAfter);
  return wordBefore || wordAfter;
}

/** `1.299,99` or `1 299` or `129,-` as minor units; `undefined` past what a number holds exactly. */
function toMinorUnits(written: string, minorDigits: number): number | undefined {
  let digits = written.replace(/[.,][-–]{1,2}$/, '');
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
  return readMinorUnits(element) ?? readMajorUnits(element, minorDigits) ?? readText(element, minorDigits);
}

/** `data-amount`: a whole number of minor units. */
function readMinorUnits(element: Element): DisplayedAmount | undefined {
  const minor = element.getAttribute('data-amount');
  if (minor === null) return undefined;
  const isWhole = /^\s*\d+\s*$/.test(minor) && Number.isSafeInteger(Number(minor));
  return isWhole ? { amount: Number(minor) } : { unreadable: minor };
}

/** `content` or `value` (a field's, or the attribute): major units with a `.` decimal mark. */
function readMajorUnits(element: Element, minorDigits: number): DisplayedAmount | undefined {
  const fieldValue = element.localName === 'input' ? (element as HTMLInputElement).value : element.getAttribute('value');
  const major = element.getAttribute('content') ?? fieldValue;
  if (major === null) return undefined;
  const value = Number(major.trim());
  const isPrice = major.trim() && Number.isFinite(value) && value >= 0;
  return isPrice ? { amount: Math.round(value * 10 ** minorDigits) } : { unreadable: major };
}

/** The text, without its struck-through or hidden parts. */
function readText(element: Element, minorDigits: number): DisplayedAmount {
  // Copied only when there is something to leave out: this runs on every change to the page.
  let shown = element;
  if (element.querySelector(NOT_THE_PRICE)) {
    shown = element.cloneNode(true) as Element;
    for (const struck of shown.querySelectorAll(NOT_THE_PRICE)) struck.remove();
  }
  const text = (shown.textContent ?? '').replace(/\s+/g, ' ').trim();
  const price = parseDisplayedPrice(text, minorDigits);
  if (Array.isArray(price)) return { several: price, text };
  return price === undefined ? { unreadable: text } : { amount: price };
}
