/**
 * Compile-time checks of the generated framework types (`npm run typecheck` is the test): the
 * props they describe take the elements' own property types and hand listeners typed details.
 */
import type { CustomElements as JsxElements } from 'klarna-elements/jsx';
import type { CustomElements as SvelteElements } from 'klarna-elements/svelte';
import type { CustomElements as VueElements } from 'klarna-elements/vue';
import type { ComponentProps } from 'react';
import type { LineItem, OrderLine, OsmNode } from 'klarna-elements';
import type { KlarnaExpressCheckout, KlarnaInstantShoppingHost, KlarnaOsmPlacement } from 'klarna-elements/react';

// Svelte 5 and React 19 write events as `on<event-name>` and objects as plain props: the JSX types.
export const svelte5Props: JsxElements['klarna-osm-placement'] = {
  'placement-key': 'credit-promotion-badge',
  'purchase-amount': 32900,
  'onklarna-osm-render': (event) => event.detail.nodes.map((node) => node.name),
  'onklarna-osm-error': (event) => event.detail.code satisfies 'invalid-config' | 'http' | 'network' | 'timeout' | 'malformed-response',
};

// The Svelte entry adds the same types to Svelte's `svelteHTML`.
export const svelteHostProps: SvelteElements['klarna-instant-shopping-host'] = {
  'button-key': 'key',
  'onklarna-instant-shopping-error': (event) => event.detail.message satisfies string,
};

export const jsxHost = (lines: OrderLine[]): JsxElements['klarna-instant-shopping-host'] => ({
  'button-key': 'key',
  orderLines: lines,
  'onklarna-instant-shopping-ready': (event) => event.detail.showButton satisfies boolean,
});

// @ts-expect-error purchase-amount is a number of minor units, not text
export const wrongAmount: SvelteElements['klarna-osm-placement'] = { 'purchase-amount': '329.00' };

// @ts-expect-error orderLines is an array of order lines
export const wrongLines: JsxElements['klarna-instant-shopping-host'] = { orderLines: 'one jacket' };

// @ts-expect-error placement-key is one of Klarna's two placement keys
export const wrongKey: JsxElements['klarna-osm-placement'] = { 'placement-key': 'sidebar' };

// Vue: each tag is a component in GlobalComponents whose props are what a template's attributes and
// `@event` listeners become once Vue camelizes them (`purchase-amount`, `@klarna-osm-render`).
type VueProps<Tag extends keyof VueElements> = InstanceType<VueElements[Tag]>['$props'];
export const vueProps: VueProps<'klarna-osm-placement'> = { purchaseAmount: 32900, onKlarnaOsmRender: (event) => event.detail.nodes satisfies readonly OsmNode[] };

// @ts-expect-error Vue checks the attribute's type too
export const wrongVueAmount: VueProps<'klarna-osm-placement'> = { purchaseAmount: 'lots' };

// @ts-expect-error a read-only property is no prop
export const vueState: VueProps<'klarna-osm-placement'> = { state: 'rendered' };

// klarna-elements/react: every event prop hands its handler the element's typed CustomEvent.
type OsmWrapperProps = ComponentProps<typeof KlarnaOsmPlacement>;
type HostWrapperProps = ComponentProps<typeof KlarnaInstantShoppingHost>;
export const onRender: OsmWrapperProps['onRender'] = (event) => event.detail.nodes satisfies readonly OsmNode[];
export const onBuy: HostWrapperProps['onBuyButtonClicked'] = (event) => event.detail.instanceId satisfies string | undefined;
export const wrapperLines = (lines: OrderLine[]): HostWrapperProps => ({ orderLines: lines, purchaseCountry: 'US' });

// @ts-expect-error a render's detail has no such field (the handler is typed, not `any`)
export const wrongDetail: OsmWrapperProps['onRender'] = (event) => void event.detail.notAField;

// @ts-expect-error the same for the raw tag's listener in the generated JSX types
export const wrongRawDetail: JsxElements['klarna-osm-placement'] = { 'onklarna-osm-render': (event) => void event.detail.notAField };

// The Express Checkout button: its attributes, its line items as a property, its typed events.
export const jsxExpress = (lines: LineItem[]): JsxElements['klarna-express-checkout'] => ({
  'client-id': 'klarna_test_client_dHlwZXM',
  currency: 'USD',
  amount: 32900,
  lineItems: lines,
  'onklarna-express-checkout-complete': (event) => event.detail.paymentToken satisfies string | undefined,
  'onklarna-express-checkout-shipping-address-change': (event) => event.detail.respondWith({ rejectionReason: 'COUNTRY_NOT_SUPPORTED' }),
});

export const svelteExpress: SvelteElements['klarna-express-checkout'] = {
  'onklarna-express-checkout-error': (event) => event.detail.code satisfies 'invalid-config' | 'script-load' | 'sdk' | 'timeout',
};

export const vueExpress: VueProps<'klarna-express-checkout'> = {
  amount: 32900,
  onKlarnaExpressCheckoutAbort: (event) => event.detail.paymentRequestId satisfies string,
};

// @ts-expect-error a shipping answer Klarna does not take (an address refusal must be one of Klarna's reasons)
export const wrongAnswer: JsxElements['klarna-express-checkout'] = { 'onklarna-express-checkout-shipping-address-change': (event) => event.detail.respondWith({ rejectionReason: 'NO' }) };

type ExpressWrapperProps = ComponentProps<typeof KlarnaExpressCheckout>;
export const onComplete: ExpressWrapperProps['onComplete'] = (event) => event.detail.paymentRequestId satisfies string;
export const onClick: ExpressWrapperProps['onClick'] = (event) => event.preventDefault();
export const wrapperExpress = (lines: LineItem[]): ExpressWrapperProps => ({ lineItems: lines, amount: 32900, currency: 'USD', disabled: false });
