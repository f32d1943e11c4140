/**
 * `klarna-elements/osm-placement`: the On-site messaging element. Filled by the OSM placement
 * issue; the entry exists now so the package's exports map is complete from the start.
 * @module
 */
export {};
