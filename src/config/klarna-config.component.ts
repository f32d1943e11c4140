import { ContextConsumer, ContextProvider } from '@lit/context';
import { html, LitElement, unsafeCSS, type PropertyValues } from 'lit';
import type { KlarnaEnvironment } from '../core/endpoints.js';
import type { KlarnaRegion } from '../core/markets.js';
import { consentProblem, klarnaConfigContext, withoutEmpty, type KlarnaConsent, type KlarnaPageConfig } from '../internal/page-config.js';
import { property } from '../internal/property.js';

/**
 * Gives every Klarna element inside it the same `client-id`, `sdk-client-id`, `locale`,
 * `environment`, `region`, `api-url` and `consent`, so a page states them once. An element's own attribute wins; a `<klarna-config>`
 * inside another overrides only what it sets. Changing a value here updates the elements below.
 * It renders nothing of its own (`display: contents`).
 *
 * @summary Page- or section-wide settings for the Klarna elements inside it.
 *
 * @slot - The part of the page the settings apply to.
 */
export class KlarnaConfig extends LitElement {
  // ── styles ──────────────────────────────────────────────────────────────────────────────────
  static override styles = unsafeCSS(':host { display: contents; }');

  // ── public properties ───────────────────────────────────────────────────────────────────────
  /** Your OSM client id, for every `<klarna-osm-placement>` inside. */
  @property({ attribute: 'client-id' }) clientId?: string;
  /** Your Web SDK client identifier (`klarna_test_client_…`), for every `<klarna-express-checkout>` inside: not the OSM `client-id`. */
  @property({ attribute: 'sdk-client-id' }) sdkClientId?: string;
  /** E.g. `en-US`, for every element inside. */
  @property() locale?: string;
  /** `production` or `playground`. */
  @property() environment?: KlarnaEnvironment;
  /** `eu`, `na` or `oc`. */
  @property() region?: KlarnaRegion;
  /** A base URL replacing Klarna's hosts (the emulator, a proxy). */
  @property({ attribute: 'api-url' }) apiUrl?: string;
  /** `granted` (default) or `pending`: while pending, no element inside sends anything to Klarna (no request, beacon or SDK script); once granted, they go on. */
  @property() consent?: KlarnaConsent;

  // ── controllers ─────────────────────────────────────────────────────────────────────────────
  /** Settings from a `<klarna-config>` further out, which this one refines. */
  #outer = new ContextConsumer(this, {
    context: klarnaConfigContext,
    subscribe: true,
    callback: () => this.requestUpdate(),
  });
  #provider = new ContextProvider(this, { context: klarnaConfigContext, initialValue: {} });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────
  protected override willUpdate(changed: PropertyValues): void {
    const { clientId, sdkClientId, locale, environment, region, apiUrl, consent } = this;
    const problem = changed.has('consent') && consentProblem(consent);
    if (problem) console.warn(`<klarna-config>: ${problem}`);
    const own = withoutEmpty({ clientId, sdkClientId, locale, environment, region, apiUrl, consent });
    const value = { ...this.#outer.value, ...own };
    if (JSON.stringify(value) !== JSON.stringify(this.#provider.value)) this.#provider.setValue(value);
  }

  // ── public methods ──────────────────────────────────────────────────────────────────────────
  /** The settings the elements inside receive. */
  get config(): Readonly<KlarnaPageConfig> {
    return this.#provider.value;
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────
  override render() {
    return html`<slot></slot>`;
  }
}
