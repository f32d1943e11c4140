/**
 * One payment request through the emulated dialog, as Klarna's one-step flow runs it: the shopper's
 * address goes to `shippingaddresschange`, the chosen option to `shippingoptionselect` (each answered
 * within Klarna's deadline, or the flow ends in error), then Pay completes the purchase (the
 * emulator issues the payment token and sends the webhook) or Klarna declines it, and Cancel aborts.
 */
import type {
  PaymentRequest,
  PaymentRequestData,
  ShippingAddressChangeAnswer,
  ShippingOptionSelectAnswer,
} from '../../protocol/express-checkout.js';
import { paymentError, type EmulatedPaymentError } from './checks.js';
import { EmulatedDialog } from './dialog.js';
import type { PaymentHandlers } from './handlers.js';
import { LOG, PERSONA_ADDRESS, PERSONA_PROFILE, type EmulatedWebSdkSettings } from './settings.js';

/** A shipping callback that Klarna stopped waiting for. */
class DeadlineMissed extends Error {}

export class PaymentFlow {
  readonly #request: PaymentRequest;
  readonly #data: PaymentRequestData | undefined;
  readonly #clientId: string;
  readonly #handlers: PaymentHandlers;
  readonly #settings: EmulatedWebSdkSettings;
  readonly #dialog: EmulatedDialog;
  readonly #ended: () => void;
  #amount: number | undefined;
  #shippingOption: string | undefined;
  /** Set once the request has ended: a late answer or a second click changes nothing. */
  #done = false;
  /** Set once Pay was pressed: a second press pays nothing twice. */
  #paying = false;
  /** Counts the shopper's option choices: only the latest choice's answer counts. */
  #choices = 0;

  constructor(
    doc: Document,
    clientId: string,
    paymentRequestId: string,
    data: PaymentRequestData | undefined,
    handlers: PaymentHandlers,
    settings: EmulatedWebSdkSettings,
    ended: () => void,
  ) {
    this.#request = { paymentRequestId, state: 'IN_PROGRESS', previousState: 'SUBMITTED' };
    this.#data = data;
    this.#clientId = clientId;
    this.#handlers = handlers;
    this.#settings = settings;
    this.#ended = ended;
    this.#amount = data?.amount;
    this.#dialog = new EmulatedDialog(doc, data?.currency ?? 'USD', {
      optionChosen: (reference) => void this.#chooseOption(reference),
      pay: () => void this.#pay(),
      cancel: () => void this.#abort(),
    });
    this.#dialog.showAmount(this.#amount);
  }

  get paymentRequestId(): string {
    return this.#request.paymentRequestId;
  }

  /** Asks for shipping where the request lets the shopper edit it; the shopper then pays or cancels. */
  async start(): Promise<void> {
    if (this.#data?.shippingConfig?.mode !== 'EDITABLE') return;
    // Pay waits until the merchant has priced an option for the shopper's address.
    this.#dialog.showProblem('Finding shipping options…');
    try {
      const answer = await this.#ask<ShippingAddressChangeAnswer>('shippingaddresschange', { ...PERSONA_ADDRESS });
      if ('rejectionReason' in answer) {
        this.#dialog.showProblem(`The merchant does not ship to this address (${answer.rejectionReason}).`);
        return;
      }
      if (answer.amount !== undefined) this.#amount = answer.amount;
      const selected = answer.selectedShippingOptionReference ?? answer.shippingOptions[0]?.shippingOptionReference;
      this.#dialog.showOptions(answer.shippingOptions, selected ?? '');
      if (selected) await this.#chooseOption(selected);
    } catch (error) {
      await this.#failed(error);
    }
  }

  async #chooseOption(reference: string): Promise<void> {
    const choice = ++this.#choices;
    this.#dialog.showProblem('Updating the total…');
    try {
      const answer = await this.#ask<ShippingOptionSelectAnswer>('shippingoptionselect', { shippingOptionReference: reference });
      if (this.#done || choice !== this.#choices) return;
      if ('rejectionReason' in answer) {
        this.#dialog.showProblem(`The merchant refused this shipping option (${answer.rejectionReason}).`);
        return;
      }
      this.#shippingOption = reference;
      this.#amount = answer.amount;
      this.#dialog.showAmount(this.#amount);
      this.#dialog.showProblem(undefined);
    } catch (error) {
      await this.#failed(error);
    }
  }

  /** The first handler's answer to a shipping callback, within Klarna's deadline. */
  #ask<Answer>(event: 'shippingaddresschange' | 'shippingoptionselect', argument: object): Promise<Answer> {
    const [handler] = this.#handlers.of(event);
    if (!handler) return Promise.reject(new Error(`no ${event} handler is registered`));
    const { shippingDeadlineMs } = this.#settings;
    const answer = (handler as (request: PaymentRequest, given: object) => Promise<Answer>)(this.#request, argument);
    return new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new DeadlineMissed(`${event} was not answered within ${shippingDeadlineMs} ms`)), shippingDeadlineMs);
      Promise.resolve(answer).then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }

  async #pay(): Promise<void> {
    if (this.#paying || this.#done) return;
    this.#paying = true;
    this.#dialog.showProblem('Paying…');
    if (this.#settings.outcome === 'decline') {
      await this.#end('CANCELED', 'error', paymentError('PURCHASE_DECLINED', 'Klarna declined the purchase'));
      return;
    }
    // A test's way to the shopper closing Klarna's dialog at the last step, without reaching into it.
    if (this.#settings.outcome === 'abort') {
      await this.#abort();
      return;
    }
    try {
      const response = await fetch(new URL(this.#settings.completePath, this.#settings.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId: this.#clientId,
          paymentRequestId: this.#request.paymentRequestId,
          paymentRequest: { ...this.#data, amount: this.#amount },
          shippingOptionReference: this.#shippingOption,
        }),
      });
      if (!response.ok) throw new Error(`the emulator answered ${response.status}: ${await response.text()}`);
      const tokens = (await response.json()) as { paymentToken: string; interoperabilityToken?: string };
      const { paymentToken, interoperabilityToken } = tokens;
      this.#request.stateContext = {
        paymentToken,
        interoperabilityToken,
        shipping: { address: PERSONA_ADDRESS, shippingOptionReference: this.#shippingOption },
        klarnaCustomer: { customerProfile: PERSONA_PROFILE },
      };
      await this.#end('COMPLETED', 'complete');
    } catch (error) {
      await this.#failed(error);
    }
  }

  /** `Payment.cancel(id)`: the merchant cancels the request; its handlers hear an abort. */
  cancelByPartner(): Promise<void> {
    this.#request.stateReason = 'PARTNER_CANCELED';
    return this.#end('CANCELED', 'abort');
  }

  #abort(): Promise<void> {
    this.#request.stateReason = 'PURCHASE_FLOW_ABORTED';
    return this.#end('CANCELED', 'abort');
  }

  /** A deadline missed, a handler that failed, or the emulator unreachable: Klarna ends the flow in error. */
  #failed(error: unknown): Promise<void> {
    console.warn(`${LOG} the payment request ends in error:`, error);
    this.#request.stateReason = 'TECHNICAL_ERROR';
    const code = error instanceof DeadlineMissed ? 'SHIPPING_CALLBACK_TIMEOUT' : 'TECHNICAL_ERROR';
    return this.#end('CANCELED', 'error', paymentError(code, error instanceof Error ? error.message : String(error)));
  }

  async #end(state: 'COMPLETED' | 'CANCELED', event: 'complete' | 'abort' | 'error', error?: EmulatedPaymentError): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    this.#dialog.close();
    this.#ended();
    this.#request.previousState = this.#request.state;
    this.#request.state = state;
    if (error) await this.#handlers.notify('error', error, { ...this.#request });
    else if (event !== 'error') await this.#handlers.notify(event, { ...this.#request });
  }
}
