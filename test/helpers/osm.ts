/**
 * Helpers for `<klarna-osm-placement>` tests: a fresh emulator client per test (so neither the
 * element's cache nor the browser's sees another test's answers), mounting with every event
 * recorded from the start, and the emulator's impressions as events rather than polls.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/osm-placement/index.js';
import type { KlarnaOsmPlacement } from '../../src/osm-placement/index.js';
import type { EmulatorOsmClient, ImpressionRecord } from '../../src/emulator/index.js';
import { DEFAULT_FINANCING, DEFAULT_PAY_IN_FOUR } from '../../src/emulator/constants.js';
import { configureEmulator, emulatorUrl, resetEmulator } from './emulator.js';
import { EventLog as BaseEventLog } from './event-log.js';

export const OSM_EVENTS = ['klarna-osm-render', 'klarna-osm-empty', 'klarna-osm-error', 'klarna-osm-impression'] as const;
export type OsmEventName = (typeof OSM_EVENTS)[number];

/** Registers a new client on the emulator (enabled, the built-in client's offers) and returns its id. */
export async function freshClient(overrides: Partial<EmulatorOsmClient> = {}): Promise<string> {
  const id = crypto.randomUUID();
  await configureEmulator({
    osm: { clients: { [id]: { enabled: true, payInFour: { ...DEFAULT_PAY_IN_FOUR }, financing: { ...DEFAULT_FINANCING, markets: [...DEFAULT_FINANCING.markets] }, ...overrides } } },
  });
  return id;
}

/** Makes the emulator answer this client's requests with `body` (a fault rule), `times` times or always. */
export async function answerWith(clientId: string, body: unknown, options: { status?: number; times?: number; query?: Record<string, string> } = {}): Promise<void> {
  await configureEmulator({
    faults: [{
      path: '/messaging/v3',
      query: { client_id: clientId, ...options.query },
      status: options.status ?? 200,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...(options.times ? { times: options.times } : {}),
    }],
  });
}

/** Every `klarna-osm-*` event an element fires, and promises for the next ones. */
export class EventLog extends BaseEventLog<OsmEventName> {
  constructor(target: EventTarget) {
    super(target, OSM_EVENTS);
  }

  /** The next render, empty or error: whatever the element settles on. */
  settled(): Promise<CustomEvent> {
    return Promise.race([this.next('klarna-osm-render'), this.next('klarna-osm-empty'), this.next('klarna-osm-error')]);
  }
}

export interface Mounted {
  element: KlarnaOsmPlacement;
  log: EventLog;
}

/**
 * Creates a placement the way a script would (createElement, attributes, then into the page), with
 * the emulator as its API and its events recorded before it can fire any.
 */
export async function mountPlacement(attributes: Record<string, string | number | undefined>, container?: HTMLElement): Promise<Mounted> {
  const parent = container ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  const element = document.createElement('klarna-osm-placement');
  const log = new EventLog(element);
  for (const [name, value] of Object.entries({ 'api-url': emulatorUrl, locale: 'en-US', 'placement-key': 'credit-promotion-badge', ...attributes })) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  parent.append(element);
  return { element, log };
}

/** The element's rendered part, or null. */
export function part(element: HTMLElement, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part~="${name}"]`);
}

/** The emulator's live feed of impressions (Server-Sent Events), so a test awaits one instead of polling. */
export class ImpressionFeed {
  readonly received: ImpressionRecord[] = [];
  private readonly source = new EventSource(`${emulatorUrl}/__emulator/events`);
  private readonly waiters: (() => void)[] = [];
  readonly ready: Promise<void>;

  constructor() {
    this.ready = new Promise((resolve) => this.source.addEventListener('open', () => resolve(), { once: true }));
    this.source.addEventListener('impression', (message) => {
      this.received.push(JSON.parse((message as MessageEvent<string>).data) as ImpressionRecord);
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  /** Resolves once `count` impressions have arrived in all. */
  async until(count: number): Promise<ImpressionRecord[]> {
    while (this.received.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.received;
  }

  close(): void {
    this.source.close();
  }
}

/**
 * Mocha hooks for a suite that counts impressions: the emulator reset and a live feed opened
 * before each test and closed after it. Returns a getter for the current test's feed.
 */
export function useImpressionFeed(): () => ImpressionFeed {
  let feed: ImpressionFeed | undefined;
  beforeEach(async () => {
    await resetEmulator();
    feed = new ImpressionFeed();
    await feed.ready;
  });
  afterEach(() => feed?.close());
  return () => feed!;
}
