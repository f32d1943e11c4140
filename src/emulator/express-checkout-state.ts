/**
 * Express Checkout's server side on the emulator, until it is reset: the payment tokens a purchase
 * produced (issued here by tests and, later, by the emulated Web SDK on `complete`), the Klarna
 * Payments orders created from them, and the `payment.request.state-change.completed` webhook
 * deliveries the emulator made.
 *
 * What the emulator chooses where Klarna's facts are unknown (see docs/emulator.md):
 * - a payment token is a Klarna Payments authorization token (a UUID), valid for
 *   `payments.tokenLifetimeMs` (60 minutes, as Klarna documents for tokens);
 * - the webhook's body is Klarna's documented envelope `{ metadata, payload }`, with the payload
 *   fields the Web SDK's payment request carries, in snake_case; one `event_id` per payment
 *   request, so a redelivery is the same event;
 * - a delivery is signed with HMAC-SHA256 of its raw body under `expressCheckout.signingKey`, in
 *   lower-case hex in `Klarna-Signature` (Klarna documents the MAC, not its encoding).
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { EmulatorConfig } from './config.js';
import type { FraudStatus } from '../protocol/instant-shopping-rest.js';

/** What a test says about the purchase behind a token; everything optional. */
export interface PaymentTokenInit {
  /** The payment request the token completes (the emulated Web SDK's); a new id when absent. */
  payment_request_id?: string | undefined;
  /** The merchant's `paymentRequestReference` of the payment request, carried by the webhook. */
  payment_request_reference?: string | undefined;
  /** When given, an order in another currency is refused. */
  purchase_currency?: string | undefined;
  /** When given (minor units), an order for another amount is refused: the consumer approved this one. */
  order_amount?: number | undefined;
  shipping?: Record<string, unknown> | undefined;
  /** The shipping option the shopper chose, added to the persona's shipping when `shipping` is not given. */
  shipping_option_reference?: string | undefined;
  klarna_customer?: Record<string, unknown> | undefined;
}

/** A payment token as the emulator issued it. */
export interface IssuedPaymentToken {
  payment_token: string;
  payment_request_id: string;
  payment_request_reference?: string | undefined;
  klarna_network_session_token: string;
  expires_at: string;
  purchase_currency?: string | undefined;
  order_amount?: number | undefined;
  shipping: Record<string, unknown>;
  klarna_customer: Record<string, unknown>;
}

export interface StoredPaymentToken extends IssuedPaymentToken {
  /** The webhook's `metadata.event_id`: the same for every delivery of this payment request. */
  eventId: string;
  state: 'authorized' | 'ordered' | 'cancelled';
  /** The `Klarna-Idempotency-Key` the order was created with, if any. */
  idempotencyKey?: string | undefined;
  order?: StoredPaymentsOrder | undefined;
  /** The Klarna Network transaction authorized from this purchase's session token, if any. */
  transaction?: StoredPaymentTransaction | undefined;
}

/** A Klarna Payments order the emulator created, for tests to read. */
export interface StoredPaymentsOrder {
  order_id: string;
  authorization_token: string;
  payment_request_id: string;
  fraud_status: FraudStatus;
  redirect_url?: string | undefined;
  created_at: string;
  /** The create-order body as it was sent. */
  order: Record<string, unknown>;
}

/** A Klarna Network payment transaction the emulator authorized from a `klarna_network_session_token`. */
export interface StoredPaymentTransaction {
  payment_transaction_id: string;
  payment_transaction_reference?: string | undefined;
  payment_request_id: string;
  amount: number;
  currency: string;
  created_at: string;
}

/** A webhook delivery the emulator made, and what the merchant answered. */
export interface WebhookDelivery {
  time: string;
  url: string;
  payment_request_id: string;
  /** The merchant's status; `undefined` when the delivery failed (`error` says why). */
  status?: number | undefined;
  body?: string | undefined;
  error?: string | undefined;
}

/** The persona whose address the emulated purchase ships to, when a test gives none. */
const PERSONA_SHIPPING = {
  recipient: { given_name: 'Jane', family_name: 'Doe', email: 'jane.doe@example.com', phone: '+13105551234' },
  address: { street_address: '800 N Alameda St', postal_code: '90012', city: 'Los Angeles', region: 'CA', country: 'US' },
};
const PERSONA_CUSTOMER = { customer_profile: { given_name: 'Jane', family_name: 'Doe', email: 'jane.doe@example.com', locale: 'en-US' } };
const DELIVERY_TIMEOUT_MS = 10_000;

/** The persona's shipping, with the option the shopper chose in the emulated dialog. */
function personaShipping(optionReference: string | undefined): Record<string, unknown> {
  const shipping: Record<string, unknown> = structuredClone(PERSONA_SHIPPING);
  if (optionReference !== undefined) shipping.shipping_option_reference = optionReference;
  return shipping;
}

export class ExpressCheckoutEmulation {
  /** Payment tokens by token. */
  readonly tokens = new Map<string, StoredPaymentToken>();
  /** Every order created, oldest first. */
  readonly orders: StoredPaymentsOrder[] = [];
  /** Every Klarna Network payment transaction authorized, oldest first. */
  readonly transactions: StoredPaymentTransaction[] = [];
  /** Every webhook delivery made, oldest first. */
  readonly deliveries: WebhookDelivery[] = [];
  readonly #config: () => EmulatorConfig;

  constructor(config: () => EmulatorConfig) {
    this.#config = config;
  }

  /** Issues a payment token for an approved purchase, as the emulated Web SDK's `complete` will. */
  issuePaymentToken(init: PaymentTokenInit = {}): IssuedPaymentToken {
    const issued: IssuedPaymentToken = {
      payment_token: randomUUID(),
      payment_request_id: init.payment_request_id ?? `krn:payment:eu1:request:${randomUUID()}`,
      payment_request_reference: init.payment_request_reference,
      klarna_network_session_token: `krn:network:eu1:test:session-token:${randomUUID()}`,
      expires_at: new Date(Date.now() + this.#config().payments.tokenLifetimeMs).toISOString(),
      purchase_currency: init.purchase_currency,
      order_amount: init.order_amount,
      shipping: init.shipping ?? personaShipping(init.shipping_option_reference),
      klarna_customer: init.klarna_customer ?? structuredClone(PERSONA_CUSTOMER),
    };
    this.tokens.set(issued.payment_token, { ...issued, eventId: randomUUID(), state: 'authorized' });
    return issued;
  }

  /** The token's payment request, found by its id; `undefined` when none was issued. */
  byPaymentRequest(paymentRequestId: string): StoredPaymentToken | undefined {
    return [...this.tokens.values()].find((token) => token.payment_request_id === paymentRequestId);
  }

  /** The purchase a `klarna_network_session_token` belongs to; `undefined` when none was issued. */
  byNetworkSessionToken(sessionToken: string): StoredPaymentToken | undefined {
    return [...this.tokens.values()].find((token) => token.klarna_network_session_token === sessionToken);
  }

  /**
   * Posts `payment.request.state-change.completed` for a payment request, signed, to `url` (default:
   * `expressCheckout.webhookUrl`), and resolves with what the merchant answered. Call it again to
   * deliver the same event again, as Klarna does after a failure.
   */
  async deliverCompleted(
    paymentRequestId: string,
    options: { url?: string | undefined } = {},
  ): Promise<WebhookDelivery> {
    const token = this.byPaymentRequest(paymentRequestId);
    if (!token) throw new Error(`The emulator issued no payment request ${paymentRequestId}.`);
    const url = options.url ?? this.#config().expressCheckout.webhookUrl;
    if (!url) throw new Error('No webhook URL: give one, or set expressCheckout.webhookUrl in the emulator\'s config.');
    const body = JSON.stringify(completedEvent(token));
    const delivery: WebhookDelivery = { time: new Date().toISOString(), url, payment_request_id: paymentRequestId };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'klarna-elements-emulator',
          'klarna-signature': createHmac('sha256', this.#config().expressCheckout.signingKey).update(body).digest('hex'),
          'klarna-signing-key-id': 'krn:partner:global:notification:signing-key:emulator',
        },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      Object.assign(delivery, { status: response.status, body: await response.text() });
    } catch (error) {
      delivery.error = (error as Error).message;
    }
    this.deliveries.push(delivery);
    return delivery;
  }

  clear(): void {
    this.tokens.clear();
    this.orders.length = 0;
    this.transactions.length = 0;
    this.deliveries.length = 0;
  }
}

/** The webhook's body: Klarna's envelope, with the payment request's completion as its payload. */
function completedEvent(token: StoredPaymentToken): Record<string, unknown> {
  return {
    metadata: {
      event_type: 'payment.request.state-change.completed',
      event_id: token.eventId,
      event_version: 'v1',
      occurred_at: new Date().toISOString(),
      live: false,
    },
    payload: {
      payment_request_id: token.payment_request_id,
      // Klarna's payment request carries the merchant's reference (inferred for this event: its payload is not published).
      ...referenceOf(token),
      state: 'COMPLETED',
      payment_token: token.payment_token,
      klarna_network_session_token: token.klarna_network_session_token,
      shipping: token.shipping,
      klarna_customer: token.klarna_customer,
    },
  };
}

/** The merchant's reference as the payload carries it: present only when the payment request had one. */
function referenceOf(token: StoredPaymentToken): { payment_request_reference?: string } {
  const reference = token.payment_request_reference;
  return reference === undefined ? {} : { payment_request_reference: reference };
}
