/**
 * The emulator's stand-in for Klarna's Web SDK v2 module (`klarna.mjs`): `KlarnaSDK(config)` checks
 * the client id and the page's origin as Klarna does and gives an instance whose `Payment` draws
 * emulated buttons and runs an emulated dialog. Served by the emulator with its settings; never
 * Klarna's code, never a real Klarna tag name.
 */
import type { KlarnaSdkInstance, SdkConfig, WebSdkModule } from '../../protocol/express-checkout.js';
import { configRefusal } from './checks.js';
import { EmulatedPayment } from './payment.js';
import type { EmulatedWebSdkSettings } from './settings.js';

export type { EmulatedWebSdkSettings } from './settings.js';

/** The module's `KlarnaSDK` for these settings, in `win`'s document. */
export function install(win: Window, settings: EmulatedWebSdkSettings): Pick<WebSdkModule, 'KlarnaSDK'> {
  return {
    KlarnaSDK(config: SdkConfig): Promise<KlarnaSdkInstance> {
      const refusal = configRefusal(config, settings, win.location.origin);
      if (refusal) return Promise.reject(refusal);
      return Promise.resolve({ Payment: new EmulatedPayment(win.document, config.clientId, settings).api() });
    },
  };
}
