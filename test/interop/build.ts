/**
 * Builds the interop storefronts (React 19, Vue 3, Svelte 5) with vite and each framework's own
 * vite plugin, as a merchant's app would be built, so the browser tests mount real framework
 * output. `klarna-elements` and its subpaths resolve to this repository's source through the
 * package's `exports` map, so a change in src/ is what the tests see without a library build.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import vue from '@vitejs/plugin-vue';
import { readFileSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { buildCdn, CDN_OUT_DIR } from '../../scripts/cdn-files.js';

const repository = fileURLToPath(new URL('../../', import.meta.url));
// storefront-suite.ts loads the apps from here.
const INTEROP_OUT_DIR = 'node_modules/.cache/interop';

/** `klarna-elements/react` → `src/react/index.ts`, from package.json's `exports` (dist/x.js → src/x.ts); types-only entries need none. */
function sourceAliases(): { find: string; replacement: string }[] {
  const { exports } = JSON.parse(readFileSync(`${repository}package.json`, 'utf8')) as { exports: Record<string, string | Record<string, string>> };
  return Object.entries(exports)
    .flatMap(([entry, target]) => {
      const file = typeof target === 'string' ? target : (target.default ?? target.node);
      // The CDN files are built ones, with no source module of their own.
      if (!file?.startsWith('./dist/') || file.startsWith('./dist/cdn/')) return [];
      const source = file.replace('./dist/', 'src/').replace(/\.js$/, '.ts');
      return [{ find: entry === '.' ? 'klarna-elements' : `klarna-elements/${entry.slice(2)}`, replacement: `${repository}${source}` }];
    })
    // Longest first, so `klarna-elements/react` is not read as `klarna-elements` + `/react`.
    .sort((a, b) => b.find.length - a.find.length);
}

/**
 * package.json's `sideEffects` names the published files that define elements (`./dist/index.js`,
 * `./dist/<folder>/define.js`, …); the same files in src/ are marked here, or the bundler would drop the
 * definitions exactly as it would from a package that forgot one.
 */
function sourceSideEffects(): Plugin {
  const { sideEffects } = JSON.parse(readFileSync(`${repository}package.json`, 'utf8')) as { sideEffects: string[] };
  const patterns = sideEffects.map((glob) => {
    const source = glob.replace('./dist/', 'src/').replace(/\.js$/, '.ts').replaceAll('.', '\\.').replaceAll('*', '[^/]+');
    return new RegExp(`^${repository}${source}$`);
  });
  return {
    name: 'klarna-elements:source-side-effects',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && patterns.some((pattern) => pattern.test(resolved.id)) ? { ...resolved, moduleSideEffects: true } : resolved;
    },
  };
}

export async function buildInteropApps(): Promise<void> {
  await build({
    configFile: false,
    root: repository,
    logLevel: 'warn',
    // Development builds: React's StrictMode then mounts effects twice, as it does for developers.
    mode: 'development',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    resolve: { alias: sourceAliases() },
    plugins: [
      vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('klarna-') } } }),
      svelte({ configFile: false }),
      sourceSideEffects(),
    ],
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    build: {
      outDir: `${repository}${INTEROP_OUT_DIR}`,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      lib: {
        entry: {
          react: `${repository}test/interop/apps/react-storefront.tsx`,
          vue: `${repository}test/interop/apps/vue-storefront.ts`,
          svelte: `${repository}test/interop/apps/svelte-storefront.svelte.ts`,
          // The browser half of the React SSR page (test/ssr/react-product-page.tsx).
          'react-hydrate': `${repository}test/ssr/react-hydrate.tsx`,
        },
        formats: ['es'],
      },
    },
  });
}

/** Where the plain-HTML test (cdn.test.ts) finds a copy of dist/cdn/ whose on-demand files were altered after the build. */
const TAMPERED_CDN_DIR = 'node_modules/.cache/cdn-tampered';

/**
 * dist/cdn/ (every CDN file and its integrity manifest) exactly as `npm run build:cdn` makes it,
 * and a copy of it in which every file loaded on demand (`osm-placement/*.js`) was changed after
 * the build, as a compromised CDN would serve it: the entries and the manifest are left as built,
 * so a page that pins the files as the docs show must refuse the changed ones.
 */
export async function buildCdnFile(): Promise<void> {
  const built = await buildCdn();
  const tampered = `${repository}${TAMPERED_CDN_DIR}`;
  await rm(tampered, { recursive: true, force: true });
  await cp(CDN_OUT_DIR, tampered, { recursive: true });
  for (const { modules, onDemand } of built) {
    // What the test looks for to know the changed code never ran.
    for (const path of onDemand) await writeFile(`${tampered}/${path}`, `globalThis.klarnaTamperedCodeRan = true;\n${modules.get(path)!}`);
  }
}
