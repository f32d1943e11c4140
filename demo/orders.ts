/** An order as the demo's merchant backend keeps it and the storefront shows it. */
export interface DemoOrder {
  /** The shop's own order number, e.g. `NL-1001`. */
  number: string;
  /** Klarna's order id. */
  klarnaOrderId: string;
  /** `pending` is Klarna's fraud review: the goods wait until Klarna decides. */
  status: 'confirmed' | 'pending' | 'rejected';
  placedAt: string;
  customer: string;
  shipTo: string;
  lines: { reference: string; name: string; quantity: number; totalAmount: number }[];
  orderAmount: number;
  currency: string;
  /** Which Klarna button sold it: the Instant Shopping button, or the Express Checkout one. */
  channel: 'instant-shopping' | 'express-checkout';
  /** Klarna's payment request behind an Express Checkout order. */
  paymentRequestId?: string;
}

/** Variant references, as the product page builds them: `aurora-jacket-moss-xl`. */
export function variantReference(productId: string, colour: string, size: string): string {
  return `${productId}-${colour}-${size}`.toLowerCase().replaceAll(' ', '-');
}
