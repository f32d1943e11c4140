/**
 * A merchant backend for the Express Checkout webhook tests: node:http with
 * handleExpressCheckoutWebhook on a RedisPlaceOrderStore, whose handler counts its runs in Redis
 * (so runs in several processes add up), waits a while (so deliveries overlap), and creates the
 * Klarna Payments order at the emulator. Started in the test's process, or in a second process by
 * `webhook-backend-process.ts`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME } from '../../src/emulator/config.js';
import {
  handleExpressCheckoutWebhook,
  KlarnaPaymentsClient,
  RedisPlaceOrderStore,
  sendWebResponse,
  toWebRequest,
  type PaymentsOrder,
} from '../../src/server/index.js';

export interface WebhookBackendSettings {
  redisPort: number;
  emulatorUrl: string;
  signingKey: string;
  /** How long the handler takes, in ms. */
  handlerDelayMs: number;
}

/** The Redis key the handlers count their runs in. */
export const HANDLER_RUNS_KEY = 'test:webhook-handler-runs';

export const ORDER: PaymentsOrder = {
  purchase_country: 'US', purchase_currency: 'USD', locale: 'en-US', order_amount: 11900, order_tax_amount: 0,
  order_lines: [{ type: 'physical', name: 'Battery Power Pack', quantity: 1, unit_price: 11900, tax_rate: 0, total_amount: 11900, total_tax_amount: 0 }],
};

export async function startWebhookBackend(settings: WebhookBackendSettings): Promise<{ url: string; close: () => Promise<void> }> {
  const redis = new Redis({ host: '127.0.0.1', port: settings.redisPort, maxRetriesPerRequest: 1 });
  const payments = new KlarnaPaymentsClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: settings.emulatorUrl });
  const options = { signingKeys: settings.signingKey, store: new RedisPlaceOrderStore(redis) };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const webRequest = await toWebRequest(request);
      const answer = await handleExpressCheckoutWebhook(webRequest!, async ({ event }) => {
        await redis.incr(HANDLER_RUNS_KEY);
        await new Promise((resolve) => setTimeout(resolve, settings.handlerDelayMs));
        await payments.createOrder(event.paymentToken!, { ...ORDER, shipping_address: event.shipping?.address });
      }, options);
      await sendWebResponse(response, answer);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/klarna/webhooks`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await redis.quit();
    },
  };
}
