/** What the emulator tells its Web SDK stand-in when it serves it: injected as JSON into `klarna.mjs`. */
export interface EmulatedWebSdkSettings {
  /** The emulator's origin, where the dialog registers a completed purchase. */
  baseUrl: string;
  /** Where the dialog posts a completed purchase, for the payment token (and the webhook). */
  completePath: string;
  /** Client ids the emulated Klarna knows; empty: any well-formed `klarna_test_client_…`. */
  clientIds: string[];
  /** Origins allowed to use the client ids (the Merchant Portal's list); empty: any. */
  allowedOrigins: string[];
  /** How the shopper's purchase ends when they press Pay: as Klarna approves it, or declines it. */
  outcome: 'approve' | 'decline' | 'abort';
  /** How long Klarna waits for a shipping callback's answer before the flow ends in error. */
  shippingDeadlineMs: number;
}

/** Prefix of everything the stand-in writes to the console. */
export const LOG = '[Klarna Web SDK, emulated]';

/**
 * The emulated shopper: the part of the address Klarna shares before the purchase, and the profile.
 * The same person as the emulator's payment token and webhook (`express-checkout-state.ts`).
 */
export const PERSONA_ADDRESS = { country: 'US', postalCode: '90012', city: 'Los Angeles', region: 'CA' } as const;
export const PERSONA_PROFILE = { givenName: 'Jane', familyName: 'Doe', email: 'jane.doe@example.com', locale: 'en-US' } as const;
