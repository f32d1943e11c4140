import { html, isServer, nothing, type PropertyValues } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { fireBeacon } from '../core/beacon.js';
import { ResponseCache } from '../core/cache.js';
import { requestJsonCached } from '../core/cached-request.js';
import { KlarnaHttpError } from '../core/http.js';
import { wait } from '../core/wait.js';
import { KlarnaElement } from '../internal/klarna-element.js';
import { isHeld, PageConfigController } from '../internal/page-config.js';
import { property } from '../internal/property.js';
import { observeVisibility } from '../internal/visibility.js';
import { parseOsmAnswer, type OsmAnswer, type OsmMessage, type OsmNode } from '../protocol/osm-answer.js';
import type { OsmPlacementKey } from '../protocol/osm-request.js';
import { resolvePlacementRequest, type OsmImpressionMode, type OsmLoading, type PlacementRequest, type ResolvedPlacementRequest } from './placement-request.js';
import type { AmountFromController } from './amount-from.js';
import type { OsmErrorDetail } from './events.js';
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

/**
 * After a network failure, a timeout or a 5xx, the placement asks again by itself: after 1, 2, 4,
 * 8 and 16 seconds, then only when the browser says it is back online (at once, then too). Never
 * after a 4xx or a configuration problem: asking again would get the same answer.
 */
const RETRIES = 5;

/** How far outside the viewport a `loading="lazy"` placement starts to load, as for lazy images. */
const LAZY_ROOT_MARGIN = '300px';

/** What `OsmClient.getMessage` returns on the server, as far as the element reads it. */
export type OsmPrefetched = { url: string; kind: 'message'; nodes: readonly OsmNode[]; impressionUrl?: string | undefined } | { url: string; kind: 'empty'; nodes?: undefined; impressionUrl?: undefined };

/** A request's outcome as shown; each new one is a new rendering, and so one impression. */
type Shown = { request?: PlacementRequest; answer?: OsmAnswer; error?: OsmErrorDetail };

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
 * @cssprop [--klarna-osm-font-size=1em] - Font size.
 * @cssprop [--klarna-osm-line-height=1.45] - Line height.
 * @cssprop [--klarna-osm-gap=0.25em 0.5em] - Space between the badge, the text and the links.
 * @cssprop [--klarna-osm-badge-height=1.5em] - Height of the Klarna badge.
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
  // An attribute that is not a number stays visible to validation as NaN, with the attribute's text.
  @property({ attribute: 'purchase-amount', type: Number, converter: (value: string | null) => (value?.trim() ? Number(value) : undefined) }) purchaseAmount?: number;
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

  // ── internal state ──────────────────────────────────────────────────────────────────────────
  /** The request the properties make; none while the element has been given nothing. */
  #config: ResolvedPlacementRequest | undefined;
  #shown: Shown | undefined;
  #announced: Shown | undefined;
  #near = false;
  /** The page's consent is not given yet (`consent: 'pending'`): nothing may reach Klarna. */
  #held = false;
  #refreshes = 0;
  #reloadNext = false;
  #requestedBefore = false;
  #visible = false;
  /** The impression URL of the rendering on screen, until its beacon fires. */
  #dueImpression: string | undefined;
  /** A server's answer for the first request, until the task takes it. */
  #initial: { url: string; answer: OsmAnswer } | undefined;
  #stopObserving: (() => void)[] = [];
  /** Set while a retry after a failure runs: the error stays shown (and is not announced again) until it succeeds. */
  #retrying = false;
  #retries = 0;
  #stopRetrying: (() => void) | undefined;
  /** Reads the amount from the page (`amount-from`, `quantity-from`): its code loading, then loaded. */
  #amountFrom: AmountFromController | Promise<unknown> | undefined;

  // ── controllers and tasks ───────────────────────────────────────────────────────────────────
  /** `client-id`, `locale`, `environment`, `region`, `api-url` and `consent` from `<klarna-config>` or `configure()`. */
  #page = new PageConfigController(this);
  #task = new Task(this, {
    args: () => [this.#config, !this.#held && (this.loading !== 'lazy' || this.#near), this.#refreshes] as const,
    task: async ([config, mayLoad], { signal }) => {
      if (!mayLoad || !config) return initialState;
      if (!config.ok) {
        // Frameworks may set attributes one at a time; a later one in this task may fix it.
        await wait(0, signal);
        throw new OsmConfigError(await describeProblems(config));
      }
      const { request } = config;
      const reload = this.#reloadNext;
      this.#reloadNext = false;
      const initial = this.#initial;
      this.#initial = undefined;
      if (initial?.url === request.url && !reload) {
        this.#requestedBefore = true;
        return { request, answer: initial.answer, reload };
      }
      if (this.#requestedBefore && !reload && !this.#retrying && !answers.peek(request.url)) await wait(SETTLE_MS, signal);
      this.#requestedBefore = true;
      const answer = await requestJsonCached(answers, request.url, { signal, reload, timeout: request.timeout, parse: (response) => parseOsmAnswer(response, request.url), urgent: () => this.#visible })
        .catch(async (error: unknown) => {
          throw await explain(error, request.timeout);
        });
      return { request, answer, reload };
    },
    onComplete: ({ request, answer, reload }) => {
      this.#retrying = false;
      this.#retries = 0;
      // The same answer again (a value changed and changed back) is the same rendering.
      if (reload || this.#shown?.answer !== answer) this.#shown = { request, answer };
    },
    onError: (error) => {
      const { code, message, status, correlationId } = error as Partial<KlarnaHttpError>;
      const failure: OsmErrorDetail = {
        // A caller's abort never reaches here (the task ignores it); any other abort is the network's.
        code: error instanceof OsmConfigError ? 'invalid-config' : error instanceof KlarnaHttpError && code !== 'aborted' ? code! : 'network',
        message: String(message ?? error),
        ...(status && { status }),
        ...(correlationId && { correlationId }),
      };
      // A retry that fails the same way keeps the error shown: one event per outage, not per attempt.
      const shown = this.#shown?.error;
      if (!this.#retrying || shown?.code !== failure.code || shown.status !== status) this.#shown = { error: failure };
      this.#retrying = false;
      this.#retryLater();
    },
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────
  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page while a failure is shown: retry as after a new failure.
    this.#retryLater();
    this.#stopObserving.push(observeVisibility(this, (visible) => {
      this.#visible = visible;
      this.#fireDueImpression();
    }));
    if (!this.#near) {
      this.#stopObserving.push(observeVisibility(this, (near) => {
        if (near && !this.#near) {
          this.#near = true;
          this.requestUpdate();
        }
      }, LAZY_ROOT_MARGIN));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stopObserving.splice(0)) stop();
    this.#stopRetrying?.();
    this.#visible = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A theme change alone never refetches; anything else may (a page setting arrives as no property).
    if (!(changed.size === 1 && changed.has('theme'))) {
      const page = this.#page.value;
      this.#held = isHeld(page);
      const follows = this.amountFrom || this.quantityFrom;
      // The page's price is read by code only such placements load; a failed load tries again at
      // the next change. Never on a server: there is no page to read (it waits, as with no match).
      if (follows && !isServer) {
        this.#amountFrom ??= import('./amount-from.js').then(
          (module) => (this.#amountFrom = new module.AmountFromController(this)),
          () => (this.#amountFrom = undefined),
        );
      }
      // While its code loads, `#amountFrom` is a promise, with no amount: the placement waits.
      const amount = follows ? (this.#amountFrom as Partial<AmountFromController> | undefined)?.amount : { value: this.purchaseAmount, source: this.getAttribute('purchase-amount') };
      const next = amount && resolvePlacementRequest(this, page, amount);
      // Keep the same object while nothing a request depends on changed, so the task does not rerun
      // (a request is its URL and timeout; problems are compared as they are worded from).
      if (JSON.stringify(next) !== JSON.stringify(this.#config)) {
        this.#config = next;
        // A new request replaces any retry of the old one.
        this.#stopRetrying?.();
        this.#retrying = false;
        this.#retries = 0;
        // Everything taken away: the element shows nothing again, as before it was given anything.
        if (!next) this.#shown = undefined;
        // Rendered here, not by the task, so a server's render and the hydration see the message.
        if (next?.ok && !this.#requestedBefore && this.prefetched) this.#takePrefetched(next.request);
      }
    }
  }

  protected override updated(): void {
    this.showState(this.state);
    // Consent given for a message already shown (a server's, while it was pending).
    this.#fireDueImpression();
    const shown = this.#shown;
    if (shown === this.#announced || !shown) return;
    this.#announced = shown;
    const { request, answer, error } = shown;
    this.#dueImpression = undefined;
    if (error) {
      this.log('error', error.message);
      this.emit('klarna-osm-error', error);
      return;
    }
    const detail = { placementKey: request!.placementKey, locale: request!.locale, purchaseAmount: request!.purchaseAmount };
    if (answer!.kind === 'empty') {
      this.emit('klarna-osm-empty', detail);
      return;
    }
    const { nodes, impressionUrl, warnings } = answer!.message;
    for (const warning of warnings) this.log('warn', warning);
    this.#dueImpression = impressionUrl;
    this.emit('klarna-osm-render', { ...detail, nodes, impressionUrl });
    // Announce later changes politely, but not the first message of the page.
    this.renderRoot.querySelector('div')?.setAttribute('aria-live', 'polite');
    this.#fireDueImpression();
  }

  // ── public methods ──────────────────────────────────────────────────────────────────────────
  /** What the placement is doing: `idle`, `loading`, `rendered`, `empty` or `error`. */
  get state(): OsmPlacementState {
    const shown = this.#shown;
    return !this.#config ? 'idle' : this.#task.status === TaskStatus.PENDING && !this.#retrying ? 'loading' : !shown ? 'idle' : shown.error ? 'error' : shown.answer!.kind === 'empty' ? 'empty' : 'rendered';
  }

  /** The nodes last rendered (empty when nothing is shown). */
  get content(): readonly OsmNode[] {
    return this.#message?.nodes ?? [];
  }

  /** The last error, while `state` is `error`. */
  get error(): OsmErrorDetail | undefined {
    return this.#shown?.error;
  }

  /** Asks Klarna again, past every cache, and renders the answer (with a new impression). */
  async refresh(): Promise<void> {
    this.#reloadNext = true;
    this.#refreshes++;
    this.requestUpdate();
    await this.updateComplete;
    await this.#task.taskComplete.catch(() => undefined);
    await this.updateComplete;
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────
  override render() {
    // Read through `?.` from the message's own nodes (no prototype), never from a `{}` whose prototype a page's script may have polluted.
    const nodes = this.#message?.byName;
    const link = (part: string, node = nodes?.[part === 'learn-more' ? 'ACTION_LEARN_MORE' : 'ACTION_PREQUALIFY']) =>
      node?.url ? html`<a part=${part} href=${node.url} target="_blank" rel="noopener noreferrer" aria-describedby="text-main">${node.label}</a>` : nothing;
    const main = nodes?.TEXT_MAIN, legal = nodes?.TEXT_LEGAL, badge = nodes?.KLARNA_BADGE;
    // aria-live is switched on after the first message (see updated()), so that one is not read out.
    return html`<div part="container" aria-live="off" aria-busy=${this.state === 'loading'}>${badge?.url ? html`<img part="badge" src=${badge.url} alt=${badge.alt ?? 'Klarna'} decoding="async">` : nothing}${main ? html`<span part="text-main" id="text-main">${main.value}</span>` : nothing}${link('learn-more')}${link('prequalify')}${legal ? html`<span part="text-legal">${legal.value}</span>` : nothing}</div>`;
  }

  // ── private helpers ─────────────────────────────────────────────────────────────────────────
  get #message(): OsmMessage | undefined {
    const answer = this.#shown?.answer;
    return answer?.kind === 'message' ? answer.message : undefined;
  }

  #takePrefetched(request: PlacementRequest): void {
    try {
      const given = this.prefetched!;
      const { url, kind, nodes, impressionUrl } = (typeof given === 'string' ? JSON.parse(given) : given) as OsmPrefetched;
      if (url !== request.url) throw new Error(`it is for ${url}, not ${request.url}`);
      // Parsed again like any answer: the attribute is page content, and its URLs are checked the same way.
      const answer = parseOsmAnswer({ status: kind === 'empty' ? 204 : 200, data: { content: { nodes }, impression_url: impressionUrl } }, url);
      this.#initial = { url, answer };
      this.#shown = { request, answer };
    } catch (error) {
      this.log('warn', `prefetched is not used (${(error as Error).message}); asking Klarna instead.`);
    }
  }

  /**
   * Schedules the next retry while the error shown is one that may pass (network, timeout, 5xx):
   * the next backoff step, unless the browser knows it is offline, and the `online` event. Every
   * placement that failed on one request fails in the same task, so their retries start together
   * and share one request again.
   */
  #retryLater(): void {
    const { code, status = 0 } = this.#shown?.error ?? {};
    this.#stopRetrying?.();
    if (!this.isConnected || !(code === 'network' || code === 'timeout' || status > 499)) return;
    const retry = () => {
      this.#stopRetrying!();
      this.#retrying = true;
      this.#refreshes++;
      this.requestUpdate();
    };
    const timer = navigator.onLine && this.#retries < RETRIES ? setTimeout(retry, 1000 * 2 ** this.#retries++) : undefined;
    addEventListener('online', retry);
    // Calling it again does nothing: both are idempotent.
    this.#stopRetrying = () => {
      clearTimeout(timer);
      removeEventListener('online', retry);
    };
  }

  /** One beacon per rendering: when rendered (`render`) or once at least partly in view (`visible`). */
  #fireDueImpression(): void {
    const url = this.#dueImpression;
    if (url && this.isConnected && !this.#held && (this.impression === 'render' || this.#visible)) {
      this.#dueImpression = undefined;
      // The event means the beacon left the page: not when the page's CSP blocked it. Until Klarna
      // answers, the element is held weakly: a route change must not keep it for a slow beacon.
      const element = new WeakRef(this);
      void fireBeacon(url).then((sent) => sent && element.deref()?.emit('klarna-osm-impression', { url }));
    }
  }
}

class OsmConfigError extends Error {}

/** The wording of a failed request, loaded only when one failed; a failed load (offline) leaves its terse message. */
function explain(error: unknown, timeout: number): Promise<unknown> {
  return import('./placement-problems.js').then((wording) => wording.explainHttpError(error, timeout), () => error);
}

/** The wording of what is wrong, loaded only when something is; a failed load still names the attributes. */
function describeProblems({ problems, amount }: Extract<ResolvedPlacementRequest, { ok: false }>): Promise<string> {
  return import('./placement-problems.js').then(
    (wording) => wording.describePlacementProblems(problems, amount),
    (error) => `invalid: ${problems.map((problem) => problem.field).join()} (${String(error)}).`,
  );
}
