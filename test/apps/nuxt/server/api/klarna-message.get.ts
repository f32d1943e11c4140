// The placement's message, fetched on the server: `useFetch` calls this during server rendering
// and sends its answer to the browser with the page.
import { OsmClient } from 'klarna-elements/server';

let osm: OsmClient | undefined;

export default defineEventHandler((event) => {
  const { klarnaApiUrl, klarnaClientId } = useRuntimeConfig(event).public;
  osm ??= new OsmClient({ baseUrl: klarnaApiUrl });
  const amount = Number(getQuery(event).amount);
  return osm.getMessage({ clientId: klarnaClientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: amount });
});
