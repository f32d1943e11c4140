/**
 * The emulated `klarna.Payment`: buttons that start a payment request through the merchant's
 * `initiate`, the page-wide handlers, and one payment request at a time, as Klarna runs them.
 */
import { isRecord, ownValue } from '../../core/json.js';
import type {
  KlarnaPayment,
  PaymentButton,
  PaymentButtonConfig,
  PaymentRequestData,
} from '../../protocol/express-checkout.js';
import { buttonElement, setButtonState } from './button.js';
import { paymentError, paymentRequestRefusals, type EmulatedPaymentError } from './checks.js';
import { PaymentFlow } from './flow.js';
import { PaymentHandlers, type PaymentEvent } from './handlers.js';
import type { EmulatedWebSdkSettings } from './settings.js';

export class EmulatedPayment {
  readonly #doc: Document;
  readonly #clientId: string;
  readonly #settings: EmulatedWebSdkSettings;
  readonly #handlers = new PaymentHandlers();
  /** The payment request under way, or one starting (its `initiate` running): Klarna runs one at a time. */
  #current: PaymentFlow | 'starting' | undefined;

  constructor(doc: Document, clientId: string, settings: EmulatedWebSdkSettings) {
    this.#doc = doc;
    this.#clientId = clientId;
    this.#settings = settings;
  }

  /** The object the page sees as `klarna.Payment`. */
  api(): KlarnaPayment {
    return {
      button: (config = {}) => this.#button(config),
      on: (event: PaymentEvent, handler: unknown) => this.#handlers.add(event, handler),
      off: (event: PaymentEvent, handler: unknown) => this.#handlers.remove(event, handler),
      cancel: (paymentRequestId) => this.#cancel(paymentRequestId),
      fetch: (paymentRequestId) => {
        return Promise.reject(paymentError('NOT_FOUND', `payment request ${paymentRequestId} is not kept by the emulated SDK`));
      },
    };
  }

  #button(config: PaymentButtonConfig): PaymentButton {
    const clickHandlers: (() => void)[] = [];
    const renderHandlers: (() => void)[] = [];
    const host = buttonElement(this.#doc, config, () => {
      for (const handler of clickHandlers) handler();
      void this.#start(config);
    });
    return {
      htmlElement: host,
      id: config.id,
      mount: (container) => {
        const target = typeof container === 'string' ? this.#doc.querySelector(container) : (container as Element);
        if (!target) throw paymentError('INVALID_CONTAINER', `mount: no element matches ${typeof container === 'string' ? container : 'the element given'}`);
        target.append(host);
        for (const handler of renderHandlers) handler();
      },
      unmount: () => host.remove(),
      on: (event, handler) => (event === 'click' ? clickHandlers : renderHandlers).push(handler),
      toggleState: (state, value) => setButtonState(host, state, value ?? !host.hasAttribute(`data-${state}`)),
    };
  }

  /**
   * A click: the merchant's payment request, checked, then Klarna's dialog. A start that fails is
   * over before the error handlers hear of it, so a handler that lets the shopper try again can.
   */
  async #start(config: PaymentButtonConfig): Promise<void> {
    // Klarna runs one payment request at a time; a second click while `initiate` runs opens nothing.
    if (this.#current) return;
    this.#current = 'starting';
    const started = await this.#initiated(config);
    this.#current = undefined;
    if ('refusal' in started) {
      await this.#handlers.notify('error', started.refusal);
      return;
    }
    const ended = () => {
      if (this.#current === flow) this.#current = undefined;
    };
    const { paymentRequestId, data } = started;
    const flow = new PaymentFlow(
      this.#doc, this.#clientId, paymentRequestId, data, this.#handlers, this.#settings, ended,
    );
    this.#current = flow;
    await flow.start();
  }

  /** What the merchant's `initiate` gave, checked, or the error Klarna reports instead. */
  async #initiated(config: PaymentButtonConfig): Promise<InitiatedRequest | { refusal: EmulatedPaymentError }> {
    let result: unknown;
    try {
      if (!config.initiate) throw new Error('the button was given no initiate function');
      result = await config.initiate();
    } catch (error) {
      return { refusal: paymentError('INITIATE_FAILED', error instanceof Error ? error.message : String(error)) };
    }
    const started = initiatedRequest(result);
    if ('refusals' in started) {
      const { refusals } = started;
      return { refusal: paymentError('VALIDATION_ERROR', `the payment request is invalid: ${refusals.join('; ')}`, refusals) };
    }
    return started;
  }

  async #cancel(paymentRequestId: string): Promise<void> {
    const current = this.#current;
    if (!(current instanceof PaymentFlow) || current.paymentRequestId !== paymentRequestId) {
      throw paymentError('NOT_FOUND', `no payment request ${paymentRequestId} is under way`);
    }
    await current.cancelByPartner();
  }
}

/** A payment request to run: its id, and its data unless a server created it. */
interface InitiatedRequest {
  paymentRequestId: string;
  data?: PaymentRequestData | undefined;
}

/**
 * What `initiate` resolved, as Klarna reads it: `{ paymentRequestId }` of a request a server created,
 * or the payment request itself (checked); anything else is refused, a misspelt field included.
 */
function initiatedRequest(result: unknown): InitiatedRequest | { refusals: string[] } {
  if (!isRecord(result)) return { refusals: ['initiate must resolve a payment request or { paymentRequestId }'] };
  const givenId = ownValue(result, 'paymentRequestId');
  if (typeof givenId === 'string' && givenId) return { paymentRequestId: givenId };
  const refusals = paymentRequestRefusals(result);
  if (refusals.length > 0) return { refusals };
  return { paymentRequestId: `krn:payment:eu1:request:${crypto.randomUUID()}`, data: result as unknown as PaymentRequestData };
}
