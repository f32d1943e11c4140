import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  createEmulator,
  EMULATOR_CLIENT_ID,
  EMULATOR_DISABLED_CLIENT_ID,
  startEmulator,
  type EmulatorConfigPatch,
} from '../../src/emulator/index.js';
import { useEmulator } from './use-emulator.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface OsmAnswer {
  content: { nodes: { type: string; name: string; value?: string; label?: string; url?: string; alt?: string }[] };
  impression_url: string;
}

const emulator = useEmulator();

function osm(params: Record<string, string | number | undefined>, init: RequestInit = {}): Promise<Response> {
  const query = new URLSearchParams();
  const merged = { client_id: EMULATOR_CLIENT_ID, placement_key: 'credit-promotion-badge', locale: 'en-US', purchase_amount: 51467, ...params };
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) query.set(name, String(value));
  return fetch(`${emulator.url}/messaging/v3?${query}`, { headers: { 'user-agent': 'klarna-elements-tests' }, ...init });
}

function nodeNames(answer: OsmAnswer): string[] {
  return answer.content.nodes.map((node) => node.name);
}

function text(answer: OsmAnswer, name: string): string | undefined {
  return answer.content.nodes.find((node) => node.name === name)?.value;
}

function badgeNode(answer: OsmAnswer): OsmAnswer['content']['nodes'][number] {
  return answer.content.nodes.find((node) => node.name === 'KLARNA_BADGE')!;
}

/** The intrinsic size an SVG declares on its root element. */
function svgSize(svg: string): { width?: string; height?: string; viewBox?: string } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
  return { width: attribute('width'), height: attribute('height'), viewBox: attribute('viewBox') };
}

describe('emulator: GET /messaging/v3', () => {

  it('answers 200 with nodes, an impression URL, cache-control and a UUID v4 correlation id', async () => {
    const response = await osm({});
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'private, max-age=86400');
    assert.match(response.headers.get('klarna-correlation-id')!, UUID_V4);
    const answer = (await response.json()) as OsmAnswer;
    assert.deepEqual(nodeNames(answer), ['TEXT_MAIN', 'ACTION_LEARN_MORE', 'KLARNA_BADGE']);
    assert.equal(text(answer, 'TEXT_MAIN'), 'Make 4 payments of $128.67. No fees.');
    assert.ok(answer.impression_url.startsWith(`${emulator.url}/v1/osm-client-script/impression?`));
    const badge = answer.content.nodes.find((node) => node.name === 'KLARNA_BADGE')!;
    assert.deepEqual([badge.type, badge.alt], ['IMAGE', 'Klarna']);
  });

  it('formats the amount in the locale\'s language and currency', async () => {
    const german = (await (await osm({ locale: 'de-DE', purchase_amount: 10000 })).json()) as OsmAnswer;
    assert.match(text(german, 'TEXT_MAIN')!, /^4 Zahlungen à 25,00\s€\. Keine Gebühren\.$/);
    const swedish = (await (await osm({ locale: 'sv-SE', purchase_amount: 40000 })).json()) as OsmAnswer;
    assert.match(text(swedish, 'TEXT_MAIN')!, /100,00\skr/);
    const british = (await (await osm({ locale: 'en-GB', purchase_amount: 4000 })).json()) as OsmAnswer;
    assert.equal(text(british, 'TEXT_MAIN'), 'Make 4 payments of £10.00. No fees.');
  });

  it('offers financing with TEXT_LEGAL and ACTION_PREQUALIFY for larger amounts in a financing market', async () => {
    const answer = (await (await osm({ purchase_amount: 250000 })).json()) as OsmAnswer;
    assert.deepEqual(nodeNames(answer), ['TEXT_MAIN', 'TEXT_LEGAL', 'ACTION_LEARN_MORE', 'ACTION_PREQUALIFY', 'KLARNA_BADGE']);
    assert.match(text(answer, 'TEXT_MAIN')!, /^As low as \$\d+\.\d{2}\/mo with Klarna\.$/);
    assert.match(text(answer, 'TEXT_LEGAL')!, /19\.99% APR over 12 months/);
  });

  it('answers 204 when no offer covers the amount or the market has no financing', async () => {
    for (const params of [{ purchase_amount: 100 }, { purchase_amount: 5_000_000 }, { locale: 'sv-SE', purchase_amount: 250000 }]) {
      const response = await osm(params);
      assert.equal(response.status, 204, JSON.stringify(params));
      assert.equal(await response.text(), '');
      assert.equal(response.headers.get('cache-control'), null);
    }
  });

  it('answers the top strip without an amount', async () => {
    const answer = (await (await osm({ placement_key: 'top-strip-promotion-badge', purchase_amount: undefined })).json()) as OsmAnswer;
    assert.deepEqual(nodeNames(answer), ['TEXT_MAIN', 'ACTION_LEARN_MORE', 'KLARNA_BADGE']);
    assert.equal(text(answer, 'TEXT_MAIN'), 'Pay in 4 interest-free payments on purchases from $35.00 to $1,500.00.');
  });

  it('answers 400 for a missing or malformed parameter, with Klarna\'s error body', async () => {
    const cases: Record<string, string | number | undefined>[] = [
      { client_id: undefined },
      { placement_key: undefined },
      { locale: undefined },
      { locale: 'english' },
      { purchase_amount: '12.50' },
      { purchase_amount: '-100' },
      { purchase_amount: 'ten' },
      { purchase_amount: undefined },
    ];
    for (const params of cases) {
      const response = await osm(params);
      assert.equal(response.status, 400, JSON.stringify(params));
      const body = (await response.json()) as { error_code: string; error_messages: string[]; correlation_id: string };
      assert.equal(body.error_code, 'BAD_VALUE');
      assert.equal(body.correlation_id, response.headers.get('klarna-correlation-id'));
      assert.equal(body.error_messages.length, 1);
    }
  });

  it('answers 404 for an unknown client id, placement key or locale', async () => {
    for (const [params, message] of [
      [{ client_id: '11111111-2222-4333-8444-555555555555' }, 'client_id not found.'],
      [{ placement_key: 'sidebar-promotion-auto-size' }, 'placement_key not found.'],
      [{ locale: 'en-JP' }, 'locale not available.'],
      // Names every object has: never a client the config did not define.
      [{ client_id: 'constructor' }, 'client_id not found.'],
      [{ client_id: '__proto__' }, 'client_id not found.'],
      [{ client_id: 'toString' }, 'client_id not found.'],
    ] as const) {
      const response = await osm(params);
      assert.equal(response.status, 404, JSON.stringify(params));
      assert.deepEqual(((await response.json()) as { error_messages: string[] }).error_messages, [message]);
    }
  });

  it('answers 403 for a client not enabled for the OSM API', async () => {
    const response = await osm({ client_id: EMULATOR_DISABLED_CLIENT_ID });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { error_code: string }).error_code, 'FORBIDDEN');
  });

  it('answers 403 when the user-agent header is missing', async () => {
    const url = new URL(`${emulator.url}/messaging/v3?client_id=${EMULATOR_CLIENT_ID}&placement_key=credit-promotion-badge&locale=en-US&purchase_amount=5000`);
    const status = await new Promise<number>((resolve, reject) => {
      // node:http sends no user-agent unless told to.
      httpRequest(url, (response) => { response.resume(); resolve(response.statusCode!); }).on('error', reject).end();
    });
    assert.equal(status, 403);
  });

  it('answers 204 for a listed locale the client has no messaging for', async () => {
    emulator.configure({ osm: { clients: { [EMULATOR_CLIENT_ID]: { locales: ['en-US'] } } } });
    assert.equal((await osm({ locale: 'en-GB', purchase_amount: 5000 })).status, 204);
    assert.equal((await osm({ locale: 'en-US', purchase_amount: 5000 })).status, 200);
  });

  it('lets a page on another origin call it and read the correlation id', async () => {
    const response = await osm({}, { headers: { 'user-agent': 'test', origin: 'https://shop.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(response.headers.get('access-control-expose-headers')!, /klarna-correlation-id/);
    assert.match(response.headers.get('vary')!, /Origin/);
    const preflight = await fetch(`${emulator.url}/messaging/v3`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-custom' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'x-custom');
    assert.match(preflight.headers.get('access-control-allow-methods')!, /GET/);
  });

  it('refuses its control API to a page on another origin, unless it was started for that origin', async () => {
    const patch = { method: 'POST', body: JSON.stringify({ latencyMs: 5 }) };
    const evil = await fetch(`${emulator.url}/__emulator/config`, { ...patch, headers: { origin: 'http://127.0.0.1:1234' } });
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    assert.equal((await fetch(`${emulator.url}/__emulator/requests`, { headers: { origin: 'http://127.0.0.1:1234' } })).status, 403);
    const preflight = await fetch(`${emulator.url}/__emulator/config`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:1234', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 403);
    assert.equal(emulator.config.latencyMs, 0, 'nothing was changed');
    // Node and curl send no Origin; the emulator's own pages send its own.
    assert.equal((await fetch(`${emulator.url}/__emulator/requests`)).status, 200);
    assert.equal((await fetch(`${emulator.url}/__emulator/requests`, { headers: { origin: new URL(emulator.url).origin } })).status, 200);

    const allowing = await startEmulator({ controlOrigins: ['http://localhost:5173'] });
    try {
      const allowed = await fetch(`${allowing.url}/__emulator/requests`, { headers: { origin: 'http://localhost:5173' } });
      assert.deepEqual([allowed.status, allowed.headers.get('access-control-allow-origin')], [200, 'http://localhost:5173']);
      assert.equal((await fetch(`${allowing.url}/__emulator/requests`, { headers: { origin: 'http://localhost:5174' } })).status, 403);
    } finally {
      await allowing.close();
    }
  });

  it('keeps a bounded window of records, and drops an event-stream follower that stops reading', async () => {
    emulator.configure({ recordLimit: 50 });
    for (let index = 0; index < 120; index++) {
      emulator.records.addRequest({ time: '', method: 'GET', path: '/messaging/v3', query: { index: String(index) }, status: 200, correlationId: '', userAgent: undefined });
    }
    assert.equal(emulator.records.requests.length, 50);
    assert.deepEqual([emulator.records.requests[0]!.query.index, emulator.records.requests.at(-1)!.query.index], ['70', '119']);

    const follower = httpRequest(`${emulator.url}/__emulator/events`, (response) => {
      // A follower that never reads: the server's buffer for it fills.
      response.pause();
    });
    follower.end();
    for (let tries = 0; tries < 200 && emulator.records.followers === 0; tries++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(emulator.records.followers, 1);
    const big = 'x'.repeat(4000);
    for (let index = 0; index < 20_000 && emulator.records.followers > 0; index++) {
      emulator.records.addRequest({ time: '', method: 'GET', path: '/messaging/v3', query: { big }, status: 200, correlationId: '', userAgent: undefined });
      if (index % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(emulator.records.followers, 0, 'the stalled follower was dropped');
    follower.destroy();
  });

  it('records requests and impressions, and reset clears them', async () => {
    const answer = (await (await osm({ purchase_amount: 7000 })).json()) as OsmAnswer;
    const pixel = await fetch(answer.impression_url);
    assert.equal(pixel.status, 200);
    assert.equal(pixel.headers.get('content-type'), 'image/gif');
    assert.equal(pixel.headers.get('cache-control'), 'no-store');
    const impressions = (await (await fetch(`${emulator.url}/__emulator/impressions`)).json()) as { count: number; impressions: Record<string, unknown>[] };
    assert.equal(impressions.count, 1);
    assert.deepEqual(
      { ...impressions.impressions[0], time: undefined, responseId: undefined },
      { time: undefined, responseId: undefined, clientId: EMULATOR_CLIENT_ID, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 7000 },
    );
    const requests = (await (await fetch(`${emulator.url}/__emulator/requests?path=/messaging/v3`)).json()) as { count: number; requests: Record<string, unknown>[] };
    assert.equal(requests.count, 1);
    assert.equal(requests.requests[0]!.status, 200);
    assert.equal(requests.requests[0]!.userAgent, 'klarna-elements-tests');
    assert.equal((await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' })).status, 204);
    assert.equal(((await (await fetch(`${emulator.url}/__emulator/impressions`)).json()) as { count: number }).count, 0);
    assert.equal(((await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { count: number }).count, 0);
  });

  it('streams what happens as Server-Sent Events', async () => {
    // As demo/serve.ts does for the storefront's event log.
    emulator.allowControlFrom('http://127.0.0.1:5173');
    const controller = new AbortController();
    const stream = await fetch(`${emulator.url}/__emulator/events`, { signal: controller.signal, headers: { origin: 'http://127.0.0.1:5173' } });
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    assert.equal(stream.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173', 'the demo page on another origin may follow it');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let opening = '';
    while (!opening.includes('event: snapshot')) opening += (await reader.read()).value ?? '';
    assert.match(opening, /data: \{"impressions":0,"requestsByPath":\{\}\}/, 'it opens with the counts so far');
    await osm({ purchase_amount: 8000 });
    let received = opening;
    while (!received.includes('event: request')) received += (await reader.read()).value ?? '';
    assert.match(received, /"path":"\/messaging\/v3"/);
    controller.abort();
  });

  it('applies faults from its config: status, malformed body, latency and a count', async () => {
    const patched = await fetch(`${emulator.url}/__emulator/config`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ path: '/messaging/v3', status: 500, times: 1 }, { path: '/messaging/v3', query: { purchase_amount: '9999' }, status: 200, body: '{"content":' }] }),
    });
    assert.equal(patched.status, 200);
    const failed = await osm({});
    assert.equal(failed.status, 500);
    assert.equal(((await failed.json()) as { error_code: string }).error_code, 'INTERNAL_ERROR');
    assert.equal((await osm({})).status, 200);
    const malformed = await osm({ purchase_amount: 9999 });
    assert.equal(malformed.status, 200);
    assert.equal(await malformed.text(), '{"content":');

    emulator.configure({ faults: [{ path: '/messaging/v3', latencyMs: 150 }] });
    const started = performance.now();
    assert.equal((await osm({})).status, 200);
    assert.ok(performance.now() - started >= 149, 'the answer waited for the configured latency');
  });

  it('refuses a config patch that is not valid, naming the field', async () => {
    const response = await fetch(`${emulator.url}/__emulator/config`, { method: 'POST', body: JSON.stringify({ latencyMs: -1, faults: [{ status: 99 }] }) });
    assert.equal(response.status, 400);
    const message = ((await response.json()) as { error_messages: string[] }).error_messages[0]!;
    assert.match(message, /latencyMs must be a non-negative integer/);
    assert.match(message, /faults\[0\]\.status/);
    assert.equal((await fetch(`${emulator.url}/__emulator/config`, { method: 'POST', body: 'not json' })).status, 400);
    assert.throws(() => emulator.configure({ osm: { clients: { x: { enabled: true, payInFour: { min: 5, max: 1 }, financing: false } } } }), /payInFour/);
  });

  it('refuses a config whose faults, clients or publicUrl would fail the answers they shape, naming the field', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const client = { enabled: true, payInFour: { min: 1, max: 100000 }, financing: false };
      for (const [patch, field] of [
        [{ faults: {} }, 'faults must be an array'],
        [{ faults: [null] }, 'faults[0] must be an object'],
        [{ faults: [{ body: 5 }] }, 'faults[0].body must be a string'],
        [{ faults: [{ query: 'client_id' }] }, 'faults[0].query must be an object of strings'],
        [{ faults: [{ headers: { 'no spaces': 'x' } }] }, 'faults[0].headers must be an object of header names and string values'],
        [{ faults: [{ contentType: 'text/plain\r\nx-injected: 1' }] }, 'faults[0].contentType must be a content type'],
        [{ osm: { clients: { broken: null } } }, 'osm.clients["broken"] must be an object'],
        [{ osm: { clients: { broken: { ...client, locales: 5 } } } }, 'osm.clients["broken"].locales must be an array of locales'],
        [{ osm: { clients: { broken: { ...client, financing: { min: 1, max: 2 } } } } }, 'osm.clients["broken"].financing must be false or'],
        [{ osm: { cacheControl: { maxAge: 1 } } }, 'osm.cacheControl must be a string'],
        [{ publicUrl: 'not a url' }, 'publicUrl must be an absolute http or https URL'],
        [{ publicUrl: 'ftp://emulator.test' }, 'publicUrl must be an absolute http or https URL'],
        [{ instantShopping: { fraudRules: [{ minOrderAmount: '5000', status: 'PENDING' }] } }, 'instantShopping.fraudRules must be an array of rules'],
      ] as const) {
        const response = await fetch(`${emulator.url}/__emulator/config`, { method: 'POST', body: JSON.stringify(patch) });
        assert.equal(response.status, 400, JSON.stringify(patch));
        const message = ((await response.json()) as { error_messages: string[] }).error_messages[0]!;
        assert.ok(message.includes(field), `${JSON.stringify(patch)}: ${message}`);
      }
      assert.equal((await osm({})).status, 200);
      assert.equal((await fetch(`${emulator.url}/__emulator/requests`)).status, 200);
      assert.deepEqual(logged, []);
    } finally {
      console.error = original;
    }
  });

  it('refuses __proto__, constructor or prototype as a key anywhere in a config, and keeps serving', async () => {
    const client = '{ "enabled": true, "payInFour": { "min": 1, "max": 100000 }, "financing": false }';
    const response = await fetch(`${emulator.url}/__emulator/config`, { method: 'POST', body: `{ "osm": { "clients": { "__proto__": ${client} } } }` });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error_messages: string[] }).error_messages[0]!, /config\.osm\.clients\["__proto__"\] is not a usable key/);
    assert.equal((await osm({ client_id: '__proto__' })).status, 404);
    assert.equal((await osm({})).status, 200);
  });

  it('answers a Host header no URL can be made of with 400, quietly', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const { port } = new URL(emulator.url);
      const status = await new Promise<number>((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port, path: '/messaging/v3', headers: { host: 'bad host[' } }, (response) => {
          response.resume();
          resolve(response.statusCode!);
        }).on('error', reject).end();
      });
      assert.equal(status, 400);
      assert.deepEqual(logged, []);
    } finally {
      console.error = original;
    }
  });

  it('serves the badge and escapes what it echoes on the learn-more and prequalify pages', async () => {
    const badge = await fetch(`${emulator.url}/images/badges/klarna.svg`);
    assert.equal(badge.headers.get('content-type'), 'image/svg+xml');
    assert.match(await badge.text(), /<svg[^>]+aria-label="Klarna"/);
    for (const page of ['learn-more', 'eligibility']) {
      const html = await (await fetch(`${emulator.url}/${page}/index.html?locale=<script>alert(1)</script>`)).text();
      assert.ok(!html.includes('<script>alert(1)</script>'));
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    }
  });

  it('links a client\'s answers to a badge of the size its config gives, and keeps Klarna\'s 71×30 for the others', async () => {
    const client = { enabled: true, payInFour: { min: 1, max: 100000 }, financing: false as const, badge: { width: 60, height: 24 } };
    emulator.configure({ osm: { clients: { 'badge-60x24': client } } });

    const shaped = badgeNode((await (await osm({ client_id: 'badge-60x24' })).json()) as OsmAnswer);
    assert.equal(shaped.url, `${emulator.url}/images/badges/klarna.svg?width=60&height=24`);
    assert.deepEqual(svgSize(await (await fetch(shaped.url)).text()), { width: '60', height: '24', viewBox: '0 0 60 24' });

    const standard = badgeNode((await (await osm({})).json()) as OsmAnswer);
    assert.equal(standard.url, `${emulator.url}/images/badges/klarna.svg`);
    assert.deepEqual(svgSize(await (await fetch(standard.url)).text()), { width: '71', height: '30', viewBox: '0 0 71 30' });

    for (const query of ['width=60', 'width=0&height=24', 'width=-60&height=24', 'width=6.5&height=24', 'width=1e3&height=24']) {
      const svg = await (await fetch(`${emulator.url}/images/badges/klarna.svg?${query}`)).text();
      assert.deepEqual(svgSize(svg), { width: '71', height: '30', viewBox: '0 0 71 30' }, query);
    }
  });

  it('applies faults to the badge whatever size it asks for', async () => {
    emulator.configure({ faults: [{ path: '/images/badges/klarna.svg', status: 503, times: 1 }] });
    assert.equal((await fetch(`${emulator.url}/images/badges/klarna.svg?width=30&height=30`)).status, 503);
    const square = await fetch(`${emulator.url}/images/badges/klarna.svg?width=30&height=30`);
    assert.deepEqual(svgSize(await square.text()), { width: '30', height: '30', viewBox: '0 0 30 30' });
  });

  it('refuses a badge size that is not two positive integers, naming the client\'s field', async () => {
    const client = { enabled: true, payInFour: { min: 1, max: 100000 }, financing: false as const };
    const namesTheField = /osm\.clients\["shaped"\]\.badge must be \{ width, height \} in CSS px/;
    for (const badge of [{ width: 0, height: 24 }, { width: 60 }, { width: 60, height: 2.5 }, { width: '60', height: '24' }, 'big']) {
      const patch = { osm: { clients: { shaped: { ...client, badge } } } } as unknown as EmulatorConfigPatch;
      assert.throws(() => emulator.configure(patch), namesTheField, JSON.stringify(badge));
    }
    const body = JSON.stringify({ osm: { clients: { shaped: { ...client, badge: { width: -1, height: 24 } } } } });
    const response = await fetch(`${emulator.url}/__emulator/config`, { method: 'POST', body });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error_messages: string[] }).error_messages[0]!, namesTheField);
  });

  it('answers 404 for unknown paths and 405 for a wrong method, with a correlation id', async () => {
    const missing = await fetch(`${emulator.url}/no/such/path`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('klarna-correlation-id')!, UUID_V4);
    assert.equal((await fetch(`${emulator.url}/messaging/v3`, { method: 'POST' })).status, 405);
  });

  it('closes promptly with a delayed answer still pending', async () => {
    const slow = await startEmulator({ config: { latencyMs: 60_000 } });
    const arrived = new Promise((resolve) => slow.server.once('request', resolve));
    const pending = fetch(`${slow.url}/messaging/v3`).catch((error: unknown) => error);
    await arrived;
    await slow.close();
    assert.ok((await pending) instanceof Error);
  });
});

describe('emulator: configuration', () => {
  it('reads a JSON config file, with options merged over it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'klarna-emulator-'));
    const file = join(directory, 'emulator.json');
    await writeFile(file, JSON.stringify({ osm: { cacheControl: 'private, max-age=60', clients: { 'file-client': { enabled: true, payInFour: { min: 0, max: 100 }, financing: false } } } }));
    const configured = await createEmulator({ configFile: file, config: { latencyMs: 5 } });
    assert.equal(configured.config.osm.cacheControl, 'private, max-age=60');
    assert.equal(configured.config.latencyMs, 5);
    assert.ok(configured.config.osm.clients['file-client']);
    assert.ok(configured.config.osm.clients[EMULATOR_CLIENT_ID], 'the defaults stay');
  });

  it('names the file when its JSON is broken', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'klarna-emulator-'));
    const file = join(directory, 'broken.json');
    await writeFile(file, '{ "osm": ');
    await assert.rejects(createEmulator({ configFile: file }), new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON`));
  });

  it('runs from the klarna-emulator command and prints its URL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      // Keep reading to the end: a closed pipe would kill the child at its next console.log.
      let output = '';
      const url = await new Promise<string | undefined>((resolve) => {
        child.stdout.on('data', (chunk) => {
          output += String(chunk);
          const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
          if (found) resolve(found);
        });
        child.once('exit', () => resolve(undefined));
      });
      assert.ok(url, output);
      assert.equal((await fetch(`${url}/__emulator/requests`)).status, 200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
