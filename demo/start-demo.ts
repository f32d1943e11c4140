/**
 * The Klarna emulator, the shop's backend and the demo storefront together: what `npm start` runs,
 * and what the screenshot script (scripts/screenshots.ts) photographs.
 */
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startEmulator } from '../src/emulator/index.js';
import { MerchantBackend } from './backend/merchant-backend.js';
import { EXPRESS_CHECKOUT_WEBHOOK_PATH } from './express-checkout-purchase.js';

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

/** The preferred port if it is free now, else any free one: for a server whose address another must know before it starts. */
async function freePort(preferred: number): Promise<number> {
  const probe = (port: number) => new Promise<number>((resolve, reject) => {
    const server = createNetServer().once('error', reject).listen(port, '127.0.0.1', () => {
      const { port: taken } = server.address() as AddressInfo;
      server.close(() => resolve(taken));
    });
  });
  return onFreePort(probe, preferred);
}

export async function startDemo(ports: DemoPorts): Promise<RunningDemo> {
  // The emulator posts Express Checkout's webhook to the backend, so the backend's address is
  // chosen first and given to the emulator as its start config, which a reset restores.
  const backendPort = await freePort(ports.backend);
  const webhookUrl = `http://127.0.0.1:${backendPort}${EXPRESS_CHECKOUT_WEBHOOK_PATH}`;
  const startKlarna = (port: number) => startEmulator({ port, config: { expressCheckout: { webhookUrl } } });
  const emulator = await onFreePort(startKlarna, ports.emulator);
  process.env.VITE_KLARNA_EMULATOR_URL = emulator.url;
  const backend = await new MerchantBackend({ klarnaBaseUrl: emulator.url }).listen(backendPort);

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
