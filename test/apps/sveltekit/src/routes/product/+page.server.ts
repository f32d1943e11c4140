// The placement's message, fetched on the server; where the emulator is comes from the test.
import { env } from '$env/dynamic/private';
import { OsmClient } from 'klarna-elements/server';
import { UNIT_PRICE } from '$lib/shop';

let osm: OsmClient | undefined;

export async function load() {
  const apiUrl = env.KLARNA_API_URL!;
  const clientId = env.KLARNA_CLIENT_ID!;
  osm ??= new OsmClient({ baseUrl: apiUrl });
  const message = await osm.getMessage({ clientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: UNIT_PRICE });
  return { apiUrl, clientId, message };
}
