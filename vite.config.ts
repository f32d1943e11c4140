/**
 * Vite serves the demo storefront (`npm start`, through demo/serve.ts, which starts the emulator
 * beside it) and builds the CDN file: one self-contained ES module with lit bundled in, in its
 * production build, that defines both elements on load. The npm output is plain `tsc` (see
 * package.json): unbundled modules let an application's bundler share one lit and tree-shake.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cdnPlugins } from './scripts/cdn-plugins.js';

const repository = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${repository}demo`,
  publicDir: false,
  plugins: cdnPlugins(),
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [repository] },
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: `${repository}dist/cdn`,
    emptyOutDir: true,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: true,
    lib: {
      entry: `${repository}src/index.ts`,
      formats: ['es'],
      fileName: () => 'klarna-elements.js',
    },
    // Library mode keeps whitespace in ES output, for the next bundler's tree-shaking; this file is
    // served as it is, so it gets the full minification. One file: what the npm build loads on
    // demand (a placement's problem wording) is inlined, since a CDN user adds one <script>.
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
  },
});
