// On-site messaging fetched by OsmClient in Next.js's Edge runtime.
import { OsmClient } from 'klarna-elements/server';
import { klarnaSettings, UNIT_PRICE } from '../../../klarna';

export const runtime = 'edge';

export async function GET(request: Request): Promise<Response> {
  const clientId = new URL(request.url).searchParams.get('client') ?? '';
  const osm = new OsmClient({ baseUrl: klarnaSettings().apiUrl });
  const message = await osm.getMessage({ clientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: UNIT_PRICE });
  return Response.json(message);
}
