/**
 * Klarna's `Payment.on(…)` handlers are page-wide: one set per SDK instance, for every button on
 * the page. The router registers them once per instance and hands each callback to the button
 * whose payment request it is. Klarna runs one payment request at a time, so the request a
 * callback first names belongs to the button whose `initiate` ran last; from then on its id
 * says whose it is. A request that ended (completed or aborted) is forgotten, so the same button's
 * next click, after an abort, starts afresh.
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
  /** The button whose `initiate` ran last, until Klarna names its request. */
  #starting: PaymentParty | undefined;

  constructor(payment: KlarnaPayment) {
    payment.on('complete', (request) => {
      this.#end(request)?.completed(request);
      // What the boolean tells Klarna is not published (reference §8): chosen, true for "handled".
      return true;
    });
    payment.on('abort', (request) => {
      this.#end(request)?.aborted(request);
    });
    payment.on('error', (error, request) => {
      const party = request ? this.#partyOf(request) : this.#starting;
      party?.failed(error, request);
    });
    payment.on('shippingaddresschange', (request, address) => {
      const party = this.#partyOf(request);
      return party ? party.shippingAddressChanged(request, address) : Promise.resolve(NOBODY_ANSWERS_ADDRESS);
    });
    payment.on('shippingoptionselect', (request, option) => {
      const party = this.#partyOf(request);
      return party ? party.shippingOptionSelected(request, option) : Promise.resolve(NOBODY_ANSWERS_OPTION);
    });
  }

  /** From a button's `initiate`: the next request Klarna names without an owner is `party`'s. */
  starting(party: PaymentParty): void {
    this.#starting = party;
  }

  /** A button left the page: none of Klarna's callbacks reaches it any more. */
  forget(party: PaymentParty): void {
    if (this.#starting === party) this.#starting = undefined;
    for (const [id, owner] of this.#parties) if (owner === party) this.#parties.delete(id);
  }

  #partyOf(request: PaymentRequest): PaymentParty | undefined {
    const id = request.paymentRequestId;
    const known = this.#parties.get(id);
    if (known) return known;
    const party = this.#starting;
    if (!party) return undefined;
    this.#starting = undefined;
    this.#parties.set(id, party);
    return party;
  }

  /** The party of a request that has ended, which is forgotten. */
  #end(request: PaymentRequest): PaymentParty | undefined {
    const party = this.#partyOf(request);
    this.#parties.delete(request.paymentRequestId);
    return party;
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
