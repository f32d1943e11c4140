/**
 * The events `<klarna-osm-placement>` fires. All are `CustomEvent`s that bubble and cross shadow
 * roots, and all are in `HTMLElementEventMap`, so `addEventListener` knows their detail. The link
 * events (`klarna-osm-learn-more`, `klarna-osm-prequalify`) are cancelable.
 */
import type { OsmNode } from '../protocol/osm-answer.js';
import type { OsmLearnMorePresentation } from './placement-request.js';

export type OsmErrorCode = 'invalid-config' | 'http' | 'network' | 'timeout' | 'malformed-response';

export interface OsmRequestDetail {
  placementKey: string;
  locale: string;
  purchaseAmount: number | undefined;
}

export interface OsmRenderDetail extends OsmRequestDetail {
  nodes: readonly OsmNode[];
  impressionUrl: string | undefined;
}

export type OsmEmptyDetail = OsmRequestDetail;

export interface OsmErrorDetail {
  code: OsmErrorCode;
  message: string;
  status?: number;
  correlationId?: string;
}

export interface OsmImpressionDetail {
  url: string;
}

/**
 * A learn-more or prequalify link the shopper followed: its `url`, the rendering it belongs to, and
 * how it opens (`learn-more`). Cancel the event (`preventDefault()`) to open it your own way.
 */
export interface OsmLinkDetail extends OsmRequestDetail {
  url: string;
  presentation: OsmLearnMorePresentation;
}

export type OsmRenderEvent = CustomEvent<OsmRenderDetail>;
export type OsmEmptyEvent = CustomEvent<OsmEmptyDetail>;
export type OsmErrorEvent = CustomEvent<OsmErrorDetail>;
export type OsmImpressionEvent = CustomEvent<OsmImpressionDetail>;
export type OsmLinkEvent = CustomEvent<OsmLinkDetail>;

declare global {
  interface HTMLElementEventMap {
    'klarna-osm-render': OsmRenderEvent;
    'klarna-osm-empty': OsmEmptyEvent;
    'klarna-osm-error': OsmErrorEvent;
    'klarna-osm-impression': OsmImpressionEvent;
    'klarna-osm-learn-more': OsmLinkEvent;
    'klarna-osm-prequalify': OsmLinkEvent;
    'klarna-osm-dialog-close': OsmLinkEvent;
  }
}
