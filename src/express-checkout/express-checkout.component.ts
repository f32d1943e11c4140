import { html, type PropertyValues } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { KlarnaElement, klarnaEvent } from '../internal/klarna-element.js';
import { OnlineRetryController } from '../internal/online-retry.js';
import { property } from '../internal/property.js';
import type {
  CustomerProfileScope,
  InitiateResult,
  KlarnaSdkInstance,
  LineItem,
  ShippingConfig,
  SupplementaryPurchaseData,
} from '../protocol/express-checkout.js';
import { ButtonMount } from './button-mount.js';
import { amountFromAttribute, CheckoutConfigController, initiateResultProblems, type CheckoutConfig } from './checkout-config.js';
import { CheckoutParty } from './checkout-party.js';
import type { ExpressCheckoutClickDetail, ExpressCheckoutErrorDetail } from './events.js';
import { expressCheckoutStyles } from './express-checkout.styles.js';
import { paymentRouter } from './payment-router.js';
import { StandingProblem } from './standing-problem.js';
import { webSdk, WebSdkError } from './web-sdk.js';

/** What the element is doing: given nothing (or held for consent), loading the SDK, showing its button, or not able to. */
export type ExpressCheckoutState = 'idle' | 'loading' | 'ready' | 'error';

/** Why a click started no payment: the element said so already (or the page prevented it). */
class NoPaymentStarted extends Error {
  override readonly name = 'NoPaymentStarted';
}

/**
 * Each button's id for Klarna (`button({ id })` tells a page's buttons apart): counted page-wide
 * through `globalThis`, so two copies of the library on a page never give two buttons one id.
 */
function nextButtonId(): string {
  const shared = globalThis as Record<symbol, number | undefined>;
  const key = Symbol.for('klarna-elements:express-checkout-buttons');
  shared[key] = (shared[key] ?? 0) + 1;
  return `klarna-express-checkout-${shared[key]}`;
}

/**
 * Klarna's Express Checkout button, on Klarna's Web SDK v2 (revision r8 shapes): give it your Web
 * SDK client identifier and the purchase, and it starts the page's one SDK, mounts one button,
 * asks the page to price shipping while the shopper picks an address in Klarna's dialog, and tells
 * the page when the purchase completes with the payment token your server creates the order from.
 *
 * @summary Klarna's Express Checkout button for a product or cart page.
 *
 * @attr {string} nonce - CSP nonce that admits Klarna's Web SDK module, for a page whose `script-src` names neither Klarna's host nor `'strict-dynamic'` (a nonced library's `import()` carries its nonce already). Read from the element's built-in `nonce`, which keeps the value after a browser hides the attribute under a header CSP.
 *
 * @cssstate idle - Given nothing yet, or held until the page has the visitor's consent (the read-only `state` property, for styling as `:state(idle)`).
 * @cssstate loading - Starting Klarna's Web SDK.
 * @cssstate ready - The button is on the page.
 * @cssstate error - The button cannot be shown as configured (the element hides itself; see `error`).
 *
 * @slot - Holds the container of Klarna's button (the element adds one, marked `data-klarna-express-checkout-button`, when the button first shows), and an optional `<script type="application/json">` with payment request fields (`lineItems`, `shippingConfig`, `collectCustomerProfile`, `returnUrl`, `paymentRequestReference`, `supplementaryPurchaseData`) for pages without a build step.
 *
 * @fires {ExpressCheckoutReadyDetail} klarna-express-checkout-ready - A button is on the page: the first, or a new one for a new look (`theme`, `shape`, …); a moved element keeps its button. Detail: `{ clientId }`.
 * @fires {ExpressCheckoutClickDetail} klarna-express-checkout-click - The shopper clicked the button; cancelable: `preventDefault()` stops the payment, and no dialog opens. Not fired for a click while a payment is starting (a double click, or another button's). Detail: `{ amount, currency }`.
 * @fires {ExpressCheckoutCompleteDetail} klarna-express-checkout-complete - Klarna approved the purchase. Detail: `{ paymentRequestId, paymentRequestReference?, state, paymentToken?, interoperabilityToken?, shipping?, customerProfile? }`; your server creates the order from `paymentToken`.
 * @fires {ExpressCheckoutAbortDetail} klarna-express-checkout-abort - The purchase ended without a payment. Detail: `{ paymentRequestId, stateReason }`.
 * @fires {ExpressCheckoutErrorDetail} klarna-express-checkout-error - Something is wrong. Detail: `{ code, message, cause? }`, `code` one of `invalid-config`, `script-load`, `sdk`, `timeout`.
 * @fires {ShippingAddressChangeDetail} klarna-express-checkout-shipping-address-change - The shopper gave an address in Klarna's dialog: call `detail.respondWith(answer)` in the listener with the shipping options for it (or a `rejectionReason`), as a value or a promise, within 4.5 s. Detail: `{ paymentRequestId, address, respondWith }`.
 * @fires {ShippingOptionSelectDetail} klarna-express-checkout-shipping-option-select - The shopper picked a shipping option: call `detail.respondWith({ amount, lineItems? })` with the new total within 4.5 s. Detail: `{ paymentRequestId, shippingOptionReference, respondWith }`.
 *
 * @cssprop [--klarna-express-checkout-min-height=0px] - Space kept while the button loads, so nothing shifts when it appears.
 */
export class KlarnaExpressCheckout extends KlarnaElement {
  // ── styles ──────────────────────────────────────────────────────────────────────────────────
  static override styles = expressCheckoutStyles;

  // ── public properties ───────────────────────────────────────────────────────────────────────
  /** Your Web SDK client identifier (`klarna_test_client_…` or `klarna_live_client_…`, from the Merchant Portal's Client identifiers): not the On-site messaging client id. Else `sdk-client-id` of `<klarna-config>`. */
  @property({ attribute: 'client-id' }) clientId?: string;
  /** The button's and the dialog's language and market, e.g. `en-US`; else the page's `locale`. */
  @property() locale?: string;
  /** Three-letter currency of the purchase, e.g. `USD`. Required unless `initiate` gives the payment request. */
  @property() currency?: string;
  /** The purchase's total in minor units (`32900` is 329.00); the line items must add up to it. */
  @property({ converter: amountFromAttribute }) amount?: number;
  /** A CSS selector of the price the page shows (nearest match first), read as `amount` and followed as it changes; `amount` wins when both are set. As on `<klarna-osm-placement>`. */
  @property({ attribute: 'amount-from' }) amountFrom?: string;
  /** A CSS selector of the quantity field the page shows: `amount` (or the price `amount-from` reads) times it. */
  @property({ attribute: 'quantity-from' }) quantityFrom?: string;
  /** `default`, `light`, `dark` or `outlined`. */
  @property() theme?: 'default' | 'light' | 'dark' | 'outlined';
  /** `default`, `pill` or `rect`. */
  @property() shape?: 'default' | 'pill' | 'rect';
  /** What the button offers, space-separated as `class` is: `PAY` (the default), `SUBSCRIBE`, `SIGNUP`, `SIGNIN`, `DONATE`. */
  @property() intents?: string;
  /** How Klarna's flow opens: `DEVICE_BEST` (Klarna chooses per device), `ON_PAGE`, `POPUP` or `REDIRECT`. */
  @property({ attribute: 'initiation-mode' }) initiationMode?: 'DEVICE_BEST' | 'REDIRECT' | 'ON_PAGE' | 'POPUP';
  /** For acquirers and accounts with several partners: the partner account the SDK runs for. */
  @property({ attribute: 'partner-account-id' }) partnerAccountId?: string;
  /** Shows the button greyed out: a click does nothing (a variant not chosen yet, say). */
  @property({ type: Boolean }) disabled = false;
  /** Replaces the URL of Klarna's Web SDK module (the emulator's, for development and tests, or a proxy's); else the SDK's path below the page's `api-url`, else Klarna's. */
  @property({ attribute: 'sdk-url' }) sdkUrl?: string;
  /** What is sold, in minor units (`{ name, quantity, totalAmount, … }`); the lines' `totalAmount` must add up to `amount`. Sent as Klarna's `supplementaryPurchaseData.lineItems`. */
  @property({ attribute: false }) lineItems?: LineItem[];
  /** `{ mode: 'EDITABLE' }`: the shopper picks the address and shipping option in Klarna's dialog (answer the shipping events); `READ_ONLY`: the page gave them. */
  @property({ attribute: false }) shippingConfig?: ShippingConfig;
  /** What Klarna shares of the shopper with the purchase, e.g. `['profile:email', 'profile:name']`. */
  @property({ attribute: false }) collectCustomerProfile?: CustomerProfileScope[];
  /** Where Klarna sends the shopper back after a redirect flow; a relative URL is resolved against the page. Sent as Klarna's `customerInteractionConfig.returnUrl`. */
  @property({ attribute: false }) returnUrl?: string;
  /** Your own reference for the purchase (an order number), passed back with it. */
  @property({ attribute: false }) paymentRequestReference?: string;
  /** The rest of Klarna's supplementary purchase data (`purchaseReference`, `customer`, `shipping`); `lineItems` has its own property. */
  @property({ attribute: false }) supplementaryPurchaseData?: Omit<SupplementaryPurchaseData, 'lineItems'>;
  /** Gives the payment request when the shopper clicks, instead of the properties above: Klarna's `PaymentRequestData`, or `{ paymentRequestId }` of one your server created. */
  @property({ attribute: false }) initiate?: () => InitiateResult | Promise<InitiateResult>;

  // ── internal state ──────────────────────────────────────────────────────────────────────────
  /** Distinguishes this element's button from the page's others, for Klarna. */
  readonly #buttonId = nextButtonId();
  /** Klarna's SDK threw making or mounting the button: no button shows until it mounts one. */
  #mountFailure: ExpressCheckoutErrorDetail | undefined;

  // ── controllers and tasks ───────────────────────────────────────────────────────────────────
  /** What the element was given (attributes, properties, JSON child, the page's settings), read at each update and click. */
  #config = new CheckoutConfigController(this);
  /** The data's problem, shown a task after it appears if it still stands. */
  #problem = new StandingProblem(this, (problem) => {
    void this.#afterUpdate(() => this.#report({ code: 'invalid-config', message: problem }));
  });
  /** The page's one Web SDK instance, started for data Klarna would take once the page consents. */
  #sdk = new Task(this, {
    args: () => {
      const { configured, held, sdkProblems, sdk } = this.#config.value;
      // The purchase's problems do not hold the SDK back: a page gives its data in steps.
      const wanted = configured && !held && sdkProblems.length === 0;
      // The config as JSON: the task compares its arguments one by one, by identity.
      return [wanted, sdk.url, JSON.stringify(sdk.config)] as const;
    },
    task: async ([wanted]) => {
      if (!wanted) return initialState;
      const { url, config } = this.#config.value.sdk;
      // The built-in `nonce`: a browser blanks the attribute of a connected element under a header CSP, not this.
      return webSdk({ url, config, nonce: this.nonce || undefined });
    },
    onComplete: () => this.#scriptRetry.reset(),
    // The task shows its error after this returns: the page hears of it once the element shows it.
    onError: (error) => void this.#afterUpdate(() => this.#sdkFailed(error)),
  });
  /** A module that failed to load, or an SDK that did not start in time, is tried again: when the element is added again, or the browser is back online. */
  #scriptRetry = new OnlineRetryController(this, () => void this.#sdk.run());
  /** The element's one button, in its own light-DOM container; each new one is announced once the element shows it. */
  #button = new ButtonMount(this, {
    mounted: () => {
      this.#mountFailure = undefined;
      void this.#afterUpdate(() => this.emit('klarna-express-checkout-ready', { clientId: this.#config.value.sdk.config.clientId }));
    },
    failed: (cause) => {
      // Said once, and shown as the element's error until a change asks for the button again.
      const message = `Klarna's Web SDK could not show its button: ${cause instanceof Error ? cause.message : String(cause)}`;
      this.#mountFailure = { code: 'sdk', message, cause };
      this.#report(this.#mountFailure);
      this.requestUpdate();
    },
  });
  /** The element's side of its payment requests: Klarna's callbacks as events. */
  #party = new CheckoutParty(this, {
    completed: (detail) => this.emit('klarna-express-checkout-complete', detail),
    aborted: (detail) => this.emit('klarna-express-checkout-abort', detail),
    failed: (error) => this.#report(error),
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────
  override connectedCallback(): void {
    super.connectedCallback();
    // On the page again: its data is read again, its problem (if any) seen again.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A button the SDK could not make is asked for again only once something was changed.
    if (changed.size > 0) this.#mountFailure = undefined;
    const given = this.#config.read();
    this.#problem.see(given.configured && given.problems.length > 0 ? given.problems.join('; ') : undefined);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#show();
    this.showState(this.state);
  }

  // ── public methods ──────────────────────────────────────────────────────────────────────────
  /** What the element is doing: `idle`, `loading`, `ready` (the button is shown) or `error`. */
  get state(): ExpressCheckoutState {
    const { configured, held } = this.#config.value;
    if (!configured || held) return 'idle';
    if (this.error) return 'error';
    return this.#button.mounted > 0 ? 'ready' : 'loading';
  }

  /** The error that stands, while `state` is `error`. */
  get error(): ExpressCheckoutErrorDetail | undefined {
    const problem = this.#problem.shown;
    if (problem) return { code: 'invalid-config', message: problem };
    if (this.#sdk.status === TaskStatus.ERROR) return sdkErrorDetail(this.#sdk.error);
    return this.#mountFailure;
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────
  override render() {
    return html`<slot></slot>`;
  }

  // ── private helpers ─────────────────────────────────────────────────────────────────────────
  /**
   * Shows the button while the SDK is there, unless a problem stood for a task (a click checks the
   * purchase anyway). The page's payment router is registered as soon as the SDK is: Klarna may
   * report a purchase a redirect brought the shopper back from before any click on this page.
   */
  #show(): void {
    const sdk = this.#sdk.value;
    if (!sdk || this.#sdk.status !== TaskStatus.COMPLETE || this.#problem.shown || this.#mountFailure) {
      this.#button.hide();
      return;
    }
    paymentRouter(sdk.Payment);
    const config = { ...this.#config.value.look, id: this.#buttonId, initiate: () => this.#initiate(sdk) };
    this.#button.show({ payment: sdk.Payment, config, disabled: Boolean(this.disabled) });
  }

  /**
   * The shopper clicked. One start at a time on the page (a double click, or another button's click
   * while a page's slow `initiate` runs, starts nothing); the page may stop it (`click` is
   * cancelable); the purchase is read as it is now and checked, and only a request Klarna would
   * take reaches it, as this element's.
   */
  async #initiate(sdk: KlarnaSdkInstance): Promise<InitiateResult> {
    const router = paymentRouter(sdk.Payment);
    if (!router.claimStart(this.#party)) {
      this.log('warn', 'a payment is starting already (a double click, or another Express Checkout button\'s): this click starts none.');
      throw new NoPaymentStarted('a payment is starting already');
    }
    try {
      const given = this.#config.readAtClick();
      if (!this.dispatchEvent(klarnaEvent('klarna-express-checkout-click', this.#clickDetail(given), true))) {
        throw new NoPaymentStarted('a klarna-express-checkout-click listener called preventDefault(): no payment started');
      }
      const request = await this.#paymentRequest(given);
      this.#party.starting(request);
      router.starting(this.#party);
      return request;
    } catch (error) {
      router.releaseStart(this.#party);
      throw error;
    }
  }

  /** What the click is for: the request's amount and currency, or with `initiate`, the element's own. */
  #clickDetail(given: CheckoutConfig): ExpressCheckoutClickDetail {
    const amount = given.request?.amount ?? (Number.isSafeInteger(this.amount) ? this.amount : undefined);
    return { amount, currency: given.request?.currency ?? this.currency };
  }

  /** The payment request to start: `initiate`'s, or the element's own; what Klarna would refuse is reported, and starts nothing. */
  async #paymentRequest(given: CheckoutConfig): Promise<InitiateResult> {
    if (given.problems.length > 0) this.#refuse(given.problems);
    if (!this.initiate) return given.request!;
    let result: unknown;
    try {
      result = await this.initiate();
    } catch (cause) {
      const message = `initiate() failed, so no payment started: ${cause instanceof Error ? cause.message : String(cause)}`;
      this.#report({ code: 'invalid-config', message, cause });
      throw new NoPaymentStarted(message);
    }
    this.#refuse(initiateResultProblems(result));
    return result as InitiateResult;
  }

  /** Reports `problems` and stops the click, when there are any. */
  #refuse(problems: string[]): void {
    if (problems.length === 0) return;
    const message = `no payment started: ${problems.join('; ')}`;
    this.#report({ code: 'invalid-config', message });
    throw new NoPaymentStarted(message);
  }

  /** The SDK did not start: the page is told why, and what may pass is tried again. */
  #sdkFailed(error: unknown): void {
    const detail = sdkErrorDetail(error);
    this.#report(detail);
    // What may pass (the network, a slow start) is tried again; a refusal is not, until the data changes.
    if (detail.code === 'script-load' || detail.code === 'timeout') this.#scriptRetry.failed();
  }

  /** Tells the page of an error: the console, and the element's `error` event. */
  #report(error: ExpressCheckoutErrorDetail): void {
    this.log('error', error.message);
    this.emit('klarna-express-checkout-error', error);
  }

  /** Runs `callback` once the element has updated (its state showing what `callback` tells the page). */
  async #afterUpdate(callback: () => void): Promise<void> {
    // A microtask first: the task (or the mount) asks for the update after this call returns.
    await Promise.resolve();
    await this.updateComplete;
    callback();
  }
}

/** The element's error for what the SDK's start rejected with. */
function sdkErrorDetail(error: unknown): ExpressCheckoutErrorDetail {
  if (error instanceof WebSdkError) return { code: error.code, message: error.message, cause: error.cause };
  return { code: 'sdk', message: `Klarna's Web SDK could not start: ${String(error)}`, cause: error };
}
