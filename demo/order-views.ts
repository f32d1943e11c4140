/** The pages Klarna sends buyers to: an order's confirmation, the orders list, and the terms. */
import { html, type TemplateResult } from 'lit';
import { formatPrice } from './catalog.js';
import type { DemoOrder } from './orders.js';

const STATUS_TEXT: Record<DemoOrder['status'], string> = {
  confirmed: 'Confirmed',
  pending: 'Pending Klarna\'s review: we ship once Klarna approves it',
  rejected: 'Not approved by Klarna: nothing was charged',
};

/** Which Klarna button sold an order, as the order pages name it. */
const CHANNEL_TEXT: Record<DemoOrder['channel'], string> = {
  'instant-shopping': 'Instant Shopping',
  'express-checkout': 'Express Checkout',
};

/** Orders come from the shop's backend (demo/backend), which placed them with Klarna. */
export async function fetchOrders(): Promise<DemoOrder[]> {
  const response = await fetch('/api/orders');
  return response.ok ? ((await response.json()) as { orders: DemoOrder[] }).orders : [];
}

export function orderView(order: DemoOrder | undefined, number: string): TemplateResult {
  if (!order) return html`<section class="orders"><h1>Order ${number}</h1><p>No order ${number} here. <a href="#/orders">All orders</a>.</p></section>`;
  return html`
    <section class="orders" data-order-number=${order.number}>
      <h1>${order.status === 'confirmed' ? 'Thank you for your order' : `Order ${order.number}`}</h1>
      <p>Order <strong>${order.number}</strong> · ${STATUS_TEXT[order.status]} · Bought with Klarna ${CHANNEL_TEXT[order.channel]}</p>
      <ul class="cart__lines">
        ${order.lines.map((line) => html`<li><div>${line.quantity} × ${line.name}</div><span class="price">${formatPrice(line.totalAmount)}</span></li>`)}
      </ul>
      <p class="total"><span>Total</span> <strong>${formatPrice(order.orderAmount)}</strong></p>
      <p class="muted">Shipping to ${order.customer}, ${order.shipTo}. Klarna order ${order.klarnaOrderId}.</p>
      <p><a href="#/orders">All orders</a> · <a href="#/">Keep shopping</a></p>
    </section>`;
}

export function ordersView(orders: readonly DemoOrder[]): TemplateResult {
  return html`
    <section class="orders">
      <h1>Orders</h1>
      ${orders.length === 0
        ? html`<p>No orders yet. Buy something with a Klarna button on a <a href="#/product/aurora-jacket">product page</a>.</p>`
        : html`<table class="orders__table">
            <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Customer</th><th scope="col">Total</th><th scope="col">Bought with</th><th scope="col">Status</th></tr></thead>
            <tbody>${orders.map((order) => html`<tr>
              <td><a href=${`#/orders/${order.number}`}>${order.number}</a></td>
              <td>${new Date(order.placedAt).toLocaleString('en-US')}</td>
              <td>${order.customer}</td>
              <td>${formatPrice(order.orderAmount)}</td>
              <td>${CHANNEL_TEXT[order.channel]}</td>
              <td>${order.status}</td>
            </tr>`)}</tbody>
          </table>`}
    </section>`;
}

export function termsView(): TemplateResult {
  return html`<section class="orders"><h1>Terms and conditions</h1><p>This is a demo shop: nothing is sold, shipped or charged. Purchases go to a local Klarna emulator.</p></section>`;
}
