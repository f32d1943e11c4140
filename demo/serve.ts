/**
 * `npm start`: the Klarna emulator, the shop's backend and the demo storefront together, and one
 * URL to open. Ports: KLARNA_EMULATOR_PORT (default 8787), MERCHANT_BACKEND_PORT (default 8788) and
 * PORT (default 5173); each moves on if taken. The storefront reaches the backend at `/api`.
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startEmulator } from '../src/emulator/index.js';
import { MerchantBackend } from './backend/merchant-backend.js';

/** Starts on the preferred port, or on any free one when it is taken. */
async function onFreePort<T>(start: (port: number) => Promise<T>, preferred: number): Promise<T> {
  try {
    return await start(preferred);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return start(0);
  }
}

const emulatorPort = Number(process.env.KLARNA_EMULATOR_PORT ?? 8787);
const emulator = await onFreePort((port) => startEmulator({ port }), emulatorPort);
process.env.VITE_KLARNA_EMULATOR_URL = emulator.url;
const backendPort = Number(process.env.MERCHANT_BACKEND_PORT ?? 8788);
const startBackend = (port: number) => new MerchantBackend({ klarnaBaseUrl: emulator.url }).listen(port);
const backend = await onFreePort(startBackend, backendPort);

const vite = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  logLevel: 'warn',
  // Only /api/… is the backend's (a bare '/api' prefix would also take /api-docs.ts).
  server: { port: Number(process.env.PORT ?? 5173), proxy: { '^/api/': backend.url } },
});
await vite.listen();

const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
// The storefront's event log follows the emulator's control API, which answers allowed origins only.
emulator.allowControlFrom(url);
// The key's terms and confirmation pages are the storefront's, so it is created once both are up.
backend.storefrontUrl = url;
await backend.buttonKey();
console.log(`klarna-elements demo storefront: ${url}`);

async function stop(): Promise<void> {
  await Promise.allSettled([vite.close(), backend.close(), emulator.close()]);
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
