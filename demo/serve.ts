/**
 * `npm start`: the Klarna emulator and the demo storefront together, and one URL to open.
 * Ports: KLARNA_EMULATOR_PORT (default 8787) and PORT (default 5173); either moves on if taken.
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startEmulator, type KlarnaEmulator } from '../src/emulator/index.js';

async function startEmulatorOnFreePort(port: number): Promise<KlarnaEmulator> {
  try {
    return await startEmulator({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startEmulator({ port: 0 });
  }
}

const emulator = await startEmulatorOnFreePort(Number(process.env.KLARNA_EMULATOR_PORT ?? 8787));
process.env.VITE_KLARNA_EMULATOR_URL = emulator.url;

const vite = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  logLevel: 'warn',
  server: { port: Number(process.env.PORT ?? 5173) },
});
await vite.listen();

const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
console.log(`klarna-elements demo storefront: ${url}`);

async function stop(): Promise<void> {
  await Promise.allSettled([vite.close(), emulator.close()]);
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
