/**
 * The learn-more and prequalify links. A click announces itself first (`klarna-osm-learn-more`,
 * `klarna-osm-prequalify`, cancelable: a listener that prevents it opens the link its own way),
 * then opens as `learn-more` says: a new tab (the link's own behaviour), or a popup window or a
 * dialog on the page, whose code (`link-window.ts`) loads on the first such click. A click with a
 * modifier key, or with another button, stays the browser's.
 */
import type { ReactiveControllerHost } from 'lit';
import { klarnaEvent } from '../internal/klarna-element.js';
import type { OsmLinkDetail } from './events.js';
import { requestDetail, type OsmLearnMorePresentation } from './placement-request.js';
import type { PlacementView } from './placement-view.js';

/** The placement as its links need it. */
export interface LinkHost extends ReactiveControllerHost, HTMLElement {
  learnMore?: OsmLearnMorePresentation | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** A click in the message: on one of its links, opens it as `learn-more` says; `view` is what the placement shows. */
export function followLink(host: LinkHost, view: PlacementView, event: MouseEvent): void {
  const link = (event.target as Element).closest('a');
  if (!link || view.kind !== 'rendered' || event.defaultPrevented) return;
  // A new tab, a new window, a download, a middle click: what the shopper asked the browser for.
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  // Blank, as unset: the default (a blank value is no problem of the placement's either).
  const presentation = host.learnMore || 'tab';
  const detail: OsmLinkDetail = { ...requestDetail(view.request), url: link.href, presentation };
  const name = link.part.contains('prequalify') ? 'klarna-osm-prequalify' : 'klarna-osm-learn-more';
  const opensHere = host.dispatchEvent(klarnaEvent(name, detail, true));
  // A new tab is the link's own behaviour; anything else is this placement's (or, cancelled, the listener's).
  if (opensHere && presentation === 'tab') return;
  event.preventDefault();
  if (!opensHere) return;
  // The click's activation lasts long enough for a popup to open once this code is here; a popup
  // the browser blocks all the same opens the dialog.
  const closed = () => host.dispatchEvent(klarnaEvent('klarna-osm-dialog-close', detail));
  void import('./link-window.js')
    .then(({ openLink }) => openLink(host, link, detail, closed))
    // The code could not load (offline), or could not open anything: the link opens as a plain link would.
    .catch(() => window.open(detail.url, '_blank', 'noopener'));
}
