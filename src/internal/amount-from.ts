/**
 * `amount-from` and `quantity-from`: an element's amount from the price and the quantity the page
 * shows, following the page as it changes, with no code of the merchant's. The placement loads it
 * on demand, only when it uses either attribute (see `amount-source.ts`); the Express Checkout
 * element reads its `amount` the same way.
 *
 * What counts as a change: anything in the document (text, attributes, an element added, removed
 * or replaced, as a variant picker does), seen by one `MutationObserver`; an `input` or `change`
 * event (typing into a quantity field); and a click, read after the click's own handlers ran (a
 * stepper's buttons set `input.value`, which neither fires an event nor changes an attribute).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readDisplayedAmount, type DisplayedAmount } from './displayed-amount.js';

/**
 * An amount, and how to name it when it is wrong: the own attribute's text (a value that did not
 * parse stays visible as NaN), or, for an amount read from the page, the whole sentence that says
 * what to fix. `value` is whatever the property holds.
 */
export interface PageAmount {
  value: unknown;
  source: string | null | { problem: string };
}

/** The attribute an element takes its own amount from, which wins over `amount-from`. */
export type OwnAmountAttribute = 'purchase-amount' | 'amount';

/** An element that reads its amount from the page: the placement (`purchase-amount`) or the Express Checkout button (`amount`). */
export interface PageAmountHost extends ReactiveControllerHost, HTMLElement {
  purchaseAmount?: number | undefined;
  amount?: number | undefined;
  amountFrom?: string | undefined;
  quantityFrom?: string | undefined;
}

/** A quantity above this is a typo or a test of the page, not an order: it keeps the last good one. */
export const MAX_QUANTITY = 9999;

/**
 * Reads an element's amount from the page: its own amount (`purchase-amount`, `amount`: it wins
 * over `amount-from`, with one warning) or the price `amount-from` matches, times the quantity
 * `quantity-from` shows. The element updates whenever that changes.
 */
export class PageAmountReader implements ReactiveController {
  /** The element: where matches are looked for nearest first, and whose name the warnings carry. */
  readonly #host: PageAmountHost;
  /** The attribute of the element's own amount. */
  readonly #ownAttribute: OwnAmountAttribute;
  /** Sees every change to the document (and to the element's own shadow root, if it is in one). */
  readonly #observer = new MutationObserver(() => this.#pageChanged());
  /** Reads after a click's own handlers have run. */
  readonly #changeSoon = () => setTimeout(() => this.#pageChanged());
  /** Reads at once (an `input` or `change` event). */
  readonly #changeNow = () => this.#pageChanged();
  /** The amount last read, so that the element updates only when it changes. */
  #last: PageAmount | undefined;
  /** The last amount read from the page: kept while the price is briefly gone (a variant's markup replaced). */
  #lastAmount: number | undefined;
  /** The last good quantity: kept while the field is empty or shows something else. */
  #lastQuantity = 1;
  /** Each warning given, so that a page's every keystroke does not repeat it. */
  readonly #warned = new Set<string>();

  /** `ownAttribute`: where the element's own amount is, `purchase-amount` for a placement. */
  constructor(host: PageAmountHost, ownAttribute: OwnAmountAttribute = 'purchase-amount') {
    this.#host = host;
    this.#ownAttribute = ownAttribute;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.getRootNode();
    const changes = { subtree: true, childList: true, characterData: true, attributes: true };
    this.#observer.observe(document, changes);
    // An element in a component's shadow root reads that root first: its changes count too.
    if (root !== document) this.#observer.observe(root, changes);
    document.addEventListener('input', this.#changeNow, true);
    document.addEventListener('change', this.#changeNow, true);
    document.addEventListener('click', this.#changeSoon, true);
    this.#pageChanged();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
    document.removeEventListener('input', this.#changeNow, true);
    document.removeEventListener('change', this.#changeNow, true);
    document.removeEventListener('click', this.#changeSoon, true);
  }

  /**
   * The amount now: `undefined` while there is none to read yet (no match: the element waits,
   * quietly), else the amount and how to name it when it is wrong. Read as the element updates,
   * so its own changes (`amount-from`, its own amount) count at once.
   */
  read(): PageAmount | undefined {
    const { amountFrom, quantityFrom } = this.#host;
    const attribute = this.#ownAttribute;
    const ownValue = attribute === 'amount' ? this.#host.amount : this.#host.purchaseAmount;
    if (ownValue != null && amountFrom) {
      this.#warn(`${attribute} and amount-from are both set: ${attribute} (${ownValue}) is used. Remove one of them.`);
    }
    const own = { value: ownValue, source: this.#host.getAttribute(attribute) };
    const amount = ownValue != null || !amountFrom ? own : this.#readPrice(amountFrom);
    const quantity = quantityFrom ? this.#readQuantity(quantityFrom) : 1;
    return (this.#last = amount && timesQuantity(amount, quantity));
  }

  /** Reads the page again; the element updates if its amount changed. */
  #pageChanged(): void {
    const before = this.#last;
    if (!sameAmount(before, this.read())) this.#host.requestUpdate();
  }

  /**
   * The price `selector` finds now: `undefined` while there is nothing to read yet; a match that
   * went away keeps the amount it showed. A price that cannot be read stays visible as NaN, with
   * the sentence that says why.
   */
  #readPrice(selector: string): PageAmount | undefined {
    let element: Element | undefined;
    try {
      element = this.#find(selector);
    } catch {
      return { value: NaN, source: { problem: `amount-from ${quote(selector)} is not a valid CSS selector` } };
    }
    if (element) {
      const read = readDisplayedAmount(element);
      if (!('amount' in read)) return { value: NaN, source: { problem: unreadablePrice(selector, read) } };
      this.#lastAmount = read.amount;
    }
    return this.#lastAmount === undefined ? undefined : { value: this.#lastAmount, source: null };
  }

  /** The quantity `selector` shows now, or the last good one (an empty field keeps it quietly; a bad value with a warning). */
  #readQuantity(selector: string): number {
    let field: Element | undefined;
    try {
      field = this.#find(selector);
    } catch {
      this.#warn(`quantity-from ${quote(selector)} is not a valid CSS selector: the quantity stays ${this.#lastQuantity}.`);
      return this.#lastQuantity;
    }
    const text = field && fieldText(field);
    if (!text) return this.#lastQuantity;
    const quantity = Number(text);
    if (Number.isInteger(quantity) && quantity > 0 && quantity <= MAX_QUANTITY) return (this.#lastQuantity = quantity);
    this.#warn(`quantity-from ${quote(selector)} shows ${quote(text)}, which is not a quantity (a whole number from 1 to ${MAX_QUANTITY}): the quantity stays ${this.#lastQuantity}.`);
    return this.#lastQuantity;
  }

  /** Warns once per element and message. */
  #warn(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    console.warn(`<${this.#host.localName}>: ${message}`);
  }

  /**
   * The match nearest the element in its own root (so a product card's placement reads its own
   * card's price), else the first in the document. Throws for a selector that is not valid CSS.
   */
  #find(selector: string): Element | undefined {
    for (let scope = this.#host.parentElement; scope; scope = scope.parentElement) {
      const match = scope.querySelector(selector);
      if (match) return match;
    }
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    return root.querySelector(selector) ?? document.querySelector(selector) ?? undefined;
  }
}

/** `amount` times `quantity`; a value that is not a whole amount stays as it is, for the element's own message. */
function timesQuantity(amount: PageAmount, quantity: number): PageAmount {
  const { value } = amount;
  return typeof value === 'number' && Number.isSafeInteger(value) ? { ...amount, value: value * quantity } : amount;
}

function sameAmount(a: PageAmount | undefined, b: PageAmount | undefined): boolean {
  if (!a || !b) return a === b;
  return Object.is(a.value, b.value) && describeSource(a.source) === describeSource(b.source);
}

function describeSource(source: PageAmount['source']): string {
  return typeof source === 'object' && source ? source.problem : String(source);
}

/** A form field's value, else the text (`'value' in field` would also find a `value` a script put on Object.prototype). */
function fieldText(field: Element): string {
  const isFormField = field.matches('input, select, textarea, output');
  return ((isFormField ? (field as HTMLInputElement).value : field.textContent) ?? '').trim();
}

/** Why the text `selector` matches is no price, and how to point the element at one. */
function unreadablePrice(selector: string, read: Exclude<DisplayedAmount, { amount: number }>): string {
  const dataAmount = 'or give the element data-amount in minor units (e.g. data-amount="129999")';
  if ('unreadable' in read) {
    return `amount-from ${quote(selector)} matches an element that shows ${quote(read.unreadable)}, which is not a price: `
      + `show one (e.g. "$1,299.99"), ${dataAmount}`;
  }
  const candidates = read.several.map((candidate) => quote(candidate)).join(', ');
  return `amount-from ${quote(selector)} matches an element that shows ${quote(read.text)}, which holds several amounts `
    + `(${candidates}) and no currency mark says which is the price: point amount-from at the element of the price alone, `
    + `mark the others data-amount-ignore, ${dataAmount}`;
}

/** A value from the page, quoted and cut short for a message. */
function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
