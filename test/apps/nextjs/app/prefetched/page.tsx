// The message fetched on the server with OsmClient and handed to the element: the browser shows
// it without asking Klarna.
import { KlarnaOsmPlacement } from 'klarna-elements/react/osm-placement';
import { OsmClient } from 'klarna-elements/server';
import { klarnaSettings, UNIT_PRICE } from '../../klarna';

export const dynamic = 'force-dynamic';

export default async function PrefetchedPage({ searchParams }: { searchParams: Promise<{ client?: string }> }) {
  const { client = '' } = await searchParams;
  const { apiUrl } = klarnaSettings();
  const osm = new OsmClient({ baseUrl: apiUrl });
  const message = await osm.getMessage({ clientId: client, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: UNIT_PRICE });
  return (
    <KlarnaOsmPlacement clientId={client} apiUrl={apiUrl} locale="en-US" placementKey="credit-promotion-badge" purchaseAmount={UNIT_PRICE}
      prefetched={message} />
  );
}
