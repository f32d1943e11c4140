/** Registers `<klarna-osm-placement>`; a second copy of the library on the page leaves the first one's in place. */
import { KlarnaOsmPlacement } from './osm-placement.component.js';

export const OSM_PLACEMENT_TAG = 'klarna-osm-placement';

if (typeof customElements !== 'undefined' && !customElements.get(OSM_PLACEMENT_TAG)) {
  customElements.define(OSM_PLACEMENT_TAG, KlarnaOsmPlacement);
}

declare global {
  interface HTMLElementTagNameMap {
    'klarna-osm-placement': KlarnaOsmPlacement;
  }
}

export { KlarnaOsmPlacement };
