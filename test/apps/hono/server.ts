// A Hono 4 backend on Node (@hono/node-server) from the packed tarball. Its place_order route is
// written as docs/server.md shows it: handlePlaceOrder takes the standard Request, c.req.raw.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  approve, handlePlaceOrder, InstantShoppingClient, type HandlePlaceOrderOptions, type PlaceOrderHandler,
} from 'klarna-elements/server';

const klarna = new InstantShoppingClient({
  username: process.env.KLARNA_API_USERNAME!, password: process.env.KLARNA_API_PASSWORD!, baseUrl: process.env.KLARNA_EMULATOR_URL,
});
const decide: PlaceOrderHandler = () => approve({ merchant_urls: { confirmation: 'https://shop.example/orders/HONO-1' } });
const options: HandlePlaceOrderOptions = {
  client: klarna,
  // The test reads the server's output for what onError was told.
  onError: (error, stage) => console.error(`place_order onError [${stage}]`, String(error)),
};

const app = new Hono();
app.post('/klarna/place-order', (c) => handlePlaceOrder(c.req.raw, decide, options));

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
