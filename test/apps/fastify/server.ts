// A Fastify 5 backend from the packed tarball. Its place_order route is written as docs/server.md
// shows it: the listener is given Fastify's own request and reply, and takes the body Fastify parsed.
import Fastify from 'fastify';
import {
  approve, InstantShoppingClient, placeOrderListener, type HandlePlaceOrderOptions, type PlaceOrderHandler,
} from 'klarna-elements/server';

const klarna = new InstantShoppingClient({
  username: process.env.KLARNA_API_USERNAME!, password: process.env.KLARNA_API_PASSWORD!, baseUrl: process.env.KLARNA_EMULATOR_URL,
});
const decide: PlaceOrderHandler = () => approve({ merchant_urls: { confirmation: 'https://shop.example/orders/FASTIFY-1' } });
const options: HandlePlaceOrderOptions = {
  client: klarna,
  // The test reads the server's output for what onError was told.
  onError: (error, stage) => console.error(`place_order onError [${stage}]`, String(error)),
};

const app = Fastify();
app.post('/klarna/place-order', placeOrderListener(decide, options));

const address = await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log(`listening on ${address}`);
