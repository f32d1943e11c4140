/** The storefront's three views: landing, product and cart. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { productArt } from './art.js';
import { cart } from './cart.js';
import { CURRENCY, findProduct, formatPrice, PRODUCTS, variantName, variantPrice, type Colour, type Product } from './catalog.js';
import type { ButtonStyling, OrderLine, ShippingOption } from '../src/instant-shopping/index.js';
// The tags these views render (main.ts loads them too; this keeps each module honest about what it uses).
import '../src/index.js';
import './express-checkout-button.js';
import { SHIPPING_RATES } from './express-checkout-purchase.js';
import { variantReference } from './orders.js';

const BUTTON_STYLING: ButtonStyling = { theme: { type: 'express', variation: 'klarna' } };

/** The shop's shipping rates (the same as Express Checkout's), as Instant Shopping takes them; the first is preselected. */
const SHIPPING_OPTIONS: ShippingOption[] = SHIPPING_RATES.map((rate, index) => ({
  id: rate.reference,
  name: rate.name,
  description: rate.description,
  price: rate.price,
  tax_amount: 0,
  tax_rate: 0,
  shipping_method: 'Home',
  ...(index === 0 && { preselected: true }),
}));

interface PlacementOptions {
  placementKey: 'credit-promotion-badge' | 'top-strip-promotion-badge';
  amount?: number;
  loading?: 'eager' | 'lazy';
}

/** An OSM placement; client-id, locale and api-url come from the page's <klarna-config> (index.html). */
function osmPlacement({ placementKey, amount, loading }: PlacementOptions): TemplateResult {
  return html`<klarna-osm-placement
    placement-key=${placementKey}
    purchase-amount=${ifDefined(amount)}
    loading=${ifDefined(loading)}
  ></klarna-osm-placement>`;
}

export interface ProductSelection {
  colour: string;
  size: string;
  quantity: number;
}

export function landingView(): TemplateResult {
  return html`
    <section class="top-strip" aria-label="Payment options">
      <div class="top-strip__slot">${osmPlacement({ placementKey: 'top-strip-promotion-badge' })}</div>
    </section>
    <section class="hero">
      <div>
        <p class="eyebrow">Autumn collection</p>
        <h1>Gear for long northern nights</h1>
        <p>Down, wool and light: everything you need when the sun sets at four.</p>
        <a class="button" href="#/product/aurora-jacket">Shop the Aurora jacket</a>
      </div>
      ${productArt(PRODUCTS[0]!, PRODUCTS[0]!.colours[0]!)}
    </section>
    <section class="grid" aria-label="Products">
      ${PRODUCTS.map((product) => html`
        <a class="card" href=${`#/product/${product.id}`}>
          ${productArt(product, product.colours[0]!)}
          <h2>${product.name}</h2>
          <p class="price">${formatPrice(product.price)}</p>
        </a>`)}
    </section>`;
}

export function unitPrice(product: Product, selection: ProductSelection): number {
  return variantPrice(product, selection.size);
}

/**
 * The Express Checkout button for the chosen variant and quantity (demo/express-checkout-button.ts):
 * its client id and the emulator's address come from the page's <klarna-config>.
 */
function expressCheckoutButton(product: Product, colour: Colour, selection: ProductSelection): TemplateResult {
  const item = { productId: product.id, colour: colour.name, size: selection.size, quantity: selection.quantity };
  return html`<demo-express-checkout .item=${item}></demo-express-checkout>`;
}

/**
 * The Instant Shopping button for the chosen variant. Every render passes new arrays; the host
 * compares contents, so Klarna only gets an update when the colour, size or quantity changed.
 * US prices here exclude sales tax, so tax_rate is 0.
 */
function instantShoppingButton(
  product: Product,
  colour: Colour,
  selection: ProductSelection,
  price: number,
  buttonKey: string | undefined,
): TemplateResult {
  // The shop's backend creates the key with Klarna's Button Keys API (demo/backend); no key, no button.
  if (!buttonKey) return html`<p class="muted">Instant Shopping is unavailable: the shop's backend did not answer.</p>`;
  const line: OrderLine = {
    type: 'physical',
    reference: variantReference(product.id, colour.name, selection.size),
    name: variantName(product, colour.name, selection.size),
    quantity: selection.quantity,
    unit_price: price,
    tax_rate: 0,
    total_amount: price * selection.quantity,
    total_discount_amount: 0,
    total_tax_amount: 0,
    product_url: new URL(`#/product/${product.id}`, location.href).href,
  };
  return html`<klarna-instant-shopping-host
    button-key=${buttonKey}
    purchase-country="US"
    purchase-currency=${CURRENCY}
    .orderLines=${[line]}
    .shippingOptions=${SHIPPING_OPTIONS}
    .merchantUrls=${{ terms: new URL('#/terms', location.href).href }}
    .styling=${BUTTON_STYLING}
  ></klarna-instant-shopping-host>`;
}

export function productView(
  product: Product,
  selection: ProductSelection,
  update: (change: Partial<ProductSelection>) => void,
  buttonKey: string | undefined,
): TemplateResult {
  const colour = product.colours.find((candidate) => candidate.name === selection.colour) ?? product.colours[0]!;
  const price = unitPrice(product, selection);
  const amount = price * selection.quantity;
  return html`
    <nav class="breadcrumbs" aria-label="Breadcrumb"><a href="#/">Home</a> / <span>${product.name}</span></nav>
    <article class="product">
      <div class="product__art">${productArt(product, colour)}</div>
      <div class="product__info">
        <h1>${product.name}</h1>
        <p class="tagline">${product.tagline}</p>
        <p class="price price--large" aria-live="polite">${formatPrice(amount)}${selection.quantity > 1 ? html` <small>(${selection.quantity} × ${formatPrice(price)})</small>` : nothing}</p>
        <div class="payment-options payment-options--with-button">
          <div class="payment-options__message">${osmPlacement({ placementKey: 'credit-promotion-badge', amount })}</div>
          ${expressCheckoutButton(product, colour, selection)}
        </div>

        <fieldset class="options">
          <legend>Colour: <strong>${colour.name}</strong></legend>
          ${product.colours.map((option) => html`
            <label class="swatch" style=${`--swatch:${option.swatch}`} title=${option.name}>
              <input type="radio" name="colour" .checked=${option.name === colour.name} @change=${() => update({ colour: option.name })}>
              <span class="visually-hidden">${option.name}</span>
            </label>`)}
        </fieldset>
        ${product.sizes.length > 1 ? html`
          <fieldset class="options">
            <legend>Size</legend>
            ${product.sizes.map((size) => html`
              <label class="chip">
                <input type="radio" name="size" .checked=${size.label === selection.size} @change=${() => update({ size: size.label })}>
                <span>${size.label}${size.surcharge ? ` +${formatPrice(size.surcharge)}` : ''}</span>
              </label>`)}
          </fieldset>` : nothing}

        <div class="buy-row">
          <div class="stepper" role="group" aria-label="Quantity">
            <button type="button" aria-label="One fewer" ?disabled=${selection.quantity <= 1} @click=${() => update({ quantity: selection.quantity - 1 })}>−</button>
            <output aria-live="polite">${selection.quantity}</output>
            <button type="button" aria-label="One more" ?disabled=${selection.quantity >= 10} @click=${() => update({ quantity: selection.quantity + 1 })}>+</button>
          </div>
          <button class="button" type="button" @click=${() => cart.add({ productId: product.id, colour: colour.name, size: selection.size, unitPrice: price, quantity: selection.quantity })}>Add to cart</button>
        </div>
        <div class="instant-shopping">${instantShoppingButton(product, colour, selection, price, buttonKey)}</div>
        <p class="description">${product.description}</p>
        <details class="drawer">
          <summary>Ways to pay</summary>
          <p>Card, PayPal, or pay over time with Klarna:</p>
          ${osmPlacement({ placementKey: 'credit-promotion-badge', amount, loading: 'lazy' })}
        </details>
      </div>
    </article>`;
}

export function cartView(): TemplateResult {
  const lines = cart.items;
  if (lines.length === 0) {
    return html`<section class="cart"><h1>Your cart</h1><p>Your cart is empty. <a href="#/">Keep shopping</a>.</p></section>`;
  }
  return html`
    <section class="cart">
      <h1>Your cart</h1>
      <ul class="cart__lines">
        ${lines.map((line, index) => {
          const product = findProduct(line.productId);
          const colour = product?.colours.find((candidate) => candidate.name === line.colour);
          return html`
            <li>
              ${product && colour ? productArt(product, colour) : nothing}
              <div><strong>${product?.name ?? line.productId}</strong><br><span class="muted">${line.colour}${line.size === 'One size' ? '' : ` · ${line.size}`}</span></div>
              <div class="stepper" role="group" aria-label=${`Quantity of ${product?.name ?? 'item'}`}>
                <button type="button" aria-label="One fewer" @click=${() => cart.setQuantity(index, line.quantity - 1)}>−</button>
                <output>${line.quantity}</output>
                <button type="button" aria-label="One more" @click=${() => cart.setQuantity(index, line.quantity + 1)}>+</button>
              </div>
              <span class="price">${formatPrice(line.unitPrice * line.quantity)}</span>
            </li>`;
        })}
      </ul>
      <div class="cart__summary">
        <p class="total"><span>Total</span> <strong>${formatPrice(cart.total)}</strong></p>
        <div class="payment-options">${osmPlacement({ placementKey: 'credit-promotion-badge', amount: cart.total })}</div>
        <button class="button button--wide" type="button">Checkout</button>
      </div>
    </section>`;
}
