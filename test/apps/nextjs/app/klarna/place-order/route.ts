// Klarna's place_order callback in Next.js's Edge runtime, written as docs/server.md shows it.
import { approve, handlePlaceOrder, InstantShoppingClient, type PlaceOrderHandler } from 'klarna-elements/server';
import { klarnaSettings } from '../../../klarna';

export const runtime = 'edge';

const decide: PlaceOrderHandler = () => approve({ merchant_urls: { confirmation: 'https://shop.example/orders/EDGE-1' } });

export function POST(request: Request): Promise<Response> {
  // Made per request: `next build` loads this module without the server's environment.
  const client = new InstantShoppingClient({
    username: process.env.KLARNA_API_USERNAME!, password: process.env.KLARNA_API_PASSWORD!, baseUrl: klarnaSettings().apiUrl,
  });
  return handlePlaceOrder(request, decide, {
    client,
    // The test reads the server's output for what onError was told.
    onError: (error, stage) => console.error(`place_order onError [${stage}]`, String(error)),
  });
}
