#!/usr/bin/env node
/**
 * `klarna-emulator [--port 8787] [--host 127.0.0.1] [--config emulator.json] [--control-origin http://localhost:5173 …]`
 */
import { parseArgs } from 'node:util';
import { EMULATOR_CLIENT_ID } from './constants.js';
import { startEmulator } from './server.js';

const usage = 'Usage: klarna-emulator [--port 8787] [--host 127.0.0.1] [--config emulator.json] [--control-origin http://localhost:5173 …]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p', default: process.env.KLARNA_EMULATOR_PORT ?? '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      config: { type: 'string', short: 'c' },
      // Pages (your dev server) that may use /__emulator/… from a browser; repeat for several.
      'control-origin': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}". ${usage}`);
  const emulator = await startEmulator({ port, host: values.host, controlOrigins: values['control-origin'], ...(values.config ? { configFile: values.config } : {}) });
  console.log(`Klarna emulator listening on ${emulator.url}`);
  console.log(`  api-url="${emulator.url}"  client-id="${EMULATOR_CLIENT_ID}"`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`klarna-emulator: ${(error as Error).message}`);
  process.exit(1);
});
