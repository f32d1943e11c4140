/**
 * What a `<klarna-express-checkout>` was given, read again at each of its updates and at each
 * click: its attributes and properties, its `<script type="application/json">` child and the
 * page's settings (`<klarna-config>`, `configure()`), resolved into what the Web SDK is started
 * with, what the button looks like and the payment request, or what is wrong with them. Klarna's
 * SDK would refuse the same mistakes later, in its dialog; here they are found before a button
 * shows, worded with the names the page gave them (`lineItems[0].totalAmount`, not Klarna's path).
 */
import type { ReactiveControllerHost } from 'lit';
import { checkBaseUrl } from '../core/endpoints.js';
import { isRecord } from '../core/json.js';
import { AmountSource } from '../internal/amount-source.js';
import { JsonChildController } from '../internal/json-child.js';
import { isHeld, PageConfigController } from '../internal/page-config.js';
import {
  BUTTON_INTENTS,
  BUTTON_SHAPES,
  BUTTON_THEMES,
  INITIATION_MODES,
  WEB_SDK_PATH,
  WEB_SDK_URL,
  type ButtonIntent,
  type InitiateResult,
  type PaymentButtonConfig,
  type PaymentRequestData,
  type SdkConfig,
} from '../protocol/express-checkout.js';
import { paymentRequestProblems, sdkClientIdProblem } from '../protocol/express-checkout-checks.js';
import { paymentRequestData, type PaymentRequestFields } from '../protocol/express-checkout-request.js';

/** The parts of the payment request a JSON child may give (a property of the same name wins). */
export const JSON_CHILD_FIELDS = [
  'lineItems',
  'shippingConfig',
  'collectCustomerProfile',
  'returnUrl',
  'paymentRequestReference',
  'supplementaryPurchaseData',
] as const;

/** The element as its configuration reads it: its public properties, the payment request's parts among them. */
export interface CheckoutProperties extends Omit<PaymentRequestFields, 'currency' | 'amount'> {
  clientId?: string | undefined;
  locale?: string | undefined;
  currency?: string | undefined;
  amount?: number | undefined;
  amountFrom?: string | undefined;
  quantityFrom?: string | undefined;
  theme?: string | undefined;
  shape?: string | undefined;
  intents?: string | undefined;
  initiationMode?: string | undefined;
  partnerAccountId?: string | undefined;
  sdkUrl?: string | undefined;
  initiate?: (() => InitiateResult | Promise<InitiateResult>) | undefined;
}

/** The button's look: what a new button is made for when it changes. */
export type ButtonLook = Omit<PaymentButtonConfig, 'disabled' | 'initiate' | 'id'>;

export interface CheckoutConfig {
  /**
   * Whether the element was given anything yet, and the price it reads from the page (if it does)
   * is there: until then it waits quietly, reporting nothing.
   */
  configured: boolean;
  /** The page holds every request to Klarna (`consent: 'pending'`): no SDK is loaded for it. */
  held: boolean;
  /** What is wrong, each worded for the console; empty when Klarna would take it all. */
  problems: string[];
  /**
   * The problems that keep the SDK from starting (the client id, where the SDK is): the others, of
   * the purchase, stop a click, and the button hides only once they stood for a task.
   */
  sdkProblems: string[];
  /** Where the SDK's module is, and what the page's one SDK instance is started with. */
  sdk: { url: string; config: SdkConfig };
  look: ButtonLook;
  /** The payment request the element's own fields make; absent when `initiate` gives it. */
  request: PaymentRequestData | undefined;
}

type ConfigHost = ReactiveControllerHost & HTMLElement & CheckoutProperties;

export class CheckoutConfigController {
  /** The element, whose attributes and properties are read. */
  readonly #host: ConfigHost;
  /** `sdkClientId`, `locale`, `api-url` (for the SDK's URL) and `consent` from `<klarna-config>` or `configure()`. */
  readonly #page: PageConfigController;
  /** The payment request's parts from a `<script type="application/json">` child. */
  readonly #json: JsonChildController;
  /** `amount`, or the price and quantity the page shows (`amount-from`, `quantity-from`), read by code loaded on demand. */
  readonly #amountSource: AmountSource;

  constructor(host: ConfigHost) {
    this.#host = host;
    this.#page = new PageConfigController(host);
    this.#json = new JsonChildController(host, 'payment request fields');
    this.#amountSource = new AmountSource(host, 'amount');
  }

  /** What the element was given, as of its last update. */
  value: CheckoutConfig = {
    configured: false,
    held: false,
    problems: [],
    sdkProblems: [],
    sdk: { url: WEB_SDK_URL, config: { clientId: '' } },
    look: {},
    request: undefined,
  };

  /** Reads everything again, into `value`: the element calls it at the start of each update. */
  read(): CheckoutConfig {
    this.value = this.readAtClick();
    return this.value;
  }

  /** Reads everything as it is now, for a click: the purchase the shopper sees, not the last update's. */
  readAtClick(): CheckoutConfig {
    const host = this.#host;
    const page = this.#page.value;
    const sdkProblems: string[] = [];
    const clientId = host.clientId || page.sdkClientId || '';
    const clientIdProblem = sdkClientIdProblem(clientId, host.clientId ? 'client-id' : 'client-id (or sdk-client-id on <klarna-config>)');
    if (clientIdProblem) sdkProblems.push(clientIdProblem);
    const sdkUrl = this.#sdkUrl(page.apiUrl, sdkProblems);
    const locale = host.locale || page.locale;
    const problems = [...sdkProblems];
    const look = this.#look(locale, problems);
    const amount = this.#amount(problems);
    const request = host.initiate ? undefined : this.#request(amount, problems);
    const config: SdkConfig = { clientId, products: ['PAYMENT'] };
    if (locale) config.locale = locale;
    if (host.partnerAccountId) config.partnerAccountId = host.partnerAccountId;
    const sdk = { url: sdkUrl, config };
    const configured = this.#isConfigured() && amount !== WAITING;
    return { configured, held: isHeld(page), problems, sdkProblems, sdk, look, request };
  }

  /** Given anything of its own: an id, a price, a request or a JSON child (the page's settings alone are not). */
  #isConfigured(): boolean {
    const { clientId, currency, amount, amountFrom, quantityFrom, lineItems, initiate } = this.#host;
    const given = [clientId, currency, amount, amountFrom, quantityFrom, lineItems, initiate].some((value) => value !== undefined && value !== '');
    return given || this.#json.present;
  }

  /** `sdk-url`, else Klarna's path below the page's `api-url`, else Klarna's module. */
  #sdkUrl(apiUrl: string | undefined, problems: string[]): string {
    const { sdkUrl } = this.#host;
    if (sdkUrl) {
      try {
        return new URL(sdkUrl, pageUrl()).href;
      } catch {
        problems.push(`sdk-url "${sdkUrl}" is not a URL`);
        return sdkUrl;
      }
    }
    if (!apiUrl) return WEB_SDK_URL;
    const checked = checkBaseUrl(apiUrl);
    if ('url' in checked) return checked.url + WEB_SDK_PATH;
    problems.push(`api-url "${apiUrl}" (from <klarna-config> or configure()) is not a base URL the Web SDK's path can follow`);
    return WEB_SDK_URL;
  }

  #look(locale: string | undefined, problems: string[]): ButtonLook {
    const { theme, shape, initiationMode } = this.#host;
    const look: ButtonLook = {};
    if (locale) look.locale = locale;
    if (theme) {
      if (isOneOf(theme, BUTTON_THEMES)) look.theme = theme;
      else problems.push(`theme "${theme}" is not one of ${BUTTON_THEMES.join(', ')}`);
    }
    if (shape) {
      if (isOneOf(shape, BUTTON_SHAPES)) look.shape = shape;
      else problems.push(`shape "${shape}" is not one of ${BUTTON_SHAPES.join(', ')}`);
    }
    if (initiationMode) {
      if (isOneOf(initiationMode, INITIATION_MODES)) look.initiationMode = initiationMode;
      else problems.push(`initiation-mode "${initiationMode}" is not one of ${INITIATION_MODES.join(', ')}`);
    }
    const intents = this.#intents(problems);
    if (intents.length > 0) look.intents = intents;
    return look;
  }

  /** `intents`, space-separated as `class` is: `intents="PAY SUBSCRIBE"`. */
  #intents(problems: string[]): ButtonIntent[] {
    const { intents } = this.#host;
    if (intents !== undefined && typeof intents !== 'string') {
      problems.push('intents must be a space-separated string, as class is: "PAY", "PAY SUBSCRIBE"');
      return [];
    }
    const words = (intents ?? '').split(/\s+/).filter(Boolean);
    const unknown = words.filter((word) => !isOneOf(word, BUTTON_INTENTS));
    if (unknown.length > 0) problems.push(`intents has ${unknown.map((word) => `"${word}"`).join(', ')}: the intents are ${BUTTON_INTENTS.join(', ')}`);
    return words.filter((word): word is ButtonIntent => isOneOf(word, BUTTON_INTENTS));
  }

  /**
   * `amount`, or the price `amount-from` reads times the quantity `quantity-from` shows (the
   * placement's code): {@link WAITING} while that code loads or the price is not on the page yet.
   */
  #amount(problems: string[]): number | undefined | typeof WAITING {
    const read = this.#amountSource.read();
    if (!read) return WAITING;
    const { value, source } = read;
    if (typeof source === 'object' && source !== null) {
      problems.push(source.problem);
      return undefined;
    }
    // A framework may set the property to the attribute's text (Vue does, for a static `amount="32900"`).
    if (typeof value === 'string') return minorUnitsOf(value, problems);
    // The attribute's converter made NaN of text that is no whole number: its text says what was written.
    if (typeof value === 'number' && Number.isNaN(value) && typeof source === 'string') return minorUnitsOf(source, problems);
    return value as number | undefined;
  }

  /** The payment request from the element's fields (a property over the JSON child's field of the same name). */
  #request(amount: number | undefined | typeof WAITING, problems: string[]): PaymentRequestData {
    const json = this.#json;
    if (json.problem) problems.push(`the <script type="application/json"> child ${json.problem}`);
    const unknown = Object.keys(json.value).filter((key) => !(JSON_CHILD_FIELDS as readonly string[]).includes(key));
    if (unknown.length > 0) {
      problems.push(`the <script type="application/json"> child has ${unknown.join(', ')}: its fields are ${JSON_CHILD_FIELDS.join(', ')}`);
    }
    const host = this.#host;
    const fields: PaymentRequestFields = { currency: host.currency ?? '', amount: amount === WAITING ? undefined : amount };
    for (const name of JSON_CHILD_FIELDS) {
      const value = host[name] ?? (Object.hasOwn(json.value, name) ? json.value[name] : undefined);
      if (value !== undefined) Object.assign(fields, { [name]: value });
    }
    if (typeof fields.returnUrl === 'string') fields.returnUrl = absoluteUrl(fields.returnUrl, pageUrl());
    const request = paymentRequestData(fields);
    problems.push(...requestProblems(request, host));
    return request;
  }
}

/**
 * What Klarna would refuse in `request`, worded for the element: named as the page gave each part,
 * a missing currency as missing, and lines that stop adding up to an amount the page's price sets
 * with what to do about it.
 */
function requestProblems(request: PaymentRequestData, host: CheckoutProperties): string[] {
  const followsPage = Boolean(host.amountFrom || host.quantityFrom);
  return paymentRequestProblems(request, 'paymentRequest').map(namedAsGiven).map((problem) => {
    if (!host.currency && problem.startsWith('currency ')) {
      return 'currency is required: the ISO 4217 code of the purchase (USD, EUR, GBP, SEK, …)';
    }
    if (followsPage && problem.startsWith('lineItems add up to')) {
      return `${problem}; the amount follows amount-from and quantity-from, the lines do not: give no lineItems, or keep them in step`;
    }
    return problem;
  });
}

/** Minor units as a page writes them: digits alone. */
const MINOR_UNITS_TEXT = /^\s*\d+\s*$/;

/**
 * Text as minor units: digits only. `amount="329.00"` would read as 329 otherwise, and minor units
 * are whole, so a written decimal point is a mistake, said with what to write instead.
 */
function minorUnitsOf(text: string, problems: string[]): number | undefined {
  if (MINOR_UNITS_TEXT.test(text)) return Number(text);
  problems.push(`amount "${text}" must be a whole number of minor units (32900 for 329.00)`);
  return undefined;
}

/** The amount attribute's converter: digits are minor units; anything else NaN, for the element to say what was written. */
export function amountFromAttribute(text: string | null): number | undefined {
  if (text === null) return undefined;
  return MINOR_UNITS_TEXT.test(text) ? Number(text) : NaN;
}

/** The amount of an element that reads its price from the page before the price is there. */
const WAITING = Symbol('waiting for the page\'s price');

/** Whether `value` is one of `allowed`. */
function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** The page's URL, relative URLs' base; on a server (no page) none, and a relative URL stays as given. */
function pageUrl(): string | undefined {
  return globalThis.document?.baseURI;
}

/** A relative return URL resolved against the page, as a link's is: Klarna takes absolute ones only. */
function absoluteUrl(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * A problem of Klarna's payment request worded with the names the page gave: `lineItems`, not
 * `paymentRequest.supplementaryPurchaseData.lineItems`; `returnUrl`, not
 * `paymentRequest.customerInteractionConfig.returnUrl`.
 */
export function namedAsGiven(problem: string): string {
  return problem
    .replace('paymentRequest.supplementaryPurchaseData.lineItems', 'lineItems')
    .replace('paymentRequest.customerInteractionConfig.returnUrl', 'returnUrl')
    .replace('paymentRequest.', '');
}

/** Problems of what the page's `initiate` gave: a payment request Klarna takes, or `{ paymentRequestId }`. */
export function initiateResultProblems(result: unknown): string[] {
  if (isRecord(result) && Object.hasOwn(result, 'paymentRequestId')) {
    const id = result.paymentRequestId;
    return typeof id === 'string' && id !== '' ? [] : ['initiate gave a paymentRequestId that is not a non-empty string'];
  }
  return paymentRequestProblems(result, 'initiate()');
}
