/** The demo store's products. Prices are integers in minor units (cents), as Klarna's APIs take them. */

export interface Colour {
  name: string;
  swatch: string;
  shade: string;
}

export interface Product {
  id: string;
  name: string;
  tagline: string;
  description: string;
  /** Base price; some sizes cost more. */
  price: number;
  colours: Colour[];
  sizes: { label: string; surcharge: number }[];
}

export const CURRENCY = 'USD';
export const LOCALE = 'en-US';

export const PRODUCTS: Product[] = [
  {
    id: 'aurora-jacket',
    name: 'Aurora Down Jacket',
    tagline: 'Warm to −20 °C, packs into its own pocket.',
    description: '800-fill responsibly sourced down, a recycled ripstop shell and a hood that moves with you. Built for long nights under the northern lights.',
    price: 32900,
    colours: [
      { name: 'Glacier', swatch: '#7fb2d9', shade: '#3d6f99' },
      { name: 'Ember', swatch: '#e07a5f', shade: '#9c4330' },
      { name: 'Moss', swatch: '#7d9b76', shade: '#45613f' },
    ],
    sizes: [
      { label: 'S', surcharge: 0 },
      { label: 'M', surcharge: 0 },
      { label: 'L', surcharge: 0 },
      { label: 'XL', surcharge: 2000 },
    ],
  },
  {
    id: 'fjell-backpack',
    name: 'Fjell 28 L Backpack',
    tagline: 'A day pack that carries like a bigger one.',
    description: 'A ventilated back panel, a weatherproof roll top and pockets where your hands expect them.',
    price: 14900,
    colours: [
      { name: 'Fjord', swatch: '#4d7ea8', shade: '#2a4d6e' },
      { name: 'Sand', swatch: '#d8c3a5', shade: '#9b8466' },
    ],
    sizes: [{ label: 'One size', surcharge: 0 }],
  },
  {
    id: 'lumen-lantern',
    name: 'Lumen Camp Lantern',
    tagline: '300 lumens, 40 hours, one charge.',
    description: 'Warm light for the tent, a USB-C port for your phone, and a hook for the tarp line.',
    price: 3900,
    colours: [{ name: 'Amber', swatch: '#f2b134', shade: '#a8741a' }],
    sizes: [{ label: 'One size', surcharge: 0 }],
  },
];

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

/** One unit of a product in a size: the base price plus the size's surcharge. */
export function variantPrice(product: Product, size: string): number {
  return product.price + (product.sizes.find((candidate) => candidate.label === size)?.surcharge ?? 0);
}

/** A variant as order lines name it: `Aurora Down Jacket, Moss, XL` (no size for one-size products). */
export function variantName(product: Product, colour: string, size: string): string {
  return `${product.name}, ${colour}${size === 'One size' ? '' : `, ${size}`}`;
}

const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY });

export function formatPrice(minorUnits: number): string {
  return money.format(minorUnits / 100);
}
