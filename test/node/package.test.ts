/**
 * The package as npm would publish it: `npm run build` writes what package.json promises, `npm
 * pack` holds only what a consumer needs, every `exports` entry resolves and loads in Node by the
 * package's name, and a consumer's vite build tree-shakes the way `sideEffects` says.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { build } from 'vite';
import type * as EmulatorModule from '../../src/emulator/index.js';
import { CDN_FILES, INTEGRITY_MANIFEST, integrityOf } from '../../scripts/cdn-files.js';

const run = promisify(execFile);

interface PackageJson {
  name: string;
  exports: Record<string, string | { types?: string; default?: string; node?: string }>;
  bin: Record<string, string>;
}

const pkg = JSON.parse(await readFile('package.json', 'utf8')) as PackageJson;
/** Entries with only types (the generated JSX, Vue and Svelte integrations). */
const typeOnly = (target: PackageJson['exports'][string]) => typeof target !== 'string' && !target.default && !target.node;

// `npm run test:node` builds first, once for this file and the apps (test/apps/) alike.
describe('npm run build', () => {
  it('writes a module and its types for every exports entry', async () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) await access(file).catch(() => assert.fail(`exports["${entry}"] points at ${file}, which the build did not write`));
      if (typeof target !== 'string') assert.ok(target.types, `exports["${entry}"] declares its types`);
    }
  });

  it('keeps \'use client\' at the top of every React entry, so a Server Component may import them', async () => {
    const reactEntries = Object.entries(pkg.exports).filter(([entry]) => entry === './react' || entry.startsWith('./react/'));
    assert.equal(reactEntries.length, 5);
    for (const [entry, target] of reactEntries) {
      const file = (target as { default: string }).default;
      assert.match(await readFile(file, 'utf8'), /^'use client';\n/, `exports["${entry}"] (${file}) starts with 'use client'`);
    }
  });

  it('packs only dist, the docs, the manifest, the README, the licence and package.json', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { maxBuffer: 16 * 1024 * 1024 });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
    const outside = files.filter((path) => !path.startsWith('dist/') && !path.startsWith('docs/') && !['package.json', 'README.md', 'LICENSE', 'custom-elements.json'].includes(path));
    assert.deepEqual(outside, []);
    for (const needed of ['custom-elements.json', 'README.md', 'docs/troubleshooting.md', 'LICENSE', 'dist/cdn/klarna-elements.js', 'dist/types/jsx.d.ts', 'dist/react/index.js']) {
      assert.ok(files.includes(needed), `the package holds ${needed}`);
    }
    // Every file a CDN page can load (each hashed in the manifest), and the manifest itself.
    const cdnModules = Object.keys(JSON.parse(await readFile(`dist/cdn/${INTEGRITY_MANIFEST}`, 'utf8')) as Record<string, string>);
    for (const needed of [INTEGRITY_MANIFEST, ...cdnModules].map((path) => `dist/cdn/${path}`)) {
      assert.ok(files.includes(needed), `the package holds ${needed}`);
    }
    assert.deepEqual(files.filter((path) => path.startsWith('dist/cdn/') && path.endsWith('.js') && !cdnModules.includes(path.slice('dist/cdn/'.length))), [], 'every CDN module in the package has its hash in the manifest');
    assert.deepEqual(files.filter((path) => /\.d\.ts\.map$|\.test\.|\/test\//.test(path)), [], 'no tests, and no declaration maps pointing at an unshipped src/');
  });

  it('resolves and loads every exports entry in Node by the package\'s name, without a DOM', async () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      // The CDN files are for a browser's <script>, with lit inside: nothing Node loads.
      if (typeOnly(target) || entry.endsWith('.json') || entry === './cdn' || entry.startsWith('./cdn/')) continue;
      const specifier = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`;
      const module = (await import(specifier)) as Record<string, unknown>;
      assert.ok(Object.keys(module).length > 0, `${specifier} exports something`);
    }
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  });

  it('serves the emulated SDKs that the build bundled, with the emulator\'s settings injected', async () => {
    assert.match(await readFile('dist/emulator/emulated-lib.js', 'utf8'), /klarnaEmulatedSdk/);
    assert.match(await readFile('dist/emulator/emulated-web-sdk-bundle.js', 'utf8'), /klarnaEmulatedWebSdk/);
    const { startEmulator } = (await import(`${pkg.name}/emulator`)) as typeof EmulatorModule;
    const emulator = await startEmulator();
    try {
      const script = await (await fetch(`${emulator.url}/instantshopping/lib/v1/lib.js`)).text();
      assert.match(script, /^\/\* klarna-elements emulator/);
      assert.ok(script.includes(`klarnaEmulatedSdk.install(window, {"baseUrl":"${emulator.url}",`), 'the settings, as JSON');
      assert.doesNotMatch(script, /^import\s|\bimport\s*\(|\brequire\(/m, 'one classic script: nothing left to import');
      const module = await (await fetch(`${emulator.url}/web-sdk/v2/klarna.mjs`)).text();
      assert.match(module, /^\/\* klarna-elements emulator: Web SDK v2 stand-in/);
      assert.ok(module.includes(`export const { KlarnaSDK } = klarnaEmulatedWebSdk.install(window, {"baseUrl":"${emulator.url}",`), 'the settings, as JSON');
      assert.doesNotMatch(module, /^import\s|\bimport\s*\(|\brequire\(/m, 'one module: nothing left to import');
    } finally {
      await emulator.close();
    }
  });

  it('makes a runnable klarna-emulator bin', async () => {
    const bin = pkg.bin['klarna-emulator']!;
    assert.match(await readFile(bin, 'utf8'), /^#!\/usr\/bin\/env node/);
    const { stdout } = await run(process.execPath, [bin, '--help']);
    assert.match(stdout, /Usage: klarna-emulator/);
  });

  it('writes a CDN file per element and the one with every element, each served as is: nothing to import but what it loads on demand beside it', async () => {
    for (const { name, onDemand } of CDN_FILES) {
      const code = await readFile(`dist/cdn/${name}.js`, 'utf8');
      // `import{…}from"…"`, `import"…"`, `import * as`: minified static imports (a page's <script integrity> would not cover them).
      assert.doesNotMatch(code, /\bimport\s*[{*"'`]/, `${name}.js imports nothing statically`);
      const imported = [...code.matchAll(/\bimport\s*\(([^)]*)\)/g)].map((match) => match[1]!.trim());
      // Klarna's Web SDK, imported from Klarna's host at run time (never bundled, as Klarna requires):
      // the one import of a URL that is no file of ours, in a file with the Express Checkout element.
      const ofKlarna = imported.filter((specifier) => !/^["'`]/.test(specifier));
      assert.ok(ofKlarna.length === (code.includes('klarna-express-checkout') ? 1 : 0), `${name}.js imports ${ofKlarna.length} URLs at run time besides its own files`);
      const loaded = imported.filter((specifier) => /^["'`]/.test(specifier));
      if (onDemand === 'inline') assert.deepEqual(loaded, [], `${name}.js is one file: it loads nothing on demand`);
      for (const specifier of loaded) {
        assert.match(specifier, new RegExp(`^"\\./${name}/[\\w-]+\\.js"$`), `${name}.js loads ${specifier}: only files in ./${name}/, where the docs pin what it loads on demand`);
      }
      assert.doesNotMatch(code, /Lit is in dev mode|lit\.dev\/msg\/dev-mode/, `${name}.js has lit's production build`);
    }
  });

  it(`writes dist/cdn/${INTEGRITY_MANIFEST}: every CDN module a page can load, with the sha384 of the file as written`, async () => {
    const manifest = JSON.parse(await readFile(`dist/cdn/${INTEGRITY_MANIFEST}`, 'utf8')) as Record<string, string>;
    const written = (await readdir('dist/cdn', { recursive: true })).filter((path) => path.endsWith('.js')).sort();
    assert.deepEqual(Object.keys(manifest).sort(), written, 'a hash for every module file in dist/cdn/, and for nothing else');
    for (const path of written) assert.equal(manifest[path], integrityOf(await readFile(`dist/cdn/${path}`)), `${path}: the manifest's hash is the file's`);
    for (const { name } of CDN_FILES) assert.ok(Object.hasOwn(manifest, `${name}.js`), `${name}.js is in the manifest`);
  });

  it('writes one self-contained CDN module with lit\'s production build', async () => {
    const cdn = await readFile('dist/cdn/klarna-elements.js', 'utf8');
    // Nothing of ours left to import; `import(url)` of Klarna's Web SDK, at run time, is not ours.
    assert.doesNotMatch(cdn, /^import\s|\bimport\s*\(\s*["'`]|from\s*["']lit/m, 'nothing is left to import');
    assert.doesNotMatch(cdn, /Lit is in dev mode|lit\.dev\/msg\/dev-mode/);
    // Minified twice (oxc, then terser): each CDN module's map must still lead to the sources, with their text.
    const manifest = JSON.parse(await readFile(`dist/cdn/${INTEGRITY_MANIFEST}`, 'utf8')) as Record<string, string>;
    for (const path of Object.keys(manifest)) {
      const fileName = path.split('/').pop()!;
      assert.match(await readFile(`dist/cdn/${path}`, 'utf8'), new RegExp(`\\n//# sourceMappingURL=${fileName.replaceAll('.', '\\.')}\\.map\\n?$`), path);
      const map = JSON.parse(await readFile(`dist/cdn/${path}.map`, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      assert.equal(map.sourcesContent?.filter(Boolean).length, map.sources.length, `${path}: every source comes with its text`);
    }
    const map = JSON.parse(await readFile('dist/cdn/klarna-elements.js.map', 'utf8')) as { sources: string[] };
    assert.ok(map.sources.some((source) => source.endsWith('src/osm-placement/osm-placement.component.ts')), 'the map names the element sources');
  });

  it('builds every exports entry into a consumer\'s vite app: each defines its elements, and the OSM-only entry carries no Instant Shopping code', async () => {
    // A consumer app with the package installed as `npm link` would: node_modules/klarna-elements → this repository.
    const app = resolve('node_modules/.cache/consumer-app');
    await rm(app, { recursive: true, force: true });
    await mkdir(join(app, 'node_modules'), { recursive: true });
    await symlink(process.cwd(), join(app, 'node_modules', pkg.name), 'dir');
    // Every module entry, imported by name as an app would; types-only and JSON entries are no modules.
    const entries: Record<string, string> = {};
    const nodeOnly = new Set<string>();
    for (const [entry, target] of Object.entries(pkg.exports)) {
      if (typeOnly(target) || entry.endsWith('.json')) continue;
      const name = entry === '.' ? 'everything' : entry.slice(2).replaceAll('/', '-');
      entries[name] = `export * from '${entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`}';`;
      // The emulator is exported for Node only; a browser build must not find it, a server build must.
      if (typeof target !== 'string' && target.node && !target.default) nodeOnly.add(name);
    }
    entries.react = `import { createElement } from 'react'; import { KlarnaOsmPlacement } from 'klarna-elements/react'; export const view = createElement(KlarnaOsmPlacement, { purchaseAmount: 100 });`;
    // One build per entry, as separate apps: nothing shared between them hides what each one pulls in.
    for (const [name, code] of Object.entries(entries)) {
      const file = join(app, `${name}.js`);
      await writeFile(file, `${code}\n`);
      await build({
        configFile: false,
        root: app,
        logLevel: 'silent',
        build: {
          outDir: join(app, 'dist'),
          emptyOutDir: false,
          minify: false,
          ...(nodeOnly.has(name) ? { ssr: file } : { lib: { entry: file, formats: ['es' as const], fileName: () => `${name}.js` } }),
          rolldownOptions: { external: ['react', /^node:/], output: { entryFileNames: `${name}.js` } },
        },
      });
    }
    const output = async (name: string) => readFile(join(app, 'dist', `${name}.js`), 'utf8');
    const defines = (code: string) => [...code.matchAll(/customElements\.define\("([a-z-]+)"/g)].map((match) => match[1]).sort();

    const all = ['klarna-config', 'klarna-express-checkout', 'klarna-instant-shopping-host', 'klarna-osm-placement'];
    const osmOnly = await output('osm-placement');
    assert.deepEqual(defines(osmOnly), ['klarna-osm-placement']);
    assert.doesNotMatch(osmOnly, /instant-?shopping/i, 'tree-shaken: no Instant Shopping code');
    assert.doesNotMatch(osmOnly, /express-?checkout|web-sdk/i, 'tree-shaken: no Express Checkout code');
    assert.deepEqual(defines(await output('instant-shopping')), ['klarna-instant-shopping-host']);
    const expressOnly = await output('express-checkout');
    assert.deepEqual(defines(expressOnly), ['klarna-express-checkout']);
    // The Trusted Types policy names lib.js's path (it passes both Klarna SDKs' URLs); no element besides.
    assert.doesNotMatch(expressOnly, /klarna-instant-shopping|klarna-osm-placement|InstantShoppingHost|OsmPlacement/, 'tree-shaken: the Express Checkout button alone');
    assert.deepEqual(defines(await output('config')), ['klarna-config']);
    assert.deepEqual(defines(await output('everything')), all);
    // Importing one component from the React entry ships that element alone (it re-exports the per-element entries).
    assert.deepEqual(defines(await output('react')), ['klarna-osm-placement']);
    // One React entry per element: an app that shows only messaging ships only that element.
    assert.deepEqual(defines(await output('react-osm-placement')), ['klarna-osm-placement']);
    assert.doesNotMatch(await output('react-osm-placement'), /instant-?shopping/i);
    assert.deepEqual(defines(await output('react-instant-shopping')), ['klarna-instant-shopping-host']);
    assert.deepEqual(defines(await output('react-express-checkout')), ['klarna-express-checkout']);
    assert.deepEqual(defines(await output('react-config')), ['klarna-config']);
    assert.deepEqual(defines(await output('core')), [], 'the core defines nothing');
    assert.deepEqual(defines(await output('protocol')), [], 'the protocol layer defines nothing');
    assert.doesNotMatch(await output('protocol'), /\bLitElement\b|customElements/, 'the protocol layer holds no element code');
    assert.match(await output('server'), /\bOsmClient = class\b|class OsmClient\b/);
    assert.match(await output('emulator'), /startEmulator/);
    await assert.rejects(build({ configFile: false, root: app, logLevel: 'silent', build: { outDir: join(app, 'browser-emulator'), lib: { entry: join(app, 'emulator.js'), formats: ['es'] } } }), /not exported under the conditions/, 'a browser build is told the emulator is Node-only');
    // The CDN file is already one minified module with lit inside: a bundler takes it as it is.
    const cdn = await output('cdn');
    for (const tag of all) assert.match(cdn, new RegExp(`[\`'"]${tag}[\`'"]`), `the CDN entry holds <${tag}>`);
    // The per-element CDN files, what they load on demand with them.
    assert.deepEqual(defines(await output('cdn-osm-placement')), ['klarna-osm-placement']);
    assert.doesNotMatch(await output('cdn-osm-placement'), /instant-?shopping/i);
    assert.deepEqual(defines(await output('cdn-instant-shopping')), ['klarna-instant-shopping-host']);
    assert.deepEqual(defines(await output('cdn-express-checkout')), ['klarna-express-checkout']);
  });
});
