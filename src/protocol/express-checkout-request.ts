/**
 * The payment request an Express Checkout button starts, built from the parts a page gives the
 * element (attributes, properties, a JSON child) in Klarna's r8 shape: `lineItems` travel as
 * `supplementaryPurchaseData.lineItems`, `returnUrl` as `customerInteractionConfig.returnUrl`.
 * One builder, so the element, its tests and a merchant's server agree on where each part goes.
 */
import type {
  CustomerProfileScope,
  LineItem,
  PaymentRequestData,
  ShippingConfig,
  SupplementaryPurchaseData,
} from './express-checkout.js';

/** The parts of a payment request, named as the element's properties are. */
export interface PaymentRequestFields {
  /** ISO 4217. */
  currency: string;
  /** Minor units. */
  amount?: number | undefined;
  lineItems?: LineItem[] | undefined;
  shippingConfig?: ShippingConfig | undefined;
  collectCustomerProfile?: CustomerProfileScope[] | undefined;
  /** Where Klarna sends the shopper back after a redirect flow. */
  returnUrl?: string | undefined;
  paymentRequestReference?: string | undefined;
  /** The rest of Klarna's supplementary data; `lineItems` comes from its own field. */
  supplementaryPurchaseData?: Omit<SupplementaryPurchaseData, 'lineItems'> | undefined;
}

/** `fields` as Klarna's `PaymentRequestData`; a part left out is absent, never `undefined`. */
export function paymentRequestData(fields: PaymentRequestFields): PaymentRequestData {
  const request: PaymentRequestData = { currency: fields.currency };
  if (fields.amount !== undefined) request.amount = fields.amount;
  if (fields.paymentRequestReference !== undefined) request.paymentRequestReference = fields.paymentRequestReference;
  if (fields.returnUrl !== undefined) request.customerInteractionConfig = { returnUrl: fields.returnUrl };
  const supplementary: SupplementaryPurchaseData = { ...fields.supplementaryPurchaseData };
  if (fields.lineItems !== undefined) supplementary.lineItems = fields.lineItems;
  if (Object.keys(supplementary).length > 0) request.supplementaryPurchaseData = supplementary;
  if (fields.collectCustomerProfile !== undefined) request.collectCustomerProfile = fields.collectCustomerProfile;
  if (fields.shippingConfig !== undefined) request.shippingConfig = fields.shippingConfig;
  return request;
}
