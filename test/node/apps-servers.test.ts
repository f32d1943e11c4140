/**
 * Merchant backends on Fastify 5 and on Hono 4 (on Node, with @hono/node-server), from the packed
 * tarball (test/apps/fastify/, test/apps/hono/; see harness.ts), each compiled with `tsc` under
 * `strict` against its framework's own types and started against the emulator. Each has a
 * place_order route written as docs/server.md shows it, and takes a purchase through the
 * emulator's purchase route (placed), a replay of its callback (answered as the first, the handler
 * not run again) and a forged token (refused, onError told at `verify`).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME, EMULATOR_WEBHOOK_SIGNING_KEY, startEmulator, type KlarnaEmulator } from '../../src/emulator/index.js';
import { InstantShoppingClient } from '../../src/server/index.js';
import { installApp, runIn } from '../apps/harness.js';
import { freePort } from '../apps/serve.js';
import { ORDER, purchase } from './instant-shopping-fixtures.js';

const SERVER_DOCS = resolve(import.meta.dirname, '../../docs/server.md');

interface Backend {
  name: string;
  dependencies: Record<string, string>;
  /** The route as docs/server.md writes it, and the order reference in the confirmation page the app's handler approves with. */
  route: string;
  reference: string;
  /** Who answers a body that is not JSON: the framework itself, before the route (Fastify), or handlePlaceOrder. */
  notJsonAnsweredBy: 'framework' | 'handlePlaceOrder';
}

const BACKENDS: Backend[] = [
  {
    name: 'fastify',
    dependencies: { fastify: '^5.0.0' },
    route: 'app.post(\'/klarna/place-order\', placeOrderListener(decide, options));',
    reference: 'FASTIFY-1',
    notJsonAnsweredBy: 'framework',
  },
  {
    name: 'hono',
    dependencies: { hono: '^4.0.0', '@hono/node-server': '^2.0.0' },
    route: 'app.post(\'/klarna/place-order\', (c) => handlePlaceOrder(c.req.raw, decide, options));',
    reference: 'HONO-1',
    notJsonAnsweredBy: 'handlePlaceOrder',
  },
];

/** What the emulated dialog is told once the merchant has decided. */
interface DialogAnswer {
  outcome: string;
  authorization_token: string;
  order_id?: string;
  confirmation_url?: string;
}

/** The app's server, started on a free port against the emulator; its output is kept for the test to read. */
async function startBackend(dir: string, emulator: KlarnaEmulator): Promise<{ process: ChildProcess; origin: string; output: () => string }> {
  const port = await freePort();
  const server = spawn('node', ['dist/server.js'], {
    cwd: dir,
    env: {
      ...process.env, PORT: String(port), KLARNA_EMULATOR_URL: emulator.url, KLARNA_API_USERNAME: EMULATOR_API_USERNAME, KLARNA_API_PASSWORD: EMULATOR_API_PASSWORD,
      KLARNA_WEBHOOK_SIGNING_KEY: EMULATOR_WEBHOOK_SIGNING_KEY,
    },
    stdio: 'pipe',
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${output}`)), 15000);
    server.stdout.on('data', () => {
      if (!output.includes('listening on')) return;
      clearTimeout(timer);
      ready();
    });
    server.on('exit', (code) => fail(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return { process: server, origin: `http://127.0.0.1:${port}`, output: () => output };
}

for (const backend of BACKENDS) {
  describe(`a ${backend.name} backend from the packed tarball, deciding place_order callbacks`, () => {
    let emulator: KlarnaEmulator;
    let server: Awaited<ReturnType<typeof startBackend>> | undefined;
    let dir: string;

    before(async () => {
      dir = await installApp(backend.name, { ...backend.dependencies, typescript: '~5.9.3', '@types/node': '^20.19.0' });
      await runIn(dir, 'node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
      emulator = await startEmulator();
      server = await startBackend(dir, emulator);
    });

    after(async () => {
      server?.process.kill();
      await emulator?.close();
    });

    /** Waits until the server has printed what `pattern` matches (its output arrives through a pipe). */
    async function untilOutput(pattern: RegExp): Promise<void> {
      for (let waited = 0; !pattern.test(server!.output()); waited += 50) {
        if (waited > 5000) assert.fail(`the server never printed ${pattern}:\n${server!.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    it('has the place_order route docs/server.md shows', async () => {
      const source = await readFile(join(dir, 'server.ts'), 'utf8');
      assert.ok(source.includes(backend.route), `server.ts routes with ${backend.route}`);
      assert.ok((await readFile(SERVER_DOCS, 'utf8')).includes(backend.route), `docs/server.md shows ${backend.route}`);
    });

    it('places a purchase made through the emulator, answers a replay as the first, and refuses a forged token', async () => {
      const klarna = new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
      const placeOrderUrl = `${server!.origin}/klarna/place-order`;
      const { button_key: buttonKey } = await klarna.createButtonKey({ merchant_urls: { place_order: placeOrderUrl } });
      const bought = (await (await purchase(emulator, buttonKey)).json()) as DialogAnswer;
      assert.equal(bought.outcome, 'approved', `${JSON.stringify(bought)}\n${server!.output()}`);
      assert.equal(bought.confirmation_url, `https://shop.example/orders/${backend.reference}`, 'placed with the handler\'s changes');

      const deliver = (token: string) => fetch(placeOrderUrl, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authorization_token: token, order: ORDER }),
      });
      const replay = await deliver(bought.authorization_token);
      assert.deepEqual(
        [replay.status, await replay.json(), replay.headers.get('klarna-elements-replay')],
        [200, { outcome: 'accepted', order_id: bought.order_id }, 'true'],
      );
      const ordersPlaced = emulator.records.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/orders'));
      assert.equal(ordersPlaced.length, 1, 'the replay placed nothing');

      const forged = await deliver('made-up-token');
      assert.deepEqual([forged.status, await forged.json()], [400, { error: 'Klarna does not know this authorization token' }]);
      await untilOutput(/place_order onError \[verify\] KlarnaApiError: GET .*\/authorizations\/made-up-token: answered 404/);
      assert.doesNotMatch(server!.output(), /onError \[(internal|callback)\]/);
    });

    if (backend.name === 'fastify') {
      it('runs the Express Checkout webhook handler once per payment request, with the bytes Klarna signed', async () => {
        const url = `${server!.origin}/klarna/webhooks`;
        const issued = emulator.expressCheckout.issuePaymentToken();
        const first = await emulator.expressCheckout.deliverCompleted(issued.payment_request_id, { url });
        const again = await emulator.expressCheckout.deliverCompleted(issued.payment_request_id, { url });
        assert.deepEqual([first.status, first.body, again.status], [200, '{"outcome":"handled"}', 200], server!.output());
        await untilOutput(new RegExp(`webhook handled ${issued.payment_request_id}`));
        assert.equal(server!.output().split(`webhook handled ${issued.payment_request_id}`).length - 1, 1, 'the handler ran once');
        assert.doesNotMatch(server!.output(), /webhook onError/);
      });
    }

    it('refuses a body that is not JSON (400) and one that says it is not JSON (415), as docs/server.md says', async () => {
      const placeOrderUrl = `${server!.origin}/klarna/place-order`;
      const notJson = await fetch(placeOrderUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' });
      const plainText = await fetch(placeOrderUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      assert.equal(notJson.status, 400);
      const refusal = (await notJson.json()) as { error?: string; statusCode?: number };
      if (backend.notJsonAnsweredBy === 'framework') assert.equal(refusal.statusCode, 400, 'Fastify\'s own error body');
      else assert.deepEqual(refusal, { error: 'the body is not JSON' });
      // Fastify parses text/plain too, and hands it over: handlePlaceOrder refuses it by its content type.
      assert.deepEqual([plainText.status, await plainText.json()], [415, { error: 'the body must be JSON (content-type: application/json)' }]);
    });
  });
}
