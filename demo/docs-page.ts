/** The API docs page (docs.html): the manifest, the emulator's address and the backend's button key. */
import manifest from '../custom-elements.json' with { type: 'json' };
import { EMULATOR_CLIENT_ID } from '../src/emulator/constants.js';
import { mountApiDocs } from './api-docs.js';
import { fetchButtonKey } from './button-key.js';

const buttonKey = await fetchButtonKey();

mountApiDocs(document.querySelector<HTMLElement>('#api-docs')!, {
  manifest,
  emulatorUrl: import.meta.env.VITE_KLARNA_EMULATOR_URL ?? '',
  clientId: EMULATOR_CLIENT_ID,
  buttonKey,
});
