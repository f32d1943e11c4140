/**
 * Settings a page gives once instead of on every tag: from `configure({...})` (page-wide) and from
 * the nearest `<klarna-config>` around an element (through @lit/context). An element's own
 * attribute wins over both; a provider wins over `configure`.
 */
import { ContextEvent, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KlarnaEnvironment } from '../core/endpoints.js';
import type { KlarnaRegion } from '../core/markets.js';

export interface KlarnaPageConfig {
  /** Your OSM client id (`<klarna-osm-placement client-id>`). */
  clientId?: string | undefined;
  /**
   * Your Web SDK client identifier (`klarna_test_client_…`, `<klarna-express-checkout client-id>`):
   * another id than the OSM one, from the Merchant Portal's client identifiers, so its own setting.
   */
  sdkClientId?: string | undefined;
  locale?: string | undefined;
  environment?: KlarnaEnvironment | undefined;
  region?: KlarnaRegion | undefined;
  /** Replaces Klarna's hosts (the emulator, a proxy): OSM requests and the Instant Shopping SDK. */
  apiUrl?: string | undefined;
  /**
   * `granted` (the default) or `pending`: while pending, nothing reaches Klarna from any element (no
   * API request, no beacon, no SDK script); once granted, every element goes on as if just connected.
   */
  consent?: KlarnaConsent | undefined;
}

export type KlarnaConsent = 'pending' | 'granted';

export const PAGE_CONFIG_FIELDS = ['clientId', 'sdkClientId', 'locale', 'environment', 'region', 'apiUrl', 'consent'] as const;

/**
 * Whether the page holds every request to Klarna: consent is given and is not `granted`. Anything
 * but `granted` holds (a consent platform's `denied`, a typo): a page that asked to wait never
 * sends by mistake; {@link consentProblem} words the value for the console.
 */
export function isHeld(config: KlarnaPageConfig): boolean {
  return config.consent != null && config.consent !== 'granted';
}

/** What is wrong with a consent value, if anything: for `configure()` and `<klarna-config>` to warn once. */
export function consentProblem(consent: unknown): string | undefined {
  if (consent != null && consent !== 'pending' && consent !== 'granted') {
    const given = typeof consent === 'string' ? JSON.stringify(consent.slice(0, 40)) : `of type ${typeof consent}`;
    return `consent ${given} is neither "pending" nor "granted": every request to Klarna is held until it is "granted".`;
  }
}

/** The context key; `Symbol.for` so that two copies of the library on a page share it. */
export const klarnaConfigContext = createContext<KlarnaPageConfig>(Symbol.for('klarna-elements:config'));

interface PageConfigStore {
  config: KlarnaPageConfig;
  listeners: Set<() => void>;
}

/** Shared through `globalThis`, so two copies of the library on a page see one configuration. */
const store: PageConfigStore = ((globalThis as Record<symbol, unknown>)[Symbol.for('klarna-elements:page-config')] ??= {
  config: {},
  listeners: new Set(),
}) as PageConfigStore;

/**
 * Sets page-wide defaults for every Klarna element: `configure({ clientId, sdkClientId, locale,
 * environment, region, apiUrl, consent })`. Values merge with earlier calls; `undefined` removes
 * one. Elements already on the page update.
 */
export function configure(config: KlarnaPageConfig): void {
  const problem = consentProblem(config.consent);
  if (problem) console.warn(`klarna-elements configure(): ${problem}`);
  store.config = withoutEmpty({ ...store.config, ...config });
  for (const listener of store.listeners) listener();
}

/** The page-wide settings `configure` holds now. */
export function pageConfig(): Readonly<KlarnaPageConfig> {
  return store.config;
}

export function withoutEmpty(config: KlarnaPageConfig): KlarnaPageConfig {
  return Object.fromEntries(PAGE_CONFIG_FIELDS.filter((field) => Object.hasOwn(config, field) && config[field] !== undefined && config[field] !== null && config[field] !== '').map((field) => [field, config[field]]));
}

/**
 * What an element reads: the nearest provider's settings over `configure`'s. It asks with
 * @lit/context's own `context-request` event (subscribing, so a provider's later changes arrive),
 * and asks again when a provider appears above the element later (a `<klarna-config>` defined
 * after it). @lit/context's `ContextConsumer` does the asking too, but not the asking again, which
 * this needs anyway; so the event is sent here, and the OSM-only bundle is 0.2 KB lighter.
 */
export class PageConfigController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #provided: KlarnaPageConfig | undefined;
  #unsubscribe: (() => void) | undefined;
  /** One function for the element's life: a provider recognises a consumer asking again by it. */
  readonly #receive = (value: KlarnaPageConfig, unsubscribe?: () => void) => {
    // Another provider answering (the element moved, or a nearer one appeared): leave the old one.
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    this.#provided = value;
    this.#host.requestUpdate();
  };
  readonly #update = () => this.#host.requestUpdate();
  readonly #onProvider = (event: Event) => {
    // @lit/context's `context-provider` event: a provider connected; ask it if it is above us.
    const { context, contextTarget } = event as Event & { context?: unknown; contextTarget?: Element };
    const isAbove = contextTarget && contextTarget !== this.#host && contextTarget.contains(this.#host);
    if (context === klarnaConfigContext && isAbove) this.#request();
  };

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get value(): KlarnaPageConfig {
    // No prototype: a setting nobody gave is never read from a polluted Object.prototype.
    return Object.assign(Object.create(null) as KlarnaPageConfig, store.config, this.#provided);
  }

  hostConnected(): void {
    store.listeners.add(this.#update);
    document.addEventListener('context-provider', this.#onProvider);
    // Where the element is now decides: a provider it was moved away from no longer counts.
    const before = this.#provided;
    this.#provided = undefined;
    this.#request();
    if (before && !this.#provided) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    store.listeners.delete(this.#update);
    document.removeEventListener('context-provider', this.#onProvider);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #request(): void {
    this.#host.dispatchEvent(new ContextEvent(klarnaConfigContext, this.#host, this.#receive, true));
  }
}
