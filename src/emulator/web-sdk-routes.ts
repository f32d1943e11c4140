/**
 * The emulated Web SDK v2: its module at Klarna's path (`/web-sdk/v2/klarna.mjs`, the stand-in in
 * `web-sdk/` with the emulator's settings), and the route its dialog posts an approved purchase to.
 * That route issues the payment token the merchant's server creates the order from, and, where a
 * webhook URL is set, delivers `payment.request.state-change.completed` as Klarna does.
 */
import type { EmulatorConfig } from './config.js';
import type { RequestContext, Route } from './context.js';
import { emulatedWebSdkSource } from './emulated-web-sdk.js';
import type { ExpressCheckoutEmulation } from './express-checkout-state.js';
import { readJsonBody } from './json-body.js';

/** Klarna's path (the protocol's `WEB_SDK_PATH`), so that `<klarna-config api-url>` pointing at the emulator finds the stand-in. */
export const WEB_SDK_MODULE_PATH = '/web-sdk/v2/klarna.mjs';
/** Where the emulated dialog posts an approved purchase; the emulator's own, not Klarna's. */
export const EMULATED_COMPLETE_PATH = '/web-sdk/emulator/v2/completions';

export function webSdkRoutes(getConfig: () => EmulatorConfig, state: ExpressCheckoutEmulation): Route[] {
  return [
    { method: 'GET', path: WEB_SDK_MODULE_PATH, handle: (context) => serveModule(context, getConfig()) },
    { method: 'POST', path: EMULATED_COMPLETE_PATH, handle: (context) => complete(context, state, getConfig()) },
  ];
}

async function serveModule(context: RequestContext, config: EmulatorConfig): Promise<void> {
  const { clientIds, allowedOrigins, outcome, shippingDeadlineMs } = config.expressCheckout;
  const source = await emulatedWebSdkSource({
    baseUrl: context.origin,
    completePath: EMULATED_COMPLETE_PATH,
    clientIds,
    allowedOrigins,
    outcome,
    shippingDeadlineMs,
  });
  // Reflects the emulator's config, so browsers revalidate it (Klarna's own is cached by its CDN).
  context.send(200, source, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
}

/** What the emulated dialog posts (`web-sdk/flow.ts`). */
interface CompletionBody {
  paymentRequestId?: unknown;
  paymentRequest?: { currency?: unknown; amount?: unknown; paymentRequestReference?: unknown };
  shippingOptionReference?: unknown;
}

/** An approved purchase: the payment token for it, and the webhook when one is configured. */
async function complete(
  context: RequestContext,
  state: ExpressCheckoutEmulation,
  config: EmulatorConfig,
): Promise<void> {
  const read = await readJsonBody(context);
  if (!('body' in read)) return context.error(read.refused.status, 'BAD_VALUE', read.refused.message);
  const { paymentRequestId, paymentRequest, shippingOptionReference } = read.body as CompletionBody;
  if (typeof paymentRequestId !== 'string' || !paymentRequestId.startsWith('krn:payment:')) {
    return context.error(400, 'BAD_VALUE', 'paymentRequestId must be the payment request\'s krn:payment: id');
  }
  const issued = state.issuePaymentToken({
    payment_request_id: paymentRequestId,
    payment_request_reference: typeof paymentRequest?.paymentRequestReference === 'string' ? paymentRequest.paymentRequestReference : undefined,
    purchase_currency: typeof paymentRequest?.currency === 'string' ? paymentRequest.currency : undefined,
    order_amount: typeof paymentRequest?.amount === 'number' ? paymentRequest.amount : undefined,
    shipping_option_reference: typeof shippingOptionReference === 'string' ? shippingOptionReference : undefined,
  });
  // Klarna sends the webhook on its own time: the shopper's dialog does not wait for the merchant.
  if (config.expressCheckout.webhookUrl) {
    state.deliverCompleted(paymentRequestId).catch((error: unknown) => console.error('[klarna-emulator] the webhook could not be delivered:', error));
  }
  context.json(200, { paymentToken: issued.payment_token, interoperabilityToken: issued.klarna_network_session_token });
}
