/**
 * The `payment.request.state-change.completed` webhook's body, read by its own fields.
 *
 * What is known: Klarna's WooCommerce plugin reads `payment_token` from this event and creates the
 * Klarna Payments order with it; Klarna's acquirer docs name `klarna_network_session_token` (which
 * replaces the deprecated `payment_token`); Klarna's webhooks guide wraps every event as
 * `{ metadata: { event_type, event_id, … }, payload: { … } }`. What is chosen here, since no page
 * shows this event's whole body: both that envelope and the same fields at the top level
 * (`{ event_type, payment_request_id, … }`) are read; the payload's fields are `payment_request_id`,
 * `state`, `payment_token`, `klarna_network_session_token`, `shipping` and `klarna_customer`.
 */
import type { Address } from '../protocol/instant-shopping.js';
import type { BodyRefusal } from './request-body.js';
import { ownValue } from './own.js';
import { pathIdProblem } from './validation.js';
import { isRecord } from '../core/json.js';

export const COMPLETED_EVENT = 'payment.request.state-change.completed';

/** Where the consumer chose to have the purchase shipped, as the webhook carries it. */
export interface CompletedShipping {
  recipient?: { given_name?: string; family_name?: string; email?: string; phone?: string; [field: string]: unknown };
  address?: Address;
  shipping_option_reference?: string;
  [field: string]: unknown;
}

/** A completed payment request, as the merchant's webhook handler gets it. */
export interface PaymentRequestCompleted {
  /** E.g. `krn:payment:eu1:request:…`: the handler runs once per id. */
  paymentRequestId: string;
  /**
   * Your `paymentRequestReference` (the element's property: a cart or order number), when the
   * payment request had one: how the handler finds the cart. Inferred: Klarna's payment request
   * carries it, and its event payload is not published field by field.
   */
  paymentRequestReference: string | undefined;
  /** The Klarna Payments authorization token: give it to `KlarnaPaymentsClient.createOrder`. */
  paymentToken: string | undefined;
  /** For Klarna Network (acquirer) integrations, instead of `paymentToken`. */
  klarnaNetworkSessionToken: string | undefined;
  shipping: CompletedShipping | undefined;
  klarnaCustomer: Record<string, unknown> | undefined;
  /** `metadata.event_id`, when the envelope carries one. */
  eventId: string | undefined;
  /** The body as it was delivered (and signed). */
  body: Record<string, unknown>;
}

/** The event read from the body, an event of another type (answered, not handled), or why the body is refused. */
export type ReadEvent = { event: PaymentRequestCompleted } | { ignored: string } | BodyRefusal;

export function readCompletedEvent(text: string): ReadEvent {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return malformed('the body is not JSON');
  }
  if (!isRecord(body)) return malformed('the body is not a JSON object');
  const metadata = ownValue(body, 'metadata');
  const enveloped = isRecord(metadata);
  const fields = enveloped ? ownValue(body, 'payload') : body;
  const eventType = ownValue(enveloped ? metadata : body, 'event_type');
  if (typeof eventType !== 'string' || !eventType) return malformed('event_type is missing');
  if (eventType !== COMPLETED_EVENT) return { ignored: eventType };
  if (!isRecord(fields)) return malformed('payload is missing');
  return readPayload(fields, body, enveloped ? ownValue(metadata, 'event_id') : undefined);
}

function readPayload(fields: Record<string, unknown>, body: Record<string, unknown>, eventId: unknown): ReadEvent {
  const paymentRequestId = ownValue(fields, 'payment_request_id');
  const idProblem = pathIdProblem('payment_request_id', paymentRequestId);
  if (idProblem) return malformed('payment_request_id is missing or not an id Klarna issues', idProblem);
  if (ownValue(fields, 'state') !== 'COMPLETED') return malformed('state must be COMPLETED for this event');
  const paymentToken = ownValue(fields, 'payment_token');
  const sessionToken = ownValue(fields, 'klarna_network_session_token');
  if (paymentToken === undefined && sessionToken === undefined) return malformed('payment_token or klarna_network_session_token is missing');
  // Each goes into a request path or header: `..` would reach another endpoint with the merchant's credentials.
  const tokenProblem = (paymentToken === undefined ? undefined : pathIdProblem('payment_token', paymentToken))
    ?? (sessionToken === undefined ? undefined : pathIdProblem('klarna_network_session_token', sessionToken));
  if (tokenProblem) return malformed('a token is not one Klarna issues', tokenProblem);
  const described = descriptionProblem(fields);
  if (described) return described;
  // Optional, and its presence inferred: anything but a string is no reference, never a refused delivery.
  const given = ownValue(fields, 'payment_request_reference');
  const reference = typeof given === 'string' ? given : undefined;
  const shipping = ownValue(fields, 'shipping') as CompletedShipping | undefined;
  const customer = ownValue(fields, 'klarna_customer') as Record<string, unknown> | undefined;
  return {
    event: {
      paymentRequestId: paymentRequestId as string,
      paymentRequestReference: reference,
      paymentToken: paymentToken as string | undefined,
      klarnaNetworkSessionToken: sessionToken as string | undefined,
      shipping,
      klarnaCustomer: customer,
      eventId: typeof eventId === 'string' ? eventId : undefined,
      body,
    },
  };
}

/** What is wrong with the purchase's description (shipping, the customer), if anything. */
function descriptionProblem(fields: Record<string, unknown>): BodyRefusal | undefined {
  const shipping = ownValue(fields, 'shipping');
  const customer = ownValue(fields, 'klarna_customer');
  if ((shipping !== undefined && !isRecord(shipping)) || (customer !== undefined && !isRecord(customer))) {
    return malformed('shipping and klarna_customer must be objects');
  }
  return undefined;
}

function malformed(refused: string, detail?: string): BodyRefusal {
  return { status: 400, refused, detail };
}
