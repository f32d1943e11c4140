/** Product pictures drawn as SVG, so the demo has no image files and needs no network. */
import { svg, type TemplateResult } from 'lit';
import type { Colour, Product } from './catalog.js';

const SHAPES: Record<string, (colour: Colour) => TemplateResult> = {
  'aurora-jacket': (colour) => svg`
    <path d="M160 70 L122 88 L92 168 L114 178 L136 130 V248 H264 V130 L286 178 L308 168 L278 88 L240 70 C232 90 216 100 200 100 S168 90 160 70 Z" fill=${colour.swatch} stroke=${colour.shade} stroke-width="4" stroke-linejoin="round"/>
    ${[140, 172, 204, 236].map((y) => svg`<path d="M136 ${y} H264" stroke=${colour.shade} stroke-opacity=".3" stroke-width="3"/>`)}
    <path d="M200 100 V248" stroke=${colour.shade} stroke-width="4"/>`,
  'fjell-backpack': (colour) => svg`
    <rect x="125" y="80" width="150" height="190" rx="40" fill=${colour.swatch} stroke=${colour.shade} stroke-width="4"/>
    <rect x="150" y="170" width="100" height="70" rx="16" fill=${colour.shade} fill-opacity=".35"/>
    <path d="M165 80 c0-30 70-30 70 0" fill="none" stroke=${colour.shade} stroke-width="8" stroke-linecap="round"/>`,
  'lumen-lantern': (colour) => svg`
    <circle cx="200" cy="170" r="95" fill=${colour.swatch} fill-opacity=".25"/>
    <rect x="160" y="110" width="80" height="130" rx="18" fill=${colour.swatch} stroke=${colour.shade} stroke-width="4"/>
    <path d="M175 110 v-22 a25 25 0 0 1 50 0 v22" fill="none" stroke=${colour.shade} stroke-width="6"/>
    <rect x="150" y="240" width="100" height="22" rx="8" fill=${colour.shade}/>`,
};

export function productArt(product: Product, colour: Colour): TemplateResult {
  const shape = SHAPES[product.id] ?? SHAPES['lumen-lantern']!;
  return svg`<svg viewBox="0 0 400 340" role="img" aria-label=${`${product.name} in ${colour.name}`}>
    <defs><linearGradient id=${`bg-${product.id}`} x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f7f3ee"/><stop offset="1" stop-color="#ece4da"/></linearGradient></defs>
    <rect width="400" height="340" rx="24" fill=${`url(#bg-${product.id})`}/>
    ${shape(colour)}
  </svg>`;
}
