import { html, type PropertyValues } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { TrustedScriptUrl } from '../core/script.js';
import { KlarnaElement } from '../internal/klarna-element.js';
import { property } from '../internal/property.js';
import type {
  AdditionalCheckbox, Address, ButtonStyling, Item, MerchantUrls, OrderLine, ShippingOption,
} from '../protocol/instant-shopping.js';
import { AnswerDeadlineController } from './answer-deadline.js';
import { domEventName, type InstantShoppingErrorDetail } from './events.js';
import { HostConfigController } from './host-config.js';
import { HostStatusController, type InstantShoppingState } from './host-status.js';
import { instantShoppingHostStyles } from './instant-shopping-host.styles.js';
import { InstanceAttachment } from './instance-attachment.js';
import { OnlineRetryController } from '../internal/online-retry.js';
import { loadInstantShoppingSdk } from './sdk-loader.js';

export type { InstantShoppingState } from './host-status.js';

/**
 * Klarna's Instant Shopping button: give it a button key and the product, and it loads Klarna's
 * SDK once per page, calls `load` once and `update` with what changed, hides itself when Klarna
 * does not offer the button, and turns the SDK's callbacks and events into DOM events.
 *
 * @summary Klarna's Instant Shopping button for a product page.
 *
 * @attr {string} nonce - CSP nonce for the injected SDK `<script>`, for pages with a strict `script-src`. Read from the element's built-in `nonce` (no property of its own shadows it), which keeps the value after a browser hides the attribute under a header CSP.
 *
 * @cssstate idle - Given nothing yet (the read-only `state` property, for styling as `:state(idle)`; no attribute changes, so server-rendered markup hydrates as it was sent).
 * @cssstate loading - Loading Klarna's SDK or waiting for its answer.
 * @cssstate ready - Klarna shows the button.
 * @cssstate hidden - Klarna does not offer the button for this data (the host hides itself).
 * @cssstate error - The button cannot be shown as configured (the host hides itself; see `error`).
 *
 * @slot - Holds Klarna's `<klarna-instant-shopping>` container (the host adds one when the button is first shown, unless the page gave it), and an optional `<script type="application/json">` with SDK fields for pages without a build step.
 *
 * @fires {InstantShoppingReadyDetail} klarna-instant-shopping-ready - Klarna answered a `load` or `update`. Detail: `{ showButton }`.
 * @fires {InstantShoppingErrorDetail} klarna-instant-shopping-error - The button cannot be shown as configured. Detail: `{ code, message, cause? }`, `code` one of `invalid-config`, `script-load`, `sdk`.
 * @fires {InstantShoppingEventDetail} klarna-instant-shopping-buy-button-clicked - The consumer clicked the button. Detail: the SDK's event data.
 * @fires {InstantShoppingEventDetail} klarna-instant-shopping-session-initiated - Klarna's purchase dialog opened. Detail: `{ instanceId, customer_country, customer_postal_code }`.
 * @fires {InstantShoppingEventDetail} klarna-instant-shopping-identification-updated - The consumer entered or changed their details. Detail: `{ instanceId, customer_country, customer_postal_code }`.
 * @fires {InstantShoppingEventDetail} klarna-instant-shopping-shipping-updated - The consumer chose a shipping option. Detail: `{ instanceId, customer_selected_shipping_option, customer_country, customer_postal_code }`.
 * @fires {InstantShoppingEventDetail} klarna-instant-shopping-confirmation-displayed - Klarna showed the purchase confirmation. Detail: the SDK's event data.
 *
 * @cssprop [--klarna-instant-shopping-min-height=0px] - Space kept while the button loads, so nothing shifts when it appears.
 */
export class KlarnaInstantShoppingHost extends KlarnaElement {
  // ── styles ──────────────────────────────────────────────────────────────────────────────────
  static override styles = instantShoppingHostStyles;

  // ── public properties ───────────────────────────────────────────────────────────────────────
  /** The button key your server created with Klarna's Button Keys API. Required. */
  @property({ attribute: 'button-key' }) buttonKey?: string;
  /** Identifies this button to the SDK; generated when absent, and kept while the element is on the page. */
  @property({ attribute: 'instance-id' }) instanceId?: string;
  /** `production` (default) or `playground`. */
  @property() environment?: 'production' | 'playground';
  /** Klarna region, `eu` or `na`; derived from `purchase-country` when absent. */
  @property() region?: 'eu' | 'na';
  /** Two-letter country of the purchase, e.g. `SE`. Required. */
  @property({ attribute: 'purchase-country' }) purchaseCountry?: string;
  /** Three-letter currency, e.g. `SEK`. Required. */
  @property({ attribute: 'purchase-currency' }) purchaseCurrency?: string;
  /** The dialog's language and market, e.g. `sv-SE`; its country must be `purchase-country`. Required. */
  @property() locale?: string;
  /** Replaces the URL of Klarna's `lib.js` (the emulator's, for development and tests). On a page that requires Trusted Types, a URL that is not the SDK's path must be a `TrustedScriptURL` from the page's own policy. */
  @property({ attribute: 'sdk-url' }) sdkUrl?: string | TrustedScriptUrl;
  /** What is sold, as Klarna's order lines (amounts in minor units; totals must add up). Give this or `items`. */
  @property({ attribute: false }) orderLines?: OrderLine[];
  /** A product with variations the consumer picks in Klarna's dialog; `orderLines` wins when both are given. */
  @property({ attribute: false }) items?: Item[];
  /** Delivery choices shown in Klarna's dialog; each price's tax must match its rate. */
  @property({ attribute: false }) shippingOptions?: ShippingOption[];
  /** In the browser, at least `{ terms }`: your terms and conditions. Relative URLs are resolved against the page; Klarna gets them absolute. */
  @property({ attribute: false }) merchantUrls?: MerchantUrls;
  /** The button's look: `{ theme: { variation, tagline, type } }`. */
  @property({ attribute: false }) styling?: ButtonStyling;
  /** Prefills the consumer's address in Klarna's dialog. */
  @property({ attribute: false }) billingAddress?: Address;
  /** Countries the consumer may give a billing address in, as two-letter codes. */
  @property({ attribute: false }) billingCountries?: string[];
  /** Countries you ship to, as two-letter codes. */
  @property({ attribute: false }) shippingCountries?: string[];
  /** Your own reference for the order (an order number), passed back with it. */
  @property({ attribute: false }) merchantReference1?: string;
  /** A second reference of your own (a campaign, a store), passed back with the order. */
  @property({ attribute: false }) merchantReference2?: string;
  /** At most 1024 characters, passed back to your server with the order. */
  @property({ attribute: false }) merchantData?: string;
  /** Extra checkboxes in Klarna's dialog (`{ id, text, checked?, required? }`); the answers come with the order. */
  @property({ attribute: false }) additionalCheckboxes?: AdditionalCheckbox[];
  /** Any other SDK field, merged over everything else (`setup` excepted: it comes from the attributes). */
  @property({ attribute: false }) options?: Record<string, unknown>;

  // ── internal state ──────────────────────────────────────────────────────────────────────────
  // None of its own: what it was given, what it shows, its SDK instance and its script are each a controller's.

  // ── controllers and tasks ───────────────────────────────────────────────────────────────────
  /** What the element was given (attributes, properties, JSON child, the page's settings), read at each update. */
  #config = new HostConfigController(this);
  /** The state the page sees, and the errors it is told of: the one writer of both. */
  #status = new HostStatusController(this, {
    showState: (state) => this.showState(state),
    announce: (error) => {
      this.log('error', error.message);
      this.emit('klarna-instant-shopping-error', error);
    },
  });
  /** Klarna's answer to each `load` or `update`, awaited for a set time (SDK_ANSWER_TIMEOUT) before the page is told it did not come. */
  #answerDeadline = new AnswerDeadlineController(this, (method, ms) => this.#status.unanswered(method, ms));
  /** The page-wide SDK instance this element shows, and its id: made up when absent, released with the element. */
  #instance = new InstanceAttachment(this, {
    attached: (instance) => {
      this.#status.attached(instance.response);
      this.#answerDeadline.waitFor(instance.awaiting);
    },
    asked: (method) => this.#answerDeadline.waitFor(method),
    answered: (response) => {
      this.#answerDeadline.stop();
      this.#status.answered(response);
      this.emit('klarna-instant-shopping-ready', { showButton: response.show_button });
    },
    // Reached from updated(): report on the next microtask rather than schedule an update inside this one.
    threw: (method, error) => {
      this.#answerDeadline.stop();
      queueMicrotask(() => this.#status.sdkThrew(method, error));
    },
    event: (name, data) => this.emit(domEventName(name), data),
    warn: (message) => this.log('warn', message),
  });
  /** Klarna's script, loaded for data that can be shown once the page consents; its value is the SDK. */
  #sdk = new Task(this, {
    args: () => {
      const { resolved, held, sdkUrl } = this.#config.value;
      // The built-in `nonce`: a browser blanks the attribute of a connected element under a header CSP, not this.
      return [resolved.ok && !held, sdkUrl, this.nonce] as const;
    },
    task: async ([wanted, url, nonce]) => (wanted ? loadInstantShoppingSdk(url, { nonce }) : initialState),
    onComplete: () => {
      this.#scriptRetry.reset();
      this.#status.clear('script-load');
      this.#show();
    },
    onError: (error) => {
      this.#status.scriptFailed(error);
      this.#scriptRetry.failed();
    },
  });
  /** A script that failed to load is tried again: when the element is added again, or the browser is back online. */
  #scriptRetry = new OnlineRetryController(this, () => {
    this.#status.clear('script-load');
    void this.#sdk.run();
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────
  override connectedCallback(): void {
    super.connectedCallback();
    // On the page again: it waits for its instance's answer, and shows the data as it is now.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Off the page it waits for nothing (unless its script is still loading): its state says so.
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const { configured, held, resolved } = this.#config.read();
    // Valid now, or given nothing again: a configuration error no longer stands; a problem shows a task later.
    this.#status.configProblem(configured && !resolved.ok ? resolved.message : undefined);
    // Held for the page's consent, it waits quietly, as one given nothing does.
    this.#status.waiting(configured && !held && (this.isConnected || this.#sdk.status === TaskStatus.PENDING));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#show();
  }

  // ── public methods ──────────────────────────────────────────────────────────────────────────
  /** What the host is doing: `idle`, `loading`, `ready` (button shown), `hidden` (not offered) or `error`. */
  get state(): InstantShoppingState {
    return this.#status.view.state;
  }

  /** Whether Klarna shows the button for the current data. */
  get showButton(): boolean {
    return this.#status.view.state === 'ready';
  }

  /** The last error, while `state` is `error`. */
  get error(): InstantShoppingErrorDetail | undefined {
    return this.#status.error;
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────
  override render() {
    return html`<slot></slot>`;
  }

  // ── private helpers ─────────────────────────────────────────────────────────────────────────
  /** Hands the current options to this element's SDK instance, which sends what changed. */
  #show(): void {
    const sdk = this.#sdk.value;
    const { resolved } = this.#config.value;
    if (sdk && resolved.ok) this.#instance.show(sdk, resolved.options);
  }
}
