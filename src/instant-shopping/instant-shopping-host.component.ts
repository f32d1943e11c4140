import { html, type PropertyValues } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { instantShoppingSdkUrl } from '../core/endpoints.js';
import { KlarnaElement } from '../internal/klarna-element.js';
import { PageConfigController } from '../internal/page-config.js';
import { domEventName, type InstantShoppingErrorDetail } from './events.js';
import { instantShoppingHostStyles } from './instant-shopping-host.styles.js';
import { changedFields, DATA_PROPERTIES, resolveOptions, type ResolvedOptions } from './options.js';
import { loadInstantShoppingSdk } from './sdk-loader.js';
import {
  INSTANT_SHOPPING_SDK_EVENTS,
  type AdditionalCheckbox, type Address, type ButtonStyling, type InstantShoppingOptions, type InstantShoppingResponse,
  type InstantShoppingSdk, type Item, type MerchantUrls, type OrderLine, type ShippingOption,
} from './sdk.js';

export type InstantShoppingState = 'idle' | 'loading' | 'ready' | 'hidden' | 'error';

/**
 * What the SDK holds for one instance id. Kept per page rather than per element, so that an
 * element removed and added back, or a framework's remount with the same `instance-id`, never
 * calls `load` twice for one instance.
 */
interface InstanceRecord {
  /** A copy of the options the SDK was last given in full (load) or in part (update). */
  sent?: InstantShoppingOptions;
  /** `load` answered without an error; later changes go through `update`. */
  loaded: boolean;
  /** A call awaits its callback; changes meanwhile are sent after it. */
  busy: boolean;
  /** The host showing the instance now; SDK events go to it alone. */
  host?: KlarnaInstantShoppingHost | undefined;
  /** The container the SDK last rendered into. */
  container?: Element | undefined;
  /** The SDK's last answer, for a host that comes back after it arrived. */
  response?: InstantShoppingResponse | undefined;
  listening: boolean;
}

const instances = new Map<string, InstanceRecord>();

/**
 * Klarna's Instant Shopping button: give it a button key and the product, and it loads Klarna's
 * SDK once per page, calls `load` once and `update` with what changed, hides itself when Klarna
 * does not offer the button, and turns the SDK's callbacks and events into DOM events.
 *
 * @summary Klarna's Instant Shopping button for a product page.
 *
 * @attr {string} state - Reflects the read-only `state` property, for styling: `idle`, `loading`, `ready`, `hidden` or `error`.
 * @attr {boolean} show-button - Present while Klarna shows the button (reflects `showButton`).
 *
 * @slot - Holds Klarna's `<klarna-instant-shopping>` container, which the host adds, and an optional `<script type="application/json">` with SDK fields for pages without a build step.
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
  static override properties = {
    buttonKey: { attribute: 'button-key' },
    instanceId: { attribute: 'instance-id' },
    environment: {},
    region: {},
    purchaseCountry: { attribute: 'purchase-country' },
    purchaseCurrency: { attribute: 'purchase-currency' },
    locale: {},
    sdkUrl: { attribute: 'sdk-url' },
    nonce: {},
    orderLines: { attribute: false },
    items: { attribute: false },
    shippingOptions: { attribute: false },
    merchantUrls: { attribute: false },
    styling: { attribute: false },
    billingAddress: { attribute: false },
    billingCountries: { attribute: false },
    shippingCountries: { attribute: false },
    merchantReference1: { attribute: false },
    merchantReference2: { attribute: false },
    merchantData: { attribute: false },
    additionalCheckboxes: { attribute: false },
    options: { attribute: false },
  };

  /** The button key your server created with Klarna's Button Keys API. Required. */
  declare buttonKey?: string;
  /** Identifies this button to the SDK; generated when absent, and stable for the element's life. */
  declare instanceId?: string;
  /** `production` (default) or `playground`. */
  declare environment?: 'production' | 'playground';
  /** Klarna region, `eu` or `na`; derived from `purchase-country` when absent. */
  declare region?: 'eu' | 'na';
  /** Two-letter country of the purchase, e.g. `SE`. Required. */
  declare purchaseCountry?: string;
  /** Three-letter currency, e.g. `SEK`. Required. */
  declare purchaseCurrency?: string;
  /** The dialog's language and market, e.g. `sv-SE`; its country must be `purchase-country`. Required. */
  declare locale?: string;
  /** Replaces the URL of Klarna's `lib.js` (the emulator's, for development and tests). */
  declare sdkUrl?: string;
  /** CSP nonce for the injected SDK `<script>`, for pages with a strict `script-src`. */
  declare nonce?: string;
  /** What is sold, as Klarna's order lines (amounts in minor units; totals must add up). Give this or `items`. */
  declare orderLines?: OrderLine[];
  /** A product with variations the consumer picks in Klarna's dialog; `orderLines` wins when both are given. */
  declare items?: Item[];
  declare shippingOptions?: ShippingOption[];
  /** In the browser, at least `{ terms }`: your terms and conditions. */
  declare merchantUrls?: MerchantUrls;
  /** The button's look: `{ theme: { variation, tagline, type } }`. */
  declare styling?: ButtonStyling;
  /** Prefills the consumer's address in Klarna's dialog. */
  declare billingAddress?: Address;
  declare billingCountries?: string[];
  declare shippingCountries?: string[];
  declare merchantReference1?: string;
  declare merchantReference2?: string;
  /** At most 1024 characters, passed back to your server with the order. */
  declare merchantData?: string;
  declare additionalCheckboxes?: AdditionalCheckbox[];
  /** Any other SDK field, merged over everything else (`setup` excepted: it comes from the attributes). */
  declare options?: Record<string, unknown>;

  // ── internal state ──────────────────────────────────────────────────────────────────────────
  #resolved: ResolvedOptions = { ok: false, message: '' };
  #container: HTMLElement | undefined;
  #json: { text?: string | undefined; value?: Record<string, unknown>; problem?: string } = {};
  #childObserver: MutationObserver | undefined;
  /** The last answer to a `load` or `update` from this host. */
  #response: InstantShoppingResponse | undefined;
  #error: InstantShoppingErrorDetail | undefined;
  #announcedError: InstantShoppingErrorDetail | undefined;
  /** Set once the data is valid: the SDK is not loaded for a button that cannot be shown. */
  #wantsSdk = false;
  #scriptAttempt = 0;
  #configCheck: ReturnType<typeof setTimeout> | undefined;
  /** `sdk-url`, else the SDK's path below the page's `api-url`, else Klarna's. */
  #sdkUrl = instantShoppingSdkUrl();

  // ── controllers and tasks ───────────────────────────────────────────────────────────────────
  /** `locale`, `environment` and `api-url` (for the SDK's URL) from `<klarna-config>` or `configure()`. */
  #page = new PageConfigController(this);
  #sdk = new Task(this, {
    args: () => [this.#wantsSdk, this.#sdkUrl, this.nonce, this.#scriptAttempt] as const,
    task: async ([wanted, url, nonce]) => (wanted ? loadInstantShoppingSdk(url, { nonce }) : initialState),
    onComplete: () => this.#sync(),
    onError: (error) => this.#fail({ code: 'script-load', message: `${(error as Error).message} Remove the element and add it again to retry.`, cause: error }),
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────
  override connectedCallback(): void {
    super.connectedCallback();
    this.instanceId ||= `klarna-is-${Math.random().toString(36).slice(2, 10)}`;
    this.#container = this.querySelector<HTMLElement>(':scope > klarna-instant-shopping') ?? this.appendChild(document.createElement('klarna-instant-shopping'));
    this.#container.dataset.instanceId = this.instanceId;
    this.#readJson();
    this.#childObserver ??= new MutationObserver(() => {
      if (this.#readJson()) this.requestUpdate();
    });
    this.#childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.#error?.code === 'script-load') {
      this.#error = undefined;
      this.#scriptAttempt++;
    }
    const record = instances.get(this.instanceId);
    if (record) {
      record.host = this;
      this.#response = record.response;
    }
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#childObserver?.disconnect();
    clearTimeout(this.#configCheck);
    this.#configCheck = undefined;
    const record = instances.get(this.instanceId ?? '');
    if (record?.host === this) record.host = undefined;
  }

  protected override willUpdate(): void {
    const fields = Object.fromEntries(Object.entries(DATA_PROPERTIES).map(([property, field]) => [field, this[property as keyof typeof DATA_PROPERTIES]]));
    const page = this.#page.value;
    this.#sdkUrl = this.sdkUrl || sdkUrlBelow(page.apiUrl);
    this.#resolved = resolveOptions({
      buttonKey: this.buttonKey,
      instanceId: this.instanceId ?? '',
      environment: this.environment || page.environment,
      region: this.region,
      purchaseCountry: this.purchaseCountry,
      purchaseCurrency: this.purchaseCurrency,
      locale: this.locale || page.locale,
      sdkUrl: this.#sdkUrl,
      json: this.#json.value,
      jsonProblem: this.#json.problem,
      fields,
      options: this.options,
    });
    if (this.#resolved.ok) {
      this.#wantsSdk = true;
      if (this.#error?.code === 'invalid-config') this.#error = undefined;
    }
    if (this.#container && this.instanceId) this.#container.dataset.instanceId = this.instanceId;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    this.toggleAttribute('show-button', this.showButton);
    this.#announceError();
    if (!this.#resolved.ok) this.#checkConfigSoon();
    this.#sync();
  }

  // ── public methods ──────────────────────────────────────────────────────────────────────────
  /** What the host is doing: `idle`, `loading`, `ready` (button shown), `hidden` (not offered) or `error`. */
  get state(): InstantShoppingState {
    if (this.#error) return 'error';
    if (this.#response) return this.#response.show_button ? 'ready' : 'hidden';
    return this.isConnected || this.#sdk.status === TaskStatus.PENDING ? 'loading' : 'idle';
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
  /**
   * Brings the SDK up to date: `load` the first time an instance is shown, then `update` with the
   * fields that changed since. One call at a time per instance; whatever changed while a call was
   * out is sent when its callback comes, so nothing is lost and nothing is sent twice.
   */
  #sync(): void {
    const sdk = this.#sdk.value;
    const resolved = this.#resolved;
    if (!this.isConnected || !sdk || !resolved.ok || this.#error?.code === 'invalid-config') return;
    const { options } = resolved;
    const id = options.setup.instance_id;
    let record = instances.get(id);
    if (!record) instances.set(id, (record = { loaded: false, busy: false, listening: false }));
    record.host = this;
    if (record.busy) return;
    if (!record.loaded) {
      // A `load` Klarna refused is tried again only once the data has changed.
      if (record.sent && sameOptions(record.sent, options)) return;
      this.#call(sdk, record, 'load', options, options);
      return;
    }
    const { changes, removed } = changedFields(record.sent!, options);
    const setupChanged = JSON.stringify(record.sent!.setup) !== JSON.stringify(options.setup);
    // A new container (a remount) is empty until the SDK renders again: send everything.
    const remounted = record.container !== this.#container;
    const update = remounted ? withoutSetup(options) : changes;
    if (!Object.keys(update).length && !setupChanged && !remounted) return;
    for (const field of removed) this.log('warn', `${field} was removed, but Klarna's SDK has no way to clear a field once sent; give it an empty value instead.`);
    // Klarna documents only `instance_id` in an update's setup; a changed key or region is passed on as well.
    this.#call(sdk, record, 'update', { setup: setupChanged ? options.setup : { instance_id: id }, ...update }, options);
  }

  #call(sdk: InstantShoppingSdk, record: InstanceRecord, method: 'load' | 'update', payload: InstantShoppingOptions, options: InstantShoppingOptions): void {
    const id = options.setup.instance_id;
    record.busy = true;
    record.sent = copy(options);
    record.container = this.#container;
    let answered = false;
    const onAnswer = (response: InstantShoppingResponse | undefined) => {
      if (answered) return;
      answered = true;
      record.busy = false;
      const answer: InstantShoppingResponse = { show_button: response?.show_button === true, ...(response?.error !== undefined && { error: response.error }) };
      if (method === 'load') record.loaded = answer.error === undefined;
      record.response = answer;
      const host = record.host;
      if (host) host.#answered(answer);
    };
    try {
      sdk[method](copy(payload), onAnswer);
    } catch (error) {
      record.busy = false;
      // Reached from updated(): report on the next microtask rather than schedule an update inside this one.
      queueMicrotask(() => this.#fail({ code: 'sdk', message: `Klarna.InstantShopping.${method} threw: ${(error as Error).message ?? String(error)}`, cause: error }));
      return;
    }
    if (!record.listening) {
      record.listening = true;
      for (const name of INSTANT_SHOPPING_SDK_EVENTS) {
        sdk.on(name, (data) => {
          const host = record.host;
          if (host?.isConnected && (data?.instanceId === undefined || data.instanceId === id)) host.emit(domEventName(name), { ...data, instanceId: id });
        }, { setup: { instance_id: id } });
      }
    }
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
      if (!resolved.ok && this.isConnected) this.#fail({ code: 'invalid-config', message: resolved.message });
    });
  }

  /** Reads the JSON child; true when its text changed. */
  #readJson(): boolean {
    const text = this.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
    if (text === this.#json.text) return false;
    let value: unknown;
    try {
      value = text === undefined ? {} : JSON.parse(text);
    } catch (error) {
      this.#json = { text, problem: `is not valid JSON (${(error as Error).message})` };
      return true;
    }
    this.#json = typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { text, value: value as Record<string, unknown> }
      : { text, problem: 'must hold a JSON object of Instant Shopping SDK fields' };
    return true;
  }
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function sameOptions(a: InstantShoppingOptions, b: InstantShoppingOptions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function withoutSetup(options: InstantShoppingOptions): Record<string, unknown> {
  const { setup: _setup, ...fields } = options;
  return fields;
}

/** The SDK's `error` has no documented shape; show its message(s) if it has any. */
function describeSdkError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const { error_messages: messages, message } = error as { error_messages?: unknown; message?: unknown };
    if (Array.isArray(messages) && messages.length) return messages.join('; ');
    if (typeof message === 'string') return message;
  }
  return JSON.stringify(error);
}

/** The SDK's URL below a page's `api-url` (Klarna's without one); a bad base is kept, for validation to report. */
function sdkUrlBelow(apiUrl: string | undefined): string {
  try {
    return instantShoppingSdkUrl({ baseUrl: apiUrl });
  } catch {
    return apiUrl!;
  }
}
