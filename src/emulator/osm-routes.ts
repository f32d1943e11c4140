/**
 * `GET /messaging/v3`, answering as Klarna's OSM API reference says, and the impression endpoint
 * its answers point to. Checks run in the order a real service meets them: the user-agent gate,
 * then the parameters' presence and format (400), then what they name (404), then the client's
 * access (403), then whether there is anything to show (204).
 */
import { OSM_MESSAGING_PATH } from '../core/endpoints.js';
import type { EmulatorConfig, EmulatorOsmClient } from './config.js';
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
  if (!context.header('user-agent')) {
    context.error(403, 'FORBIDDEN', 'The user-agent header is required.');
    return;
  }
  const asked = readMessagingQuery(context.url.searchParams);
  if ('badValue' in asked) {
    context.error(400, 'BAD_VALUE', asked.badValue);
    return;
  }
  const found = lookUpClient(config, asked);
  if ('notFound' in found) {
    context.error(404, 'NOT_FOUND', found.notFound);
    return;
  }
  const { client } = found;
  if (!client.enabled) {
    context.error(403, 'FORBIDDEN', 'This client_id is not enabled for OSM API calls.');
    return;
  }
  if (client.locales && !client.locales.includes(asked.locale)) {
    context.send(204, undefined);
    return;
  }

  const message = { ...asked, client, origin: context.origin, responseId: context.correlationId };
  const nodes = buildNodes(message);
  if (!nodes) {
    context.send(204, undefined);
    return;
  }
  const answer = { content: { nodes }, impression_url: impressionUrl(message) };
  context.json(200, answer, { 'cache-control': config.osm.cacheControl });
}

/** What a request asks for, once its parameters are all there and well-formed. */
interface MessagingQuery {
  clientId: string;
  placementKey: string;
  locale: string;
  purchaseAmount: number | undefined;
}

/** The request's parameters, or why they are missing or malformed (a 400), in the order Klarna checks them. */
function readMessagingQuery(query: URLSearchParams): MessagingQuery | { badValue: string } {
  const clientId = query.get('client_id');
  const placementKey = query.get('placement_key');
  const locale = query.get('locale');
  const rawAmount = query.get('purchase_amount');

  for (const [name, value] of [['client_id', clientId], ['placement_key', placementKey], ['locale', locale]] as const) {
    if (!value) return { badValue: `The query parameter ${name} is required.` };
  }
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale!)) {
    return { badValue: `locale "${locale}" is not a language-COUNTRY tag such as en-US.` };
  }
  if (rawAmount !== null && !/^\d+$/.test(rawAmount)) {
    return { badValue: 'purchase_amount must be a non-negative integer in minor units.' };
  }
  const purchaseAmount = rawAmount === null ? undefined : Number(rawAmount);
  if (placementKey === 'credit-promotion-badge' && purchaseAmount === undefined) {
    return { badValue: 'purchase_amount is required for the credit-promotion-badge placement.' };
  }
  return { clientId: clientId!, placementKey: placementKey!, locale: locale!, purchaseAmount };
}

/** The client a request names, or the first thing it names that does not exist (a 404). */
function lookUpClient(
  config: EmulatorConfig,
  asked: MessagingQuery,
): { client: EmulatorOsmClient } | { notFound: string } {
  const clients = config.osm.clients;
  const client = Object.hasOwn(clients, asked.clientId) ? clients[asked.clientId] : undefined;
  if (!client) return { notFound: 'client_id not found.' };
  if (!config.osm.placements.includes(asked.placementKey)) return { notFound: 'placement_key not found.' };
  if (!SERVED_LOCALES.has(asked.locale)) return { notFound: 'locale not available.' };
  return { client };
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
