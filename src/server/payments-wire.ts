/**
 * Klarna Payments' order shapes, as the Express Checkout purchase is completed on the server:
 * the body of `POST /payments/v1/authorizations/{authorizationToken}/order` and its answer, in
 * Klarna's snake_case so examples from Klarna's docs paste in.
 *
 * Kept beside the client that sends them: the protocol layer holds the shapes the elements share,
 * and no element sends these (a candidate to move there once the Express Checkout element reads them).
 */
import type { Address, OrderLine } from '../protocol/instant-shopping.js';
import type { FraudStatus } from '../protocol/instant-shopping-rest.js';

/** The merchant's pages and endpoints for this order. */
export interface PaymentsMerchantUrls {
  confirmation?: string;
  notification?: string;
  push?: string;
  authorization?: string;
  [name: string]: string | undefined;
}

/**
 * What `createOrder` sends: Klarna Payments' create-order body (the create-session body, with the
 * shipping address the consumer chose in Express Checkout). Amounts are whole minor units, and
 * `order_amount` is the sum of the lines' `total_amount`.
 */
export interface PaymentsOrder {
  purchase_country: string;
  purchase_currency: string;
  locale: string;
  order_amount: number;
  order_tax_amount?: number;
  order_lines: OrderLine[];
  merchant_urls?: PaymentsMerchantUrls;
  merchant_reference1?: string;
  merchant_reference2?: string;
  merchant_data?: string;
  shipping_address?: Address;
  billing_address?: Address;
  [field: string]: unknown;
}

/** Klarna's answer to a created order. `redirect_url` is where Klarna wants the consumer sent, when it gives one. */
export interface CreatedOrder {
  order_id: string;
  redirect_url?: string;
  /** `ACCEPTED`, `PENDING` (hold the goods until Klarna notifies you) or `REJECTED`; a status Klarna adds later comes as it is. */
  fraud_status: FraudStatus | (string & {});
  authorized_payment_method?: AuthorizedPaymentMethod;
  [field: string]: unknown;
}

/** How the consumer chose to pay, e.g. `{ type: 'invoice', number_of_days: 30 }`. */
export interface AuthorizedPaymentMethod {
  type: string;
  number_of_installments?: number;
  number_of_days?: number;
  [field: string]: unknown;
}
