import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { fireBeacon } from '../core/beacon.js';
import { ResponseCache } from '../core/cache.js';
import { requestJsonCached } from '../core/cached-request.js';
import { isKlarnaHttpError } from '../core/http.js';
import { KlarnaElement } from '../internal/klarna-element.js';
import { observeVisibility } from '../internal/visibility.js';
import { parseOsmAnswer, type OsmAnswer, type OsmMessage, type OsmNode, type OsmPlacementKey } from './api.js';
import { resolveOsmRequest, type OsmImpressionMode, type OsmLoading, type OsmRequest, type ResolvedConfig } from './config.js';
import type { OsmErrorCode, OsmErrorDetail, OsmRequestDetail } from './events.js';
import { osmPlacementStyles } from './osm-placement.styles.js';

export type OsmPlacementState = 'idle' | 'loading' | 'rendered' | 'empty' | 'error';
export type OsmTheme = 'light' | 'dark' | 'auto';

/** One cache per page (per copy of the library): identical placements share requests and answers. */
const answers = new ResponseCache<OsmAnswer>({ maxEntries: 200 });

/**
 * After a change to a message already shown, wait this long for the value to settle (a quantity
 * stepper, a slider) so that only the final value is requested. The first request never waits.
 */
const SETTLE_MS = 250;

/** The properties a request is made of. */
const CONFIG_PROPERTIES = ['clientId', 'placementKey', 'locale', 'purchaseAmount', 'environment', 'region', 'apiUrl', 'loading', 'impression', 'timeout'];

/** How far outside the viewport a `loading="lazy"` placement starts to load, as for lazy images. */
const LAZY_ROOT_MARGIN = '300px';

/** A request's outcome as shown: `ticket` changes with every new rendering, which is one impression. */
type Shown =
  | { kind: 'message'; message: OsmMessage; request: OsmRequest; answer: OsmAnswer; ticket: number }
  | { kind: 'empty'; request: OsmRequest; answer: OsmAnswer; ticket: number }
  | { kind: 'error'; error: OsmErrorDetail; ticket: number };

class OsmConfigError extends Error {
  override readonly name = 'OsmConfigError';
}

/**
 * Klarna On-site messaging for a price: asks Klarna's OSM API, renders the answer's nodes by name,
 * fires the impression beacon once the message can be seen, and follows the purchase amount.
 *
 * @summary Klarna On-site messaging: "Pay in 4" and financing messages next to a price.
 *
 * @attr {string} state - Reflects the read-only `state` property, for styling: `idle`, `loading`, `rendered`, `empty` or `error`.
 *
 * @fires klarna-osm-render - A message was rendered. Detail: `{ nodes, impressionUrl, placementKey, locale, purchaseAmount }`.
 * @fires klarna-osm-empty - Klarna has nothing to show for this request (a 204); the element collapses. Detail: `{ placementKey, locale, purchaseAmount }`.
 * @fires klarna-osm-error - Nothing can be shown. Detail: `{ code, message, status?, correlationId? }`, `code` one of `invalid-config`, `http`, `network`, `timeout`, `malformed-response`.
 * @fires klarna-osm-impression - An impression beacon was fired. Detail: `{ url }`.
 *
 * @csspart container - The box around the whole message.
 * @csspart text-main - The main message (TEXT_MAIN).
 * @csspart text-legal - The legal text some markets require (TEXT_LEGAL).
 * @csspart learn-more - The "Learn more" link (ACTION_LEARN_MORE).
 * @csspart prequalify - The prequalification link (ACTION_PREQUALIFY).
 * @csspart badge - The Klarna badge image (KLARNA_BADGE).
 *
 * @cssprop [--klarna-osm-color=inherit] - Text colour.
 * @cssprop [--klarna-osm-link-color=inherit] - Colour of the links.
 * @cssprop [--klarna-osm-link-font-weight=600] - Weight of the links.
 * @cssprop [--klarna-osm-legal-color=inherit] - Colour of the legal text.
 * @cssprop [--klarna-osm-focus-color=currentColor] - Colour of the focus ring on links.
 * @cssprop [--klarna-osm-font-family=inherit] - Font family.
 * @cssprop [--klarna-osm-font-size=inherit] - Font size.
 * @cssprop [--klarna-osm-line-height=1.45] - Line height.
 * @cssprop [--klarna-osm-gap=0.25em 0.5em] - Space between the badge, the text and the links.
 * @cssprop [--klarna-osm-badge-height=1.5em] - Height of the Klarna badge.
 * @cssprop [--klarna-osm-min-height=0px] - Space kept while the first message loads, so nothing shifts when it arrives.
 */
export class KlarnaOsmPlacement extends KlarnaElement {
  // ── styles ──────────────────────────────────────────────────────────────────────────────────
  static override styles = osmPlacementStyles;

  // ── public properties ───────────────────────────────────────────────────────────────────────
  /** Your On-site messaging client id from the Klarna Merchant Portal. Required. */
  @property({ attribute: 'client-id' })
  clientId?: string;

  /** `credit-promotion-badge` (amount based, next to a price) or `top-strip-promotion-badge` (landing pages). Required. */
  @property({ attribute: 'placement-key', reflect: true })
  placementKey?: OsmPlacementKey;

  /** The language and market of the message: one of the 47 OSM locales, e.g. `en-US`. Required. */
  @property({ reflect: true })
  locale?: string;

  /** The price in minor units (`12999` for 129.99). Required for `credit-promotion-badge`. */
  @property({ attribute: 'purchase-amount', converter: { fromAttribute: (value: string | null) => (value === null ? undefined : Number(value.trim() === '' ? Number.NaN : value)) } })
  purchaseAmount?: number;

  /** `production` (default) or `playground`. */
  @property()
  environment?: 'production' | 'playground';

  /** Klarna API region: `eu`, `na` or `oc`; derived from the locale when absent. */
  @property()
  region?: 'eu' | 'na' | 'oc';

  /** A base URL that replaces Klarna's host (the request goes to `{api-url}/messaging/v3`): the emulator or your proxy. */
  @property({ attribute: 'api-url' })
  apiUrl?: string;

  /** `eager` (default) loads at once; `lazy` loads when the placement comes near the viewport. */
  @property()
  loading?: OsmLoading;

  /** `visible` (default) fires the impression beacon once the message is at least partly in view; `render` as soon as it is rendered. */
  @property()
  impression?: OsmImpressionMode;

  /** Milliseconds to wait for Klarna before giving up; default 5000, as Klarna advises. */
  @property({ type: Number })
  timeout?: number;

  /** Colours: absent takes the page's own; `light`, `dark`, or `auto` to follow `prefers-color-scheme`. */
  @property({ reflect: true })
  theme?: OsmTheme;

  // ── internal state ──────────────────────────────────────────────────────────────────────────
  @state() private shown: Shown | undefined;
  @state() private nearViewport = false;
  @state() private refreshes = 0;
  @query('.container') private container?: HTMLElement;
  private resolved: ResolvedConfig = { ok: false, message: 'not configured yet' };
  private reloadNext = false;
  private requestedBefore = false;
  private tickets = 0;
  private announced: Shown | undefined;
  private pendingImpression: { url: string; ticket: number } | undefined;
  private visible = false;
  private stopObservingVisibility: (() => void) | undefined;
  private stopObservingNearness: (() => void) | undefined;

  // ── controllers and tasks ───────────────────────────────────────────────────────────────────
  private readonly messageTask = new Task(this, {
    args: () => [this.resolved.ok ? this.resolved.request.url : undefined, this.resolved.ok ? undefined : this.resolved.message, this.loading !== 'lazy' || this.nearViewport, this.refreshes] as const,
    task: async ([url, problem, mayLoad], { signal }) => {
      if (!mayLoad) return initialState;
      if (problem !== undefined || url === undefined) {
        // Frameworks may set attributes one at a time; a later one in this task may fix it.
        await wait(0, signal);
        throw new OsmConfigError(problem ?? 'the configuration is incomplete.');
      }
      const request = (this.resolved as Extract<ResolvedConfig, { ok: true }>).request;
      const reload = this.reloadNext;
      this.reloadNext = false;
      if (this.requestedBefore && !reload && answers.peek(url) === undefined) await wait(SETTLE_MS, signal);
      this.requestedBefore = true;
      const answer = await requestJsonCached(answers, url, { signal, reload, timeout: request.timeout, parse: (response) => parseOsmAnswer(response, url) });
      return { request, answer, reload };
    },
    onComplete: ({ request, answer, reload }) => this.show(request, answer, reload),
    onError: (error) => {
      this.shown = { kind: 'error', error: toErrorDetail(error), ticket: ++this.tickets };
    },
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────
  override connectedCallback(): void {
    super.connectedCallback();
    this.stopObservingVisibility = observeVisibility(this, (visible) => {
      this.visible = visible;
      this.fireImpressionWhenDue();
    });
    if (this.loading === 'lazy' && !this.nearViewport) this.watchNearness();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingVisibility?.();
    this.stopObservingNearness?.();
    this.stopObservingVisibility = this.stopObservingNearness = undefined;
    this.visible = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const configChanged = CONFIG_PROPERTIES.some((name) => changed.has(name));
    if (configChanged || !this.hasUpdated) {
      this.resolved = resolveOsmRequest({
        clientId: this.clientId,
        placementKey: this.placementKey,
        locale: this.locale,
        purchaseAmount: this.purchaseAmount,
        purchaseAmountAttribute: this.getAttribute('purchase-amount'),
        environment: this.environment,
        region: this.region,
        apiUrl: this.apiUrl,
        loading: this.loading,
        impression: this.impression,
        timeout: this.timeout,
      });
    }
    if (changed.has('loading') && this.loading === 'lazy' && !this.nearViewport && this.isConnected) this.watchNearness();
  }

  protected override updated(): void {
    const currentState = this.state;
    if (this.getAttribute('state') !== currentState) this.setAttribute('state', currentState);
    if (this.shown !== this.announced) {
      this.announced = this.shown;
      if (this.shown) this.announce(this.shown);
    }
  }

  // ── public methods ──────────────────────────────────────────────────────────────────────────
  /** What the placement is doing: `idle`, `loading`, `rendered`, `empty` or `error`. */
  get state(): OsmPlacementState {
    if (this.messageTask.status === TaskStatus.PENDING) return 'loading';
    if (!this.shown) return 'idle';
    return this.shown.kind === 'message' ? 'rendered' : this.shown.kind;
  }

  /** The nodes last rendered (empty when nothing is shown). */
  get content(): readonly OsmNode[] {
    return this.shown?.kind === 'message' ? this.shown.message.nodes : [];
  }

  /** The last error, while `state` is `error`. */
  get error(): OsmErrorDetail | undefined {
    return this.shown?.kind === 'error' ? this.shown.error : undefined;
  }

  /** Asks Klarna again, past every cache, and renders the answer (with a new impression). */
  async refresh(): Promise<void> {
    this.reloadNext = true;
    this.refreshes += 1;
    await this.updateComplete;
    await this.messageTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────
  override render() {
    const message = this.shown?.kind === 'message' ? this.shown.message : undefined;
    // aria-live is switched on by announce() after the first message, so that one is not read out.
    return html`<div part="container" class="container" aria-live="off" aria-busy=${this.state === 'loading' ? 'true' : 'false'}>${message ? this.renderMessage(message) : nothing}</div>`;
  }

  private renderMessage(message: OsmMessage) {
    const link = (part: string, target: { label: string; url: string } | undefined) =>
      target ? html`<a part=${part} href=${target.url} target="_blank" rel="noopener noreferrer" aria-describedby="text-main">${target.label}</a>` : nothing;
    return html`${message.badge ? html`<img part="badge" class="badge" src=${message.badge.url} alt=${message.badge.alt} decoding="async">` : nothing}<span part="text-main" id="text-main" class="text-main">${message.textMain}</span>${link('learn-more', message.learnMore)}${link('prequalify', message.prequalify)}${message.textLegal === undefined ? nothing : html`<span part="text-legal" class="text-legal">${message.textLegal}</span>`}`;
  }

  // ── private helpers ─────────────────────────────────────────────────────────────────────────
  private show(request: OsmRequest, answer: OsmAnswer, reload: boolean): void {
    // The same answer again (a value changed and changed back) is the same rendering: no new impression.
    if (!reload && this.shown && 'answer' in this.shown && this.shown.answer === answer) return;
    const ticket = ++this.tickets;
    this.shown = answer.kind === 'message' ? { kind: 'message', message: answer.message, request, answer, ticket } : { kind: 'empty', request, answer, ticket };
  }

  private announce(shown: Shown): void {
    if (shown.kind === 'error') {
      this.logError(shown.error.message);
      this.emit('klarna-osm-error', shown.error);
      return;
    }
    const detail: OsmRequestDetail = { placementKey: shown.request.placementKey, locale: shown.request.locale, purchaseAmount: shown.request.purchaseAmount };
    if (shown.kind === 'empty') {
      this.pendingImpression = undefined;
      this.emit('klarna-osm-empty', detail);
      return;
    }
    for (const warning of shown.message.warnings) this.logWarning(warning);
    this.pendingImpression = shown.message.impressionUrl ? { url: shown.message.impressionUrl, ticket: shown.ticket } : undefined;
    this.emit('klarna-osm-render', { ...detail, nodes: shown.message.nodes, impressionUrl: shown.message.impressionUrl });
    // Announce later changes politely, but not the first message of the page.
    this.container?.setAttribute('aria-live', 'polite');
    this.fireImpressionWhenDue();
  }

  /** One beacon per rendering: when rendered (`render`) or once at least partly in view (`visible`). */
  private fireImpressionWhenDue(): void {
    const due = this.pendingImpression;
    if (!due || !this.isConnected || this.shown?.ticket !== due.ticket) return;
    if (this.impression !== 'render' && !this.visible) return;
    this.pendingImpression = undefined;
    void fireBeacon(due.url);
    this.emit('klarna-osm-impression', { url: due.url });
  }

  private watchNearness(): void {
    this.stopObservingNearness?.();
    this.stopObservingNearness = observeVisibility(this, (near) => {
      if (!near) return;
      this.nearViewport = true;
      this.stopObservingNearness?.();
      this.stopObservingNearness = undefined;
    }, LAZY_ROOT_MARGIN);
  }
}

function toErrorDetail(error: unknown): OsmErrorDetail {
  if (error instanceof OsmConfigError) return { code: 'invalid-config', message: error.message };
  if (isKlarnaHttpError(error)) {
    const code: OsmErrorCode = error.code === 'aborted' ? 'network' : error.code;
    return {
      code,
      message: error.message,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }),
    };
  }
  return { code: 'network', message: error instanceof Error ? error.message : String(error) };
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts (a newer value superseded this one). */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
