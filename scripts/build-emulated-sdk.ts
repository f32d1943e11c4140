/**
 * `npm run build`: writes the emulator's Instant Shopping SDK stand-in, bundled from
 * src/emulator/browser-sdk/, to dist/emulator/emulated-lib.js, where the published emulator reads it.
 */
import { writeFile } from 'node:fs/promises';
import { bundleEmulatedSdk } from '../src/emulator/emulated-sdk.js';

await writeFile(new URL('../dist/emulator/emulated-lib.js', import.meta.url), await bundleEmulatedSdk());
