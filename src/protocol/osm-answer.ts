/**
 * The On-site messaging answer, read the same way by the element and by `OsmClient`: nodes looked
 * up by name (never by type or position, as Klarna's reference asks), unknown nodes and properties
 * ignored, and every URL checked before it can reach a page.
 */
import { isLoopbackHostname } from '../core/endpoints.js';
import { KlarnaHttpError, type JsonResponse } from '../core/http.js';

/** A node as rendered: only the documented properties, with safe URLs. */
export interface OsmNode {
  type: string;
  name: string;
  value?: string;
  label?: string;
  url?: string;
  alt?: string;
}

/** What one placement shows. */
export interface OsmMessage {
  /** The nodes rendered, in Klarna's order. */
  nodes: readonly OsmNode[];
  /** The same nodes by name: TEXT_MAIN is always there. */
  byName: Readonly<Record<string, OsmNode | undefined>>;
  /** Absent when Klarna sent none or an unsafe one (then no beacon can fire). */
  impressionUrl: string | undefined;
  /** What was dropped as unsafe, for the console. */
  warnings: readonly string[];
}

export type OsmAnswer = { kind: 'message'; message: OsmMessage } | { kind: 'empty' };

/**
 * A URL the page may use: https:, or http: on a loopback host (browsers treat it as trustworthy:
 * where the emulator and a developer's proxy run), or any http: for images, as Klarna's own badge
 * example uses. Anything else (`javascript:`, `data:`, relative) gives `undefined`.
 */
export function safeUrl(value: unknown, isImage = false): string | undefined {
  try {
    const url = new URL(value as string);
    return url.protocol === 'https:' || (url.protocol === 'http:' && (isImage || isLoopbackHostname(url.hostname))) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a record of the answer holds itself. Never what it inherits: a page's other scripts may have
 * polluted Object.prototype, and a field the answer lacks must not be read from there.
 */
function own(record: unknown, name: string): unknown {
  if (record == null || !Object.hasOwn(record, name)) return undefined;
  return (record as Record<string, unknown>)[name];
}

const text = (record: unknown, name: string) => {
  const value = own(record, name);
  return typeof value === 'string' ? value : undefined;
};

/**
 * Reads an OSM answer. 204 is "nothing to show"; a 200 without a `nodes` array or without a text
 * TEXT_MAIN is a `malformed-response` error, thrown so that no cache keeps it.
 */
export function parseOsmAnswer({ status, data, correlationId }: Pick<JsonResponse<unknown>, 'status' | 'data'> & { correlationId?: string | undefined }, url: string): OsmAnswer {
  if (status === 204) return { kind: 'empty' };
  const malformed = (reason: string) =>
    new KlarnaHttpError(`GET ${url}: the On-site messaging answer is malformed: ${reason}.`, { code: 'malformed-response', url, status, correlationId });
  const raw = own(own(data, 'content'), 'nodes');
  if (!Array.isArray(raw)) throw malformed('content.nodes is not an array');

  const nodes: OsmNode[] = [];
  // No prototype: a name is looked up among the answer's nodes only.
  const byName: Record<string, OsmNode> = Object.create(null) as Record<string, OsmNode>;
  const warnings: string[] = [];
  for (const node of raw as unknown[]) {
    const name = text(node, 'name');
    if (!name || name in byName) continue;
    const clean = cleanNode(node, name, warnings);
    if (clean) nodes.push((byName[name] = clean));
  }
  if (!byName.TEXT_MAIN) throw malformed('it has no TEXT_MAIN text');

  const givenImpressionUrl = own(data, 'impression_url');
  const impressionUrl = safeUrl(givenImpressionUrl, true);
  if (givenImpressionUrl !== undefined && !impressionUrl) warnings.push('impression_url is not an http(s) URL: no impression beacon can fire.');
  return { kind: 'message', message: { nodes: Object.freeze(nodes), byName, impressionUrl, warnings } };
}

/**
 * A node as the placement shows it: a text with its value, a link with its label, the badge with
 * its alt text. `undefined` for a node of another name or without what it needs, and for a link or
 * badge whose URL is not allowed (with a warning).
 */
function cleanNode(node: unknown, name: string, warnings: string[]): OsmNode | undefined {
  const type = text(node, 'type') ?? '';
  if (name === 'TEXT_MAIN' || name === 'TEXT_LEGAL') {
    const value = text(node, 'value');
    return value === undefined ? undefined : { type, name, value };
  }
  if (name !== 'ACTION_LEARN_MORE' && name !== 'ACTION_PREQUALIFY' && name !== 'KLARNA_BADGE') return undefined;
  const isImage = name === 'KLARNA_BADGE';
  const url = own(node, 'url');
  const safe = safeUrl(url, isImage);
  const label = text(node, 'label');
  if (!safe) {
    warnings.push(`${name} was not rendered: its URL ${JSON.stringify(String(url)).slice(0, 80)} is not allowed.`);
    return undefined;
  }
  if (isImage) return { type, name, url: safe, alt: text(node, 'alt') ?? 'Klarna' };
  return label ? { type, name, label, url: safe } : undefined;
}
