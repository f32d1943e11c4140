// The docs' React Router page: the loader fetches the message on the server and the React component
// takes it as `prefetched`, the object itself (it holds the element with `defer-hydration` until
// React has set it). Where the emulator is comes from the test.
import { useState } from 'react';
import { KlarnaInstantShoppingHost } from 'klarna-elements/react/instant-shopping';
import { KlarnaOsmPlacement } from 'klarna-elements/react/osm-placement';
import { OsmClient } from 'klarna-elements/server';
import { useLoaderData } from 'react-router';
import { BUTTON_KEY, MERCHANT_URLS, orderLines, UNIT_PRICE } from '../shop';

let osm: OsmClient | undefined;

export async function loader() {
  const apiUrl = process.env.KLARNA_API_URL!;
  const clientId = process.env.KLARNA_CLIENT_ID!;
  osm ??= new OsmClient({ baseUrl: apiUrl });
  const message = await osm.getMessage({ clientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: UNIT_PRICE });
  return { apiUrl, clientId, message };
}

export default function Product() {
  const { apiUrl, clientId, message } = useLoaderData<typeof loader>();
  const [quantity, setQuantity] = useState(1);
  const [rendered, setRendered] = useState<number[]>([]);
  return (
    <main>
      <h1>Battery Power Pack</h1>
      <button id="more" onClick={() => setQuantity(quantity + 1)}>One more</button>
      <output id="rendered">{rendered.join(',')}</output>
      <KlarnaOsmPlacement clientId={clientId} apiUrl={apiUrl} locale="en-US" placementKey="credit-promotion-badge" purchaseAmount={quantity * UNIT_PRICE}
        prefetched={message} onRender={(event) => setRendered((amounts) => [...amounts, event.detail.purchaseAmount ?? 0])} />
      <KlarnaInstantShoppingHost buttonKey={BUTTON_KEY} purchaseCountry="US" purchaseCurrency="USD" locale="en-US"
        sdkUrl={`${apiUrl}/instantshopping/lib/v1/lib.js`} orderLines={orderLines(quantity)} merchantUrls={MERCHANT_URLS}
        onError={(event) => console.error(event.detail.message)} />
    </main>
  );
}
