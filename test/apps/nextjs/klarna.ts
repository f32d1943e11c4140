// Where the pages find Klarna: the emulator the test started (its URL in the server's environment).
export function klarnaSettings() {
  const apiUrl = process.env.KLARNA_EMULATOR_URL;
  if (!apiUrl) throw new Error('KLARNA_EMULATOR_URL is not set');
  return { apiUrl, sdkUrl: `${apiUrl}/instantshopping/lib/v1/lib.js` };
}

// The product the pages sell (test/apps/shared/shop.ts, copied in by the harness).
export { BUTTON_KEY, MERCHANT_URLS, orderLines, UNIT_PRICE } from './shop';
