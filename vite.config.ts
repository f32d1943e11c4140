/**
 * Vite serves the demo storefront (`npm start`, through demo/serve.ts, which starts the emulator
 * beside it), with the plugins of the CDN build. The CDN files themselves (one with every element,
 * one per element) are several builds and an integrity manifest, which one `vite build` does not
 * make: `npm run build:cdn` runs scripts/cdn-files.ts. The npm output is plain `tsc` (see
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
});
