// A browser app's code against every browser entry of the package, compiled with `strict` and
// `skipLibCheck: false` (what today's Vite templates ship), so the published declarations are checked too.
import 'klarna-elements';
import { configure } from 'klarna-elements/config';
import type { KlarnaOsmPlacement } from 'klarna-elements/osm-placement';
import type { KlarnaInstantShoppingHost, OrderLine } from 'klarna-elements/instant-shopping';
import { requestJson } from 'klarna-elements/core';
import { parseOsmAnswer } from 'klarna-elements/protocol';
import type { CustomElements as JsxElements } from 'klarna-elements/jsx';
import type { CustomElements as SvelteElements } from 'klarna-elements/svelte';

configure({ clientId: 'YOUR-OSM-CLIENT-ID', locale: 'en-US' });
const placement = document.createElement('klarna-osm-placement') satisfies KlarnaOsmPlacement;
placement.purchaseAmount = 32900;
placement.addEventListener('klarna-osm-render', (event) => console.log(event.detail.nodes.length));
const host = document.createElement('klarna-instant-shopping-host') satisfies KlarnaInstantShoppingHost;
const lines: OrderLine[] = [];
host.orderLines = lines;
host.nonce = 'a-nonce';
host.addEventListener('klarna-instant-shopping-error', (event) => console.log(event.detail.code));
export const jsx: JsxElements['klarna-osm-placement'] = { 'purchase-amount': 100 };
export const svelte: SvelteElements['klarna-osm-placement'] = { 'purchase-amount': 100 };
export { requestJson, parseOsmAnswer };
