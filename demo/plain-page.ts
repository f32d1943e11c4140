/**
 * What the plain product page (product.html) shares with any shop: the library, the Klarna settings
 * and a consent platform. The product itself has no script: its price, its sizes and its quantity
 * reach the placement through `amount-from` and `quantity-from`.
 */
import '../src/index.js';
import { EMULATOR_CLIENT_ID } from '../src/emulator/constants.js';
import { mountConsentBanner } from './consent-banner.js';

const config = document.querySelector('klarna-config')!;
// The emulator's address is known only when `npm start` runs.
Object.assign(config, { clientId: EMULATOR_CLIENT_ID, apiUrl: import.meta.env.VITE_KLARNA_EMULATOR_URL ?? '' });
mountConsentBanner(document.querySelector<HTMLElement>('.consent-banner')!, config, document.querySelector<HTMLElement>('#privacy-choices'));
