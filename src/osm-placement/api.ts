/**
 * The On-site messaging answer as the element uses it: nodes looked up by name (never by type or
 * position, as Klarna's reference asks), unknown nodes and properties ignored, and every URL
 * checked before it can reach the page.
 */
import { KlarnaHttpError, type JsonResponse } from '../core/http.js';

export type OsmPlacementKey = 'credit-promotion-badge' | 'top-strip-promotion-badge';

export const OSM_PLACEMENT_KEYS: readonly OsmPlacementKey[] = ['credit-promotion-badge', 'top-strip-promotion-badge'];

/** A node as rendered: only the documented properties, with safe URLs. */
export interface OsmNode {
  type: string;
  name: string;
  value?: string;
  label?: string;
  url?: string;
  alt?: string;
}

export interface OsmLink {
  label: string;
  url: string;
}

/** What one placement shows. */
export interface OsmMessage {
  textMain: string;
  textLegal: string | undefined;
  learnMore: OsmLink | undefined;
  prequalify: OsmLink | undefined;
  badge: { url: string; alt: string } | undefined;
  /** The nodes rendered, in the order Klarna sent them. */
  nodes: readonly OsmNode[];
  /** Absent when Klarna sent none or an unsafe one (then no beacon can fire). */
  impressionUrl: string | undefined;
  /** What was dropped as unsafe, for the console. */
  warnings: readonly string[];
}

export type OsmAnswer = { kind: 'message'; message: OsmMessage } | { kind: 'empty' };

/** Links must be https:. */
const LINK_PROTOCOLS = ['https:'];
/** Klarna's own documented badge example is an http: URL, so images may use it. */
const IMAGE_PROTOCOLS = ['https:', 'http:'];

/**
 * http: on a loopback host counts as https:, as browsers treat it as a potentially trustworthy
 * origin: that is where the emulator and a developer's proxy run.
 */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname === '[::1]');
}

/**
 * Reads an OSM answer. 204 is "nothing to show"; a 200 without a `nodes` array or without a text
 * TEXT_MAIN is a `malformed-response` error, thrown so that no cache keeps it.
 */
export function parseOsmAnswer(response: JsonResponse<unknown>, url: string): OsmAnswer {
  if (response.status === 204) return { kind: 'empty' };
  const malformed = (reason: string) =>
    new KlarnaHttpError(`GET ${url}: the On-site messaging answer is malformed: ${reason}.`, {
      code: 'malformed-response',
      url,
      status: response.status,
      correlationId: response.correlationId,
    });

  const content = field(response.data, 'content');
  const rawNodes = field(content, 'nodes');
  if (!Array.isArray(rawNodes)) throw malformed('content.nodes is not an array');

  const byName = new Map<string, Record<string, unknown>>();
  for (const node of rawNodes) {
    if (isRecord(node) && typeof node.name === 'string' && !byName.has(node.name)) byName.set(node.name, node);
  }
  const warnings: string[] = [];
  const textMain = stringField(byName.get('TEXT_MAIN'), 'value');
  if (textMain === undefined) throw malformed('it has no TEXT_MAIN text');

  const link = (name: string): OsmLink | undefined => {
    const node = byName.get(name);
    if (!node) return undefined;
    const label = stringField(node, 'label');
    const safe = safeUrl(node.url, LINK_PROTOCOLS);
    if (!label || !safe) {
      warnings.push(`${name} was not rendered: ${!label ? 'it has no label' : `its URL ${describe(node.url)} is not https: (or http: on a loopback host)`}.`);
      return undefined;
    }
    return { label, url: safe };
  };
  const learnMore = link('ACTION_LEARN_MORE');
  const prequalify = link('ACTION_PREQUALIFY');

  let badge: OsmMessage['badge'];
  const badgeNode = byName.get('KLARNA_BADGE');
  if (badgeNode) {
    const safe = safeUrl(badgeNode.url, IMAGE_PROTOCOLS);
    if (safe) badge = { url: safe, alt: stringField(badgeNode, 'alt') ?? 'Klarna' };
    else warnings.push(`KLARNA_BADGE was not rendered: its URL ${describe(badgeNode.url)} is not https: or http:.`);
  }

  const textLegal = stringField(byName.get('TEXT_LEGAL'), 'value');
  let impressionUrl: string | undefined;
  const rawImpression = field(response.data, 'impression_url');
  if (rawImpression !== undefined) {
    impressionUrl = safeUrl(rawImpression, IMAGE_PROTOCOLS);
    if (!impressionUrl) warnings.push(`impression_url ${describe(rawImpression)} is not http(s): no impression beacon can fire.`);
  }

  const rendered = new Set(['TEXT_MAIN', ...(textLegal === undefined ? [] : ['TEXT_LEGAL']), ...(learnMore ? ['ACTION_LEARN_MORE'] : []), ...(prequalify ? ['ACTION_PREQUALIFY'] : []), ...(badge ? ['KLARNA_BADGE'] : [])]);
  const nodes = [...byName.values()]
    .filter((node) => rendered.has(node.name as string))
    .map((node) => toPublicNode(node, { learnMore, prequalify, badge }));

  return { kind: 'message', message: { textMain, textLegal, learnMore, prequalify, badge, nodes: Object.freeze(nodes), impressionUrl, warnings } };
}

/** An absolute URL with one of the allowed protocols (or http: on a loopback host), or `undefined`. */
export function safeUrl(value: unknown, protocols: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) || isLoopback(url) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function toPublicNode(node: Record<string, unknown>, safe: Pick<OsmMessage, 'learnMore' | 'prequalify' | 'badge'>): OsmNode {
  const name = node.name as string;
  const type = typeof node.type === 'string' ? node.type : '';
  switch (name) {
    case 'ACTION_LEARN_MORE':
      return { type, name, ...safe.learnMore };
    case 'ACTION_PREQUALIFY':
      return { type, name, ...safe.prequalify };
    case 'KLARNA_BADGE':
      return { type, name, ...safe.badge };
    default:
      return { type, name, value: node.value as string };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, name: string): unknown {
  return isRecord(value) ? value[name] : undefined;
}

function stringField(node: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === 'string' ? value : undefined;
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
