/**
 * The demo storefront: a hash router over its views, the header's cart count, and the event log.
 * It imports the library from src/, so `npm start` shows the code as it is now.
 */
import { render } from 'lit';
import '../src/index.js';
import { EMULATOR_CLIENT_ID } from '../src/emulator/constants.js';
import { fetchButtonKey } from './button-key.js';
import { cart } from './cart.js';
import { findProduct } from './catalog.js';
import './event-log.js';
import { DEMO_SDK_CLIENT_ID } from './express-checkout-purchase.js';
import { fetchOrders, orderView, ordersView, termsView } from './order-views.js';
import { cartView, landingView, productView, type ProductSelection } from './views.js';

const emulatorUrl = import.meta.env.VITE_KLARNA_EMULATOR_URL ?? '';
const view = document.querySelector<HTMLElement>('#view')!;
const selections = new Map<string, ProductSelection>();

const buttonKey = await fetchButtonKey();

async function showOrders(number: string): Promise<void> {
  const orders = await fetchOrders();
  render(number ? orderView(orders.find((order) => order.number === number), number) : ordersView(orders), view);
  document.title = `${number ? `Order ${number}` : 'Orders'} · Nordlys`;
}

function show(): void {
  const [, page = '', id = ''] = location.hash.split('/');
  document.querySelectorAll<HTMLAnchorElement>('.site-nav a').forEach((link) => {
    link.toggleAttribute('aria-current', link.hash === `#/${page}` || (['product', 'orders'].includes(page) && link.hash.startsWith(`#/${page}`)));
  });
  if (page === 'product') {
    const product = findProduct(id);
    if (product) {
      const selection = selections.get(id) ?? {
        colour: product.colours[0]!.name,
        size: product.sizes[0]!.label,
        quantity: 1,
      };
      selections.set(id, selection);
      const update = (change: Partial<ProductSelection>) => {
        Object.assign(selection, change);
        show();
      };
      render(productView(product, selection, update, buttonKey), view);
      document.title = `${product.name} · Nordlys`;
      return;
    }
  }
  if (page === 'orders') {
    void showOrders(decodeURIComponent(id));
    return;
  }
  if (page === 'terms') {
    render(termsView(), view);
    document.title = 'Terms · Nordlys';
    return;
  }
  if (page === 'cart') {
    render(cartView(), view);
    document.title = 'Cart · Nordlys';
    return;
  }
  render(landingView(), view);
  document.title = 'Nordlys · klarna-elements demo';
}

function showCartCount(): void {
  document.querySelector('#cart-count')!.textContent = String(cart.count);
}

cart.subscribe(() => {
  showCartCount();
  if (location.hash.startsWith('#/cart')) show();
});
window.addEventListener('hashchange', show);
// An Express Checkout purchase ends on its order's page, once the shop has created the order.
view.addEventListener('demo-express-checkout-ordered', (event) => {
  location.hash = `#/orders/${encodeURIComponent(event.detail.number)}`;
});
document.querySelector('demo-event-log')!.setAttribute('emulator-url', emulatorUrl);
Object.assign(document.querySelector('klarna-config')!, { clientId: EMULATOR_CLIENT_ID, sdkClientId: DEMO_SDK_CLIENT_ID, apiUrl: emulatorUrl });
document.querySelector('#emulator-url')!.textContent = emulatorUrl || 'not running';
showCartCount();
show();
