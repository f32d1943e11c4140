/**
 * The message as the shopper sees it: Klarna's nodes looked up by name, in the order a badge
 * reads best (badge, text, links, legal text), whatever order the answer gave them in. Every value
 * is rendered as text or as an attribute, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { OsmMessage, OsmNode } from '../protocol/osm-answer.js';

/** The parts a message is made of: one per node Klarna may send. */
export function messageTemplate({ byName }: OsmMessage): TemplateResult {
  // Read from the message's own nodes (no prototype), never from a `{}` a page's script may have polluted.
  return html`
    ${badgeTemplate(byName.KLARNA_BADGE)}
    ${textTemplate('text-main', byName.TEXT_MAIN)}
    ${linkTemplate('learn-more', byName.ACTION_LEARN_MORE)}
    ${linkTemplate('prequalify', byName.ACTION_PREQUALIFY)}
    ${textTemplate('text-legal', byName.TEXT_LEGAL)}
  `;
}

function badgeTemplate(badge: OsmNode | undefined) {
  if (!badge?.url) return nothing;
  return html`<img part="badge" src=${badge.url} alt=${badge.alt ?? 'Klarna'} decoding="async">`;
}

/** TEXT_MAIN has an id: the links are described by it. */
function textTemplate(part: 'text-main' | 'text-legal', text: OsmNode | undefined) {
  if (!text) return nothing;
  return html`<span part=${part} id=${part}>${text.value}</span>`;
}

/**
 * A link opens in a new tab by default, as a plain link; the placement's click listener opens it
 * another way when `learn-more` says so.
 */
function linkTemplate(part: 'learn-more' | 'prequalify', link: OsmNode | undefined) {
  if (!link?.url) return nothing;
  return html`
    <a part=${part} href=${link.url} target="_blank" rel="noopener noreferrer" aria-describedby="text-main">${link.label}</a>
  `;
}
