/**
 * The files OSM answers link to, served by the emulator so nothing leaves the machine: the Klarna
 * badge and the learn-more and prequalify pages.
 */
import type { EmulatorBadgeSize } from './config.js';
import type { RequestContext, Route } from './context.js';

/** Where OSM answers' KLARNA_BADGE node points; `?width=60&height=24` asks for a badge of another size. */
export const BADGE_PATH = '/images/badges/klarna.svg';

/**
 * Klarna's badge as the emulator draws it by default: 71×30 CSS px, "Klarna." in bold at 13.5 px
 * with its baseline 4.8 px below the middle (which centres the letters), corners rounded by a
 * sixth of the shorter side.
 */
const DEFAULT_BADGE = { width: 71, height: 30, fontSize: 13.5, baselineBelowMiddle: 4.8 };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** The badge's URL for a client: the bare path for the default size, the size in the query otherwise. */
export function badgeUrl(origin: string, size: EmulatorBadgeSize | undefined): string {
  if (!size) return `${origin}${BADGE_PATH}`;
  const query = new URLSearchParams({ width: String(size.width), height: String(size.height) });
  return `${origin}${BADGE_PATH}?${query}`;
}

export function assetRoutes(): Route[] {
  return [
    { method: 'GET', path: BADGE_PATH, handle: sendBadge },
    { method: 'GET', path: '/learn-more/index.html', handle: (context) => sendPage(context, 'Pay over time with Klarna', 'Split your purchase into smaller payments. This page is served by the klarna-elements emulator in place of Klarna\'s learn-more page.') },
    { method: 'GET', path: '/eligibility/index.html', handle: (context) => sendPage(context, 'See if you\'re prequalified', 'Klarna\'s prequalification would check your eligibility here without affecting your credit score. This page is served by the klarna-elements emulator.') },
  ];
}

function sendBadge(context: RequestContext): void {
  const svg = badgeSvg(requestedBadgeSize(context.url.searchParams));
  context.send(200, svg, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' });
}

/** The size the query asks for; the default one when either value is missing or not a positive integer. */
function requestedBadgeSize(query: URLSearchParams): EmulatorBadgeSize {
  const width = positiveInteger(query.get('width'));
  const height = positiveInteger(query.get('height'));
  if (width === undefined || height === undefined) return DEFAULT_BADGE;
  return { width, height };
}

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value === 0) return undefined;
  return value;
}

/**
 * The pink badge at exactly `width`×`height` (its width and height attributes and its viewBox):
 * the rounded rect fills it, and "Klarna." is scaled as much as fits both ways and centred.
 */
function badgeSvg({ width, height }: EmulatorBadgeSize): string {
  const scale = Math.min(width / DEFAULT_BADGE.width, height / DEFAULT_BADGE.height);
  const cornerRadius = Math.min(width, height) / 6;
  const textX = width / 2;
  const textY = height / 2 + DEFAULT_BADGE.baselineBelowMiddle * scale;
  const fontSize = DEFAULT_BADGE.fontSize * scale;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Klarna">
<rect width="${width}" height="${height}" rx="${svgNumber(cornerRadius)}" fill="#FFB3C7"/>
<text x="${svgNumber(textX)}" y="${svgNumber(textY)}" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="${svgNumber(fontSize)}" font-weight="700" fill="#0B051D">Klarna.</text>
</svg>`;
}

/** At most two decimals, and none when they are zeros: `5`, `35.5`, `5.7`. */
function svgNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function sendPage(context: RequestContext, title: string, text: string): void {
  const details = Object.entries(context.query).map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#0b051d}h1{font-size:1.5rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;color:#555}</style>
<img src="/images/badges/klarna.svg" alt="Klarna" width="71" height="30">
<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><dl>${details}</dl></html>`;
  context.send(200, page, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'; style-src 'unsafe-inline'" });
}
