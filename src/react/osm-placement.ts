'use client';
/**
 * `klarna-elements/react/osm-placement`: `<KlarnaOsmPlacement>` alone, so an app that shows only
 * On-site messaging ships only that element. Each property is a prop, and each event an `on…`
 * prop whose handler gets the typed `CustomEvent`.
 * @module
 */
import { KlarnaOsmPlacement as OsmPlacementElement } from '../osm-placement/define.js';
import type { OsmEmptyEvent, OsmErrorEvent, OsmImpressionEvent, OsmLinkEvent, OsmRenderEvent } from '../osm-placement/events.js';
import { createComponent, type ElementComponentProps } from './create-component.js';
import type { ElementProperty } from './element-properties.js';


interface OsmPlacementEventProps {
  onRender: OsmRenderEvent;
  onEmpty: OsmEmptyEvent;
  onError: OsmErrorEvent;
  onImpression: OsmImpressionEvent;
  /** Cancelable: `event.preventDefault()` opens the link your own way. */
  onLearnMore: OsmLinkEvent;
  /** Cancelable, as `onLearnMore`. */
  onPrequalify: OsmLinkEvent;
  onDialogClose: OsmLinkEvent;
}

/** The props of `<KlarnaOsmPlacement>`. */
export type KlarnaOsmPlacementProps = ElementComponentProps<
  OsmPlacementElement,
  ElementProperty<OsmPlacementElement>,
  OsmPlacementEventProps
>;

/**
 * `<klarna-osm-placement>`: On-site messaging, with `onRender`, `onEmpty`, `onError`,
 * `onImpression`, and `onLearnMore`, `onPrequalify`, `onDialogClose` for its links.
 */
export const KlarnaOsmPlacement = createComponent<OsmPlacementElement, OsmPlacementEventProps>({
  tagName: 'klarna-osm-placement',
  elementClass: OsmPlacementElement,
  displayName: 'KlarnaOsmPlacement',
  events: {
    onRender: 'klarna-osm-render',
    onEmpty: 'klarna-osm-empty',
    onError: 'klarna-osm-error',
    onImpression: 'klarna-osm-impression',
    onLearnMore: 'klarna-osm-learn-more',
    onPrequalify: 'klarna-osm-prequalify',
    onDialogClose: 'klarna-osm-dialog-close',
  },
});
