/**
 * What the demo's Orders page shows of an order Klarna placed, from Klarna's order: the same for
 * an Instant Shopping order (place_order) and an Express Checkout one (created from the payment token).
 */
import type { DemoOrder } from '../orders.js';

/** Klarna's order, as far as the Orders page reads it. */
interface KlarnaOrder {
  order_lines: readonly { reference?: string | undefined; name: string; quantity: number; total_amount: number }[];
  order_amount: number;
  purchase_currency: string;
}

/** Where it goes, as far as the Orders page reads it. */
interface ShipTo {
  given_name?: string | undefined;
  family_name?: string | undefined;
  street_address?: string | undefined;
  postal_code?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
}

export type OrderDetails = Pick<DemoOrder, 'placedAt' | 'customer' | 'shipTo' | 'lines' | 'orderAmount' | 'currency'>;

/** The order's lines, total and ship-to as the Orders page shows them, placed now. */
export function orderDetails(order: KlarnaOrder, address: ShipTo): OrderDetails {
  return {
    placedAt: new Date().toISOString(),
    customer: [address.given_name, address.family_name].filter(Boolean).join(' '),
    shipTo: [address.street_address, address.postal_code, address.city, address.country].filter(Boolean).join(', '),
    lines: order.order_lines.map((line) => ({ reference: line.reference ?? '', name: line.name, quantity: line.quantity, totalAmount: line.total_amount })),
    orderAmount: order.order_amount,
    currency: order.purchase_currency,
  };
}
