/**
 * Where an element's amount comes from: its own attribute (the placement's `purchase-amount`, the
 * Express Checkout button's `amount`), or the page. Reading the page (`amount-from`,
 * `quantity-from`: the price it shows, times the quantity it shows) takes code that only elements
 * using either attribute load, on demand: `amount-from.ts`, where the amount is worked out and from
 * where the element is updated whenever it changes.
 */
import { isServer } from 'lit';
import type { OwnAmountAttribute, PageAmount, PageAmountHost, PageAmountReader } from './amount-from.js';

export class AmountSource {
  /** The element whose amount this is. */
  readonly #host: PageAmountHost;
  /** The attribute of the element's own amount. */
  readonly #ownAttribute: OwnAmountAttribute;
  /** Reads the page: its code while it loads (a promise), then the reader (a controller of the element's). */
  #pageReader: PageAmountReader | Promise<unknown> | undefined;

  constructor(host: PageAmountHost, ownAttribute: OwnAmountAttribute = 'purchase-amount') {
    this.#host = host;
    this.#ownAttribute = ownAttribute;
  }

  /**
   * The amount now: `undefined` while there is none to ask for yet (the code that reads the page is
   * loading, or the price is not on the page: the element waits, quietly), else the amount and
   * how to name it when it is wrong. Read as the element updates, so its own changes count at once.
   */
  read(): PageAmount | undefined {
    const host = this.#host;
    const attribute = this.#ownAttribute;
    if (!host.amountFrom && !host.quantityFrom) {
      const value = attribute === 'amount' ? host.amount : host.purchaseAmount;
      return { value, source: host.getAttribute(attribute) };
    }
    // Never on a server: there is no page to read (it waits, as with no match).
    if (isServer) return undefined;
    // A failed load (offline) tries again at the element's next update.
    this.#pageReader ??= import('./amount-from.js').then(
      ({ PageAmountReader }) => (this.#pageReader = new PageAmountReader(host, attribute)),
      () => (this.#pageReader = undefined),
    );
    return this.#pageReader instanceof Promise ? undefined : this.#pageReader.read();
  }
}
