import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { KlarnaElement } from '../internal/klarna-element.js';
import { isHeld, PageConfigController } from '../internal/page-config.js';
import { property } from '../internal/property.js';
import type { OsmNode } from '../protocol/osm-answer.js';
import type { OsmPlacementKey } from '../protocol/osm-request.js';
import { AmountSource } from '../internal/amount-source.js';
import type { OsmErrorDetail } from './events.js';
import { ImpressionController } from './impression-controller.js';
import { followLink } from './links.js';
import { MessageLoader } from './message-loader.js';
import { messageTemplate } from './message-template.js';
import { osmPlacementStyles } from './osm-placement.styles.js';
import {
  parseAmountAttribute,
  requestDetail,
  resolvePlacementRequest,
  type OsmImpressionMode,
  type OsmLearnMorePresentation,
  type OsmLoading,
  type PlacementRequest,
} from './placement-request.js';
import { PlacementViewState, viewKey, type PlacementView } from './placement-view.js';
import { readPrefetched, type OsmPrefetched } from './prefetched.js';
import { ViewportController } from './viewport-controller.js';

export type { OsmPrefetched };
export type OsmPlacementState = 'idle' | 'loading' | 'rendered' | 'empty' | 'error';
export type OsmTheme = 'light' | 'dark' | 'auto';

/**
 * Klarna On-site messaging for a price: asks Klarna's OSM API, renders the answer's nodes by name,
 * fires the impression beacon once the message can be seen, and follows the purchase amount.
 *
 * @summary Klarna On-site messaging: "Pay in 4" and financing messages next to a price.
 *
 * @cssstate idle - Given nothing yet, or waiting to come near the viewport (the read-only `state` property, for styling as `:state(idle)`; no attribute changes, so server-rendered markup hydrates as it was sent).
 * @cssstate loading - Asking Klarna for the message.
 * @cssstate rendered - The message is shown.
 * @cssstate empty - Klarna has no message for this placement and amount (the placement hides itself).
 * @cssstate error - The message cannot be shown (the placement hides itself; see `error`).
 *
 * @fires {OsmRenderDetail} klarna-osm-render - A message was rendered. Detail: `{ nodes, impressionUrl, placementKey, locale, purchaseAmount }`.
 * @fires {OsmEmptyDetail} klarna-osm-empty - Klarna has nothing to show for this request (a 204); the element collapses. Detail: `{ placementKey, locale, purchaseAmount }`.
 * @fires {OsmErrorDetail} klarna-osm-error - Nothing can be shown. Detail: `{ code, message, status?, correlationId? }`, `code` one of `invalid-config`, `http`, `network`, `timeout`, `malformed-response`.
 * @fires {OsmImpressionDetail} klarna-osm-impression - An impression beacon left the page (not when the page's Content-Security-Policy blocked it). Detail: `{ url }`.
 * @fires {OsmLinkDetail} klarna-osm-learn-more - The shopper followed the learn-more link; cancelable (`preventDefault()` to open it your own way). Detail: `{ url, placementKey, locale, purchaseAmount, presentation }`.
 * @fires {OsmLinkDetail} klarna-osm-prequalify - The shopper followed the prequalify link; cancelable, as `klarna-osm-learn-more`. Detail: the same.
 * @fires {OsmLinkDetail} klarna-osm-dialog-close - The dialog a link opened (`learn-more="dialog"`, or a blocked popup) closed. Detail: the link's.
 *
 * @csspart container - The box around the whole message.
 * @csspart text-main - The main message (TEXT_MAIN).
 * @csspart text-legal - The legal text some markets require (TEXT_LEGAL).
 * @csspart learn-more - The "Learn more" link (ACTION_LEARN_MORE).
 * @csspart prequalify - The prequalification link (ACTION_PREQUALIFY).
 * @csspart badge - The Klarna badge image (KLARNA_BADGE).
 * @csspart dialog - The dialog a link opens in (`learn-more="dialog"`).
 * @csspart dialog-close - The dialog's close button.
 *
 * @cssprop [--klarna-osm-color=inherit] - Text colour.
 * @cssprop [--klarna-osm-link-color=inherit] - Colour of the links.
 * @cssprop [--klarna-osm-link-font-weight=600] - Weight of the links.
 * @cssprop [--klarna-osm-legal-color=inherit] - Colour of the legal text.
 * @cssprop [--klarna-osm-focus-color=currentColor] - Colour of the focus ring on links.
 * @cssprop [--klarna-osm-font-family=inherit] - Font family.
 * @cssprop [--klarna-osm-font-size=1em] - Font size.
 * @cssprop [--klarna-osm-line-height=1.45] - Line height.
 * @cssprop [--klarna-osm-gap=0.25em 0.5em] - Space between the badge, the text and the links.
 * @cssprop [--klarna-osm-badge-height=1.5em] - Height of the Klarna badge's box, which is 71/30 as wide (set `::part(badge)`'s width for another); the badge is fitted inside it, so nothing moves when it loads, whatever its shape.
 * @cssprop [--klarna-osm-min-height=0px] - Space kept while the first message loads, so nothing shifts when it arrives.
 */
export class KlarnaOsmPlacement extends KlarnaElement {
  // ── styles ──────────────────────────────────────────────────────────────────────────────────
  static override styles = osmPlacementStyles;

  // ── public properties ───────────────────────────────────────────────────────────────────────
  /** Your On-site messaging client id from the Klarna Merchant Portal. Required, here or on a `<klarna-config>`. */
  @property({ attribute: 'client-id' }) clientId?: string;
  /** `credit-promotion-badge` (amount based, next to a price) or `top-strip-promotion-badge` (landing pages). Required. */
  @property({ attribute: 'placement-key', reflect: true }) placementKey?: OsmPlacementKey;
  /** The language and market of the message: one of the 47 OSM locales, e.g. `en-US`. Required. */
  @property({ reflect: true }) locale?: string;
  /** The price in minor units (`12999` for 129.99). Required for `credit-promotion-badge`. */
  @property({ attribute: 'purchase-amount', type: Number, converter: parseAmountAttribute }) purchaseAmount?: number;
  /**
   * A CSS selector for the price the page shows: the placement reads its amount from it and follows
   * it (text, attributes, the element replaced). The match nearest the placement wins, in its own
   * root first, then the document. Its `data-amount` (minor units), else its `content` or `value`
   * (major units, as schema.org's `itemprop="price"`), else its text ("$1,299.99", "1.299,99 €").
   * No match yet: the placement waits. `purchase-amount` wins when both are set.
   */
  @property({ attribute: 'amount-from' }) amountFrom?: string;
  /** A CSS selector for a quantity field: its value multiplies the amount (an empty or invalid value keeps the last good one). */
  @property({ attribute: 'quantity-from' }) quantityFrom?: string;
  /** `production` (default) or `playground`. */
  @property() environment?: 'production' | 'playground';
  /** Klarna API region: `eu`, `na` or `oc`; derived from the locale when absent. */
  @property() region?: 'eu' | 'na' | 'oc';
  /** A base URL that replaces Klarna's host (the request goes to `{api-url}/messaging/v3`): the emulator or your proxy. */
  @property({ attribute: 'api-url' }) apiUrl?: string;
  /** `eager` (default) loads at once; `lazy` loads when the placement comes near the viewport. */
  @property() loading?: OsmLoading;
  /** `visible` (default) fires the impression beacon once the message is at least partly in view; `render` as soon as it is rendered. */
  @property() impression?: OsmImpressionMode;
  /** How the learn-more and prequalify links open: `tab` (default, a new tab), `popup` (a window over the page) or `dialog` (a modal dialog on the page). */
  @property({ attribute: 'learn-more' }) learnMore?: OsmLearnMorePresentation;
  /** Milliseconds to wait for Klarna before giving up; default 5000, as Klarna advises. */
  @property({ type: Number }) timeout?: number;
  /** Colours: absent takes the page's own; `light`, `dark`, or `auto` to follow `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: OsmTheme;
  /**
   * The message a server already fetched: `OsmClient.getMessage`'s result (in the attribute, as
   * JSON). It is shown at once, and Klarna is not asked again, when its `url` is the request this
   * placement makes; otherwise the placement warns and fetches. Later changes fetch as usual.
   */
  @property() prefetched?: OsmPrefetched | string;

  // ── controllers and tasks ───────────────────────────────────────────────────────────────────
  /** What the shopper sees: one explicit view, each new one announced once. */
  #view = new PlacementViewState(this, (view) => this.#announce(view));
  /** `client-id`, `locale`, `environment`, `region`, `api-url` and `consent` from `<klarna-config>` or `configure()`. */
  #page = new PageConfigController(this);
  /** `purchase-amount`, or the price and quantity the page shows (`amount-from`, `quantity-from`). */
  #amount = new AmountSource(this);
  /** In view (impressions, and which request goes first) and near it (`loading="lazy"`). */
  #viewport = new ViewportController(this);
  /** One beacon per rendering, once it counts: consent given, and in view unless `impression="render"`. */
  #impression = new ImpressionController(this, () => {
    return !isHeld(this.#page.value) && (this.impression === 'render' || this.#viewport.inView);
  });
  /** Asks Klarna for the current request's message, again after a failure that may pass, and on a refresh. */
  #loader = new MessageLoader(this, this.#view, {
    mayLoad: () => !isHeld(this.#page.value) && (this.loading !== 'lazy' || this.#viewport.near),
    urgent: () => this.#viewport.inView,
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────
  protected override willUpdate(): void {
    const amount = this.#amount.read();
    const request = amount && resolvePlacementRequest(this, this.#page.value, amount);
    if (!this.#loader.setRequest(request)) return;
    if (!request) {
      this.#view.change({ type: 'cleared' });
    } else if (request.ok && this.prefetched && this.#loader.mayTakePrefetched) {
      // Shown here, not by the task, so that a server's render and the hydration both have the message.
      this.#takePrefetched(request.request);
    }
  }

  protected override updated(): void {
    this.showState(this.state);
    this.#view.announceChange();
  }

  // ── public methods ──────────────────────────────────────────────────────────────────────────
  /** What the placement is doing: `idle`, `loading`, `rendered`, `empty` or `error`. */
  get state(): OsmPlacementState {
    const view = this.#view.value;
    const request = this.#loader.request;
    if (!request) return 'idle';
    // Loading is asking for what is not on screen yet: a retry keeps its error shown (no flash of
    // loading), a refresh or a server's message its rendering.
    if (this.#loader.pending && viewKey(view) !== request.key) return 'loading';
    return view.kind;
  }

  /** The nodes last rendered (empty when nothing is shown). */
  get content(): readonly OsmNode[] {
    const view = this.#view.value;
    return view.kind === 'rendered' ? view.message.nodes : [];
  }

  /** The last error, while `state` is `error`. */
  get error(): OsmErrorDetail | undefined {
    const view = this.#view.value;
    return view.kind === 'error' ? view.error : undefined;
  }

  /** Asks Klarna again, past every cache, and renders the answer (with a new impression). */
  async refresh(): Promise<void> {
    await this.updateComplete;
    await this.#loader.refresh();
    await this.updateComplete;
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────
  override render() {
    const view = this.#view.value;
    // Each rendering is new markup (keyed): nothing the shopper already sees moves when the next one is longer.
    // Later messages are announced politely; the first is not, as the region is not live yet when it arrives.
    return html`
      <div
        part="container"
        aria-live=${view.kind === 'rendered' ? 'polite' : 'off'}
        aria-busy=${this.state === 'loading'}
        @click=${this.#onClick}
      >
        ${keyed(view, view.kind === 'rendered' ? messageTemplate(view.message) : nothing)}
      </div>
    `;
  }

  // ── private helpers ─────────────────────────────────────────────────────────────────────────
  /** A click in the message (lit calls it on the element): a link opens as `learn-more` says. */
  #onClick(event: MouseEvent): void {
    followLink(this, this.#view.value, event);
  }

  /** Its events, its console messages and its impression: once per new view, after it is on screen. */
  #announce(view: PlacementView): void {
    if (view.kind === 'error') {
      this.log('error', view.error.message);
      this.emit('klarna-osm-error', view.error);
    } else if (view.kind === 'empty') {
      this.emit('klarna-osm-empty', requestDetail(view.request));
    } else if (view.kind === 'rendered') {
      const { nodes, impressionUrl, warnings } = view.message;
      for (const warning of warnings) this.log('warn', warning);
      this.emit('klarna-osm-render', { ...requestDetail(view.request), nodes, impressionUrl });
    }
    this.#impression.rendered(view.kind === 'rendered' ? view.message.impressionUrl : undefined);
  }

  #takePrefetched(request: PlacementRequest): void {
    try {
      this.#view.change({ type: 'answered', request, answer: readPrefetched(this.prefetched!, request.url) });
      this.#loader.tookPrefetched();
    } catch (error) {
      this.log('warn', `prefetched is not used (${(error as Error).message}); asking Klarna instead.`);
    }
  }
}
