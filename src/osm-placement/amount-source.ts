/**
 * Where a placement's amount comes from: its own `purchase-amount`, or the page. Reading the page
 * (`amount-from`, `quantity-from`: the price it shows, times the quantity it shows) takes code that
 * only placements using either attribute load, on demand: `amount-from.ts`, where the amount is
 * worked out and from where the placement is updated whenever it changes.
 */
import { isServer, type ReactiveControllerHost } from 'lit';
import type { PageAmountReader } from './amount-from.js';
import type { PlacementAmount } from './placement-request.js';

/** The placement as its amount source reads it. */
export interface AmountSourceHost extends ReactiveControllerHost, HTMLElement {
  purchaseAmount?: number | undefined;
  amountFrom?: string | undefined;
  quantityFrom?: string | undefined;
}

export class AmountSource {
  /** The placement whose amount this is. */
  readonly #host: AmountSourceHost;
  /** Reads the page: its code while it loads (a promise), then the reader (a controller of the placement's). */
  #pageReader: PageAmountReader | Promise<unknown> | undefined;

  constructor(host: AmountSourceHost) {
    this.#host = host;
  }

  /**
   * The amount now: `undefined` while there is none to ask for yet (the code that reads the page is
   * loading, or the price is not on the page: the placement waits, quietly), else the amount and
   * how to name it when it is wrong. Read as the placement updates, so its own changes count at once.
   */
  read(): PlacementAmount | undefined {
    const { purchaseAmount, amountFrom, quantityFrom } = this.#host;
    if (!amountFrom && !quantityFrom) return { value: purchaseAmount, source: this.#host.getAttribute('purchase-amount') };
    // Never on a server: there is no page to read (it waits, as with no match).
    if (isServer) return undefined;
    // A failed load (offline) tries again at the placement's next update.
    this.#pageReader ??= import('./amount-from.js').then(
      ({ PageAmountReader }) => (this.#pageReader = new PageAmountReader(this.#host)),
      () => (this.#pageReader = undefined),
    );
    return this.#pageReader instanceof Promise ? undefined : this.#pageReader.read();
  }
}
