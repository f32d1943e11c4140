/**
 * Server-rendering frameworks from the packed tarball (test/apps/<name>/): Nuxt 4, SvelteKit 2,
 * Astro 5 and React Router 7, each built for production and served by its own Node server against
 * the emulator. Each app's product page renders `<klarna-osm-placement>` on the server with the
 * message the server fetched with `OsmClient.getMessage`, handed over as `prefetched` in the form
 * docs/frameworks.md gives for that framework, and the Instant Shopping button. In Chromium the
 * message must show with no OSM request from the browser, be counted once (its impression), and
 * cause no console error; where the page's state sets the price, each change is one request.
 *
 * The docs' blocks for these frameworks (a fence that names the app: ```vue nuxt) use each
 * framework's own modules and generated types: they are written into an app of that framework
 * (the same node_modules) and type-checked with its own tooling here, not in docs.test.ts.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startEmulator, EMULATOR_CLIENT_ID, type KlarnaEmulator } from '../../src/emulator/index.js';
import { OsmClient } from '../../src/server/index.js';
import { APPS_DIR, installApp, runIn } from '../apps/harness.js';
import { addOneMoreUntilRendered, launchBrowser, untilShown, visit } from '../apps/browser.js';
import { freePort } from '../apps/serve.js';

const repository = resolve(import.meta.dirname, '../..');
const UNIT_PRICE = 11900;
// Plain text from the frameworks' tools (`astro check` colours its output), so a failure reads as text.
process.env.NO_COLOR = '1';

interface Framework {
  /** test/apps/<name>/, and the word that marks the docs' blocks for it. */
  name: string;
  title: string;
  dependencies: Record<string, string>;
  build: string[];
  /** The built server, as its docs start it; PORT and HOST are set for each. */
  start: string[];
  /** Whether the page's own state sets the price (a `#more` button and an `#rendered` output). */
  followsPrice: boolean;
  /** What the docs' blocks need beside them from the app to make an app of their own. */
  scaffold: string[];
  /** Where the app keeps the product it sells (test/apps/shared/shop.ts), if it sells one. */
  shop?: string;
  /** Type-checks the app of the docs' blocks. */
  typecheck: string[][];
}

const FRAMEWORKS: Framework[] = [
  {
    name: 'nuxt',
    title: 'a Nuxt 4 app (Vue, server-rendered)',
    dependencies: { nuxt: '~4.4.0', vue: '^3.5.0', 'vue-router': '^4.6.0', 'vue-tsc': '^3.0.0', typescript: '~5.9.3' },
    build: ['node_modules/nuxt/bin/nuxt.mjs', 'build'],
    start: ['.output/server/index.mjs'],
    followsPrice: true,
    scaffold: ['tsconfig.json', 'app/app.vue', 'app/env.d.ts'],
    shop: 'app/shop.ts',
    typecheck: [['node_modules/nuxt/bin/nuxt.mjs', 'typecheck']],
  },
  {
    name: 'sveltekit',
    title: 'a SvelteKit 2 app (Svelte 5, adapter-node)',
    dependencies: {
      '@sveltejs/kit': '~2.70.0', '@sveltejs/adapter-node': '^5.5.0', '@sveltejs/vite-plugin-svelte': '^6.0.0', svelte: '^5.0.0', vite: '^7.0.0',
      'svelte-check': '^4.0.0', typescript: '~5.9.3',
    },
    build: ['node_modules/vite/bin/vite.js', 'build'],
    start: ['build'],
    followsPrice: true,
    scaffold: ['svelte.config.js', 'tsconfig.json', 'src/app.html', 'src/app.d.ts'],
    shop: 'src/lib/shop.ts',
    typecheck: [['node_modules/@sveltejs/kit/svelte-kit.js', 'sync'], ['node_modules/svelte-check/bin/svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'machine']],
  },
  {
    name: 'astro',
    title: 'an Astro 5 app (@astrojs/node, rendered on request)',
    dependencies: { astro: '~5.18.0', '@astrojs/node': '^9.5.0', '@astrojs/check': '^0.9.0', typescript: '~5.9.3', '@types/node': '^20.19.0' },
    build: ['node_modules/astro/astro.js', 'build'],
    start: ['dist/server/entry.mjs'],
    followsPrice: false,
    scaffold: ['astro.config.mjs', 'tsconfig.json'],
    typecheck: [['node_modules/astro/astro.js', 'check']],
  },
  {
    name: 'react-router',
    title: 'a React Router 7 app (framework mode, server-rendered)',
    dependencies: {
      'react-router': '~7.18.0', '@react-router/node': '~7.18.0', '@react-router/serve': '~7.18.0', '@react-router/dev': '~7.18.0', react: '^19.2.0',
      'react-dom': '^19.2.0', isbot: '^5.1.0', vite: '^7.0.0', typescript: '~5.9.3', '@types/react': '^19.2.0', '@types/react-dom': '^19.2.0', '@types/node': '^20.19.0',
    },
    build: ['node_modules/@react-router/dev/bin.js', 'build'],
    start: ['node_modules/@react-router/serve/bin.js', 'build/server/index.js'],
    followsPrice: true,
    scaffold: ['react-router.config.ts', 'vite.config.ts', 'tsconfig.json', 'app/root.tsx', 'app/routes.ts'],
    shop: 'app/shop.ts',
    typecheck: [['node_modules/@react-router/dev/bin.js', 'typegen'], ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']],
  },
];

/** The docs' blocks for `app`, with the path each names on its first comment line (`// nuxt.config.ts`, `<!-- app/pages/product.vue -->`). */
async function docBlocksFor(app: string): Promise<{ where: string; path: string; code: string }[]> {
  const files = ['README.md', ...(await readdir(join(repository, 'docs'))).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
  const blocks = [];
  for (const file of files) {
    const text = await readFile(join(repository, file), 'utf8');
    for (const match of text.matchAll(/^```(\S+) (\S+)\n([\s\S]*?)^```$/gm)) {
      if (match[2] !== app) continue;
      const where = `${file}:${text.slice(0, match.index).split('\n').length}`;
      const path = /^(?:\/\/|<!--) ([\w./+[\]-]+)/m.exec(match[3]!)?.[1];
      assert.ok(path, `${where}: the block's first comment names its file in the app`);
      blocks.push({ where, path, code: match[3]! });
    }
  }
  return blocks;
}

/** Every OSM request the emulator answered from a browser (the server's `OsmClient` says `klarna-elements-server`). */
function browserOsmAmounts(emulator: KlarnaEmulator): string[] {
  return emulator.records.requests
    .filter((record) => record.path === '/messaging/v3' && record.method === 'GET' && !record.userAgent?.startsWith('klarna-elements-server'))
    .map((record) => record.query.purchase_amount!);
}

/** Starts the app's built server on a free port; resolves once it answers. */
async function startServer(dir: string, args: string[], env: Record<string, string>): Promise<{ origin: string; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn('node', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' } });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; await new Promise((done) => setTimeout(done, 100))) {
    if (server.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${server.exitCode}:\n${output}`);
    if (Date.now() - started > 30000) throw new Error(`${args.join(' ')} did not answer:\n${output}`);
    if (await fetch(origin).then(() => true, () => false)) return { origin, server };
  }
}

describe('server-rendering frameworks from the packed tarball', () => {
  let emulator: KlarnaEmulator;
  let browser: Browser;
  /** The message's main text, as the emulator words it for the page's price. */
  let text: string;

  before(async () => {
    emulator = await startEmulator();
    browser = await launchBrowser();
    const message = await new OsmClient({ baseUrl: emulator.url }).getMessage({ clientId: EMULATOR_CLIENT_ID, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: UNIT_PRICE });
    assert.equal(message.kind, 'message');
    text = message.nodes.find((node) => node.name === 'TEXT_MAIN')!.value!;
  });

  after(async () => {
    await browser?.close();
    await emulator?.close();
  });

  for (const framework of FRAMEWORKS) {
    describe(framework.title, () => {
      let dir: string;
      let server: ChildProcess | undefined;
      let origin: string;

      before(async () => {
        const shared = framework.shop ? { [framework.shop]: 'shop.ts' } : {};
        dir = await installApp(framework.name, framework.dependencies, { shared });
        await runIn(dir, 'node', framework.build);
        ({ origin, server } = await startServer(dir, framework.start, {
          KLARNA_API_URL: emulator.url, KLARNA_CLIENT_ID: EMULATOR_CLIENT_ID,
          NUXT_PUBLIC_KLARNA_API_URL: emulator.url, NUXT_PUBLIC_KLARNA_CLIENT_ID: EMULATOR_CLIENT_ID,
        }));
      });

      after(() => {
        server?.kill();
      });

      it('sends the message in the page, shows it with no OSM request from the browser, counts one impression, no console error', async () => {
        emulator.reset();
        const html = await (await fetch(`${origin}/product`)).text();
        assert.ok(html.includes(text), `the server's HTML holds the message "${text}"`);
        assert.doesNotMatch(html, /\[object Object\]/, 'no object was written as an attribute');
        const visited = await visit(browser, `${origin}/product`);
        try {
          await untilShown(visited.page, { placements: 1, hosts: 1 });
          const shown = await visited.page.evaluate(() => document.querySelector('klarna-osm-placement')!.shadowRoot!.textContent);
          assert.ok(shown?.includes(text), `the placement shows "${text}"`);
          // The beacon leaves once the message is in view.
          for (const started = Date.now(); emulator.records.impressions.length === 0 && Date.now() - started < 10000;) await new Promise((done) => setTimeout(done, 50));
          assert.equal(emulator.records.impressions.length, 1, 'one impression');
          assert.deepEqual(visited.requests.filter((url) => url.includes('/messaging/v3')), [], 'the browser asked Klarna nothing');
          assert.deepEqual(browserOsmAmounts(emulator), []);
          assert.deepEqual(visited.errors, []);
        } finally {
          await visited.close();
        }
      });

      if (framework.followsPrice) {
        it('asks once per price change the page\'s state makes after hydrating', async () => {
          emulator.reset();
          const visited = await visit(browser, `${origin}/product`);
          try {
            await untilShown(visited.page, { placements: 1, hosts: 1 });
            await addOneMoreUntilRendered(visited.page, [2 * UNIT_PRICE, 3 * UNIT_PRICE]);
            assert.deepEqual(browserOsmAmounts(emulator), [String(2 * UNIT_PRICE), String(3 * UNIT_PRICE)]);
            assert.deepEqual(visited.errors, []);
          } finally {
            await visited.close();
          }
        });
      }

      it(`type-checks the docs' ${framework.name} blocks in an app of their own, with the framework's tooling`, async () => {
        const blocks = await docBlocksFor(framework.name);
        assert.ok(blocks.length > 0, `the docs have ${framework.name} blocks`);
        const docs = join(APPS_DIR, `${framework.name}-docs`);
        await rm(docs, { recursive: true, force: true });
        await mkdir(docs, { recursive: true });
        await symlink(join(dir, 'node_modules'), join(docs, 'node_modules'));
        await writeFile(join(docs, 'package.json'), await readFile(join(dir, 'package.json')));
        for (const file of framework.scaffold) await cp(join(dir, file), join(docs, file), { recursive: true });
        for (const block of blocks) {
          await mkdir(dirname(join(docs, block.path)), { recursive: true });
          await writeFile(join(docs, block.path), block.code);
        }
        const where = new Map(blocks.map((block) => [block.path, block.where]));
        for (const command of framework.typecheck) {
          await runIn(docs, 'node', command).catch((error: Error) => {
            // The docs' file and line, where the output names a block's file.
            const located = error.message.replace(/([\w./+[\]-]+)[(:](\d+)/g, (whole, path: string, line: string) => {
              const block = [...where].find(([file]) => path.endsWith(file));
              return block ? `${block[1].replace(/:\d+$/, '')}:${Number(block[1].split(':')[1]) + Number(line)}` : whole;
            });
            assert.fail(located);
          });
        }
      });
    });
  }
});
