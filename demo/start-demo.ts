/**
 * The Klarna emulator, the shop's backend and the demo storefront together: what `npm start` runs,
 * and what the screenshot script (scripts/screenshots.ts) photographs.
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startEmulator } from '../src/emulator/index.js';
import { MerchantBackend } from './backend/merchant-backend.js';

export interface DemoPorts {
  /** The emulator's preferred port; any free one when it is taken. */
  emulator: number;
  /** The shop's backend's preferred port; any free one when it is taken. */
  backend: number;
  /** The storefront's port (vite moves on by itself when it is taken; 0 is any free one). */
  storefront: number;
}

export interface RunningDemo {
  /** The storefront's address. */
  url: string;
  close(): Promise<void>;
}

/** Starts on the preferred port, or on any free one when it is taken. */
async function onFreePort<T>(start: (port: number) => Promise<T>, preferred: number): Promise<T> {
  try {
    return await start(preferred);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return start(0);
  }
}

export async function startDemo(ports: DemoPorts): Promise<RunningDemo> {
  const emulator = await onFreePort((port) => startEmulator({ port }), ports.emulator);
  process.env.VITE_KLARNA_EMULATOR_URL = emulator.url;
  const startBackend = (port: number) => new MerchantBackend({ klarnaBaseUrl: emulator.url }).listen(port);
  const backend = await onFreePort(startBackend, ports.backend);

  const vite = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    // Only /api/… is the backend's (a bare '/api' prefix would also take /api-docs.ts).
    server: { port: ports.storefront, proxy: { '^/api/': backend.url } },
  });
  await vite.listen();

  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  // The storefront's event log follows the emulator's control API, which answers allowed origins only.
  emulator.allowControlFrom(url);
  // The key's terms and confirmation pages are the storefront's, so it is created once both are up.
  backend.storefrontUrl = url;
  await backend.buttonKey();

  return {
    url,
    async close() {
      await Promise.allSettled([vite.close(), backend.close(), emulator.close()]);
    },
  };
}
