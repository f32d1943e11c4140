/**
 * The events `<klarna-osm-placement>` fires. All are `CustomEvent`s that bubble and cross shadow
 * roots, and all are in `HTMLElementEventMap`, so `addEventListener` knows their detail.
 */
import type { OsmNode } from '../protocol/osm-answer.js';

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

export type OsmRenderEvent = CustomEvent<OsmRenderDetail>;
export type OsmEmptyEvent = CustomEvent<OsmEmptyDetail>;
export type OsmErrorEvent = CustomEvent<OsmErrorDetail>;
export type OsmImpressionEvent = CustomEvent<OsmImpressionDetail>;

declare global {
  interface HTMLElementEventMap {
    'klarna-osm-render': OsmRenderEvent;
    'klarna-osm-empty': OsmEmptyEvent;
    'klarna-osm-error': OsmErrorEvent;
    'klarna-osm-impression': OsmImpressionEvent;
  }
}
