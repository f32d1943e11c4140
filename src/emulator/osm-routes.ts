/**
 * `GET /messaging/v3`, answering as Klarna's OSM API reference says, and the impression endpoint
 * its answers point to. Checks run in the order a real service meets them: the user-agent gate,
 * then the parameters' presence and format (400), then what they name (404), then the client's
 * access (403), then whether there is anything to show (204).
 */
import { OSM_MESSAGING_PATH } from '../core/endpoints.js';
import type { EmulatorConfig } from './config.js';
import type { RequestContext, Route } from './context.js';
import { buildNodes, impressionUrl } from './osm-content.js';
import type { EmulatorRecords } from './records.js';

/**
 * The locales Klarna's OSM API reference lists. Written out here rather than taken from the
 * library's protocol layer: the emulator is the independent oracle the library is tested against,
 * so a mistake in the library's list must show up as a test failure, not be agreed with.
 */
const SERVED_LOCALES: ReadonlySet<string> = new Set([
  'en-AT', 'de-AT', 'nl-BE', 'en-BE', 'fr-BE', 'en-CH', 'de-CH', 'it-CH', 'fr-CH', 'en-CZ', 'cs-CZ', 'de-DE',
  'en-DE', 'da-DK', 'en-DK', 'es-ES', 'en-ES', 'fi-FI', 'sv-FI', 'en-FI', 'fr-FR', 'en-FR', 'en-GB', 'en-GR',
  'el-GR', 'en-IE', 'en-IT', 'it-IT', 'nl-NL', 'en-NL', 'no-NO', 'nb-NO', 'en-NO', 'en-PL', 'pl-PL', 'en-PT',
  'pt-PT', 'sv-SE', 'en-SE', 'en-CA', 'fr-CA', 'es-MX', 'en-MX', 'en-US', 'es-US', 'en-AU', 'en-NZ',
]);

export const IMPRESSION_PATH = '/v1/osm-client-script/impression';

const TRANSPARENT_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function osmRoutes(getConfig: () => EmulatorConfig, records: EmulatorRecords): Route[] {
  return [
    { method: 'GET', path: OSM_MESSAGING_PATH, handle: (context) => answerMessaging(context, getConfig()) },
    { method: 'GET', path: IMPRESSION_PATH, handle: (context) => recordImpression(context, records) },
  ];
}

function answerMessaging(context: RequestContext, config: EmulatorConfig): void {
  const userAgent = context.header('user-agent');
  if (!userAgent) {
    context.error(403, 'FORBIDDEN', 'The user-agent header is required.');
    return;
  }
  const query = context.url.searchParams;
  const clientId = query.get('client_id');
  const placementKey = query.get('placement_key');
  const locale = query.get('locale');
  const rawAmount = query.get('purchase_amount');

  for (const [name, value] of [['client_id', clientId], ['placement_key', placementKey], ['locale', locale]] as const) {
    if (!value) {
      context.error(400, 'BAD_VALUE', `The query parameter ${name} is required.`);
      return;
    }
  }
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale!)) {
    context.error(400, 'BAD_VALUE', `locale "${locale}" is not a language-COUNTRY tag such as en-US.`);
    return;
  }
  if (rawAmount !== null && !/^\d+$/.test(rawAmount)) {
    context.error(400, 'BAD_VALUE', 'purchase_amount must be a non-negative integer in minor units.');
    return;
  }
  const purchaseAmount = rawAmount === null ? undefined : Number(rawAmount);
  if (placementKey === 'credit-promotion-badge' && purchaseAmount === undefined) {
    context.error(400, 'BAD_VALUE', 'purchase_amount is required for the credit-promotion-badge placement.');
    return;
  }

  const client = Object.hasOwn(config.osm.clients, clientId!) ? config.osm.clients[clientId!] : undefined;
  if (!client) {
    context.error(404, 'NOT_FOUND', 'client_id not found.');
    return;
  }
  if (!config.osm.placements.includes(placementKey!)) {
    context.error(404, 'NOT_FOUND', 'placement_key not found.');
    return;
  }
  if (!locale || !SERVED_LOCALES.has(locale)) {
    context.error(404, 'NOT_FOUND', 'locale not available.');
    return;
  }
  if (!client.enabled) {
    context.error(403, 'FORBIDDEN', 'This client_id is not enabled for OSM API calls.');
    return;
  }
  if (client.locales && !client.locales.includes(locale)) {
    context.send(204, undefined);
    return;
  }

  const message = { placementKey: placementKey!, locale, purchaseAmount, client, clientId: clientId!, origin: context.origin, responseId: context.correlationId };
  const nodes = buildNodes(message);
  if (!nodes) {
    context.send(204, undefined);
    return;
  }
  context.json(200, { content: { nodes }, impression_url: impressionUrl(message) }, { 'cache-control': config.osm.cacheControl });
}

function recordImpression(context: RequestContext, records: EmulatorRecords): void {
  const query = context.url.searchParams;
  const amount = query.get('purchase_amount');
  records.addImpression({
    time: new Date().toISOString(),
    responseId: query.get('id') ?? '',
    clientId: query.get('client_id') ?? '',
    placementKey: query.get('placement_key') ?? '',
    locale: query.get('locale') ?? '',
    purchaseAmount: amount === null ? undefined : Number(amount),
  });
  // no-store: every beacon must reach the emulator, or two placements showing one cached answer
  // would count as one impression.
  context.send(200, TRANSPARENT_GIF, { 'content-type': 'image/gif', 'cache-control': 'no-store' });
}
