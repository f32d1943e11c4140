/**
 * Builds an entry the way a CDN user gets it (one minified ES module, lit bundled in, lit's
 * production build) and measures it. Shared by `npm run bench` and the size-budget test.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export const repository = fileURLToPath(new URL('../../', import.meta.url));

export interface BundleSize {
  code: string;
  bytes: number;
  gzip: number;
  brotli: number;
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

/** Bundles `entry` (relative to the repository) in memory and measures the result. */
export async function bundle(entry: string): Promise<BundleSize> {
  const result = await build({
    configFile: false,
    root: repository,
    logLevel: 'silent',
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
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`building ${entry} produced no code`);
  return measure(chunk.code);
}
