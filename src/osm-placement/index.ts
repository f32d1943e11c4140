/**
 * `klarna-elements/osm-placement`: `<klarna-osm-placement>`, defined on import.
 * @module
 */
export { KlarnaOsmPlacement, type OsmPlacementState, type OsmPrefetched, type OsmTheme } from './osm-placement.component.js';
export { OSM_PLACEMENT_TAG } from './define.js';
export { OSM_PLACEMENT_KEYS, type OsmNode, type OsmPlacementKey } from './api.js';
export type { OsmImpressionMode, OsmLoading } from './config.js';
export type * from './events.js';
