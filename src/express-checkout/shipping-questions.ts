/**
 * Klarna's dialog asks the merchant two questions while the shopper picks where and how to ship:
 * which options (and at what price) for this address, and what the total is with this option.
 * The element asks the page with an event whose `detail.respondWith(answer)` takes the answer (a
 * value or a promise), as a service worker's `FetchEvent.respondWith` does: called while the event
 * is dispatched, once. Klarna gives up after 5 s, so the element answers Klarna by
 * 4.5 s whatever happens: with the page's answer if it came and holds up, otherwise with the
 * refusal Klarna documents, and it says why (the element turns the problem into its error event).
 */
import { timerDelay } from '../core/wait.js';
import type {
  PartialShippingAddress,
  ShippingAddressChangeAnswer,
  ShippingOptionSelectAnswer,
} from '../protocol/express-checkout.js';
import { SHIPPING_ANSWER_DEADLINE_MS } from '../protocol/express-checkout.js';
import { shippingAddressAnswerProblems, shippingOptionAnswerProblems } from '../protocol/express-checkout-checks.js';

/** How long the page has to answer: Klarna's 5 s less half a second for the answer to reach Klarna. */
export const PAGE_ANSWER_DEADLINE_MS = SHIPPING_ANSWER_DEADLINE_MS - 500;

/** Takes the page's answer: a value, or a promise of one. Call it while the event is dispatched. */
export type RespondWith<Answer> = (answer: Answer | Promise<Answer>) => void;

export interface ShippingAddressChangeDetail {
  paymentRequestId: string;
  /** As much of the address as Klarna shares before the purchase. */
  address: PartialShippingAddress;
  respondWith: RespondWith<ShippingAddressChangeAnswer>;
}

export interface ShippingOptionSelectDetail {
  paymentRequestId: string;
  shippingOptionReference: string;
  respondWith: RespondWith<ShippingOptionSelectAnswer>;
}

export type ShippingQuestionProblemCode = 'invalid-config' | 'timeout';

/** Why Klarna got the refusal instead of the page's answer. */
export interface ShippingQuestionProblem {
  code: ShippingQuestionProblemCode;
  message: string;
  cause?: unknown;
}

/** What Klarna is told, and, when it is the refusal, why. */
export interface ShippingQuestionOutcome<Answer> {
  answer: Answer;
  problem?: ShippingQuestionProblem;
}

/** Runs `callback` after `ms` and returns what cancels it: a timer, or a test's clock. */
export type Timer = (callback: () => void, ms: number) => () => void;

const browserTimer: Timer = (callback, ms) => {
  const timer = setTimeout(callback, timerDelay(ms));
  return () => clearTimeout(timer);
};

interface Question<Answer> {
  event: 'klarna-express-checkout-shipping-address-change' | 'klarna-express-checkout-shipping-option-select';
  /** The detail's fields besides `respondWith`. */
  fields: Record<string, unknown>;
  /** Klarna's documented refusal, told when the page does not answer in time or answers wrongly. */
  refusal: Answer;
  problems: (answer: unknown) => string[];
}

/** Asks the page which shipping options an address has; Klarna is told `ADDRESS_NOT_SUPPORTED` otherwise. */
export function askShippingOptions(
  host: HTMLElement,
  paymentRequestId: string,
  address: PartialShippingAddress,
  timer: Timer = browserTimer,
): Promise<ShippingQuestionOutcome<ShippingAddressChangeAnswer>> {
  return ask(host, {
    event: 'klarna-express-checkout-shipping-address-change',
    fields: { paymentRequestId, address },
    refusal: { rejectionReason: 'ADDRESS_NOT_SUPPORTED' },
    problems: shippingAddressAnswerProblems,
  }, timer);
}

/** Asks the page for the totals with a shipping option; Klarna is told `INVALID_OPTION` otherwise. */
export function askShippingTotals(
  host: HTMLElement,
  paymentRequestId: string,
  shippingOptionReference: string,
  timer: Timer = browserTimer,
): Promise<ShippingQuestionOutcome<ShippingOptionSelectAnswer>> {
  return ask(host, {
    event: 'klarna-express-checkout-shipping-option-select',
    fields: { paymentRequestId, shippingOptionReference },
    refusal: { rejectionReason: 'INVALID_OPTION' },
    problems: shippingOptionAnswerProblems,
  }, timer);
}

/** Asks the page `question`; Klarna's refusal, with the reason, where no good answer comes in time. */
async function ask<Answer>(
  host: HTMLElement,
  question: Question<Answer>,
  timer: Timer,
): Promise<ShippingQuestionOutcome<Answer>> {
  const { event, refusal } = question;
  let given: Promise<Answer> | undefined;
  let dispatching = true;
  const respondWith: RespondWith<Answer> = (answer) => {
    if (!dispatching) throw new Error(`${event}: call respondWith while the event is dispatched, in the listener itself, not later`);
    if (given) throw new Error(`${event}: respondWith was called twice; one listener answers`);
    given = Promise.resolve(answer);
  };
  try {
    const detail = { ...question.fields, respondWith };
    host.dispatchEvent(new CustomEvent(event, { bubbles: true, composed: true, detail }));
  } finally {
    dispatching = false;
  }
  if (!given) {
    const why = host.isConnected ? `no listener of ${event} called detail.respondWith` : `the element left the page before ${event} could be asked`;
    const message = `${why}: Klarna was told ${JSON.stringify(refusal)}`;
    // A `timeout`: nobody answered Klarna, which is all Klarna sees; the message says why.
    return { answer: refusal, problem: { code: 'timeout', message } };
  }
  let stopWaiting = () => {};
  const late = new Promise<ShippingQuestionOutcome<Answer>>((resolve) => {
    stopWaiting = timer(() => {
      const message = `the listener of ${event} did not answer within ${PAGE_ANSWER_DEADLINE_MS} ms (Klarna waits 5 s): Klarna was told ${JSON.stringify(refusal)}`;
      resolve({ answer: refusal, problem: { code: 'timeout', message } });
    }, PAGE_ANSWER_DEADLINE_MS);
  });
  try {
    return await Promise.race([checked(given, question), late]);
  } finally {
    stopWaiting();
  }
}

/** The page's answer if it holds up; Klarna's refusal, with the reason, if it fails or is malformed. */
async function checked<Answer>(
  given: Promise<Answer>,
  { event, refusal, problems }: Question<Answer>,
): Promise<ShippingQuestionOutcome<Answer>> {
  let answer: Answer;
  try {
    answer = await given;
  } catch (cause) {
    const message = `the answer given to ${event}'s respondWith failed: Klarna was told ${JSON.stringify(refusal)}`;
    return { answer: refusal, problem: { code: 'invalid-config', message, cause } };
  }
  let found: string[];
  try {
    found = problems(answer);
  } catch (cause) {
    // The checks never throw; an answer built to break them (a throwing getter) is still refused.
    const message = `the answer to ${event} could not be read: Klarna was told ${JSON.stringify(refusal)}`;
    return { answer: refusal, problem: { code: 'invalid-config', message, cause } };
  }
  if (found.length === 0) return { answer };
  const message = `the answer to ${event} is not one Klarna takes (${found.join('; ')}): Klarna was told ${JSON.stringify(refusal)}`;
  return { answer: refusal, problem: { code: 'invalid-config', message } };
}
