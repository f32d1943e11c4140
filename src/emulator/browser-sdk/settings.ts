/** What the emulator tells its SDK stand-in when it serves it: injected as JSON into `lib.js`. */
export interface EmulatedSdkSettings {
  /** The emulator's origin, for the purchase request. */
  baseUrl: string;
  /** Countries where the emulated Klarna offers the button. */
  markets: string[];
  /** Where the dialog posts a purchase. */
  purchasePath: string;
}

/** Prefix of everything the stand-in writes to the console. */
export const LOG = '[Klarna Instant Shopping, emulated]';
