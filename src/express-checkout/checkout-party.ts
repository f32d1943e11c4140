/**
 * One `<klarna-express-checkout>`'s side of its payment requests, as the page's payment router
 * hands them over: Klarna's `complete` and `abort` become the element's events, an SDK error its
 * `error` event, and each shipping question the page's shipping event, whose answer (or Klarna's
 * documented refusal, with an `error` event saying why) goes back to Klarna.
 */
import { ownValue } from '../core/json.js';
import type { InitiateResult, PaymentError, PaymentRequest } from '../protocol/express-checkout.js';
import type { ExpressCheckoutAbortDetail, ExpressCheckoutCompleteDetail, ExpressCheckoutErrorDetail } from './events.js';
import type { PaymentParty } from './payment-router.js';
import { askShippingOptions, askShippingTotals, type ShippingQuestionOutcome } from './shipping-questions.js';

/** Where the element's side of a payment shows: its events, and its console. */
export interface PartyOutlet {
  completed(detail: ExpressCheckoutCompleteDetail): void;
  aborted(detail: ExpressCheckoutAbortDetail): void;
  /** Something went wrong during a purchase: the element says so, and its button stays. */
  failed(error: ExpressCheckoutErrorDetail): void;
}

export class CheckoutParty implements PaymentParty {
  /** The element: where the page is asked its shipping questions. */
  readonly #host: HTMLElement;
  readonly #outlet: PartyOutlet;
  /**
   * The `paymentRequestReference` of the request the element last handed Klarna, given back with
   * its completion: Klarna runs one request at a time, and does not give it back itself (r8).
   */
  #reference: string | undefined;

  constructor(host: HTMLElement, outlet: PartyOutlet) {
    this.#host = host;
    this.#outlet = outlet;
  }

  /** The element hands Klarna `request`: its reference comes back with the completion. */
  starting(request: InitiateResult): void {
    const reference = ownValue(request, 'paymentRequestReference');
    this.#reference = typeof reference === 'string' ? reference : undefined;
  }

  completed(request: PaymentRequest): void {
    const context = request.stateContext;
    this.#outlet.completed({
      paymentRequestId: request.paymentRequestId,
      paymentRequestReference: this.#reference,
      state: request.state,
      paymentToken: context?.paymentToken,
      interoperabilityToken: context?.interoperabilityToken,
      shipping: context?.shipping,
      customerProfile: context?.klarnaCustomer?.customerProfile,
    });
  }

  aborted(request: PaymentRequest): void {
    this.#outlet.aborted({ paymentRequestId: request.paymentRequestId, stateReason: request.stateReason });
  }

  failed(error: PaymentError | Error, request: PaymentRequest | undefined): void {
    const during = request ? ` (payment request ${request.paymentRequestId})` : '';
    this.#outlet.failed({ code: 'sdk', message: `Klarna's Web SDK reported an error${during}: ${describePaymentError(error)}`, cause: error });
  }

  async shippingAddressChanged(request: PaymentRequest, address: Parameters<PaymentParty['shippingAddressChanged']>[1]) {
    return this.#answer(await askShippingOptions(this.#host, request.paymentRequestId, address));
  }

  async shippingOptionSelected(request: PaymentRequest, option: { shippingOptionReference: string }) {
    return this.#answer(await askShippingTotals(this.#host, request.paymentRequestId, option.shippingOptionReference));
  }

  /** What Klarna is told; why it is the refusal, when it is, is the element's `error` event. */
  #answer<Answer>(outcome: ShippingQuestionOutcome<Answer>): Answer {
    if (outcome.problem) this.#outlet.failed(outcome.problem);
    return outcome.answer;
  }
}

/** The SDK's words for an error: a `PaymentError`'s code and message, or an `Error`'s message. */
function describePaymentError(error: PaymentError | Error): string {
  if ('errorCode' in error) return `${error.errorCode}: ${error.errorMessage}`;
  return error.message;
}
