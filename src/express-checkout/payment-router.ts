/**
 * Klarna's `Payment.on(…)` handlers are page-wide: one set per SDK instance, for every button on
 * the page. The router registers them once per instance and hands each callback to the button
 * whose payment request it is. Klarna runs one payment request at a time, so the request a
 * callback first names belongs to the button that handed Klarna a request last; from then on its
 * id says whose it is. While one button's `initiate` runs (the page's own, which may be slow), no
 * other start is let through: two starts finishing in another order than their clicks would bind
 * each one's callbacks to the other's button. A request that ended (completed, aborted, or in
 * error) is forgotten, so the same button's next click starts afresh. Klarna always gets an answer
 * it takes: a button's failure never reaches the SDK.
 */
import type {
  KlarnaPayment,
  PartialShippingAddress,
  PaymentError,
  PaymentRequest,
  ShippingAddressChangeAnswer,
  ShippingOptionSelectAnswer,
} from '../protocol/express-checkout.js';

/** A button's side of its payment requests: what each of Klarna's callbacks becomes for it. */
export interface PaymentParty {
  completed(request: PaymentRequest): void;
  aborted(request: PaymentRequest): void;
  failed(error: PaymentError | Error, request: PaymentRequest | undefined): void;
  shippingAddressChanged(
    request: PaymentRequest,
    address: PartialShippingAddress,
  ): Promise<ShippingAddressChangeAnswer>;
  shippingOptionSelected(
    request: PaymentRequest,
    option: { shippingOptionReference: string },
  ): Promise<ShippingOptionSelectAnswer>;
}

/**
 * What Klarna is told when a shipping callback names a request no button on the page owns (its
 * button was removed mid-flow): the address or option is refused, as a merchant would refuse one
 * it cannot price.
 */
const NOBODY_ANSWERS_ADDRESS: ShippingAddressChangeAnswer = { rejectionReason: 'ADDRESS_NOT_SUPPORTED' };
const NOBODY_ANSWERS_OPTION: ShippingOptionSelectAnswer = { rejectionReason: 'INVALID_OPTION' };

export class PaymentRouter {
  /** The party of each payment request Klarna has named, until it ends. */
  readonly #parties = new Map<string, PaymentParty>();
  /** The button that handed Klarna a request last, until Klarna names it. */
  #starting: PaymentParty | undefined;
  /** The button whose `initiate` runs, until it hands Klarna its request or gives up. */
  #initiating: PaymentParty | undefined;

  constructor(payment: KlarnaPayment) {
    payment.on('complete', (request) => {
      tell(this.#claimOwner(request, true), (party) => party.completed(request));
      // What the boolean tells Klarna is not published (reference §8): chosen, true for "handled".
      return true;
    });
    payment.on('abort', (request) => {
      tell(this.#claimOwner(request, true), (party) => party.aborted(request));
    });
    payment.on('error', (error, request) => {
      // With no request, the start of one failed (initiate, the dialog's opening): that button's start is over.
      const party = request ? this.#claimOwner(request, isEnded(request)) : this.#takeStarting();
      tell(party, (owner) => owner.failed(error, request));
    });
    payment.on('shippingaddresschange', (request, address) => {
      const party = this.#claimOwner(request, false);
      return ask(party, NOBODY_ANSWERS_ADDRESS, (owner) => owner.shippingAddressChanged(request, address));
    });
    payment.on('shippingoptionselect', (request, option) => {
      const party = this.#claimOwner(request, false);
      return ask(party, NOBODY_ANSWERS_OPTION, (owner) => owner.shippingOptionSelected(request, option));
    });
  }

  /**
   * A button's click: true when it may start a payment, false while a start (its own, or another
   * button's) is under way. The one guard against a double click and against two buttons at once.
   */
  claimStart(party: PaymentParty): boolean {
    if (this.#initiating) return false;
    this.#initiating = party;
    return true;
  }

  /** The button hands Klarna its request: the next request Klarna names without an owner is `party`'s. */
  starting(party: PaymentParty): void {
    if (this.#initiating === party) this.#initiating = undefined;
    this.#starting = party;
  }

  /** The button's start ended before Klarna got a request (the page stopped it, or it was refused). */
  releaseStart(party: PaymentParty): void {
    if (this.#initiating === party) this.#initiating = undefined;
  }

  /**
   * The button a request belongs to: the one Klarna's id was bound to, else the button starting one
   * (bound to it from now on). An ended request is forgotten once its owner is found.
   */
  #claimOwner(request: PaymentRequest, ended: boolean): PaymentParty | undefined {
    const id = request.paymentRequestId;
    const party = this.#parties.get(id) ?? this.#takeStarting();
    if (ended) this.#parties.delete(id);
    else if (party) this.#parties.set(id, party);
    if (!party) {
      // Its button was removed mid-purchase (a framework re-keyed it, a route changed), or the purchase
      // began on another page (a redirect brought the shopper back): said, never silent.
      console.warn(`[klarna-express-checkout] Klarna's ${request.state} callback for payment request ${id} names no button on this page: its element left the page, or the purchase began on another one. Shipping questions are refused; a completed purchase still reaches your webhook.`);
    }
    return party;
  }

  #takeStarting(): PaymentParty | undefined {
    const party = this.#starting;
    this.#starting = undefined;
    return party;
  }
}

/** Whether Klarna is done with a request: no callback will name it again. */
function isEnded(request: PaymentRequest): boolean {
  return request.state === 'COMPLETED' || request.state === 'CANCELED' || request.state === 'EXPIRED';
}

/** Hands a notification to its owner; an owner's failure stays out of Klarna's SDK. */
function tell(party: PaymentParty | undefined, notify: (party: PaymentParty) => void): void {
  if (!party) return;
  try {
    notify(party);
  } catch (error) {
    console.error('[klarna-express-checkout] a payment callback failed', error);
  }
}

/** The owner's answer to a shipping question, or `refusal` when there is none or it fails: Klarna always gets one. */
async function ask<Answer>(
  party: PaymentParty | undefined,
  refusal: Answer,
  question: (party: PaymentParty) => Promise<Answer>,
): Promise<Answer> {
  if (!party) return refusal;
  try {
    return await question(party);
  } catch (error) {
    console.error('[klarna-express-checkout] a shipping question failed; Klarna was told', refusal, error);
    return refusal;
  }
}

const routers = new WeakMap<KlarnaPayment, PaymentRouter>();

/** The one router of an SDK instance's `Payment`, registering Klarna's handlers the first time. */
export function paymentRouter(payment: KlarnaPayment): PaymentRouter {
  let router = routers.get(payment);
  if (!router) {
    router = new PaymentRouter(payment);
    routers.set(payment, router);
  }
  return router;
}
