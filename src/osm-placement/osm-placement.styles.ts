import { unsafeCSS } from 'lit';

/**
 * With no `theme`, the message takes the page's own colours and font. `light` and `dark` set
 * colours with strong contrast; `auto` follows `prefers-color-scheme` (through `light-dark()`).
 * Any `--klarna-osm-*` property overrides the theme.
 *
 * Written to be read: the builds that ship it (the CDN file, and the size test that measures it)
 * minify it (scripts/cdn-plugins.ts). A constant with nothing interpolated (a lint rule keeps it
 * so), which `unsafeCSS` turns into the same stylesheet as lit's `css` tag would, without bundling
 * the tag and its checks.
 */
export const osmPlacementStyles = unsafeCSS(`
  :host {
    display: block;
    min-height: var(--klarna-osm-min-height, 0px);
    color: var(--klarna-osm-color, var(--_text, inherit));
    font: var(--klarna-osm-font-size, 1em) / var(--klarna-osm-line-height, 1.45) var(--klarna-osm-font-family, inherit);
  }

  /*
   * :is() forgives a selector a browser does not know (:state() before 2024): the minifier merges
   * these two rules into one list, which must not lose [hidden] there.
   */
  :host([hidden]),
  :host(:is(:state(empty), :state(error))) {
    display: none;
  }

  :host([theme]) {
    --_text: light-dark(#0b051d, #f6f4fb);
    --_link: light-dark(#0b051d, #ffb3c7);
    --_legal: light-dark(#4b4660, #cdc8de);
    color-scheme: light dark;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  [part='container'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--klarna-osm-gap, 0.25em 0.5em);
  }

  /*
   * The badge's box is known before its image arrives, whatever shape Klarna serves it in (71 × 30
   * today; other variants exist and may change): the image is fitted inside, so nothing moves
   * when it loads. A page that wants another box sets ::part(badge)'s width.
   */
  [part='badge'] {
    height: var(--klarna-osm-badge-height, 1.5em);
    width: calc(var(--klarna-osm-badge-height, 1.5em) * 71 / 30);
    object-fit: contain;
    object-position: left center;
  }

  a {
    color: var(--klarna-osm-link-color, var(--_link, inherit));
    font-weight: var(--klarna-osm-link-font-weight, 600);
    text-underline-offset: 0.15em;
    border-radius: 2px;
  }

  a:focus-visible {
    outline: 2px solid var(--klarna-osm-focus-color, var(--_link, currentColor));
    outline-offset: 2px;
  }

  [part='text-legal'] {
    flex-basis: 100%;
    font-size: 0.85em;
    color: var(--klarna-osm-legal-color, var(--_legal, inherit));
  }
`);
