'use client';
// A client component, server-rendered and then hydrated: the price follows a quantity in state.
import { useState } from 'react';
import { KlarnaInstantShoppingHost } from 'klarna-elements/react/instant-shopping';
import { KlarnaOsmPlacement } from 'klarna-elements/react/osm-placement';
import { BUTTON_KEY, MERCHANT_URLS, orderLines, UNIT_PRICE } from '../../klarna';

export function Product({ clientId, apiUrl, sdkUrl, instanceId }: { clientId: string; apiUrl: string; sdkUrl: string; instanceId: string }) {
  const [quantity, setQuantity] = useState(1);
  const [rendered, setRendered] = useState<number[]>([]);
  return (
    <>
      <button id="more" onClick={() => setQuantity(quantity + 1)}>One more</button>
      <output id="rendered">{rendered.join(',')}</output>
      <KlarnaOsmPlacement clientId={clientId} apiUrl={apiUrl} locale="en-US" placementKey="credit-promotion-badge" purchaseAmount={quantity * UNIT_PRICE}
        onRender={(event) => setRendered((amounts) => [...amounts, event.detail.purchaseAmount ?? 0])} />
      <KlarnaInstantShoppingHost buttonKey={BUTTON_KEY} purchaseCountry="US" purchaseCurrency="USD" locale="en-US" instanceId={instanceId}
        sdkUrl={sdkUrl} orderLines={orderLines(quantity)} merchantUrls={MERCHANT_URLS} onError={(event) => console.error(event.detail.message)} />
    </>
  );
}
