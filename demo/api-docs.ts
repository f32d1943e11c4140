/**
 * The live API docs: api-viewer-element reading custom-elements.json (every attribute, property,
 * event, CSS part and custom property, as the manifest lists them) and a playground per element
 * whose example talks to the emulator. Knobs edit the live element; its events show in the log.
 */
import 'api-viewer-element';
import { configure } from '../src/index.js';
import { DEMO_SDK_CLIENT_ID } from './express-checkout-purchase.js';

/** The parts of <api-viewer> this page uses (its own types name a manifest package that is not installed). */
type ApiViewer = HTMLElement & {
  manifest?: unknown;
  selected?: string;
  section: string;
  updateComplete: Promise<boolean>;
};

export interface ApiDocsOptions {
  manifest: unknown;
  emulatorUrl: string;
  clientId: string;
  /** A button key the emulator knows (the demo backend's), so the example's button can be bought with. */
  buttonKey: string | undefined;
}

/** What each element's playground starts from: enough for a working example against the emulator. */
function exampleTemplates(buttonKey: string): string {
  const order = {
    order_lines: [{ type: 'physical', reference: 'NL-AJ-MOSS-M', name: 'Aurora jacket', quantity: 1, unit_price: 18900, tax_rate: 0, total_amount: 18900, total_discount_amount: 0, total_tax_amount: 0 }],
    merchant_urls: { terms: new URL('/#/terms', location.href).href },
  };
  // No shippingConfig: the emulated dialog then asks the page nothing, and Pay completes the purchase.
  const payment = { lineItems: [{ name: 'Aurora jacket', quantity: 1, totalAmount: 18900, lineItemReference: 'NL-AJ-MOSS-M' }] };
  return `
    <template data-element="klarna-osm-placement" data-target="host">
      <klarna-osm-placement placement-key="credit-promotion-badge" purchase-amount="18900"></klarna-osm-placement>
    </template>
    <template data-element="klarna-instant-shopping-host" data-target="host">
      <klarna-instant-shopping-host button-key="${buttonKey}" purchase-country="US" purchase-currency="USD"></klarna-instant-shopping-host>
    </template>
    <template data-element="klarna-instant-shopping-host" data-target="slot"><script type="application/json">${JSON.stringify(order)}</script></template>
    <template data-element="klarna-express-checkout" data-target="host">
      <klarna-express-checkout currency="USD" amount="18900" shape="pill"></klarna-express-checkout>
    </template>
    <template data-element="klarna-express-checkout" data-target="slot"><script type="application/json">${JSON.stringify(payment)}</script></template>
    <template data-element="klarna-config" data-target="host">
      <klarna-config locale="en-US"></klarna-config>
    </template>`;
}

export function mountApiDocs(
  container: HTMLElement,
  { manifest, emulatorUrl, clientId, buttonKey }: ApiDocsOptions,
): ApiViewer {
  // The examples inherit these, as a storefront's tags would from its <klarna-config>.
  configure({ clientId, sdkClientId: DEMO_SDK_CLIENT_ID, apiUrl: emulatorUrl, locale: 'en-US', environment: 'playground' });
  const viewer = document.createElement('api-viewer') as ApiViewer;
  // api-viewer reads its example templates from its light DOM when it first renders.
  viewer.innerHTML = exampleTemplates(buttonKey ?? '123e4567-e89b-12d3-a456-426655440000');
  viewer.manifest = manifest;
  container.append(viewer);
  // Chosen once the first render has made the <select>'s options (api-viewer sets its value before
  // it renders them, so an initial choice would show the first element's name in the select).
  void viewer.updateComplete.then(() => (viewer.selected ??= 'klarna-osm-placement'));
  return viewer;
}
