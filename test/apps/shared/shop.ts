// The product the framework apps (Next.js, Nuxt, SvelteKit, React Router) sell, and what the
// Instant Shopping button is given for it: copied into each app by the harness (installApp's
// `shared`), where the app keeps it.
export const BUTTON_KEY = '123e4567-e89b-12d3-a456-426655440000';
export const UNIT_PRICE = 11900;
export const MERCHANT_URLS = { terms: '/terms' };

export function orderLines(quantity: number) {
  const total = quantity * UNIT_PRICE;
  return [{
    type: 'physical' as const, reference: '19-402-B', name: 'Battery Power Pack', quantity, unit_price: UNIT_PRICE, tax_rate: 2500,
    total_amount: total, total_discount_amount: 0, total_tax_amount: total / 5,
  }];
}
