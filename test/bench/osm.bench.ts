/**
 * `npm run bench`: sizes and speed of `<klarna-osm-placement>`, printed, never asserted as time.
 *
 * - gzip and brotli size of the OSM-only entry and of every CDN file (lit bundled), and what a page
 *   showing only the message loads at first from the CDN, next to the npm entry;
 * - 50 placements with distinct amounts inserted at once, against the emulator: time until all are
 *   rendered, next to a hand-written fetch + innerHTML + beacon baseline in the same browser;
 * - requests sent for 50 identical placements, and during bursts of 20 amount changes;
 * - a product listing page: 48 lazy placements with distinct prices in a long grid, entered at
 *   the top and mid-page (a restored scroll position): requests sent, the most in flight at once,
 *   how many of the first answered were for placements in view, and the time until every
 *   placement in view rendered;
 * - a busy page: 48 placements reading their card's price with `amount-from`, and changes
 *   elsewhere on the page: the time each change takes with them and without;
 * - a soak: 1,000 SPA route changes, each mounting a placement with its own amount, waiting for its
 *   message and leaving; the JS heap before and after (each after a full garbage collection) and
 *   how many of the removed placements are still alive.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Page } from 'puppeteer-core';
import { startEmulator, type KlarnaEmulator } from '../../src/emulator/index.js';
import { CHROMIUM_ARGS, findBrowser } from '../helpers/find-browser.js';
import { buildCdn } from '../../scripts/cdn-files.js';
import { bundle, measure, MESSAGE_CDN_FILE_ALLOWANCE_GZIP, OSM_ENTRY_CEILING_GZIP, repository, type BundleSize } from './bundle.js';

// Fifteen: the median of seven moved by ±0.1 between runs on a 2-core machine, more than the code does.
const RUNS = 15;
const PLACEMENTS = 50;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function sizeRow(name: string, size: BundleSize): string {
  return `  ${name.padEnd(34)} ${kb(size.bytes).padStart(10)} ${kb(size.gzip).padStart(10)} ${kb(size.brotli).padStart(10)}`;
}

/** Serves the bench page and the OSM bundle's files (the entry is `bundle.js`) on loopback. */
async function servePage(files: Map<string, string>): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const code = files.get(request.url!.slice(1));
    if (code !== undefined) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><body><script type="module" src="/bundle.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** A client the emulator has never answered, so no cache (ours or the browser's) is warm. */
function freshClient(emulator: KlarnaEmulator): string {
  const id = crypto.randomUUID();
  emulator.configure({ osm: { clients: { [id]: { enabled: true, payInFour: { min: 1000, max: 150000 }, financing: false } } } });
  return id;
}

function messagingRequests(emulator: KlarnaEmulator, clientId: string): number {
  return emulator.records.requests.filter((record) => record.path === '/messaging/v3' && record.query.client_id === clientId).length;
}

/** Inserts `count` placements and resolves with the ms until every one has rendered. */
function timeElements(page: Page, apiUrl: string, clientId: string, amounts: number[]): Promise<number> {
  return page.evaluate(async (apiUrl, clientId, amounts) => {
    const start = performance.now();
    let rendered = 0;
    const all = new Promise<void>((resolve) => document.addEventListener('klarna-osm-render', () => { if (++rendered === amounts.length) resolve(); }));
    for (const amount of amounts) {
      const element = document.createElement('klarna-osm-placement');
      for (const [name, value] of Object.entries({ 'api-url': apiUrl, 'client-id': clientId, locale: 'en-US', 'placement-key': 'credit-promotion-badge', 'purchase-amount': String(amount) })) element.setAttribute(name, value);
      document.body.append(element);
    }
    await all;
    return performance.now() - start;
  }, apiUrl, clientId, amounts);
}

const LISTING = 48;

/**
 * A product listing page: `LISTING` cards of 240 px, four to a row, each with a lazy placement of
 * its own price, entered at `scrollY` (0: the top; further down: a restored scroll position or an
 * anchor link). Resolves once every placement in view has rendered, with the amounts of those in
 * view, the most requests in flight at once (from resource timing) and the time that took.
 */
function listingPage(page: Page, apiUrl: string, clientId: string, scrollY: number): Promise<{ inViewAmounts: string[]; mostInFlight: number; ms: number }> {
  return page.evaluate(async (apiUrl, clientId, count, scrollY) => {
    const grid = document.body.appendChild(document.createElement('div'));
    grid.style.cssText = 'display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px';
    const start = performance.now();
    const placements = Array.from({ length: count }, (_, index) => {
      const card = grid.appendChild(document.createElement('article'));
      card.style.height = '240px';
      const element = document.createElement('klarna-osm-placement');
      for (const [name, value] of Object.entries({ 'api-url': apiUrl, 'client-id': clientId, locale: 'en-US', 'placement-key': 'credit-promotion-badge', 'purchase-amount': String(5000 + index * 250), loading: 'lazy' })) element.setAttribute(name, value);
      card.append(element);
      return element;
    });
    // Before the first frame, as a browser restores a scroll position.
    scrollTo(0, scrollY);
    await new Promise(requestAnimationFrame);
    const inView = placements.filter((element) => {
      const { top, bottom } = element.getBoundingClientRect();
      return bottom > 0 && top < innerHeight;
    });
    await Promise.all(inView.map((element) => new Promise((resolve) => element.addEventListener('klarna-osm-render', resolve, { once: true }))));
    const ms = performance.now() - start;
    const timings = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/messaging/v3') && entry.name.includes(clientId)) as PerformanceResourceTiming[];
    const mostInFlight = Math.max(...timings.map((entry) => timings.filter((other) => other.startTime <= entry.startTime && other.responseEnd > entry.startTime).length));
    grid.remove();
    scrollTo(0, 0);
    return { inViewAmounts: inView.map((element) => element.getAttribute('purchase-amount')!), mostInFlight, ms };
  }, apiUrl, clientId, LISTING, scrollY);
}

/** Prints a listing page's figures; "asked first" is the order in which the emulator answered the requests. */
async function printListing(page: Page, emulator: KlarnaEmulator, label: string, scrollY: number): Promise<void> {
  const clientId = freshClient(emulator);
  const listing = await listingPage(page, emulator.url, clientId, scrollY);
  const answered = emulator.records.requests.filter((record) => record.path === '/messaging/v3' && record.query.client_id === clientId);
  const inView = new Set(listing.inViewAmounts);
  const firstAnswered = answered.slice(0, inView.size).filter((record) => inView.has(record.query.purchase_amount!)).length;
  console.log(`\n  product listing page, ${label}: ${LISTING} lazy placements, distinct prices, ${inView.size} in view:`);
  console.log(`    requests sent                                       ${String(answered.length).padStart(4)}`);
  console.log(`    most in flight at once                              ${String(listing.mostInFlight).padStart(4)}`);
  console.log(`    ${`of the first ${inView.size} requests answered, for one in view`.padEnd(52)}${String(firstAnswered).padStart(4)}`);
  console.log(`    until every placement in view rendered          ${listing.ms.toFixed(1).padStart(8)} ms`);
}

const BUSY_CHANGES = 500;

/**
 * What `amount-from` costs a busy page: `LISTING` cards, each a price and a placement reading it,
 * all rendered; then `BUSY_CHANGES` changes to an unrelated part of the page (a ticker, a carousel),
 * each a task of its own so each is one mutation batch. Resolves with the mean time per change, with
 * the placements and, on the same page after they are removed, without.
 */
function busyPage(page: Page, apiUrl: string, clientId: string): Promise<{ withMs: number; withoutMs: number }> {
  return page.evaluate(async (apiUrl, clientId, count, changes) => {
    const grid = document.body.appendChild(document.createElement('div'));
    const ticker = document.body.appendChild(document.createElement('p'));
    const rendered = Array.from({ length: count }, (_, index) => {
      const card = grid.appendChild(document.createElement('article'));
      card.innerHTML = `<p class="price">$${(50 + index).toFixed(2)}</p>`;
      const element = document.createElement('klarna-osm-placement');
      for (const [name, value] of Object.entries({ 'api-url': apiUrl, 'client-id': clientId, locale: 'en-US', 'placement-key': 'credit-promotion-badge', 'amount-from': '.price' })) element.setAttribute(name, value);
      card.append(element);
      return new Promise((resolve) => element.addEventListener('klarna-osm-render', resolve, { once: true }));
    });
    await Promise.all(rendered);
    const time = async () => {
      const start = performance.now();
      for (let change = 0; change < changes; change++) {
        ticker.textContent = String(change);
        // A new task (not setTimeout, which browsers hold back to 4 ms when nested).
        await new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(0);
        });
      }
      return (performance.now() - start) / changes;
    };
    const withMs = await time();
    grid.remove();
    const withoutMs = await time();
    return { withMs, withoutMs };
  }, apiUrl, clientId, LISTING, BUSY_CHANGES);
}

const ROUTES = 1000;

/** `ROUTES` route changes as an SPA router makes them; resolves with how many removed placements are still alive after a collection. */
function soak(page: Page, apiUrl: string, clientId: string): Promise<number> {
  return page.evaluate(async (apiUrl, clientId, routes) => {
    const removed: WeakRef<Element>[] = [];
    for (let route = 0; route < routes; route++) {
      const main = document.body.appendChild(document.createElement('main'));
      const element = document.createElement('klarna-osm-placement');
      for (const [name, value] of Object.entries({ 'api-url': apiUrl, 'client-id': clientId, locale: 'en-US', 'placement-key': 'credit-promotion-badge', 'purchase-amount': String(10000 + route) })) element.setAttribute(name, value);
      const rendered = new Promise((resolve) => element.addEventListener('klarna-osm-render', resolve, { once: true }));
      main.append(element);
      await rendered;
      removed.push(new WeakRef(element));
      main.remove();
    }
    // What a frame or an event in flight held is free after a round or two.
    for (let round = 0; round < 5; round++) {
      (globalThis as unknown as { gc: () => void }).gc();
      await new Promise(requestAnimationFrame);
    }
    return removed.filter((ref) => ref.deref() !== undefined).length;
  }, apiUrl, clientId, ROUTES);
}

async function heapUsed(page: Page): Promise<number> {
  await page.evaluate(() => (globalThis as unknown as { gc: () => void }).gc());
  return (await page.metrics()).JSHeapUsedSize ?? 0;
}

/** The same job by hand, as an integrator without the library would write it. */
function timeBaseline(page: Page, apiUrl: string, clientId: string, amounts: number[]): Promise<number> {
  return page.evaluate(async (apiUrl, clientId, amounts) => {
    const start = performance.now();
    await Promise.all(amounts.map(async (amount) => {
      const box = document.body.appendChild(document.createElement('div'));
      const query = new URLSearchParams({ client_id: clientId, placement_key: 'credit-promotion-badge', locale: 'en-US', purchase_amount: String(amount) });
      const answer = (await (await fetch(`${apiUrl}/messaging/v3?${query}`)).json()) as { content: { nodes: { name: string; value?: string; label?: string; url?: string; alt?: string }[] }; impression_url: string };
      const node = (name: string) => answer.content.nodes.find((candidate) => candidate.name === name);
      box.innerHTML = `<img src="${node('KLARNA_BADGE')?.url}" alt="${node('KLARNA_BADGE')?.alt}"> <span>${node('TEXT_MAIN')?.value}</span> <a href="${node('ACTION_LEARN_MORE')?.url}">${node('ACTION_LEARN_MORE')?.label}</a>`;
      new Image().src = answer.impression_url;
    }));
    return performance.now() - start;
  }, apiUrl, clientId, amounts);
}

/** Changes one placement's amount `changes` times, `gapMs` apart, and waits for the final render. */
function burst(page: Page, apiUrl: string, clientId: string, changes: number, gapMs: number): Promise<void> {
  return page.evaluate(async (apiUrl, clientId, changes, gapMs) => {
    const element = document.createElement('klarna-osm-placement') as HTMLElement & { purchaseAmount: number };
    for (const [name, value] of Object.entries({ 'api-url': apiUrl, 'client-id': clientId, locale: 'en-US', 'placement-key': 'credit-promotion-badge', 'purchase-amount': '10000' })) element.setAttribute(name, value);
    const next = () => new Promise((resolve) => element.addEventListener('klarna-osm-render', resolve, { once: true }));
    const first = next();
    document.body.append(element);
    await first;
    const last = 10000 + changes;
    const final = new Promise<void>((resolve) => element.addEventListener('klarna-osm-render', (event) => { if ((event as CustomEvent<{ purchaseAmount: number }>).detail.purchaseAmount === last) resolve(); }));
    for (let change = 1; change <= changes; change++) {
      element.purchaseAmount = 10000 + change;
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    await final;
  }, apiUrl, clientId, changes, gapMs);
}

/**
 * Every CDN file as `npm run build:cdn` writes it (built apart, in node_modules/.cache), what each
 * loads on demand, and what a page showing only the message loads at first, next to the npm entry.
 */
async function printCdnFiles(npmEntryGzip: number): Promise<void> {
  console.log('  CDN files, as npm run build:cdn writes them (source map comment included):');
  for (const { file, modules, loadedAtFirst, onDemand } of await buildCdn(`${repository}node_modules/.cache/bench-cdn`)) {
    console.log(sizeRow(`cdn/${file.name}.js`, measure(loadedAtFirst.map((path) => modules.get(path)!).join('\n'))));
    for (const path of onDemand) console.log(sizeRow(`  + on demand: ${path.slice(file.name.length + 1)}`, measure(modules.get(path)!)));
    if (file.name !== 'osm-placement') continue;
    const firstLoad = loadedAtFirst.reduce((sum, path) => sum + measure(modules.get(path)!).gzip, 0);
    const more = firstLoad - npmEntryGzip;
    console.log(`  a page showing only the message loads ${firstLoad} B gzip at first: the npm entry's ${npmEntryGzip} B and ${more} B (at most ${MESSAGE_CDN_FILE_ALLOWANCE_GZIP} B)`);
  }
  console.log('');
}

async function main(): Promise<void> {
  console.log('klarna-elements benchmark (figures only; nothing here is a pass/fail check)\n');
  const [osm, osmOxcOnly, everything, express] = await Promise.all([
    bundle('src/osm-placement/index.ts'), bundle('src/osm-placement/index.ts', { terser: false }), bundle('src/index.ts'),
    bundle('src/express-checkout/index.ts'),
  ]);
  console.log(`  ${'bundle (minified, lit bundled)'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  console.log(sizeRow('klarna-elements/osm-placement', osm));
  for (const chunk of osm.lazy) console.log(sizeRow(`  + on demand: ${chunk.name.replace(/^src\//, '')}`, chunk));
  console.log(sizeRow('  minified by oxc alone (no terser)', osmOxcOnly));
  console.log(sizeRow('klarna-elements/express-checkout', express));
  for (const chunk of express.lazy) console.log(sizeRow(`  + on demand: ${chunk.name.replace(/^src\//, '')}`, chunk));
  console.log(sizeRow('klarna-elements (all elements)', everything));
  const headroom = OSM_ENTRY_CEILING_GZIP - osm.gzip;
  const verdict = headroom >= 0 ? `${headroom} B within it` : `over by ${-headroom} B`;
  console.log(`  ceiling: the OSM-only entry at most ${OSM_ENTRY_CEILING_GZIP} B gzip (13.5 KiB): ${osm.gzip} B, ${verdict}\n`);
  await printCdnFiles(osm.gzip);
  console.log('  each module\'s share of the OSM-only entry (code before minification; gzip share in proportion):');
  for (const module of osm.modules) console.log(`    ${module.id.padEnd(62)} ${String(module.rendered).padStart(6)} B ${kb(module.gzipShare).padStart(9)}`);
  console.log('');

  const emulator = await startEmulator();
  const page$ = await servePage(osm.files);
  const browser = await puppeteer.launch({ executablePath: findBrowser(), args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    // tsx keeps function names through an `__name` helper that the page does not have.
    await page.evaluateOnNewDocument('self.__name = (fn) => fn');
    const load = async () => {
      await page.goto(page$.url);
      await page.waitForFunction(() => customElements.get('klarna-osm-placement') !== undefined);
    };

    const element: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const amounts = Array.from({ length: PLACEMENTS }, (_, index) => 10000 + run * 1000 + index);
      // Alternate which goes first, so neither always meets a warmer browser.
      const order = run % 2 === 0 ? ['element', 'baseline'] : ['baseline', 'element'];
      for (const which of order) {
        await load();
        const clientId = freshClient(emulator);
        if (which === 'element') element.push(await timeElements(page, emulator.url, clientId, amounts));
        else baseline.push(await timeBaseline(page, emulator.url, clientId, amounts));
      }
    }
    const elementMs = median(element);
    const baselineMs = median(baseline);
    console.log(`  ${PLACEMENTS} placements, distinct amounts, insertion to all rendered (median of ${RUNS}):`);
    console.log(`    <klarna-osm-placement>            ${elementMs.toFixed(1).padStart(8)} ms`);
    console.log(`    fetch + innerHTML + beacon        ${baselineMs.toFixed(1).padStart(8)} ms`);
    console.log(`    ratio (element / baseline)        ${(elementMs / baselineMs).toFixed(2).padStart(8)}\n`);

    await load();
    const identical = freshClient(emulator);
    await timeElements(page, emulator.url, identical, Array.from({ length: PLACEMENTS }, () => 25000));
    console.log(`  ${`requests for ${PLACEMENTS} identical placements`.padEnd(66)} ${String(messagingRequests(emulator, identical)).padStart(4)}`);

    for (const [label, gap] of [['a slider (16 ms apart)', 16], ['a quantity stepper (120 ms apart)', 120]] as const) {
      await load();
      const clientId = freshClient(emulator);
      await burst(page, emulator.url, clientId, 20, gap);
      // One request for the first render; the rest are the burst's.
      console.log(`  ${`requests during 20 changes from ${label}`.padEnd(66)} ${String(messagingRequests(emulator, clientId) - 1).padStart(4)}`);
    }

    await load();
    await printListing(page, emulator, 'entered at the top', 0);
    await load();
    await printListing(page, emulator, 'entered mid-page (a restored scroll position)', 1300);

    await load();
    const busy = await busyPage(page, emulator.url, freshClient(emulator));
    console.log(`\n  a busy page: ${LISTING} placements with amount-from, ${BUSY_CHANGES} changes elsewhere on the page:`);
    console.log(`    time per change, with / without the placements  ${busy.withMs.toFixed(3).padStart(8)} / ${busy.withoutMs.toFixed(3)} ms`);

    await load();
    const before = await heapUsed(page);
    const soakStart = performance.now();
    const alive = await soak(page, emulator.url, freshClient(emulator));
    const soakMs = performance.now() - soakStart;
    const after = await heapUsed(page);
    console.log(`\n  soak: ${ROUTES} SPA route changes, each a placement rendered and removed (${(soakMs / 1000).toFixed(1)} s):`);
    console.log(`    JS heap before / after (after a full collection)  ${kb(before).padStart(10)} / ${kb(after)}`);
    console.log(`    removed placements still alive                      ${String(alive).padStart(4)} of ${ROUTES}`);
  } finally {
    await browser.close();
    page$.server.close();
    await emulator.close();
  }
}

await main();
