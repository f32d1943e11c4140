/**
 * The script the emulator serves at Klarna's `lib.js` path: the SDK stand-in in `browser-sdk/`
 * (browser source, linted like the rest), bundled into one classic script (see
 * `stand-in-bundle.ts`), with the emulator's settings injected as JSON.
 */
import type { EmulatedSdkSettings } from './browser-sdk/settings.js';
import { EMULATED_PURCHASE_PATH } from './constants.js';
import { standInCode, type StandIn } from './stand-in-bundle.js';

export const EMULATED_INSTANT_SHOPPING_SDK: StandIn = {
  folder: 'browser-sdk',
  name: 'klarnaEmulatedSdk',
  file: 'emulated-lib.js',
  title: 'Instant Shopping SDK',
};

/** The `lib.js` to serve for these settings. */
export async function emulatedSdkSource(settings: Omit<EmulatedSdkSettings, 'purchasePath'>): Promise<string> {
  const code = await standInCode(EMULATED_INSTANT_SHOPPING_SDK);
  const injected = JSON.stringify({ ...settings, purchasePath: EMULATED_PURCHASE_PATH } satisfies EmulatedSdkSettings);
  const { name } = EMULATED_INSTANT_SHOPPING_SDK;
  return `/* klarna-elements emulator: Instant Shopping SDK stand-in, not Klarna's code */\n(() => {\n${code}\n${name}.install(window, ${injected});\n})();\n`;
}
