/**
 * A Next.js 16 App Router app from the packed tarball (test/apps/nextjs/), built with `next build`
 * and served with `next start` against the emulator: a Server Component page importing the React
 * components, a client page server-rendering both elements, and a page whose message the server
 * fetched with OsmClient. Each must show both elements with no console error (React reports
 * hydration mismatches there), and the prefetched page must not ask Klarna from the browser.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startEmulator, EMULATOR_CLIENT_ID, type KlarnaEmulator } from '../../src/emulator/index.js';
import { installApp, runIn } from '../apps/harness.js';
import { assertShowsAndFollowsPrice, launchBrowser, untilShown, visit } from '../apps/browser.js';
import { freePort, osmRequestAmounts } from '../apps/serve.js';

describe('a Next.js 16 App Router app from the packed tarball', () => {
  let emulator: KlarnaEmulator;
  let server: ChildProcess | undefined;
  let browser: Browser;
  let origin: string;

  before(async () => {
    const dir = await installApp('nextjs', {
      next: '~16.4.0', react: '^19.2.0', 'react-dom': '^19.2.0', typescript: '~5.9.3', '@types/react': '^19.2.0', '@types/react-dom': '^19.2.0', '@types/node': '^20.19.0',
    });
    await runIn(dir, 'node', ['node_modules/next/dist/bin/next', 'build']);
    emulator = await startEmulator();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: dir, env: { ...process.env, KLARNA_EMULATOR_URL: emulator.url, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'pipe',
    });
    let output = '';
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
});
