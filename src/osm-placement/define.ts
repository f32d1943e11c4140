/** Registers `<klarna-osm-placement>`; a second copy of the library on the page leaves the first one's in place. */
import { KlarnaOsmPlacement } from './osm-placement.component.js';

export const OSM_PLACEMENT_TAG = 'klarna-osm-placement';

// The tag is written out (not OSM_PLACEMENT_TAG) because the manifest analyzer reads it from here.
if (typeof customElements !== 'undefined' && !customElements.get(OSM_PLACEMENT_TAG)) {
  customElements.define('klarna-osm-placement', KlarnaOsmPlacement);
}

declare global {
  interface HTMLElementTagNameMap {
    'klarna-osm-placement': KlarnaOsmPlacement;
  }
}

export { KlarnaOsmPlacement };
