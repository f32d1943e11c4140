/**
 * `npm start`: the Klarna emulator, the shop's backend and the demo storefront together, and one
 * URL to open. Ports: KLARNA_EMULATOR_PORT (default 8787), MERCHANT_BACKEND_PORT (default 8788) and
 * PORT (default 5173); each moves on if taken. The storefront reaches the backend at `/api`.
 */
import { startDemo } from './start-demo.js';

const demo = await startDemo({
  emulator: Number(process.env.KLARNA_EMULATOR_PORT ?? 8787),
  backend: Number(process.env.MERCHANT_BACKEND_PORT ?? 8788),
  storefront: Number(process.env.PORT ?? 5173),
});
console.log(`klarna-elements demo storefront: ${demo.url}`);

async function stop(): Promise<void> {
  await demo.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
