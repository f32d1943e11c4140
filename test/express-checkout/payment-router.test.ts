/**
 * The page-wide router of Klarna's `Payment.on` callbacks, driven by hand: a stand-in `Payment`
 * keeps the handlers the router registers, and the test calls them as Klarna would.
 */
import { expect } from '@open-wc/testing';
import { captureConsole } from '../helpers/console.js';
import { paymentRouter, type PaymentParty } from '../../src/express-checkout/payment-router.js';
import type { KlarnaPayment, PaymentEventHandlers, PaymentRequest } from '../../src/protocol/express-checkout.js';

/** `Payment` as far as the router uses it: the handlers it registered, by event. */
class StandInPayment {
  readonly handlers = new Map<keyof PaymentEventHandlers, unknown[]>();

  on(event: keyof PaymentEventHandlers, handler: unknown): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }

  /** The one handler the router registered for `event`. */
  handler<E extends keyof PaymentEventHandlers>(event: E): PaymentEventHandlers[E] {
    const registered = this.handlers.get(event) ?? [];
    expect(registered, event).to.have.length(1);
    return registered[0] as PaymentEventHandlers[E];
  }

  asPayment(): KlarnaPayment {
    return this as unknown as KlarnaPayment;
  }
}

/** A button's party that records what reached it. */
class RecordingParty implements PaymentParty {
  readonly seen: string[] = [];

  constructor(readonly name: string) {}

  completed(request: PaymentRequest): void {
    this.seen.push(`complete ${request.paymentRequestId}`);
  }

  aborted(request: PaymentRequest): void {
    this.seen.push(`abort ${request.paymentRequestId}`);
  }

  failed(error: Error, request: PaymentRequest | undefined): void {
    this.seen.push(`error ${error.message} ${request?.paymentRequestId ?? '-'}`);
  }

  shippingAddressChanged(request: PaymentRequest) {
    this.seen.push(`address ${request.paymentRequestId}`);
    return Promise.resolve({ shippingOptions: [] });
  }

  shippingOptionSelected(request: PaymentRequest) {
    this.seen.push(`option ${request.paymentRequestId}`);
    return Promise.resolve({ amount: 100 });
  }
}

function request(id: string, state: PaymentRequest['state'] = 'IN_PROGRESS'): PaymentRequest {
  return { paymentRequestId: id, state };
}

describe('the Express Checkout payment router', () => {
  it('registers Klarna\'s page-wide handlers once per SDK instance, however many buttons', () => {
    const payment = new StandInPayment();
    expect(paymentRouter(payment.asPayment())).to.equal(paymentRouter(payment.asPayment()));
    for (const event of ['complete', 'abort', 'error', 'shippingaddresschange', 'shippingoptionselect'] as const) payment.handler(event);
    expect(paymentRouter(new StandInPayment().asPayment())).not.to.equal(paymentRouter(payment.asPayment()));
  });

  it('gives each callback to the button whose initiate ran, by the request\'s id from then on', async () => {
    const payment = new StandInPayment();
    const router = paymentRouter(payment.asPayment());
    const first = new RecordingParty('first');
    const second = new RecordingParty('second');
    router.starting(first);
    await payment.handler('shippingaddresschange')(request('krn:1'), { country: 'US' });
    router.starting(second);
    await payment.handler('shippingoptionselect')(request('krn:1'), { shippingOptionReference: 'standard' });
    await payment.handler('shippingaddresschange')(request('krn:2'), { country: 'US' });
    payment.handler('complete')(request('krn:1', 'COMPLETED'));
    payment.handler('abort')(request('krn:2', 'CANCELED'));
    expect(first.seen).to.deep.equal(['address krn:1', 'option krn:1', 'complete krn:1']);
    expect(second.seen).to.deep.equal(['address krn:2', 'abort krn:2']);
  });

  it('lets the same button pay again after an abort', async () => {
    const payment = new StandInPayment();
    const router = paymentRouter(payment.asPayment());
    const button = new RecordingParty('button');
    router.starting(button);
    await payment.handler('abort')(request('krn:1', 'CANCELED'));
    router.starting(button);
    await payment.handler('shippingaddresschange')(request('krn:2'), { country: 'SE' });
    payment.handler('complete')(request('krn:2', 'COMPLETED'));
    expect(button.seen).to.deep.equal(['abort krn:1', 'address krn:2', 'complete krn:2']);
  });

  it('refuses a shipping callback no button owns, as a merchant refuses what it cannot price, and says so', async () => {
    const payment = new StandInPayment();
    paymentRouter(payment.asPayment());
    const warnings = captureConsole('warn');
    try {
      // A request whose button left the page before Klarna named it: no button on the page owns it.
      expect(await payment.handler('shippingaddresschange')(request('krn:gone'), { country: 'CA' })).to.deep.equal({ rejectionReason: 'ADDRESS_NOT_SUPPORTED' });
      expect(await payment.handler('shippingoptionselect')(request('krn:gone'), { shippingOptionReference: 'x' })).to.deep.equal({ rejectionReason: 'INVALID_OPTION' });
      payment.handler('complete')(request('krn:gone', 'COMPLETED'));
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(3);
    expect(warnings.messages[2]).to.equal('[klarna-express-checkout] Klarna\'s COMPLETED callback for payment request krn:gone names no button on this page: its element left the page, or the purchase began on another one. Shipping questions are refused; a completed purchase still reaches your webhook.');
  });

  it('lets one start through at a time: a second click, on any button, while one initiate runs', () => {
    const router = paymentRouter(new StandInPayment().asPayment());
    const first = new RecordingParty('first');
    const second = new RecordingParty('second');
    expect(router.claimStart(first)).to.equal(true);
    expect(router.claimStart(first), 'a double click').to.equal(false);
    expect(router.claimStart(second), 'another button meanwhile').to.equal(false);
    router.starting(first);
    expect(router.claimStart(second), 'once the first handed Klarna its request').to.equal(true);
    router.releaseStart(second);
    expect(router.claimStart(first), 'once the second gave up').to.equal(true);
  });

  it('hands an error with no request to the button that is starting one', () => {
    const payment = new StandInPayment();
    const router = paymentRouter(payment.asPayment());
    const button = new RecordingParty('button');
    payment.handler('error')(new Error('before any button'));
    router.starting(button);
    payment.handler('error')(new Error('initiate refused'));
    router.starting(button);
    payment.handler('error')(new Error('in flight'), request('krn:3'));
    expect(button.seen).to.deep.equal(['error initiate refused -', 'error in flight krn:3']);
  });
});

describe('the Express Checkout payment router, when things go wrong', () => {
  it('ends a button\'s start with an error that names no request, so the next request is not bound to it', async () => {
    const payment = new StandInPayment();
    const router = paymentRouter(payment.asPayment());
    const failed = new RecordingParty('failed');
    router.starting(failed);
    payment.handler('error')(new Error('initiate threw'));
    expect(await payment.handler('shippingaddresschange')(request('krn:other'), { country: 'US' })).to.deep.equal({ rejectionReason: 'ADDRESS_NOT_SUPPORTED' });
    expect(failed.seen).to.deep.equal(['error initiate threw -']);
  });

  it('forgets a request that ended in error', async () => {
    const payment = new StandInPayment();
    const router = paymentRouter(payment.asPayment());
    const button = new RecordingParty('button');
    router.starting(button);
    await payment.handler('shippingaddresschange')(request('krn:1'), { country: 'US' });
    payment.handler('error')(new Error('declined'), request('krn:1', 'CANCELED'));
    expect(await payment.handler('shippingoptionselect')(request('krn:1'), { shippingOptionReference: 'x' })).to.deep.equal({ rejectionReason: 'INVALID_OPTION' });
    expect(button.seen).to.deep.equal(['address krn:1', 'error declined krn:1']);
  });

  it('answers Klarna with the refusal when a button\'s shipping answer fails, and keeps a button\'s throw out of the SDK', async () => {
    const payment = new StandInPayment();
    const router = paymentRouter(payment.asPayment());
    const failing = new RecordingParty('failing');
    failing.shippingAddressChanged = () => Promise.reject(new Error('pricing service down'));
    failing.completed = () => {
      throw new Error('the page\'s listener threw');
    };
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      router.starting(failing);
      expect(await payment.handler('shippingaddresschange')(request('krn:1'), { country: 'US' })).to.deep.equal({ rejectionReason: 'ADDRESS_NOT_SUPPORTED' });
      expect(payment.handler('complete')(request('krn:1', 'COMPLETED'))).to.equal(true);
    } finally {
      console.error = consoleError;
    }
    expect(logged.map((args) => String(args[0]))).to.deep.equal([
      '[klarna-express-checkout] a shipping question failed; Klarna was told',
      '[klarna-express-checkout] a payment callback failed',
    ]);
  });
});
