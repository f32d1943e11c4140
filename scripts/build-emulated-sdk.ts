/**
 * `npm run build`: writes the emulator's SDK stand-ins (Instant Shopping's `lib.js` from
 * src/emulator/browser-sdk/, the Web SDK's `klarna.mjs` from src/emulator/web-sdk/), each bundled,
 * to dist/emulator/, where the published emulator reads them.
 */
import { writeFile } from 'node:fs/promises';
import { EMULATED_INSTANT_SHOPPING_SDK } from '../src/emulator/emulated-sdk.js';
import { EMULATED_WEB_SDK } from '../src/emulator/emulated-web-sdk.js';
import { bundleStandIn } from '../src/emulator/stand-in-bundle.js';

for (const standIn of [EMULATED_INSTANT_SHOPPING_SDK, EMULATED_WEB_SDK]) {
  await writeFile(new URL(`../dist/emulator/${standIn.file}`, import.meta.url), await bundleStandIn(standIn));
}
