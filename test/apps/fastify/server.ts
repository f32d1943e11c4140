// A Fastify 5 backend from the packed tarball. Its place_order route is written as docs/server.md
// shows it: the listener is given Fastify's own request and reply, and takes the body Fastify parsed.
// Its Express Checkout webhook route as docs/express-checkout.md shows it: in a plugin whose JSON
// parser keeps the bytes Klarna signed.
import Fastify from 'fastify';
import {
  approve, expressCheckoutWebhookListener, InstantShoppingClient, placeOrderListener,
  type ExpressCheckoutWebhookHandler, type HandlePlaceOrderOptions, type PlaceOrderHandler,
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

// The test reads the server's output for each payment request the handler ran for.
const complete: ExpressCheckoutWebhookHandler = ({ event }) => console.log(`webhook handled ${event.paymentRequestId}`);
await app.register(async (webhooks) => {
  webhooks.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => done(null, body));
  webhooks.post('/klarna/webhooks', expressCheckoutWebhookListener(complete, {
    signingKeys: process.env.KLARNA_WEBHOOK_SIGNING_KEY!,
    onError: (error, stage) => console.error(`webhook onError [${stage}]`, String(error)),
  }));
});

const address = await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log(`listening on ${address}`);
