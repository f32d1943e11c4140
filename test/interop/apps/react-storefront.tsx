/**
 * The storefront in React 19, twice: with the `klarna-elements/react` components (`onRender`,
 * `onLearnMore`: typed event props) and with the raw tags, which React 19 renders itself (properties for what the
 * element has as a property, `on<event-name>` listeners). Both in StrictMode, which mounts effects
 * twice in development builds.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { KlarnaExpressCheckout, KlarnaInstantShoppingHost, KlarnaOsmPlacement } from 'klarna-elements/react';
import type { CustomElements } from 'klarna-elements/jsx';
import { BUTTON_ATTRIBUTES, EXPRESS_CLIENT_ID, lineItems, MERCHANT_URLS, orderLines, STOCK, UNIT_PRICE, type MountStorefront, type Route, type StorefrontProps } from './storefront.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // The generated types for the raw tags, as the README tells React users to add them.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}

type ViewProps = Omit<StorefrontProps, 'quantity'> & { quantity: number; route: Route };

function WrapperProductPage({ clientId, apiUrl, sdkUrl, webSdkUrl, instanceId, quantity, onEvent }: ViewProps) {
  return (
    <>
      <KlarnaOsmPlacement clientId={clientId} apiUrl={apiUrl} placementKey="credit-promotion-badge" locale="en-US"
        purchaseAmount={quantity * UNIT_PRICE} impression="render"
        onRender={(event) => onEvent('klarna-osm-render', event.detail)}
        onImpression={(event) => onEvent('klarna-osm-impression', event.detail)}
        onLearnMore={(event) => {
          event.preventDefault();
          onEvent('klarna-osm-learn-more', event.detail);
        }}
        onError={(event) => onEvent('klarna-osm-error', event.detail)} />
      <KlarnaInstantShoppingHost buttonKey={BUTTON_ATTRIBUTES['button-key']} purchaseCountry="US" purchaseCurrency="USD" locale="en-US"
        instanceId={instanceId} sdkUrl={sdkUrl} orderLines={orderLines(quantity)} merchantUrls={MERCHANT_URLS}
        onReady={(event) => onEvent('klarna-instant-shopping-ready', event.detail)}
        onError={(event) => onEvent('klarna-instant-shopping-error', event.detail)} />
      <KlarnaExpressCheckout clientId={EXPRESS_CLIENT_ID} sdkUrl={webSdkUrl} currency="USD" amount={quantity * UNIT_PRICE}
        lineItems={lineItems(quantity)} disabled={quantity > STOCK}
        onReady={(event) => onEvent('klarna-express-checkout-ready', event.detail)}
        onClick={(event) => {
          event.preventDefault();
          onEvent('klarna-express-checkout-click', event.detail);
        }}
        onError={(event) => onEvent('klarna-express-checkout-error', event.detail)} />
    </>
  );
}

function RawProductPage({ clientId, apiUrl, sdkUrl, webSdkUrl, instanceId, quantity, onEvent }: ViewProps) {
  return (
    <>
      <klarna-osm-placement client-id={clientId} api-url={apiUrl} placement-key="credit-promotion-badge" locale="en-US"
        purchase-amount={quantity * UNIT_PRICE} impression="render"
        onklarna-osm-render={(event) => onEvent('klarna-osm-render', event.detail)}
        onklarna-osm-impression={(event) => onEvent('klarna-osm-impression', event.detail)}
        onklarna-osm-learn-more={(event) => {
          event.preventDefault();
          onEvent('klarna-osm-learn-more', event.detail);
        }}
        onklarna-osm-error={(event) => onEvent('klarna-osm-error', event.detail)} />
      <klarna-instant-shopping-host {...BUTTON_ATTRIBUTES} instance-id={instanceId} sdk-url={sdkUrl} orderLines={orderLines(quantity)} merchantUrls={MERCHANT_URLS}
        onklarna-instant-shopping-ready={(event) => onEvent('klarna-instant-shopping-ready', event.detail)}
        onklarna-instant-shopping-error={(event) => onEvent('klarna-instant-shopping-error', event.detail)} />
      <klarna-express-checkout client-id={EXPRESS_CLIENT_ID} sdk-url={webSdkUrl} currency="USD" amount={quantity * UNIT_PRICE}
        lineItems={lineItems(quantity)} disabled={quantity > STOCK}
        onklarna-express-checkout-ready={(event) => onEvent('klarna-express-checkout-ready', event.detail)}
        onklarna-express-checkout-click={(event) => {
          event.preventDefault();
          onEvent('klarna-express-checkout-click', event.detail);
        }}
        onklarna-express-checkout-error={(event) => onEvent('klarna-express-checkout-error', event.detail)} />
    </>
  );
}

function Storefront(props: ViewProps & { raw: boolean }) {
  if (props.route === 'cart') return <p>Your cart</p>;
  return props.raw ? <RawProductPage {...props} /> : <WrapperProductPage {...props} />;
}

function mountWith(raw: boolean): MountStorefront {
  return (container, props) => {
    const root = createRoot(container);
    let state: { quantity: number; route: Route } = { quantity: props.quantity, route: 'product' };
    const render = () => {
      flushSync(() => root.render(<StrictMode><Storefront {...props} {...state} raw={raw} /></StrictMode>));
      return Promise.resolve();
    };
    void render();
    return {
      setQuantity: (quantity) => ((state = { ...state, quantity }), render()),
      showRoute: (route) => ((state = { ...state, route }), render()),
      unmount: () => (root.unmount(), Promise.resolve()),
    };
  };
}

export const mountReactWrappers = mountWith(false);
export const mountReactRawTags = mountWith(true);
