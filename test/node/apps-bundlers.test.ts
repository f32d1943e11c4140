/**
 * The npm entries as a user's bundler makes them, on a page whose first script left enumerable keys
 * on Object.prototype and Array.prototype (issue 24). test/apps/bundlers/ is one shop page
 * (index.html: the polluting script, a placement with `learn-more="dialog"`, an Instant Shopping
 * host) and its entry (src/index.js: `klarna-elements/osm-placement` and
 * `klarna-elements/instant-shopping`), installed from the packed tarball (see harness.ts) and built
 * three ways: Vite 8's default app build, webpack 5 in production mode, and esbuild with
 * `--bundle --format=esm --splitting`. Each output is served on the loopback and loaded in Chromium
 * against the emulator: no error, the placement renders its message, its learn-more dialog opens
 * from code the build left in a chunk loaded on demand, and the host reaches `ready`.
 *
 * Not built here: esbuild without `--splitting`. It inlines each `import()` as a module whose
 * namespace its own `__export` helper builds with a `for…in` loop, which also walks the page's
 * `Object.prototype.foo` and throws "Getter must be a function" as the bundle loads, before any of
 * the library's code runs (esbuild 0.28). That is esbuild's helper, not this library's code:
 * docs/frameworks.md tells esbuild users to bundle with `--splitting`.
 *
 * Not on the page: cdn.test.ts's `Array.prototype.toJSON`. It is no key a bundler's helper could
 * walk but a change to what `JSON.stringify` makes of every array, the same whichever bundler built
 * the page; and the emulated SDK standing in for Klarna's here copies its options through JSON
 * (src/emulator/browser-sdk/options.ts), so no host could reach `ready` on such a page.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'puppeteer-core';
import { EMULATOR_CLIENT_ID, startEmulator, type KlarnaEmulator } from '../../src/emulator/index.js';
import { installApp, runIn } from '../apps/harness.js';
import { launchBrowser, visit } from '../apps/browser.js';
import { serveStatic } from '../apps/serve.js';

interface Build {
  name: string;
  /** The output folder, inside the app. */
  out: string;
  command: string;
  args: string[];
  /** The tag that loads this output in place of index.html's Vite entry; none for Vite, whose built index.html is served. */
  script?: string;
}

const BUILDS: Build[] = [
  {
    name: 'Vite 8 (its default app build)',
    out: 'out/vite',
    command: 'node',
    args: ['node_modules/vite/bin/vite.js', 'build', '--outDir', 'out/vite'],
  },
  {
    name: 'webpack 5 (production mode)',
    out: 'out/webpack',
    command: 'node',
    args: ['node_modules/webpack-cli/bin/cli.js', '--mode', 'production', '--output-path', 'out/webpack'],
    script: '<script defer src="/main.js"></script>',
  },
  {
    name: 'esbuild --bundle --format=esm --splitting',
    out: 'out/esbuild',
    command: 'node_modules/.bin/esbuild',
    args: ['src/index.js', '--bundle', '--format=esm', '--splitting', '--outdir=out/esbuild'],
    script: '<script type="module" src="/index.js"></script>',
  },
];

/** index.html's entry for Vite, replaced by each other bundler's output. */
const VITE_ENTRY = '<script type="module" src="/src/index.js"></script>';

/*
 * The page is read with plain expressions (strings: what tsx compiles a function into may name
 * helpers the page lacks) and clicked with the mouse. Puppeteer's waitForFunction and its selectors
 * inject a script of puppeteer's own into the page, and that script, bundled by esbuild with the
 * same `__export` helper, throws "Getter must be a function" on this very page.
 */
const STATES = `[...document.querySelectorAll('klarna-osm-placement, klarna-instant-shopping-host')].map((element) => element.localName + ':' + element.state).join(', ')`;
const SHOWN = 'klarna-osm-placement:rendered, klarna-instant-shopping-host:ready';
const placementPart = (name: string) => `document.querySelector('klarna-osm-placement').shadowRoot.querySelector('[part~="${name}"]')`;

/** Polls `condition` in the page until it holds; if it never does, says what `explain` reads then. */
async function until(page: Page, condition: string, explain: string): Promise<void> {
  const deadline = Date.now() + 15000;
  while (!(await page.evaluate(condition))) {
    if (Date.now() > deadline) throw new Error(`never true: ${condition}\n${explain}: ${JSON.stringify(await page.evaluate(explain))}`);
    await sleep(50);
  }
}

describe('the npm entries bundled by Vite 8, webpack 5 and esbuild --splitting, on a page with enumerable keys on its prototypes', () => {
  let dir: string;
  let emulator: KlarnaEmulator;
  let browser: Browser;

  before(async () => {
    dir = await installApp('bundlers', { vite: '^8.0.0', webpack: '^5.0.0', 'webpack-cli': '^7.0.0', esbuild: '~0.28.0' });
    await Promise.all(BUILDS.map((build) => runIn(dir, build.command, build.args)));
    emulator = await startEmulator();
    const template = await readFile(join(dir, 'index.html'), 'utf8');
    assert.ok(template.includes(VITE_ENTRY), `index.html loads its entry with ${VITE_ENTRY}`);
    for (const build of BUILDS) {
      const page = build.script ? template.replace(VITE_ENTRY, build.script) : await readFile(join(dir, build.out, 'index.html'), 'utf8');
      await writeFile(join(dir, build.out, 'index.html'), page.replaceAll('EMULATOR_URL', emulator.url).replaceAll('CLIENT_ID', EMULATOR_CLIENT_ID));
    }
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await emulator?.close();
  });

  for (const build of BUILDS) {
    it(`${build.name}: loads with no error, renders the placement, opens its learn-more dialog from a chunk loaded on demand, readies the host`, async () => {
      const site = await serveStatic(join(dir, build.out));
      const visited = await visit(browser, `${site.origin}/`);
      const { page } = visited;
      const scripts = () => visited.requests.filter((url) => url.startsWith(site.origin) && url.endsWith('.js'));
      try {
        assert.equal(await page.evaluate('typeof Object.prototype.foo + " " + typeof Array.prototype.extra'), 'object object', 'the page\'s first script ran');
        await until(page, `${STATES} === '${SHOWN}'`, STATES);
        assert.match(await page.evaluate(`${placementPart('text-main')}.textContent`) as string, /\S/, 'the message shows text');

        const loaded = scripts().length;
        const link = `${placementPart('learn-more')}.getBoundingClientRect()`;
        const { x, y } = await page.evaluate(`(({ x, y, width, height }) => ({ x: x + width / 2, y: y + height / 2 }))(${link})`) as { x: number; y: number };
        await page.mouse.click(x, y);
        await until(page, `${placementPart('dialog')}?.open === true`, `${placementPart('dialog')}?.outerHTML`);
        assert.ok(scripts().length > loaded, `the dialog's code came in a chunk loaded on the click: ${scripts().join(', ')}`);
        assert.deepEqual(visited.errors, []);
      } finally {
        await visited.close();
        await site.close();
      }
    });
  }
});
