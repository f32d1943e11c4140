/** The demo shop's stock per variant: five of each, except one variant that is sold out. */
import { PRODUCTS } from '../catalog.js';
import { variantReference } from '../orders.js';

/** Sold out online, though the page still offers it: a purchase of it is denied as out of stock. */
export const SOLD_OUT_VARIANT = variantReference('aurora-jacket', 'Moss', 'XL');

/** What stock needs to know of a line: which variant, and how many. */
type StockedLine = { reference?: string | undefined; quantity: number; type?: string | undefined };

export class Stock {
  readonly #units = new Map<string, number>();

  constructor(unitsPerVariant = 5) {
    for (const product of PRODUCTS) {
      for (const colour of product.colours) {
        for (const size of product.sizes) {
          this.#units.set(variantReference(product.id, colour.name, size.label), unitsPerVariant);
        }
      }
    }
    this.#units.set(SOLD_OUT_VARIANT, 0);
  }

  /** The first requested line there are not enough units of, if any. */
  shortage(lines: readonly StockedLine[]): string | undefined {
    return lines.find((line) => line.type !== 'shipping_fee' && (this.#units.get(line.reference ?? '') ?? 0) < line.quantity)?.reference;
  }

  take(lines: readonly { reference?: string | undefined; quantity: number; type?: string | undefined }[]): void {
    for (const line of lines) {
      if (line.type !== 'shipping_fee' && line.reference) this.#units.set(line.reference, (this.#units.get(line.reference) ?? 0) - line.quantity);
    }
  }
}
