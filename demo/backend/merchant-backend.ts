/**
 * The demo shop's backend, as a merchant would write it with `klarna-elements/server`: it owns the
 * Instant Shopping button key, decides each purchase Klarna posts to `place_order` (stock, then
 * address), places or denies it, prices shipping for Express Checkout and creates its orders from
 * Klarna's webhook (express-checkout.ts), and keeps the orders for the storefront's order pages.
 *
 * Routes: `POST /klarna/place-order` (Klarna's callback), `POST /klarna/express-checkout/webhook`
 * (Klarna's webhook), `GET /api/button-key`, `GET /api/orders`, `GET /api/orders/{number}`,
 * `POST /api/express-checkout/shipping-options`, `POST /api/express-checkout/shipping-totals`,
 * `GET /api/express-checkout/payment-requests/{id}/order`. The storefront reaches `/api` through
 * the dev server's proxy; tests call it directly (CORS is open: the data is a demo's).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME, EMULATOR_WEBHOOK_SIGNING_KEY } from '../../src/emulator/config.js';
import {
  approve,
  deny,
  InstantShoppingClient,
  isKlarnaApiError,
  KlarnaPaymentsClient,
  placeOrderListener,
  sendWebResponse,
  toWebRequest,
  type AuthorizedOrder,
  type PlaceOrderDecision,
  type PlaceOrderResult,
} from '../../src/server/index.js';
import { EXPRESS_CHECKOUT_API, EXPRESS_CHECKOUT_WEBHOOK_PATH } from '../express-checkout-purchase.js';
import type { DemoOrder } from '../orders.js';
import { ExpressCheckoutDesk, type DeskAnswer, type Shop } from './express-checkout.js';
import { Stock } from './stock.js';
import { orderDetails } from './order-details.js';

export interface MerchantBackendOptions {
  /** Klarna's API: the emulator's URL. */
  klarnaBaseUrl: string;
  /** Default 0: any free port. */
  port?: number;
  /** The storefront's URL, for the terms link and the confirmation page Klarna sends buyers to. */
  storefrontUrl?: string;
}

/** The US postal code format; the shop ships within the US only. */
const US_POSTAL_CODE = /^\d{5}(-\d{4})?$/;

/** The largest body the shop's own API reads (a shipping question is a few hundred bytes). */
const MAX_API_BODY_BYTES = 10_000;

export class MerchantBackend implements Shop {
  readonly orders: DemoOrder[] = [];
  readonly stock = new Stock();
  storefrontUrl: string | undefined;
  readonly #klarna: InstantShoppingClient;
  readonly #express: ExpressCheckoutDesk;
  readonly #server: Server;
  #buttonKey: Promise<string> | undefined;
  #nextNumber = 1001;

  constructor(options: MerchantBackendOptions) {
    this.storefrontUrl = options.storefrontUrl;
    // The emulator's demo credentials; a real shop reads its own from the environment.
    this.#klarna = new InstantShoppingClient({
      username: process.env.KLARNA_API_USERNAME ?? EMULATOR_API_USERNAME,
      password: process.env.KLARNA_API_PASSWORD ?? EMULATOR_API_PASSWORD,
      environment: 'playground',
      baseUrl: options.klarnaBaseUrl,
    });
    const placeOrder = placeOrderListener((request) => this.decide(request.order), {
      client: this.#klarna,
      onResult: (result) => this.record(result),
      onError: (error, stage) => console.error(`[merchant backend] place_order ${stage}:`, error instanceof Error ? error.message : error),
    });
    this.#express = new ExpressCheckoutDesk({
      shop: this,
      payments: new KlarnaPaymentsClient({
        username: process.env.KLARNA_API_USERNAME ?? EMULATOR_API_USERNAME,
        password: process.env.KLARNA_API_PASSWORD ?? EMULATOR_API_PASSWORD,
        environment: 'playground',
        baseUrl: options.klarnaBaseUrl,
      }),
      signingKey: process.env.KLARNA_WEBHOOK_SIGNING_KEY ?? EMULATOR_WEBHOOK_SIGNING_KEY,
      onError: (error, stage) => console.error(`[merchant backend] Express Checkout webhook ${stage}:`, error instanceof Error ? error.message : error),
    });
    this.#server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://backend').pathname;
      if (path === '/klarna/place-order') return void placeOrder(request, response);
      const answering = path === EXPRESS_CHECKOUT_WEBHOOK_PATH
        ? this.#webhook(request, response)
        : this.#api(request, response, path);
      void answering.catch((error: unknown) => json(response, 500, { error: String(error) }));
    });
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  /**
   * The button key, created on first use. A key Klarna no longer knows (the emulator was reset)
   * is created again, as a shop would after rotating its credentials.
   */
  async buttonKey(): Promise<string> {
    const known = this.#buttonKey && (await this.#buttonKey.catch(() => undefined));
    if (known) {
      try {
        await this.#klarna.getButtonKey(known);
        return known;
      } catch (error) {
        if (!(isKlarnaApiError(error) && error.status === 404)) throw error;
      }
    }
    this.#buttonKey = this.#klarna.createButtonKey({
      merchant_urls: {
        place_order: `${this.url}/klarna/place-order`,
        ...(this.storefrontUrl && { terms: `${this.storefrontUrl}#/terms`, confirmation: `${this.storefrontUrl}#/orders` }),
      },
    }).then((key) => key.button_key);
    return this.#buttonKey;
  }

  /** The shop's checks, in the order a warehouse would make them. */
  decide(order: AuthorizedOrder): PlaceOrderDecision {
    const address = order.shipping_address ?? order.billing_address ?? {};
    if (this.stock.shortage(order.order_lines)) return deny({ code: 'item_out_of_stock' });
    if (address.country !== 'US') return deny({ code: 'unsupported_shipping_address' });
    if (!US_POSTAL_CODE.test(address.postal_code ?? '')) return deny({ code: 'address_error' });
    const number = this.nextOrderNumber();
    return approve({
      merchant_reference1: number,
      ...(this.storefrontUrl && { merchant_urls: { ...order.merchant_urls, confirmation: `${this.storefrontUrl}#/orders/${number}` } }),
    });
  }

  /** The shop's next order number, e.g. `NL-1001`, whichever Klarna button sold it. */
  nextOrderNumber(): string {
    return `NL-${this.#nextNumber++}`;
  }

  record(result: PlaceOrderResult): void {
    if (result.action !== 'approved') return;
    const { order, placed } = result;
    if (placed.outcome !== 'rejected') this.stock.take(order.order_lines);
    const address = order.shipping_address ?? order.billing_address ?? {};
    this.orders.unshift({
      number: order.merchant_reference1 ?? placed.orderId,
      klarnaOrderId: placed.orderId,
      status: placed.outcome === 'accepted' ? 'confirmed' : placed.outcome,
      ...orderDetails(order, address),
      channel: 'instant-shopping',
    });
  }

  async #api(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method === 'OPTIONS') return json(response, 204, undefined);
    if (request.method === 'POST') return this.#post(request, response, path);
    if (request.method !== 'GET') return json(response, 405, { error: 'only GET and POST' });
    if (path === '/api/button-key') return json(response, 200, { buttonKey: await this.buttonKey() });
    if (path === '/api/orders') return json(response, 200, { orders: this.orders });
    const express = /^\/api\/express-checkout\/payment-requests\/([^/]+)\/order$/.exec(path);
    if (express) {
      const order = this.#express.orderOf(decodeURIComponent(express[1]!));
      return order ? json(response, 200, order) : json(response, 404, { error: 'no order yet: Klarna\'s webhook creates it' });
    }
    const match = /^\/api\/orders\/([^/]+)$/.exec(path);
    const order = match && this.orders.find((candidate) => candidate.number === decodeURIComponent(match[1]!));
    if (order) return json(response, 200, order);
    json(response, 404, { error: `nothing at ${path}` });
  }

  /** The product page's shipping questions, asked while the shopper is in Klarna's dialog. */
  async #post(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const ask = new Map<string, (question: unknown) => DeskAnswer>([
      [EXPRESS_CHECKOUT_API.shippingOptions, (question) => this.#express.shippingOptions(question)],
      [EXPRESS_CHECKOUT_API.shippingTotals, (question) => this.#express.shippingTotals(question)],
    ]).get(path);
    if (!ask) return json(response, 404, { error: `nothing to post to at ${path}` });
    const web = await toWebRequest(request, MAX_API_BODY_BYTES);
    if (!web) return json(response, 413, { error: `the body is larger than ${MAX_API_BODY_BYTES} bytes` });
    let question: unknown;
    try {
      question = await web.json();
    } catch {
      return json(response, 400, { error: 'the body is not JSON' });
    }
    const { status, body } = ask(question);
    json(response, status, body);
  }

  /** Klarna's `payment.request.state-change.completed`, given to the library as it arrived (its signature covers the raw body). */
  async #webhook(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const web = await toWebRequest(request);
    if (!web) return json(response, 413, { error: 'the delivery is too large' });
    await sendWebResponse(response, await this.#express.webhook(web));
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'content-type',
    'cache-control': 'no-store',
  });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

/** Starts the backend and creates its button key. */
export async function startMerchantBackend(options: MerchantBackendOptions): Promise<MerchantBackend> {
  const backend = await new MerchantBackend(options).listen(options.port);
  await backend.buttonKey();
  return backend;
}
