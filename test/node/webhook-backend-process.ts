/**
 * The webhook test's merchant backend as a process of its own, as a second backend process behind a
 * load balancer would be: `node --import tsx test/node/webhook-backend-process.ts`, with its
 * settings in the environment. It prints its webhook URL as its first line, and stops on SIGTERM.
 */
import { startWebhookBackend } from './webhook-backend.js';

const { REDIS_PORT, EMULATOR_URL, SIGNING_KEY, HANDLER_DELAY_MS } = process.env;
const backend = await startWebhookBackend({
  redisPort: Number(REDIS_PORT), emulatorUrl: EMULATOR_URL!, signingKey: SIGNING_KEY!, handlerDelayMs: Number(HANDLER_DELAY_MS ?? 0),
});
console.log(backend.url);
process.on('SIGTERM', () => void backend.close().then(() => process.exit(0)));
