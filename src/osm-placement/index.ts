/**
 * `klarna-elements/osm-placement`: `<klarna-osm-placement>`, defined on import.
 * @module
 */
export { KlarnaOsmPlacement, type OsmPlacementState, type OsmPrefetched, type OsmTheme } from './osm-placement.component.js';
export { OSM_PLACEMENT_TAG } from './define.js';
export { OSM_LOCALES, OSM_PLACEMENT_KEYS, type OsmLocale, type OsmPlacementKey } from '../protocol/osm-request.js';
export type { OsmNode } from '../protocol/osm-answer.js';
export type { OsmImpressionMode, OsmLoading } from './placement-request.js';
export type * from './events.js';
