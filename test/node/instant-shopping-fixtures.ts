/** Data and steps the Node tests of Instant Shopping share. */
import { EMULATED_PURCHASE_PATH, type KlarnaEmulator } from '../../src/emulator/index.js';

export const ORDER = {
  purchase_country: 'US', purchase_currency: 'USD', locale: 'en-US',
  billing_address: { given_name: 'Jane', family_name: 'Doe', email: 'jane.doe@example.com', postal_code: '60102', country: 'US' },
  order_amount: 12400, order_tax_amount: 0,
  order_lines: [
    { type: 'physical' as const, reference: '19-402-B', name: 'Battery Power Pack', quantity: 1, unit_price: 11900, tax_rate: 0, total_amount: 11900, total_tax_amount: 0 },
    { type: 'shipping_fee' as const, name: 'Express', quantity: 1, unit_price: 500, tax_rate: 0, total_amount: 500, total_tax_amount: 0 },
  ],
};

/** What the emulated dialog's "Buy" does: its answer arrives once the merchant has decided. */
export function purchase(emulator: KlarnaEmulator, buttonKey: string, order: object = ORDER): Promise<Response> {
  return fetch(emulator.url + EMULATED_PURCHASE_PATH, { method: 'POST', body: JSON.stringify({ button_key: buttonKey, order }) });
}
