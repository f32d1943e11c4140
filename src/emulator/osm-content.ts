/**
 * Believable On-site messaging content: amounts formatted with `Intl.NumberFormat` in the market's
 * currency, pay-in-4 and financing messages, and the top strip. The wording is the emulator's own
 * (Klarna's real copy varies by market and over time); languages without a phrase set here fall
 * back to English, which the real API never does.
 */
import { countryOfLocale, currencyOfCountry } from '../core/markets.js';
import { badgeUrl } from './asset-routes.js';
import type { AmountRange, EmulatorOsmClient, FinancingOffer } from './config.js';

export interface OsmAnswerNode {
  type: 'TEXT' | 'ACTION' | 'IMAGE';
  name: string;
  value?: string;
  label?: string;
  url?: string;
  alt?: string;
}

interface Phrases {
  payInFour: (installment: string) => string;
  financing: (monthly: string) => string;
  legal: (amount: string, apr: string, months: number, monthly: string) => string;
  topStrip: (min: string, max: string) => string;
  learnMore: string;
  prequalify: string;
}

const english: Phrases = {
  payInFour: (installment) => `Make 4 payments of ${installment}. No fees.`,
  financing: (monthly) => `As low as ${monthly}/mo with Klarna.`,
  legal: (amount, apr, months, monthly) =>
    `Example: a ${amount} purchase at ${apr} APR over ${months} months is ${monthly}/mo. Subject to credit approval. Financing shown by the klarna-elements emulator; not an offer.`,
  topStrip: (min, max) => `Pay in 4 interest-free payments on purchases from ${min} to ${max}.`,
  learnMore: 'Learn more',
  prequalify: "See if you're prequalified",
};

const PHRASES: Record<string, Phrases> = {
  en: english,
  de: {
    payInFour: (installment) => `4 Zahlungen à ${installment}. Keine Gebühren.`,
    financing: (monthly) => `Ab ${monthly}/Monat mit Klarna.`,
    legal: (amount, apr, months, monthly) => `Beispiel: ${amount} zu ${apr} eff. Jahreszins über ${months} Monate: ${monthly}/Monat. Bonität vorausgesetzt. Vom klarna-elements-Emulator gezeigt; kein Angebot.`,
    topStrip: (min, max) => `In 4 zinsfreien Raten zahlen bei Einkäufen von ${min} bis ${max}.`,
    learnMore: 'Mehr erfahren',
    prequalify: 'Vorabprüfung starten',
  },
  sv: {
    payInFour: (installment) => `Dela upp i 4 betalningar på ${installment}. Inga avgifter.`,
    financing: (monthly) => `Från ${monthly}/mån med Klarna.`,
    legal: (amount, apr, months, monthly) => `Exempel: ${amount} med ${apr} effektiv ränta över ${months} månader: ${monthly}/mån. Kreditprövning sker. Visas av klarna-elements-emulatorn; inget erbjudande.`,
    topStrip: (min, max) => `Dela upp i 4 räntefria betalningar vid köp från ${min} till ${max}.`,
    learnMore: 'Läs mer',
    prequalify: 'Se om du är förhandsgodkänd',
  },
  fr: {
    payInFour: (installment) => `Payez en 4 fois ${installment}. Sans frais.`,
    financing: (monthly) => `À partir de ${monthly}/mois avec Klarna.`,
    legal: (amount, apr, months, monthly) => `Exemple : ${amount} à ${apr} TAEG sur ${months} mois : ${monthly}/mois. Sous réserve d'acceptation. Affiché par l'émulateur klarna-elements ; pas une offre.`,
    topStrip: (min, max) => `Payez en 4 fois sans frais pour les achats de ${min} à ${max}.`,
    learnMore: 'En savoir plus',
    prequalify: 'Vérifiez votre éligibilité',
  },
  es: {
    payInFour: (installment) => `Paga en 4 plazos de ${installment}. Sin comisiones.`,
    financing: (monthly) => `Desde ${monthly}/mes con Klarna.`,
    legal: (amount, apr, months, monthly) => `Ejemplo: ${amount} al ${apr} TAE en ${months} meses: ${monthly}/mes. Sujeto a aprobación. Mostrado por el emulador de klarna-elements; no es una oferta.`,
    topStrip: (min, max) => `Paga en 4 plazos sin intereses en compras de ${min} a ${max}.`,
    learnMore: 'Más información',
    prequalify: 'Comprueba si estás precalificado',
  },
  nl: {
    payInFour: (installment) => `Betaal in 4 termijnen van ${installment}. Geen kosten.`,
    financing: (monthly) => `Vanaf ${monthly}/mnd met Klarna.`,
    legal: (amount, apr, months, monthly) => `Voorbeeld: ${amount} tegen ${apr} JKP over ${months} maanden: ${monthly}/mnd. Onder voorbehoud van acceptatie. Getoond door de klarna-elements-emulator; geen aanbod.`,
    topStrip: (min, max) => `Betaal in 4 renteloze termijnen bij aankopen van ${min} tot ${max}.`,
    learnMore: 'Meer informatie',
    prequalify: 'Bekijk of je in aanmerking komt',
  },
};

export interface MessageRequest {
  placementKey: string;
  locale: string;
  purchaseAmount: number | undefined;
  client: EmulatorOsmClient;
  origin: string;
  responseId: string;
  clientId: string;
}

/** The nodes for a request, or `undefined` when there is nothing to show (the API's 204). */
export function buildNodes(request: MessageRequest): OsmAnswerNode[] | undefined {
  const country = countryOfLocale(request.locale) ?? 'US';
  const currency = currencyOfCountry(country) ?? 'USD';
  const money = moneyFormatter(request.locale, currency);
  const language = request.locale.slice(0, 2).toLowerCase();
  // Own keys only: a polluted Object.prototype must not stand in for a language's phrases.
  const phrases = Object.hasOwn(PHRASES, language) ? PHRASES[language]! : english;
  const links = linkQuery(request);
  const learnMore: OsmAnswerNode = { type: 'ACTION', name: 'ACTION_LEARN_MORE', label: phrases.learnMore, url: `${request.origin}/learn-more/index.html?${links}` };
  const badge: OsmAnswerNode = {
    type: 'IMAGE',
    name: 'KLARNA_BADGE',
    alt: 'Klarna',
    url: badgeUrl(request.origin, request.client.badge),
  };

  if (request.placementKey === 'top-strip-promotion-badge') {
    const { min, max } = request.client.payInFour;
    return [{ type: 'TEXT', name: 'TEXT_MAIN', value: phrases.topStrip(money(min), money(max)) }, learnMore, badge];
  }

  const amount = request.purchaseAmount ?? 0;
  if (inRange(amount, request.client.payInFour)) {
    return [{ type: 'TEXT', name: 'TEXT_MAIN', value: phrases.payInFour(money(Math.round(amount / 4))) }, learnMore, badge];
  }
  const financing = request.client.financing;
  if (financing && financing.markets.includes(country) && inRange(amount, financing)) {
    const monthly = money(monthlyPayment(amount, financing));
    const apr = new Intl.NumberFormat(request.locale, { style: 'percent', maximumFractionDigits: 2 }).format(financing.apr / 100);
    return [
      { type: 'TEXT', name: 'TEXT_MAIN', value: phrases.financing(monthly) },
      { type: 'TEXT', name: 'TEXT_LEGAL', value: phrases.legal(money(amount), apr, financing.months, monthly) },
      learnMore,
      { type: 'ACTION', name: 'ACTION_PREQUALIFY', label: phrases.prequalify, url: `${request.origin}/eligibility/index.html?${links}` },
      badge,
    ];
  }
  return undefined;
}

export function impressionUrl(request: MessageRequest): string {
  const query = new URLSearchParams({
    id: request.responseId,
    client_id: request.clientId,
    placement_key: request.placementKey,
    locale: request.locale,
  });
  if (request.purchaseAmount !== undefined) query.set('purchase_amount', String(request.purchaseAmount));
  return `${request.origin}/v1/osm-client-script/impression?${query}`;
}

/** Formats minor units in a currency, with as many decimals as the currency has (ISO 4217). */
export function moneyFormatter(locale: string, currency: string): (minorUnits: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return (minorUnits) => format.format(minorUnits / 10 ** digits);
}

/** Annuity payment in minor units: P·r / (1 − (1 + r)^−n), r the monthly rate. */
function monthlyPayment(amount: number, offer: FinancingOffer): number {
  const rate = offer.apr / 100 / 12;
  if (rate === 0) return Math.ceil(amount / offer.months);
  return Math.ceil((amount * rate) / (1 - (1 + rate) ** -offer.months));
}

function inRange(amount: number, range: AmountRange): boolean {
  return amount >= range.min && amount <= range.max;
}

function linkQuery(request: MessageRequest): string {
  const query = new URLSearchParams({ locale: request.locale });
  if (request.purchaseAmount !== undefined) query.set('amount', String(request.purchaseAmount));
  return query.toString();
}
