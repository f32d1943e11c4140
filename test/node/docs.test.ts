/**
 * Docs are code: every fenced block in README.md and docs/*.md is taken out and checked, so a
 * snippet that would break a user breaks the build.
 *
 * - `ts`, `tsx`, `js`: type-checked together under `strict` in an app with the packed package
 *   (test/apps/docs/), each block a module of its own; `./shop.js` is the merchant's own code.
 * - `vue`: vue-tsc; `svelte`: svelte-check, each block a component.
 * - `html`: loaded in Chromium with the CDN file, pointed at the emulator with `configure()` (and a
 *   block's own `http://localhost:8787`, the emulator's documented address, pointed at it too); every
 *   placement must reach `rendered`, and every Instant Shopping host and Express Checkout button
 *   `ready`, with no console error.
 *   A block that pins CDN files (`<script integrity>`, an import map's `integrity`) must pin this
 *   build's files with this build's hashes (dist/cdn/integrity.json), what each file loads on demand
 *   included, and is loaded with its pins, which the browser checks too.
 * - `css`: parsed by the browser, every rule kept; `json`: parsed; `sh`: each `npm run`/`npx`
 *   command names a script or binary the package has.
 * A block in any other language fails: give it a check first.
 *
 * A block whose fence also names a framework's app (```vue nuxt, ```astro astro) is a file of that
 * app and needs the framework's own modules and generated types: test/node/apps-frameworks.test.ts
 * type-checks it in such an app, with the framework's tooling. Here it only has to name one.
 */
import assert from 'node:assert/strict';
import { readFile, readdir, mkdir, rm, writeFile, cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startEmulator, type KlarnaEmulator } from '../../src/emulator/index.js';
import { CDN_FILES, INTEGRITY_MANIFEST } from '../../scripts/cdn-files.js';
import { installApp, runIn } from '../apps/harness.js';
import { launchBrowser, visit } from '../apps/browser.js';
import { serveStatic } from '../apps/serve.js';

const repository = resolve(import.meta.dirname, '../..');

interface Block {
  /** `README.md:63`: where the block starts. */
  where: string;
  slug: string;
  language: string;
  /** The framework app the block is a file of, when its fence names one. */
  app: string | undefined;
  code: string;
}

async function docBlocks(): Promise<Block[]> {
  const files = ['README.md', ...(await readdir(join(repository, 'docs'))).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
  const blocks: Block[] = [];
  for (const file of files) {
    const text = await readFile(join(repository, file), 'utf8');
    for (const match of text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)) {
      const line = text.slice(0, match.index).split('\n').length;
      const [language = '', app, ...rest] = match[1]!.split(' ');
      blocks.push({ where: `${file}:${line}`, slug: `${file.replace(/\W+/g, '-')}-${line}`, language: [language, ...rest].join(' '), app, code: match[2]! });
    }
  }
  return blocks;
}

const CHECKED = ['ts', 'tsx', 'js', 'vue', 'svelte', 'html', 'css', 'json', 'sh'];
/** The apps test/node/apps-frameworks.test.ts checks blocks in, and the languages it checks there. */
const FRAMEWORK_APPS = ['nuxt', 'sveltekit', 'astro', 'react-router'];
const CHECKED_IN_APPS = ['ts', 'tsx', 'vue', 'svelte', 'astro'];
const allBlocks = await docBlocks();
const blocks = allBlocks.filter((block) => !block.app);
const of = (...languages: string[]) => blocks.filter((block) => languages.includes(block.language));

const { version } = JSON.parse(await readFile(join(repository, 'package.json'), 'utf8')) as { version: string };
/** Where the docs load the CDN files from: a hash pins one version's file, so the URL names this version. */
const CDN_BASE = `https://your-cdn.example/klarna-elements@${version}/dist/cdn/`;

interface Pins {
  /** Each `<script>` with an `integrity`: its `src` → that hash. */
  scripts: Map<string, string>;
  /** The block's import map's `integrity`: a URL → its hash. */
  importMap: Map<string, string>;
}

/** The Subresource Integrity pins an HTML block shows. */
function pinsOf(code: string): Pins {
  const scripts = new Map<string, string>();
  for (const [, attributes] of code.matchAll(/<script\b([^>]*)>/g)) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes!)?.[1];
    const integrity = attribute('integrity');
    if (integrity !== undefined) scripts.set(attribute('src') ?? '(a script with no src)', integrity);
  }
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(code)?.[1];
  const pinned = importMap === undefined ? {} : (JSON.parse(importMap) as { integrity?: Record<string, string> }).integrity;
  return { scripts, importMap: new Map(Object.entries(pinned ?? {})) };
}

/**
 * What is wrong with a block's pins, against the build's manifest: a URL that is no file of this
 * version's build, a hash that is not this build's, a file a pinned script loads on demand (the
 * files in its folder) that the import map leaves unpinned.
 */
function pinProblems(block: Block, manifest: Map<string, string>): string[] {
  const { scripts, importMap } = pinsOf(block.code);
  const problems: string[] = [];
  for (const [url, integrity] of [...scripts, ...importMap]) {
    const path = url.startsWith(CDN_BASE) ? url.slice(CDN_BASE.length) : undefined;
    const built = path === undefined ? undefined : manifest.get(path);
    if (built === undefined) problems.push(`${block.where}: ${url} is no file of this build (${CDN_BASE}…)`);
    else if (integrity !== built) problems.push(`${block.where}: ${path} is pinned to ${integrity}, this build's is ${built}`);
  }
  for (const url of scripts.keys()) {
    const folder = `${url.slice(CDN_BASE.length).replace(/\.js$/, '')}/`;
    const onDemand = [...manifest.keys()].filter((path) => path.startsWith(folder));
    for (const path of onDemand.filter((candidate) => !importMap.has(`${CDN_BASE}${candidate}`))) {
      problems.push(`${block.where}: ${url} loads ${path} on demand, which the block's import map does not pin`);
    }
  }
  return problems;
}

/** Where a page of the browser check finds this build's CDN files. */
const LOCAL_CDN = '/cdn/';

/** The emulator's address as the docs write it (`npx klarna-emulator`'s default port): the check's emulator in its place. */
const DOCUMENTED_EMULATOR = 'http://localhost:8787';

/** The elements an HTML block shows, each of which must reach `rendered` (a placement) or `ready` (a button). */
const SHOWN = 'klarna-osm-placement, klarna-instant-shopping-host, klarna-express-checkout';

/**
 * The page the browser check loads for an HTML block, pointed at the emulator by `configure()`
 * before any element asks Klarna anything. A block that pins CDN files keeps its tags, the files
 * served from this build under the same paths, so the browser checks the block's hashes; its
 * `configure` comes from its own pinned file, with one import map holding the block's pins, so the
 * file is checked whichever of the two scripts fetches it first. Any other block gets the file with
 * every element in place of its CDN script.
 */
function pageOf(code: string, apiUrl: string): string {
  const head = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">';
  const configured = (file: string) => `<script type="module">import { configure } from '${file}'; configure({ apiUrl: ${JSON.stringify(apiUrl)} });</script>`;
  const local = code.replaceAll(CDN_BASE, LOCAL_CDN);
  const { scripts, importMap } = pinsOf(local);
  const [pinnedFile] = scripts.keys();
  if (pinnedFile === undefined) {
    const body = code.replace(/<script type="module" src="[^"]*klarna-elements[^"]*"><\/script>/g, '');
    return `${head}\n${configured(`${LOCAL_CDN}klarna-elements.js`)}\n${body}`;
  }
  const pins = JSON.stringify({ integrity: Object.fromEntries([...scripts, ...importMap]) });
  const body = local.replace(/<script type="importmap">[\s\S]*?<\/script>/, '');
  return `${head}\n<script type="importmap">${pins}</script>\n${configured(pinnedFile)}\n${body}`;
}

/** Compiler output `snippets/README-md-86.ts(3,5): error …` with the doc's own file and line. */
function located(output: string): string {
  return output.replace(/(?:snippets|vue|svelte)\/([\w-]+?)-md-(\d+)\.\w+[(:](\d+)/g, (_whole, file: string, start: string, line: string) =>
    `${file.replace(/^docs-/, 'docs/')}.md:${Number(start) + Number(line)}`);
}

describe('every code block in README.md and docs/', () => {
  let dir: string;

  before(async () => {
    dir = await installApp('docs', {
      typescript: '~5.9.3', '@types/node': '^20.19.0', react: '^19.2.0', 'react-dom': '^19.2.0', '@types/react': '^19.2.0', '@types/react-dom': '^19.2.0',
      vue: '^3.5.0', 'vue-tsc': '^3.0.0', vite: '^7.0.0', '@vitejs/plugin-vue': '^6.0.0', svelte: '^5.0.0', 'svelte-check': '^4.0.0',
      '@angular/core': '~21.2.0', rxjs: '~7.8.0', express: '^5.0.0', '@types/express': '^5.0.0', ioredis: '^5.0.0',
      lit: '^3.3.0', '@lit-labs/ssr': '^3.3.0', '@lit-labs/ssr-client': '^1.1.0',
    });
    for (const folder of ['snippets', 'vue', 'svelte']) {
      await rm(join(dir, folder), { recursive: true, force: true });
      await mkdir(join(dir, folder));
    }
    await cp(join(dir, 'shop.ts'), join(dir, 'snippets/shop.ts'));
    // What the docs tell an app to add once for each framework's types.
    await writeFile(join(dir, 'vue/env.d.ts'), "import type {} from 'klarna-elements/vue';\n");
    await writeFile(join(dir, 'svelte/app.d.ts'), "import type {} from 'klarna-elements/svelte';\n");
    for (const block of blocks) {
      // Each block a module of its own, whether or not it imports anything.
      if (['ts', 'tsx', 'js'].includes(block.language)) await writeFile(join(dir, `snippets/${block.slug}.${block.language}`), `${block.code}\nexport {};\n`);
      if (block.language === 'vue') await writeFile(join(dir, `vue/${block.slug}.vue`), block.code);
      if (block.language === 'svelte') await writeFile(join(dir, `svelte/${block.slug}.svelte`), block.code);
    }
  });

  it('has a check for every block\'s language', () => {
    assert.deepEqual(blocks.filter((block) => !CHECKED.includes(block.language)).map((block) => `${block.where} (${block.language || 'no language'})`), []);
    assert.deepEqual(allBlocks.filter((block) => block.app && !(FRAMEWORK_APPS.includes(block.app) && CHECKED_IN_APPS.includes(block.language)))
      .map((block) => `${block.where} (${block.language} ${block.app})`), []);
    assert.ok(of('ts', 'tsx').length >= 10 && of('html').length >= 4, 'the blocks were found');
  });

  it('type-checks the TypeScript, TSX and JavaScript blocks under strict', async () => {
    await runIn(dir, 'node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']).catch((error: Error) => assert.fail(located(error.message)));
  });

  it('type-checks the Vue blocks with vue-tsc', async () => {
    assert.ok(of('vue').length > 0);
    await runIn(dir, 'node', ['node_modules/vue-tsc/bin/vue-tsc.js', '-p', 'tsconfig.vue.json']).catch((error: Error) => assert.fail(located(error.message)));
  });

  it('checks the Svelte blocks with svelte-check', async () => {
    assert.ok(of('svelte').length > 0);
    const output = await runIn(dir, 'node', ['node_modules/svelte-check/bin/svelte-check', '--workspace', 'svelte', '--tsconfig', join(dir, 'tsconfig.svelte.json'), '--fail-on-warnings', '--output', 'machine'])
      .catch((error: Error) => assert.fail(located(error.message)));
    assert.match(output, /COMPLETED \d+ FILES 0 ERRORS 0 WARNINGS/);
  });

  it('parses the JSON blocks, and runs no sh command the package does not have', async () => {
    for (const block of of('json')) assert.doesNotThrow(() => JSON.parse(block.code), block.where);
    const manifest = JSON.parse(await readFile(join(repository, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    for (const block of of('sh')) {
      for (const [, script] of block.code.matchAll(/npm run (\S+)/g)) assert.ok(manifest.scripts[script!], `${block.where}: no npm script "${script}"`);
      for (const [, script] of block.code.matchAll(/npm (start|test)\b/g)) assert.ok(manifest.scripts[script!], `${block.where}: no npm script "${script}"`);
      for (const [, binary] of block.code.matchAll(/npx (\S+)/g)) assert.ok(manifest.bin[binary!], `${block.where}: the package has no "${binary}" command`);
    }
  });

  it('pins CDN files with this build\'s hashes (dist/cdn/integrity.json), what each loads on demand included, and shows every file pinned', async () => {
    const manifest = new Map(Object.entries(JSON.parse(await readFile(join(repository, 'dist/cdn', INTEGRITY_MANIFEST), 'utf8')) as Record<string, string>));
    const problems = of('html').flatMap((block) => pinProblems(block, manifest));
    assert.deepEqual(problems, [], 'the docs pin other files or hashes than this build\'s: after `npm run build`, `npm run docs:integrity` writes its hashes into them');
    const shown = new Set(of('html').flatMap((block) => [...pinsOf(block.code).scripts.keys()]));
    const unshown = CDN_FILES.map(({ name }) => `${CDN_BASE}${name}.js`).filter((url) => !shown.has(url));
    assert.deepEqual(unshown, [], 'a pinned <script> for every CDN file, in README.md or docs/');
  });

  describe('in the browser, against the emulator', () => {
    let emulator: KlarnaEmulator;
    let site: Awaited<ReturnType<typeof serveStatic>>;
    let browser: Browser;

    before(async () => {
      emulator = await startEmulator();
      // The placeholder client id the docs use, as a client the emulator serves.
      emulator.configure({ osm: { clients: { 'YOUR-OSM-CLIENT-ID': { enabled: true, payInFour: { min: 3500, max: 150000 }, financing: false } } } });
      const root = join(dir, 'pages');
      await rm(root, { recursive: true, force: true });
      await mkdir(root);
      // This build's CDN files in place of the snippets' CDN address.
      await cp(join(repository, 'dist/cdn'), join(root, LOCAL_CDN), { recursive: true });
      for (const block of of('html')) {
        await writeFile(join(root, `${block.slug}.html`), pageOf(block.code.replaceAll(DOCUMENTED_EMULATOR, emulator.url), emulator.url));
      }
      site = await serveStatic(root);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await site?.close();
      await emulator?.close();
    });

    for (const block of of('html')) {
      it(`shows ${block.where}: every placement rendered, every button ready, no console error`, async () => {
        const visited = await visit(browser, `${site.origin}/${block.slug}.html`);
        try {
          await visited.page.waitForFunction((shown) => {
            const states = [...document.querySelectorAll<HTMLElement & { state: string }>(shown)].map((element) => element.state);
            return states.length > 0 && states.every((state) => state === 'rendered' || state === 'ready');
          }, { timeout: 10000 }, SHOWN).catch(async () => assert.fail(`${block.where}: ${JSON.stringify(await visited.page.evaluate((shown) =>
            [...document.querySelectorAll<HTMLElement & { state: string; error?: { message: string } }>(shown)].map((element) => [element.localName, element.state, element.error?.message]), SHOWN))} ${visited.errors.join('\n')}`));
          assert.deepEqual(visited.errors, []);
        } finally {
          await visited.close();
        }
      });
    }

    it('parses the CSS blocks, keeping every rule', async () => {
      const page = await browser.newPage();
      try {
        for (const block of of('css')) {
          const kept = await page.evaluate((css) => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(css);
            return sheet.cssRules.length;
          }, block.code);
          assert.equal(kept, block.code.match(/\}/g)?.length, `${block.where}: the browser dropped a rule`);
        }
      } finally {
        await page.close();
      }
    });
  });
});
