/**
 * `amount-from` and `quantity-from`: the placement follows the price and the quantity the page
 * shows, with no code of the merchant's. Loaded only by placements that use either attribute.
 *
 * What counts as a change: anything in the document (text, attributes, an element added, removed
 * or replaced, as a variant picker does), seen by one `MutationObserver`; an `input` or `change`
 * event (typing into a quantity field); and a click, read after the click's own handlers ran (a
 * stepper's buttons set `input.value`, which neither fires an event nor changes an attribute).
 * What was read is reported only when it differs, and the placement's own settle wait turns a
 * burst of changes into one request.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readDisplayedAmount } from './displayed-amount.js';
import type { PlacementAmount } from './placement-request.js';

/** The placement as this controller reads it. */
export interface AmountFromHost extends ReactiveControllerHost, HTMLElement {
  amountFrom?: string | undefined;
  quantityFrom?: string | undefined;
  purchaseAmount?: number | undefined;
}

/** A quantity above this is a typo or a test of the page, not an order: it keeps the last good one. */
export const MAX_QUANTITY = 9999;

/**
 * Reads the amount for the placement: its own `purchase-amount` (which wins over `amount-from`,
 * with one warning) or the price `amount-from` matches, times the quantity `quantity-from` shows.
 * The placement updates whenever it changes.
 */
export class AmountFromController implements ReactiveController {
  readonly #host: AmountFromHost;
  #current: PlacementAmount | undefined;
  readonly #observer = new MutationObserver(() => this.#read());
  readonly #readSoon = () => setTimeout(() => this.#read());
  readonly #readNow = () => this.#read();
  /** The last amount read from the page: kept while the price is briefly gone (a variant's markup replaced). */
  #lastAmount: number | undefined;
  #quantity = 1;
  readonly #warned = new Set<string>();

  constructor(host: AmountFromHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.getRootNode();
    const changes = { subtree: true, childList: true, characterData: true, attributes: true };
    this.#observer.observe(document, changes);
    // A placement in a component's shadow root reads that root first: its changes count too.
    if (root !== document) this.#observer.observe(root, changes);
    document.addEventListener('input', this.#readNow, true);
    document.addEventListener('change', this.#readNow, true);
    document.addEventListener('click', this.#readSoon, true);
    this.#read();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
    document.removeEventListener('input', this.#readNow, true);
    document.removeEventListener('change', this.#readNow, true);
    document.removeEventListener('click', this.#readSoon, true);
  }

  /**
   * The amount as the page shows it now: `undefined` while there is nothing to read yet (no match:
   * the placement waits, quietly), else the amount and how to name it when it is wrong. Read by the
   * placement as it updates, so its own changes (`amount-from`, `purchase-amount`) count at once.
   */
  get amount(): PlacementAmount | undefined {
    this.#read(false);
    return this.#current;
  }

  /** Reads the page again; a change the placement has not seen yet updates it. */
  #read(notify = true): void {
    const next = this.#amount();
    const now = this.#current;
    if (next === now || (next && now && Object.is(next.value, now.value) && JSON.stringify(next.source) === JSON.stringify(now.source))) return;
    this.#current = next;
    if (notify) this.#host.requestUpdate();
  }

  #amount(): PlacementAmount | undefined {
    const { amountFrom, quantityFrom, purchaseAmount } = this.#host;
    const quantity = quantityFrom ? this.#readQuantity(quantityFrom) : 1;
    if (purchaseAmount != null || !amountFrom) {
      if (purchaseAmount != null && amountFrom) this.#warn(`purchase-amount and amount-from are both set: purchase-amount (${purchaseAmount}) is used. Remove one of them.`);
      // A number that is not a whole amount stays as it is, for the placement's own message.
      const value = typeof purchaseAmount === 'number' && Number.isSafeInteger(purchaseAmount) ? purchaseAmount * quantity : purchaseAmount;
      return { value, source: this.#host.getAttribute('purchase-amount') };
    }
    let price: Element | undefined;
    try {
      price = this.#find(amountFrom);
    } catch {
      return { value: NaN, source: { problem: `amount-from ${quote(amountFrom)} is not a valid CSS selector` } };
    }
    if (price) {
      const read = readDisplayedAmount(price);
      if ('unreadable' in read) {
        return { value: NaN, source: { problem: `amount-from ${quote(amountFrom)} matches an element that shows ${quote(read.unreadable)}, which is not a price: show one (e.g. "$1,299.99"), or give the element data-amount in minor units (e.g. data-amount="129999")` } };
      }
      this.#lastAmount = read.amount;
    }
    // No match yet: wait quietly. A match that went away keeps the amount it showed.
    return this.#lastAmount === undefined ? undefined : { value: this.#lastAmount * quantity, source: null };
  }

  /** The quantity shown now, or the last good one (an empty field keeps it quietly; a bad value with a warning). */
  #readQuantity(selector: string): number {
    let field: Element | undefined;
    try {
      field = this.#find(selector);
    } catch {
      this.#warn(`quantity-from ${quote(selector)} is not a valid CSS selector: the quantity stays ${this.#quantity}.`);
      return this.#quantity;
    }
    // A form field's value, else the text (`in` would also find a `value` a script put on Object.prototype).
    const text = (field && (field.matches('input, select, textarea, output') ? (field as HTMLInputElement).value : field.textContent))?.trim();
    if (!text) return this.#quantity;
    const quantity = Number(text);
    if (Number.isInteger(quantity) && quantity > 0 && quantity <= MAX_QUANTITY) return (this.#quantity = quantity);
    this.#warn(`quantity-from ${quote(selector)} shows ${quote(text)}, which is not a quantity (a whole number from 1 to ${MAX_QUANTITY}): the quantity stays ${this.#quantity}.`);
    return this.#quantity;
  }

  /**
   * The match nearest the placement in its own root (so a product card's placement reads its own
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

  /** Each distinct warning once per placement: a page's every keystroke must not repeat it. */
  #warn(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    console.warn(`<${this.#host.localName}>: ${message}`);
  }
}

/** A value from the page, quoted and cut short for a message. */
function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
