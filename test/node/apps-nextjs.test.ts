/**
 * A Next.js 16 App Router app from the packed tarball (test/apps/nextjs/), built with `next build`
 * and served with `next start` against the emulator: a Server Component page importing the React
 * components, a client page server-rendering both elements, and a page whose message the server
 * fetched with OsmClient. Each must show both elements with no console error (React reports
 * hydration mismatches there), and the prefetched page must not ask Klarna from the browser.
 * Two route handlers run in Next.js's Edge runtime, which lacks much of Node (AbortSignal.any
 * among it): Klarna's place_order callback, decided by handlePlaceOrder for a purchase through the
 * emulator, a replay and a forged token; and a message fetched by OsmClient.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import {
  startEmulator, EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME, EMULATOR_CLIENT_ID, type KlarnaEmulator,
} from '../../src/emulator/index.js';
import { InstantShoppingClient } from '../../src/server/index.js';
import { installApp, runIn } from '../apps/harness.js';
import { assertShowsAndFollowsPrice, launchBrowser, untilShown, visit } from '../apps/browser.js';
import { freePort, osmRequestAmounts } from '../apps/serve.js';
import { ORDER, purchase } from './instant-shopping-fixtures.js';

describe('a Next.js 16 App Router app from the packed tarball', () => {
  let emulator: KlarnaEmulator;
  let server: ChildProcess | undefined;
  let browser: Browser;
  let origin: string;
  let dir: string;
  let output = '';

  before(async () => {
    dir = await installApp('nextjs', {
      next: '~16.4.0', react: '^19.2.0', 'react-dom': '^19.2.0', typescript: '~5.9.3', '@types/react': '^19.2.0', '@types/react-dom': '^19.2.0', '@types/node': '^20.19.0',
    }, { shared: { 'shop.ts': 'shop.ts' } });
    await runIn(dir, 'node', ['node_modules/next/dist/bin/next', 'build']);
    emulator = await startEmulator();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: dir,
      env: {
        ...process.env, KLARNA_EMULATOR_URL: emulator.url, KLARNA_API_USERNAME: EMULATOR_API_USERNAME, KLARNA_API_PASSWORD: EMULATOR_API_PASSWORD,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: 'pipe',
    });
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`next start did not get ready:\n${output}`)), 30000);
      server!.stdout!.on('data', () => {
        if (/Ready|started server/i.test(output)) (clearTimeout(timer), resolve());
      });
      server!.on('exit', (code) => reject(new Error(`next start exited with ${code}:\n${output}`)));
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.kill();
    await emulator?.close();
  });

  it('renders a Server Component page that imports the React components: both elements, no console error', async () => {
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    const visited = await visit(browser, `${origin}/?client=${EMULATOR_CLIENT_ID}&instance=rsc-${Date.now()}`);
    try {
      await untilShown(visited.page, { placements: 1, hosts: 1 });
      assert.deepEqual(visited.errors, []);
    } finally {
      await visited.close();
    }
  });

  it('hydrates a client page that server-rendered both elements with no console error, and asks once per price change', async () => {
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    await assertShowsAndFollowsPrice(browser, `${origin}/client?client=${EMULATOR_CLIENT_ID}&instance=client-${Date.now()}`, () => osmRequestAmounts(emulator));
  });

  it('shows the message the server fetched with OsmClient, with no OSM request from the browser', async () => {
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    const visited = await visit(browser, `${origin}/prefetched?client=${EMULATOR_CLIENT_ID}`);
    try {
      await untilShown(visited.page, { placements: 1, hosts: 0 });
      assert.deepEqual(visited.requests.filter((url) => url.includes('/messaging/v3')), []);
      assert.deepEqual(await osmRequestAmounts(emulator), ['11900'], 'the server\'s one request');
      assert.deepEqual(visited.errors, []);
    } finally {
      await visited.close();
    }
  });

  it('builds the place_order and OSM route handlers for the Edge runtime', async () => {
    const manifest = JSON.parse(await readFile(join(dir, '.next/server/middleware-manifest.json'), 'utf8')) as { functions: Record<string, unknown> };
    assert.deepEqual(Object.keys(manifest.functions).sort(), ['/klarna/osm/route', '/klarna/place-order/route']);
  });

  it('decides a purchase in an Edge route: the emulator\'s purchase placed, a replay answered as the first, a forged token refused', async () => {
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    const klarna = new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
    const placeOrderUrl = `${origin}/klarna/place-order`;
    const { button_key: buttonKey } = await klarna.createButtonKey({ merchant_urls: { place_order: placeOrderUrl } });
    const bought = (await (await purchase(emulator, buttonKey)).json()) as { outcome: string; order_id?: string; authorization_token: string; confirmation_url?: string };
    assert.equal(bought.outcome, 'approved', JSON.stringify(bought) + output);
    assert.equal(bought.confirmation_url, 'https://shop.example/orders/EDGE-1', 'placed with the handler\'s changes');

    const deliver = (token: string) => fetch(placeOrderUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authorization_token: token, order: ORDER }),
    });
    const replay = await deliver(bought.authorization_token);
    assert.deepEqual([replay.status, await replay.json(), replay.headers.get('klarna-elements-replay')], [200, { outcome: 'accepted', order_id: bought.order_id }, 'true']);

    const forged = await deliver('made-up-token');
    assert.deepEqual([forged.status, await forged.json()], [400, { error: 'Klarna does not know this authorization token' }]);
    await untilOutput(/place_order onError \[verify\] KlarnaApiError: GET .*\/authorizations\/made-up-token: answered 404/);
    assert.doesNotMatch(output, /onError \[internal\]/);
  });

  it('fetches a message with OsmClient in an Edge route', async () => {
    await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
    const response = await fetch(`${origin}/klarna/osm?client=${EMULATOR_CLIENT_ID}`);
    const message = (await response.json()) as { kind: string; nodes?: { name: string }[] };
    assert.equal(response.status, 200, JSON.stringify(message));
    assert.equal(message.kind, 'message');
    assert.ok(message.nodes?.some((node) => node.name === 'TEXT_MAIN'));
    assert.deepEqual(await osmRequestAmounts(emulator), ['11900']);
  });

  /** Waits until the server has printed what `pattern` matches (its output arrives through a pipe). */
  async function untilOutput(pattern: RegExp): Promise<void> {
    for (let waited = 0; !pattern.test(output); waited += 50) {
      if (waited > 5000) assert.fail(`the server never printed ${pattern}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
