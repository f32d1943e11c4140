/**
 * Klarna's markets: the API region a country or locale belongs to, and each market's currency.
 * Shared by the endpoints (which host to call), the elements, the server helpers and the emulator
 * (formatting), so every part agrees on one list. The OSM locales are in the protocol layer.
 */

export type KlarnaRegion = 'eu' | 'na' | 'oc';

export const KLARNA_REGIONS: readonly KlarnaRegion[] = ['eu', 'na', 'oc'];

/** ISO 4217 currency of each market On-site messaging serves. */
const MARKET_CURRENCY: Readonly<Record<string, string>> = {
  AT: 'EUR', BE: 'EUR', CH: 'CHF', CZ: 'CZK', DE: 'EUR', DK: 'DKK', ES: 'EUR', FI: 'EUR',
  FR: 'EUR', GB: 'GBP', GR: 'EUR', IE: 'EUR', IT: 'EUR', NL: 'EUR', NO: 'NOK', PL: 'PLN',
  PT: 'EUR', SE: 'SEK', CA: 'CAD', MX: 'MXN', US: 'USD', AU: 'AUD', NZ: 'NZD',
};

/** The markets outside Europe; every other country is `eu`. */
const REGION_OF_COUNTRY: Readonly<Record<string, KlarnaRegion>> = { US: 'na', CA: 'na', MX: 'na', AU: 'oc', NZ: 'oc' };

export function isKlarnaRegion(value: unknown): value is KlarnaRegion {
  return (KLARNA_REGIONS as readonly unknown[]).includes(value);
}

/** The country part of a BCP 47 locale such as `en-US` (upper-cased), or `undefined`. */
export function countryOfLocale(locale: string): string | undefined {
  const match = /^[a-z]{2,3}[-_]([a-z]{2})$/i.exec(locale.trim());
  return match?.[1]?.toUpperCase();
}

/** The currency of a market (`US` → `USD`), or `undefined` for a market OSM does not serve. */
export function currencyOfCountry(country: string): string | undefined {
  const code = country.toUpperCase();
  // Own keys only, as for the regions: a polluted Object.prototype names no market.
  return Object.hasOwn(MARKET_CURRENCY, code) ? MARKET_CURRENCY[code] : undefined;
}

/**
 * Whether `code` is the ISO 4217 currency of a market Klarna serves (`USD`, `EUR`, `SEK`, …): a
 * payment in any other is refused before Klarna sees it.
 */
export function isKlarnaCurrency(code: string): boolean {
  return Object.values(MARKET_CURRENCY).includes(code);
}

/** Klarna's API region for a country: US/CA/MX → `na`, AU/NZ → `oc`, every other → `eu`. */
export function regionForCountry(country: string): KlarnaRegion {
  const code = country.trim().toUpperCase();
  // Own keys only: a page that polluted Object.prototype cannot redirect a country's requests.
  return Object.hasOwn(REGION_OF_COUNTRY, code) ? REGION_OF_COUNTRY[code]! : 'eu';
}

/** Klarna's API region for a locale's market (`en-US` → `na`); `eu` when the locale has no country. */
export function regionForLocale(locale: string): KlarnaRegion {
  const country = countryOfLocale(locale);
  return country ? regionForCountry(country) : 'eu';
}
