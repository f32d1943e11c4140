import { html, type PropertyValues } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { instantShoppingSdkUrl } from '../core/endpoints.js';
import type { TrustedScriptUrl } from '../core/script.js';
import { KlarnaElement } from '../internal/klarna-element.js';
import { isHeld, PageConfigController } from '../internal/page-config.js';
import { property } from '../internal/property.js';
import {
  describeSdkError,
  type AdditionalCheckbox, type Address, type ButtonStyling, type InstantShoppingResponse, type Item, type MerchantUrls, type OrderLine, type ShippingOption,
} from '../protocol/instant-shopping.js';
import { domEventName, type InstantShoppingErrorDetail } from './events.js';
import { instantShoppingHostStyles } from './instant-shopping-host.styles.js';
import { JsonChildController } from './json-child.js';
import { loadInstantShoppingSdk, sdkUrlBelow } from './sdk-loader.js';
import { releaseSdkInstance, sdkInstance, type SdkInstance, type SdkInstanceListener } from './sdk-instances.js';
import { hostInputs, isConfigured, resolveOptions, type ResolvedOptions } from './sdk-options.js';

export type InstantShoppingState = 'idle' | 'loading' | 'ready' | 'hidden' | 'error';

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
  #resolved: ResolvedOptions = { ok: false, message: '' };
  /** Whether it was given anything yet: until then it waits quietly, reporting nothing. */
  #configured = false;
  #container: HTMLElement | undefined;
  #instance: SdkInstance | undefined;
  /** The id this element made up, while its instance is kept; a later connection after a release makes a new one. */
  #generatedId: string | undefined;
  #releasedId: string | undefined;
  /** The last answer to a `load` or `update` for this element's instance. */
  #response: InstantShoppingResponse | undefined;
  #error: InstantShoppingErrorDetail | undefined;
  #announcedError: InstantShoppingErrorDetail | undefined;
  /** Set once the data is valid: the SDK is not loaded for a button that cannot be shown. */
  #wantsSdk = false;
  #scriptAttempt = 0;
  #configCheck: ReturnType<typeof setTimeout> | undefined;
  /** `sdk-url`, else the SDK's path below the page's `api-url`, else Klarna's. */
  #sdkUrl: string | TrustedScriptUrl = instantShoppingSdkUrl();
  readonly #listener: SdkInstanceListener = {
    answered: (response) => this.#answered(response),
    // Reached from updated(): report on the next microtask rather than schedule an update inside this one.
    threw: (method, error) => queueMicrotask(() => this.#fail({ code: 'sdk', message: `Klarna.InstantShopping.${method} threw: ${(error as Error)?.message ?? String(error)}`, cause: error })),
    event: (name, data) => this.emit(domEventName(name), data),
    warn: (message) => this.log('warn', message),
  };

  // ── controllers and tasks ───────────────────────────────────────────────────────────────────
  /** `locale`, `environment` and `api-url` (for the SDK's URL) from `<klarna-config>` or `configure()`. */
  #page = new PageConfigController(this);
  #json = new JsonChildController(this);
  #sdk = new Task(this, {
    // The built-in `nonce`: a browser blanks the attribute of a connected element under a header CSP, not this.
    args: () => [this.#wantsSdk, this.#sdkUrl, this.nonce, this.#scriptAttempt] as const,
    task: async ([wanted, url, nonce]) => (wanted ? loadInstantShoppingSdk(url, { nonce }) : initialState),
    onComplete: () => this.#show(),
    onError: (error) => this.#fail({ code: 'script-load', message: `${(error as Error).message} It is tried again when the browser comes back online, or when the element is added again.`, cause: error }),
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────
  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.instanceId || this.instanceId === this.#releasedId) this.instanceId = this.#generatedId = `klarna-is-${Math.random().toString(36).slice(2, 10)}`;
    this.#retryScript();
    addEventListener('online', this.#retryScript);
    this.#attach(sdkInstance(this.instanceId));
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#configCheck);
    this.#configCheck = undefined;
    removeEventListener('online', this.#retryScript);
    this.#instance?.detach(this.#listener);
    // Gone for good unless it is back by the next microtask (a move, a framework's reorder).
    queueMicrotask(() => {
      if (!this.isConnected) this.#attach(undefined);
    });
  }

  protected override willUpdate(): void {
    const page = this.#page.value;
    this.#sdkUrl = this.sdkUrl || sdkUrlBelow(page.apiUrl);
    this.#configured = isConfigured(this, page, this.#json);
    this.#resolved = resolveOptions(hostInputs(this, page, this.#json, this.#sdkUrl));
    // Klarna's script only once the page's consent is given (`consent: 'pending'` holds it).
    if (this.#resolved.ok && !isHeld(page)) this.#wantsSdk = true;
    // Valid now, or given nothing again: a configuration error no longer stands.
    if ((this.#resolved.ok || !this.#configured) && this.#error?.code === 'invalid-config') this.#error = undefined;
    // A changed `instance-id` is another instance: what this element shows from now on is that one's.
    if (this.isConnected && this.instanceId && this.#instance?.id !== this.instanceId) this.#attach(sdkInstance(this.instanceId));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.showState(this.state);
    this.#announceError();
    if (!this.#resolved.ok && this.#configured) this.#checkConfigSoon();
    this.#show();
  }

  // ── public methods ──────────────────────────────────────────────────────────────────────────
  /** What the host is doing: `idle`, `loading`, `ready` (button shown), `hidden` (not offered) or `error`. */
  get state(): InstantShoppingState {
    if (this.#error) return 'error';
    if (this.#response) return this.#response.show_button ? 'ready' : 'hidden';
    // Held for the page's consent, it waits quietly, as one given nothing does.
    return this.#configured && !isHeld(this.#page.value) && (this.isConnected || this.#sdk.status === TaskStatus.PENDING) ? 'loading' : 'idle';
  }

  /** Whether Klarna shows the button for the current data. */
  get showButton(): boolean {
    return !this.#error && this.#response?.show_button === true;
  }

  /** The last error, while `state` is `error`. */
  get error(): InstantShoppingErrorDetail | undefined {
    return this.#error;
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────
  override render() {
    return html`<slot></slot>`;
  }

  // ── private helpers ─────────────────────────────────────────────────────────────────────────
  /** Hands the current options to this element's SDK instance, which sends what changed. */
  #show(): void {
    const sdk = this.#sdk.value;
    const resolved = this.#resolved;
    if (!this.isConnected || !sdk || !resolved.ok || !this.#instance || this.#error?.code === 'invalid-config') return;
    this.#instance.show(sdk, resolved.options, this.#mountPoint(this.#instance.id));
  }

  /**
   * Klarna's container, in the light DOM where the SDK looks for it: the one the page gave (a
   * server's or a framework's markup), else one added now, when the button is first shown, so the
   * element changes nothing in the markup a framework may still be hydrating.
   */
  #mountPoint(instanceId: string): HTMLElement {
    if (this.#container?.parentNode !== this) {
      this.#container = this.querySelector<HTMLElement>(':scope > klarna-instant-shopping') ?? this.appendChild(document.createElement('klarna-instant-shopping'));
    }
    if (this.#container.dataset.instanceId !== instanceId) this.#container.dataset.instanceId = instanceId;
    return this.#container;
  }

  /** Reports to and shows `instance` from now on (none: gone); an instance only this element could name is released. */
  #attach(instance: SdkInstance | undefined): void {
    const previous = this.#instance;
    if (previous && previous !== instance) {
      previous.detach(this.#listener);
      if (previous.id === this.#generatedId) {
        // Nobody else can name that instance: a later connection makes a new id (and so a new `load`).
        releaseSdkInstance(previous);
        this.#releasedId = previous.id;
        this.#generatedId = undefined;
      }
    }
    this.#instance = instance;
    if (!instance) return;
    instance.attach(this.#listener);
    // The instance's last answer, if it has one (a remount, another element's instance); else none yet.
    this.#response = instance.response;
  }

  #answered(response: InstantShoppingResponse): void {
    this.#response = response;
    if (response.error !== undefined) {
      this.#fail({ code: 'sdk', message: `Klarna did not show the button: ${describeSdkError(response.error)}`, cause: response.error });
    } else if (this.#error?.code === 'sdk') {
      this.#error = undefined;
    }
    this.emit('klarna-instant-shopping-ready', { showButton: response.show_button });
    this.requestUpdate();
  }

  /** A script that failed to load (the network, a blip at Klarna's CDN) is tried again: on connecting, and when the browser comes back online. */
  readonly #retryScript = (): void => {
    if (this.#error?.code !== 'script-load') return;
    this.#error = undefined;
    this.#scriptAttempt++;
    this.requestUpdate();
  };

  #fail(error: InstantShoppingErrorDetail): void {
    this.#error = error;
    this.requestUpdate();
  }

  #announceError(): void {
    const error = this.#error;
    const announced = this.#announcedError;
    if (error === announced || (error && announced && error.code === announced.code && error.message === announced.message)) return;
    this.#announcedError = error;
    if (!error) return;
    this.log('error', error.message);
    this.emit('klarna-instant-shopping-error', error);
  }

  /** Invalid data is reported a task later: frameworks may set the fields one at a time. */
  #checkConfigSoon(): void {
    if (this.#configCheck !== undefined) return;
    this.#configCheck = setTimeout(() => {
      this.#configCheck = undefined;
      const resolved = this.#resolved;
      if (!resolved.ok && this.#configured && this.isConnected) this.#fail({ code: 'invalid-config', message: resolved.message });
    });
  }
}
