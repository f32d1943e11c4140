/**
 * Builds an entry the way a CDN user gets it (one minified ES module, lit bundled in, lit's
 * production build) and measures it. Shared by `npm run bench` and the size-budget test.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { cdnPlugins } from '../../scripts/cdn-plugins.js';

export const repository = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The most the OSM-only entry may weigh, gzip, built as the CDN file is: 13.5 KiB (issue 23). The
 * size test asserts it; `npm run bench` prints how far within it the entry is.
 */
export const OSM_ENTRY_CEILING_GZIP = 13.5 * 1024;

/**
 * How much more than the OSM-only entry a page showing only the message may load at first from the
 * CDN (`osm-placement.js`, which adds `configure()`), gzip: 1 KiB. The size test asserts it;
 * `npm run bench` prints the difference.
 */
export const MESSAGE_CDN_FILE_ALLOWANCE_GZIP = 1024;

export interface BundleSize {
  code: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface EntryBundle extends BundleSize {
  /** What the entry loads only on demand (`import()`), by chunk: not part of its size. */
  lazy: (BundleSize & { name: string })[];
  /** Each module's share of the entry, largest first: its code before minification, and that share of the gzip size. */
  modules: { id: string; rendered: number; gzipShare: number }[];
  /** Every chunk by file name, the entry as `bundle.js`, for a page that loads them as the build wrote them. */
  files: Map<string, string>;
  /** The files a page that imports the entry loads at once: the entry and any chunk it shares with code loaded on demand. */
  loadedFiles: string[];
}

export function measure(code: string): BundleSize {
  const buffer = Buffer.from(code);
  return {
    code,
    bytes: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * Bundles `entry` (relative to the repository) in memory and measures what a page that imports it
 * downloads; chunks it loads only on demand are measured apart. `terser: false` leaves out the
 * CDN build's terser pass after oxc, for the figure an application's own Vite build comes near.
 */
export async function bundle(entry: string, { terser = true }: { terser?: boolean } = {}): Promise<EntryBundle> {
  const result = await build({
    configFile: false,
    root: repository,
    logLevel: 'silent',
    // As the CDN build (vite.config.ts) has it; without terser's pass, as oxc alone minifies it.
    plugins: cdnPlugins({ terser }),
    build: {
      write: false,
      target: 'es2022',
      minify: 'oxc',
      lib: { entry: `${repository}${entry}`, formats: ['es'], fileName: () => 'bundle.js' },
      // Library mode keeps whitespace in ES output (for the next bundler's tree-shaking); a file
      // served as is gets the full minification.
      rolldownOptions: { output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const main = chunks.find((chunk) => chunk.isEntry);
  if (!main) throw new Error(`building ${entry} produced no code`);
  // What loading the entry loads: it and every chunk it imports statically (shared code the
  // bundler split out), joined as one file would hold them.
  const loaded = new Set([main]);
  for (const chunk of loaded) {
    for (const name of chunk.imports) loaded.add(chunks.find((candidate) => candidate.fileName === name)!);
  }
  const size = measure([...loaded].map((chunk) => chunk.code).join('\n'));
  const rendered = [...loaded].flatMap((chunk) => Object.entries(chunk.modules)).map(([id, module]) => ({ id: id.replace(repository, ''), rendered: module.renderedLength }));
  const total = rendered.reduce((sum, module) => sum + module.rendered, 0);
  return {
    ...size,
    lazy: chunks.filter((chunk) => !loaded.has(chunk)).map((chunk) => ({ name: Object.keys(chunk.modules).map((id) => id.replace(repository, '')).join(', '), ...measure(chunk.code) })),
    files: new Map(chunks.map((chunk) => [chunk.fileName, chunk.code])),
    loadedFiles: [...loaded].map((chunk) => chunk.fileName),
    modules: rendered.filter((module) => module.rendered > 0).map((module) => ({ ...module, gzipShare: Math.round((module.rendered / total) * size.gzip) })).sort((a, b) => b.rendered - a.rendered),
  };
}
