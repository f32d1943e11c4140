/**
 * The script the emulator serves at Klarna's `lib.js` path: the SDK stand-in in `browser-sdk/`
 * (browser source, linted like the rest), bundled into one classic script, with the emulator's
 * settings injected as JSON.
 *
 * `npm run build` writes the bundle next to this module (`emulated-lib.js`), which the published
 * package serves. Run from the sources (the demo, the tests) there is none yet, so it is bundled
 * on first use by vite, the project's own bundler: a development dependency that the published
 * package never loads.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { EmulatedSdkSettings } from './browser-sdk/settings.js';
import { EMULATED_PURCHASE_PATH } from './constants.js';


/** The name the bundle gives its exports, inside the served script's own function scope. */
const BUNDLE_NAME = 'klarnaEmulatedSdk';

let bundled: Promise<string> | undefined;

/** The `lib.js` to serve for these settings. */
export async function emulatedSdkSource(settings: Omit<EmulatedSdkSettings, 'purchasePath'>): Promise<string> {
  bundled ??= builtBundle();
  const code = await bundled.catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  const injected = JSON.stringify({ ...settings, purchasePath: EMULATED_PURCHASE_PATH } satisfies EmulatedSdkSettings);
  return `/* klarna-elements emulator: Instant Shopping SDK stand-in, not Klarna's code */\n(() => {\n${code}\n${BUNDLE_NAME}.install(window, ${injected});\n})();\n`;
}

async function builtBundle(): Promise<string> {
  try {
    return await readFile(new URL('./emulated-lib.js', import.meta.url), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return bundleEmulatedSdk();
  }
}

/** Bundles `browser-sdk/` into one script that defines `klarnaEmulatedSdk` (`npm run build` writes it to dist). */
export async function bundleEmulatedSdk(): Promise<string> {
  const { build } = await import('vite');
  const entry = fileURLToPath(new URL('./browser-sdk/index.ts', import.meta.url));
  const result = await build({
    configFile: false,
    root: fileURLToPath(new URL('./browser-sdk/', import.meta.url)),
    logLevel: 'silent',
    build: { write: false, target: 'es2022', minify: false, lib: { entry, formats: ['iife'], name: BUNDLE_NAME, fileName: () => 'emulated-lib.js' } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((output) => ('output' in output ? output.output : [])).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('Bundling the emulated Instant Shopping SDK produced no code.');
  return chunk.code;
}
