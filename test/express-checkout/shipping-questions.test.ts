/**
 * The element's two shipping questions to the page, with the page's deadline kept by a clock the
 * test fires by hand: Klarna always gets an answer it takes, and the page learns why it was refused.
 */
import { expect, fixture, html } from '@open-wc/testing';
import {
  askShippingOptions,
  askShippingTotals,
  PAGE_ANSWER_DEADLINE_MS,
  type ShippingAddressChangeDetail,
  type ShippingOptionSelectDetail,
  type Timer,
} from '../../src/express-checkout/shipping-questions.js';
import type { ExpressShippingOption } from '../../src/protocol/express-checkout.js';

const STANDARD: ExpressShippingOption = { shippingOptionReference: 'standard', amount: 0, displayName: 'Standard', description: '3 to 5 days', shippingType: 'TO_DOOR' };
const EXPRESS: ExpressShippingOption = { shippingOptionReference: 'express', amount: 1500, displayName: 'Express', description: 'Next day' };

/** A deadline the test fires by hand, recording what was asked of it. */
class HandClock {
  ms: number | undefined;
  cancelled = false;
  #fire: (() => void) | undefined;
  readonly timer: Timer = (callback, ms) => {
    this.ms = ms;
    this.#fire = callback;
    return () => {
      this.cancelled = true;
    };
  };

  fire(): void {
    this.#fire?.();
  }
}

async function page(): Promise<HTMLElement> {
  const container = await fixture<HTMLDivElement>(html`<div><span id="button"></span></div>`);
  return container.querySelector('span')!;
}

describe('Express Checkout shipping questions', () => {
  it('asks the page in a bubbling, composed event and gives Klarna its answer', async () => {
    const host = await page();
    const clock = new HandClock();
    const asked: ShippingAddressChangeDetail[] = [];
    host.parentElement!.addEventListener('klarna-express-checkout-shipping-address-change', (event) => {
      const { detail, bubbles, composed } = event;
      expect([bubbles, composed]).to.deep.equal([true, true]);
      asked.push(detail);
      detail.respondWith(Promise.resolve({ shippingOptions: [STANDARD, EXPRESS], selectedShippingOptionReference: 'standard' }));
    });
    const outcome = await askShippingOptions(host, 'krn:1', { country: 'US', postalCode: '10001' }, clock.timer);
    expect(outcome).to.deep.equal({ answer: { shippingOptions: [STANDARD, EXPRESS], selectedShippingOptionReference: 'standard' } });
    expect(asked.map(({ paymentRequestId, address }) => [paymentRequestId, address])).to.deep.equal([['krn:1', { country: 'US', postalCode: '10001' }]]);
    expect([clock.ms, clock.cancelled]).to.deep.equal([PAGE_ANSWER_DEADLINE_MS, true]);
    expect(PAGE_ANSWER_DEADLINE_MS).to.equal(4500);
  });

  it('takes the totals for a chosen option, as a plain value too', async () => {
    const host = await page();
    host.addEventListener('klarna-express-checkout-shipping-option-select', (event) => {
      const { detail } = event;
      expect(detail.shippingOptionReference).to.equal('express');
      detail.respondWith({ amount: 34400, lineItems: [{ name: 'Jacket', quantity: 1, totalAmount: 32900 }, { name: 'Express', quantity: 1, totalAmount: 1500 }] });
    });
    const outcome = await askShippingTotals(host, 'krn:1', 'express', new HandClock().timer);
    expect(outcome.problem).to.equal(undefined);
    expect(outcome.answer).to.deep.equal({ amount: 34400, lineItems: [{ name: 'Jacket', quantity: 1, totalAmount: 32900 }, { name: 'Express', quantity: 1, totalAmount: 1500 }] });
  });

  it('tells Klarna the documented refusal when no listener answers, and says so', async () => {
    const host = await page();
    const outcome = await askShippingOptions(host, 'krn:1', { country: 'US' }, new HandClock().timer);
    expect(outcome.answer).to.deep.equal({ rejectionReason: 'ADDRESS_NOT_SUPPORTED' });
    expect(outcome.problem).to.deep.equal({
      code: 'timeout',
      message: 'no listener of klarna-express-checkout-shipping-address-change called detail.respondWith: Klarna was told {"rejectionReason":"ADDRESS_NOT_SUPPORTED"}',
    });
  });

  it('refuses in time for Klarna when the listener is slow, naming the event and the deadline', async () => {
    const host = await page();
    const clock = new HandClock();
    host.addEventListener('klarna-express-checkout-shipping-option-select', (event) => {
      (event).detail.respondWith(new Promise(() => {}));
    });
    const asking = askShippingTotals(host, 'krn:1', 'express', clock.timer);
    clock.fire();
    const outcome = await asking;
    expect(outcome.answer).to.deep.equal({ rejectionReason: 'INVALID_OPTION' });
    expect(outcome.problem?.code).to.equal('timeout');
    expect(outcome.problem?.message).to.equal('the listener of klarna-express-checkout-shipping-option-select did not answer within 4500 ms (Klarna waits 5 s): Klarna was told {"rejectionReason":"INVALID_OPTION"}');
  });

  it('refuses when the answer fails or is not one Klarna takes, saying what is wrong', async () => {
    const host = await page();
    const failure = new Error('pricing service down');
    let answer: unknown = Promise.reject(failure);
    host.addEventListener('klarna-express-checkout-shipping-address-change', (event) => {
      (event).detail.respondWith(answer as Promise<never>);
    });
    const failed = await askShippingOptions(host, 'krn:1', { country: 'US' }, new HandClock().timer);
    expect(failed.answer).to.deep.equal({ rejectionReason: 'ADDRESS_NOT_SUPPORTED' });
    expect(failed.problem).to.include({ code: 'invalid-config', cause: failure });

    answer = { shippingOptions: [{ ...EXPRESS, amount: 15.5 }], selectedShippingOptionReference: 'overnight' };
    const malformed = await askShippingOptions(host, 'krn:1', { country: 'US' }, new HandClock().timer);
    expect(malformed.answer).to.deep.equal({ rejectionReason: 'ADDRESS_NOT_SUPPORTED' });
    expect(malformed.problem?.message).to.equal('the answer to klarna-express-checkout-shipping-address-change is not one Klarna takes (answer.shippingOptions[0].amount must be a whole number of minor units, 0 or more; answer.selectedShippingOptionReference "overnight" is none of the options\' shippingOptionReference): Klarna was told {"rejectionReason":"ADDRESS_NOT_SUPPORTED"}');

    answer = { shippingOptions: [] };
    const empty = await askShippingOptions(host, 'krn:1', { country: 'US' }, new HandClock().timer);
    expect(empty.problem?.message).to.include('answer.shippingOptions must list at least one option, or give a rejectionReason');
  });

  it('passes on a refusal the page gives, when it is one Klarna knows', async () => {
    const host = await page();
    host.addEventListener('klarna-express-checkout-shipping-address-change', (event) => {
      (event).detail.respondWith({ rejectionReason: 'POSTAL_CODE_NOT_SUPPORTED' });
    });
    expect(await askShippingOptions(host, 'krn:1', { country: 'US' }, new HandClock().timer)).to.deep.equal({ answer: { rejectionReason: 'POSTAL_CODE_NOT_SUPPORTED' } });
  });

  it('takes respondWith only while the event is dispatched, and only once', async () => {
    const host = await page();
    let later: ShippingOptionSelectDetail | undefined;
    const thrown: string[] = [];
    host.addEventListener('klarna-express-checkout-shipping-option-select', (event) => {
      const { detail } = event;
      detail.respondWith({ amount: 100 });
      try {
        detail.respondWith({ amount: 200 });
      } catch (error) {
        thrown.push((error as Error).message);
      }
      later = detail;
    });
    expect((await askShippingTotals(host, 'krn:1', 'standard', new HandClock().timer)).answer).to.deep.equal({ amount: 100 });
    expect(() => later!.respondWith({ amount: 300 })).to.throw('call respondWith while the event is dispatched');
    expect(thrown).to.deep.equal(['klarna-express-checkout-shipping-option-select: respondWith was called twice; one listener answers']);
  });
});

describe('Express Checkout shipping questions, late or without a page', () => {
  it('keeps the refusal Klarna was told when the answer comes after the deadline', async () => {
    const host = await page();
    const clock = new HandClock();
    let answer: ((value: { amount: number }) => void) | undefined;
    host.addEventListener('klarna-express-checkout-shipping-option-select', (event) => {
      (event).detail.respondWith(new Promise((resolve) => {
        answer = resolve;
      }));
    });
    const asking = askShippingTotals(host, 'krn:1', 'express', clock.timer);
    clock.fire();
    answer!({ amount: 34400 });
    const outcome = await asking;
    expect(outcome.answer).to.deep.equal({ rejectionReason: 'INVALID_OPTION' });
    expect(outcome.problem?.code).to.equal('timeout');
  });

  it('says the element left the page, rather than that nobody listened', async () => {
    const host = await page();
    host.remove();
    const outcome = await askShippingOptions(host, 'krn:1', { country: 'US' }, new HandClock().timer);
    expect(outcome.problem?.message).to.equal('the element left the page before klarna-express-checkout-shipping-address-change could be asked: Klarna was told {"rejectionReason":"ADDRESS_NOT_SUPPORTED"}');
  });
});
