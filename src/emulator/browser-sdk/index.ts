/**
 * The emulator's Instant Shopping SDK stand-in, as browser source. It is bundled into one script
 * (see `../emulated-sdk.ts`) that the emulator serves at Klarna's `lib.js` path, with its settings
 * injected as JSON. Not Klarna's code: what it shows says it is emulated.
 */
export { install } from './install.js';
export type { EmulatedSdkSettings } from './settings.js';
