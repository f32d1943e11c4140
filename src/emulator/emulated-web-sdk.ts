/**
 * The module the emulator serves at the Web SDK's `klarna.mjs` path: the stand-in in `web-sdk/`,
 * bundled, with the emulator's settings injected as JSON, exporting `KlarnaSDK` as Klarna's does.
 */
import { standInCode, type StandIn } from './stand-in-bundle.js';
import type { EmulatedWebSdkSettings } from './web-sdk/settings.js';

export const EMULATED_WEB_SDK: StandIn = {
  folder: 'web-sdk',
  name: 'klarnaEmulatedWebSdk',
  file: 'emulated-web-sdk-bundle.js',
  title: 'Web SDK',
};

/** The `klarna.mjs` to serve for these settings. */
export async function emulatedWebSdkSource(settings: EmulatedWebSdkSettings): Promise<string> {
  const code = await standInCode(EMULATED_WEB_SDK);
  return `/* klarna-elements emulator: Web SDK v2 stand-in, not Klarna's code */\n${code}\n`
    + `export const { KlarnaSDK } = ${EMULATED_WEB_SDK.name}.install(window, ${JSON.stringify(settings)});\n`;
}
