/**
 * The files a page loads from a CDN with no build of its own: each a minified ES module with lit's
 * production build inside, built by vite with the plugins of scripts/cdn-plugins.ts, and
 * `integrity.json`, the Subresource Integrity hash of every file a CDN page can load, so that a
 * page pins them all (docs/security.md). `npm run build:cdn` runs this file, which writes them to
 * dist/cdn/ and prints each one's gzip size and hash.
 *
 * - `klarna-elements.js`: every element, with what they load on demand inlined: one file, one hash,
 *   pinned by the `integrity` of its `<script>` alone, in every browser.
 * - One file per element (`osm-placement.js`, …): that element and `configure()`. What it loads on
 *   demand stays in files of their own, in a folder named after it (`osm-placement/beacon.js`).
 *   Inlined, the message's five on-demand parts would add 4.5 KB gzip to its first load, which may
 *   be at most the npm entry's and 1 KB (test/node/size.test.ts). A script's `integrity` covers
 *   that script only, so a page pins those files in an import map's `integrity`: their names are
 *   stable (no content hash), so the page's list changes only in its hashes, and only when the
 *   code does.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import { cdnPlugins } from './cdn-plugins.js';

const repository = fileURLToPath(new URL('..', import.meta.url));

/** Where `npm run build:cdn` writes the files, and the package ships them (`klarna-elements/cdn/…`). */
export const CDN_OUT_DIR = `${repository}dist/cdn`;
/** The manifest in the output folder: each module file's path in it → its `sha384-…` hash. */
export const INTEGRITY_MANIFEST = 'integrity.json';

export interface CdnFile {
  /** The file's name in the output folder, without `.js`; also the folder of what it loads on demand. */
  name: string;
  /** The modules of src/ whose exports it exports, all of them: the elements they define on load. */
  exportsFrom: string[];
  /** Whether it exports `configure()` besides. */
  withConfigure: boolean;
  /**
   * `inline`: what the elements load on demand is part of the file (one file, one hash).
   * `files`: it stays in files of their own in `<name>/`, fetched only when needed.
   */
  onDemand: 'inline' | 'files';
}

/**
 * Every CDN file: the one with everything, and one per element. A per-element file has `configure()` (0.2 KB gzip on the message's) so that a page
 * with that file alone still gives its settings once and holds every request until the visitor's
 * consent. `<klarna-config>` would cost the message's file 1.0 KB more, its whole allowance: a page
 * that wants it loads `klarna-elements.js`, as does a page with several kinds of element (each
 * per-element file brings its own lit).
 */
export const CDN_FILES: readonly CdnFile[] = [
  { name: 'klarna-elements', exportsFrom: ['index.ts'], withConfigure: false, onDemand: 'inline' },
  { name: 'osm-placement', exportsFrom: ['osm-placement/index.ts'], withConfigure: true, onDemand: 'files' },
  { name: 'instant-shopping', exportsFrom: ['instant-shopping/index.ts'], withConfigure: true, onDemand: 'files' },
  { name: 'express-checkout', exportsFrom: ['express-checkout/index.ts'], withConfigure: true, onDemand: 'files' },
];

export interface BuiltCdnFile {
  file: CdnFile;
  /** Each module file written for it, by its path in the output folder, with its text as written. */
  modules: Map<string, string>;
  /** What a page that loads it fetches at once: the file and any file it imports statically. */
  loadedAtFirst: string[];
  /** What it fetches only on demand (`import()`). */
  onDemand: string[];
}

/** The hash a `<script integrity>` or an import map's `integrity` names, of a file's exact bytes. */
export function integrityOf(text: string | Uint8Array): string {
  return `sha384-${createHash('sha384').update(text).digest('base64')}`;
}

/** The id of a CDN file's entry module, which {@link cdnEntry} writes from its {@link CdnFile}. */
const ENTRY_PREFIX = '\0klarna-elements:cdn-entry:';

/** Each CDN file's entry module: the exports it names, from src/. */
function cdnEntry(): Plugin {
  return {
    name: 'klarna-elements:cdn-entry',
    resolveId(id) {
      return id.startsWith(ENTRY_PREFIX) ? id : null;
    },
    load(id) {
      const file = CDN_FILES.find(({ name }) => id === `${ENTRY_PREFIX}${name}`);
      if (!file) return null;
      const lines = file.exportsFrom.map((module) => `export * from ${JSON.stringify(`${repository}src/${module}`)};`);
      if (file.withConfigure) lines.push(`export { configure } from ${JSON.stringify(`${repository}src/internal/page-config.ts`)};`);
      return lines.join('\n');
    },
  };
}

/** The vite build of one CDN file into `outDir`: library mode, as the size test measures an entry (test/bench/bundle.ts). */
export function cdnBuildConfig(file: CdnFile, outDir: string): InlineConfig {
  return {
    configFile: false,
    root: repository,
    publicDir: false,
    logLevel: 'warn',
    plugins: [cdnEntry(), ...cdnPlugins()],
    build: {
      outDir,
      // The files are built one after another into one folder, which buildCdn makes empty.
      emptyOutDir: false,
      target: 'es2022',
      minify: 'oxc',
      sourcemap: true,
      lib: { entry: `${ENTRY_PREFIX}${file.name}`, formats: ['es'], fileName: () => `${file.name}.js` },
      rolldownOptions: {
        // As it is: library mode would read `lib.entry` as a path and resolve it against the root.
        input: `${ENTRY_PREFIX}${file.name}`,
        // Library mode keeps whitespace in ES output, for the next bundler's tree-shaking; these
        // files are served as they are, so they get the full minification.
        output: { minify: true, ...splitting(file) },
        // Terser's pass (cdn-plugins.ts) takes most of each build, as chosen: no notice about it.
        checks: { bundlerTimings: false },
      },
    },
  };
}

function splitting(file: CdnFile): Rolldown.OutputOptions {
  if (file.onDemand === 'inline') return { codeSplitting: false };
  // Named after the module loaded on demand (`beacon.js`), a number added only if two share a name.
  return { chunkFileNames: `${file.name}/[name].js` };
}

/**
 * Builds the CDN files (all, unless told which) and their integrity manifest, hashing the files as
 * they were written, into `outDir`, which then holds these files and nothing else.
 */
export async function buildCdn(
  outDir: string = CDN_OUT_DIR,
  files: readonly CdnFile[] = CDN_FILES,
): Promise<BuiltCdnFile[]> {
  // Built aside and moved in whole, so that `outDir` never holds a manifest and files of two builds.
  await mkdir(`${repository}node_modules/.cache`, { recursive: true });
  const building = await mkdtemp(`${repository}node_modules/.cache/cdn-build-`);
  try {
    const built: BuiltCdnFile[] = [];
    // One after another: terser's pass, most of the time, takes the one thread they would share.
    for (const file of files) built.push(await buildOne(file, building));
    await writeFile(`${building}/${INTEGRITY_MANIFEST}`, `${JSON.stringify(integrityManifest(built), null, 2)}\n`);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(dirname(outDir), { recursive: true });
    await rename(building, outDir);
    return built;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/** Each module file's path in the output folder → its hash, in the order of the paths. */
function integrityManifest(built: BuiltCdnFile[]): Record<string, string> {
  const paths = built.flatMap(({ modules }) => [...modules.keys()]).sort();
  const textOf = (path: string) => built.find(({ modules }) => modules.has(path))!.modules.get(path)!;
  return Object.fromEntries(paths.map((path) => [path, integrityOf(textOf(path))]));
}

async function buildOne(file: CdnFile, outDir: string): Promise<BuiltCdnFile> {
  const result = await build(cdnBuildConfig(file, outDir));
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error(`building ${file.name}.js produced no code`);
  if (file.onDemand === 'inline' && chunks.length > 1) {
    throw new Error(`${file.name}.js was to be one file, but the build split off ${chunks.filter((chunk) => chunk !== entry).map((chunk) => chunk.fileName).join(', ')}`);
  }
  const loadedAtFirst = new Set([entry.fileName]);
  for (const fileName of loadedAtFirst) {
    for (const imported of chunks.find((chunk) => chunk.fileName === fileName)!.imports) loadedAtFirst.add(imported);
  }
  const modules = new Map<string, string>();
  for (const chunk of chunks) modules.set(chunk.fileName, await readFile(`${outDir}/${chunk.fileName}`, 'utf8'));
  return {
    file,
    modules,
    loadedAtFirst: [...loadedAtFirst],
    onDemand: [...modules.keys()].filter((fileName) => !loadedAtFirst.has(fileName)),
  };
}

/** `npm run build:cdn`: writes dist/cdn/, printing each module file with its gzip size and its hash. */
async function main(): Promise<void> {
  for (const { modules, loadedAtFirst } of await buildCdn()) {
    for (const [path, text] of modules) {
      const when = loadedAtFirst.includes(path) ? 'at first ' : 'on demand';
      console.log(`dist/cdn/${path.padEnd(44)} ${when} ${String(gzipSync(text, { level: 9 }).length).padStart(6)} B gzip  ${integrityOf(text)}`);
    }
  }
  console.log(`dist/cdn/${INTEGRITY_MANIFEST}: every file's hash, for <script integrity> and an import map's integrity`);
}

// Run, not imported (by the CDN browser test's build, the size test and the bench).
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
