// A Server Component page that imports the React components and renders both elements.
import { KlarnaConfig, KlarnaInstantShoppingHost, KlarnaOsmPlacement } from 'klarna-elements/react';
import { BUTTON_KEY, klarnaSettings, MERCHANT_URLS, orderLines, UNIT_PRICE } from '../klarna';

export const dynamic = 'force-dynamic';

export default async function ProductPage({ searchParams }: { searchParams: Promise<{ client?: string; instance?: string }> }) {
  const { client = '', instance = 'next-server' } = await searchParams;
  const { apiUrl, sdkUrl } = klarnaSettings();
  return (
    <main>
      <h1>Battery Power Pack</h1>
      <KlarnaConfig clientId={client} locale="en-US" apiUrl={apiUrl}>
        <KlarnaOsmPlacement placementKey="credit-promotion-badge" purchaseAmount={UNIT_PRICE} />
        <KlarnaInstantShoppingHost buttonKey={BUTTON_KEY} purchaseCountry="US" purchaseCurrency="USD" instanceId={instance}
          sdkUrl={sdkUrl} orderLines={orderLines(1)} merchantUrls={MERCHANT_URLS} />
      </KlarnaConfig>
    </main>
  );
}
