/**
 * The emulator from inside a browser test: its URL (set by web-test-runner.config.js) and what it
 * recorded, read over HTTP like any other client would.
 */
import type { EmulatorConfigPatch, ImpressionRecord, RequestRecord } from '../../src/emulator/index.js';
import { EMULATOR_CLIENT_ID } from '../../src/emulator/constants.js';

declare global {
  interface Window {
    __KLARNA_EMULATOR_URL__?: string;
  }
}

export { EMULATOR_CLIENT_ID, EMULATOR_DISABLED_CLIENT_ID } from '../../src/emulator/constants.js';

export const emulatorUrl: string = (() => {
  const url = window.__KLARNA_EMULATOR_URL__;
  if (!url) throw new Error('The emulator URL is missing: run the browser tests through `npm run test:browser`.');
  return url;
})();

async function control(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(`${emulatorUrl}/__emulator/${path}`, init);
  if (!response.ok) throw new Error(`emulator ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** Clears the emulator's records and restores its initial config. */
export async function resetEmulator(): Promise<void> {
  await control('reset', { method: 'POST' });
}

/** Merges settings into the emulator's config until the next reset. */
export async function configureEmulator(patch: EmulatorConfigPatch): Promise<void> {
  await control('config', { method: 'POST', body: JSON.stringify(patch) });
}

export async function emulatorRequests(path?: string): Promise<RequestRecord[]> {
  const query = path ? `?path=${encodeURIComponent(path)}` : '';
  return ((await (await control(`requests${query}`)).json()) as { requests: RequestRecord[] }).requests;
}

/** The query of every OSM request one client made, oldest first (GETs only: preflights are recorded too). */
export async function osmRequestsFor(clientId: string): Promise<Record<string, string>[]> {
  return (await emulatorRequests('/messaging/v3')).filter((request) => request.method === 'GET' && request.query.client_id === clientId).map((request) => request.query);
}

export async function emulatorImpressions(): Promise<ImpressionRecord[]> {
  return ((await (await control('impressions')).json()) as { impressions: ImpressionRecord[] }).impressions;
}

let caseNumber = 0;

/**
 * An OSM request URL on the emulator, with the demo client and `en-US` unless overridden. Each URL
 * is unique (an extra `test_case` parameter the emulator ignores, as Klarna ignores unknown ones),
 * because the browser's HTTP cache honours the answers' max-age across tests and test files.
 */
export function messagingUrl(params: Record<string, string | number> = {}): string {
  caseNumber += 1;
  const query = new URLSearchParams({
    test_case: `${Date.now().toString(36)}-${caseNumber}-${Math.random().toString(36).slice(2)}`,
    client_id: EMULATOR_CLIENT_ID,
    placement_key: 'credit-promotion-badge',
    locale: 'en-US',
    purchase_amount: '51467',
    ...Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])),
  });
  return `${emulatorUrl}/messaging/v3?${query}`;
}
