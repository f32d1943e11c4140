'use client';
/**
 * `klarna-elements/react/osm-placement`: `<KlarnaOsmPlacement>` alone, so an app that shows only
 * On-site messaging ships only that element. Made with @lit/react; each property is a prop, and
 * each event an `on…` prop whose handler gets the typed `CustomEvent`.
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { KlarnaOsmPlacement as OsmPlacementElement } from '../osm-placement/define.js';
import type { OsmEmptyEvent, OsmErrorEvent, OsmImpressionEvent, OsmRenderEvent } from '../osm-placement/events.js';

/** `<klarna-osm-placement>`: On-site messaging, with `onRender`, `onEmpty`, `onError`, `onImpression`. */
export const KlarnaOsmPlacement = createComponent({
  react: React,
  tagName: 'klarna-osm-placement',
  elementClass: OsmPlacementElement,
  displayName: 'KlarnaOsmPlacement',
  events: {
    onRender: 'klarna-osm-render' as EventName<OsmRenderEvent>,
    onEmpty: 'klarna-osm-empty' as EventName<OsmEmptyEvent>,
    onError: 'klarna-osm-error' as EventName<OsmErrorEvent>,
    onImpression: 'klarna-osm-impression' as EventName<OsmImpressionEvent>,
  },
});
