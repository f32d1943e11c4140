/**
 * Helpers for `<klarna-osm-placement>` tests: a fresh emulator client per test (so neither the
 * element's cache nor the browser's sees another test's answers), mounting with every event
 * recorded from the start, and the emulator's impressions as events rather than polls.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/osm-placement/index.js';
import type { KlarnaOsmPlacement } from '../../src/osm-placement/index.js';
import type { OsmPrefetched } from '../../src/osm-placement/index.js';
import { fetchJson } from '../../src/core/http.js';
import { osmRequest } from '../../src/protocol/osm-request.js';
import { configureEmulator, emulatorUrl } from './emulator.js';
import { EventLog as BaseEventLog } from './event-log.js';

export { freshClient, ImpressionFeed, useImpressionFeed } from './emulator-clients.js';

export const OSM_EVENTS = ['klarna-osm-render', 'klarna-osm-empty', 'klarna-osm-error', 'klarna-osm-impression'] as const;
export type OsmEventName = (typeof OSM_EVENTS)[number];

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

/**
 * What a server's `OsmClient.getMessage` gives a page for a client and amount (`prefetched`):
 * asked of the emulator here, for the URL the element builds.
 */
export async function prefetchedFor(clientId: string, purchaseAmount: number): Promise<OsmPrefetched> {
  const built = osmRequest({ clientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount, baseUrl: emulatorUrl });
  if (!built.ok) throw new Error('the test request is invalid');
  const answer = await fetchJson<{ content: { nodes: OsmPrefetched['nodes'] }; impression_url: string }>(built.request.url, {});
  return { url: built.request.url, kind: 'message', nodes: answer.data!.content.nodes!, impressionUrl: answer.data!.impression_url };
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
