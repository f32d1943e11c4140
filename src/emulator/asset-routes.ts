/**
 * The files OSM answers link to, served by the emulator so nothing leaves the machine: the Klarna
 * badge and the learn-more and prequalify pages.
 */
import type { RequestContext, Route } from './context.js';

const BADGE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="71" height="30" viewBox="0 0 71 30" role="img" aria-label="Klarna">
<rect width="71" height="30" rx="5" fill="#FFB3C7"/>
<text x="35.5" y="19.8" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="13.5" font-weight="700" fill="#0B051D">Klarna.</text>
</svg>`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

export function assetRoutes(): Route[] {
  return [
    { method: 'GET', path: '/images/badges/klarna.svg', handle: (context) => context.send(200, BADGE_SVG, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }) },
    { method: 'GET', path: '/learn-more/index.html', handle: (context) => sendPage(context, 'Pay over time with Klarna', 'Split your purchase into smaller payments. This page is served by the klarna-elements emulator in place of Klarna\'s learn-more page.') },
    { method: 'GET', path: '/eligibility/index.html', handle: (context) => sendPage(context, 'See if you\'re prequalified', 'Klarna\'s prequalification would check your eligibility here without affecting your credit score. This page is served by the klarna-elements emulator.') },
  ];
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
