/** @jsxRuntime automatic @jsxImportSource react */
/**
 * A product page a React app server-renders (`renderToString`, in web-test-runner.config.js) and
 * then hydrates in the browser (`hydrateRoot`, react-hydrate.tsx), as Next.js and Remix do: both
 * elements through the `klarna-elements/react` components and as raw tags. The same module runs on
 * both sides, so hydration compares like with like.
 */
import { useEffect, useRef } from 'react';
import { KlarnaInstantShoppingHost, KlarnaOsmPlacement } from '../../src/react/index.js';
import { BUTTON_ATTRIBUTES, MERCHANT_URLS, orderLines, UNIT_PRICE } from '../interop/apps/storefront.js';

export interface ProductPageProps {
  clientId: string;
  apiUrl: string;
  sdkUrl: string;
  /** Distinct per test run: Klarna's SDK keeps an instance for the page's life. */
  instancePrefix: string;
}

export function ProductPage({ clientId, apiUrl, sdkUrl, instancePrefix }: ProductPageProps) {
  return (
    <main>
      <section id="wrappers">
        <KlarnaOsmPlacement clientId={clientId} apiUrl={apiUrl} placementKey="credit-promotion-badge" locale="en-US" purchaseAmount={UNIT_PRICE} />
        <KlarnaInstantShoppingHost buttonKey={BUTTON_ATTRIBUTES['button-key']} purchaseCountry="US" purchaseCurrency="USD" locale="en-US"
          instanceId={`${instancePrefix}-wrapper`} sdkUrl={sdkUrl} orderLines={orderLines(1)} merchantUrls={MERCHANT_URLS} />
      </section>
      <section id="raw-tags">
        <klarna-osm-placement client-id={clientId} api-url={apiUrl} placement-key="credit-promotion-badge" locale="en-US" purchase-amount={2 * UNIT_PRICE} />
        {/* React 19 sets no property of a custom element it hydrates (facebook/react#35446): what is
            not an attribute comes in the JSON child, which the server renders into the HTML. */}
        <RawInstantShoppingHost instanceId={`${instancePrefix}-raw`} sdkUrl={sdkUrl} />
      </section>
    </main>
  );
}

/**
 * The raw tag, as docs/frameworks.md shows it for a server-rendered page: its objects in the JSON
 * child, and held with `defer-hydration` until React has hydrated it. Unheld, it shows its button as
 * soon as Klarna's lib.js is ready, which may be before React hydrates (lib.js cached, or loaded by
 * the page): Klarna's container then sits in the markup React is hydrating, and hydration fails.
 */
function RawInstantShoppingHost({ instanceId, sdkUrl }: { instanceId: string; sdkUrl: string }) {
  const host = useRef<HTMLElement>(null);
  useEffect(() => {
    host.current?.removeAttribute('defer-hydration');
  }, []);
  return (
    <klarna-instant-shopping-host ref={host} defer-hydration {...BUTTON_ATTRIBUTES} instance-id={instanceId} sdk-url={sdkUrl}>
      <script type="application/json" dangerouslySetInnerHTML={{ __html: JSON.stringify({ order_lines: orderLines(1), merchant_urls: MERCHANT_URLS }) }} />
    </klarna-instant-shopping-host>
  );
}
