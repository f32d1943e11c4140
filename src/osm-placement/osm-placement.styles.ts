import { css } from 'lit';

/**
 * With no `theme`, the message takes the page's own colours and font. `light` and `dark` set
 * colours with strong contrast; `auto` follows `prefers-color-scheme`. Any `--klarna-osm-*`
 * property overrides the theme.
 */
export const osmPlacementStyles = css`
  :host {
    display: block;
    min-height: var(--klarna-osm-min-height, 0px);
    color: var(--klarna-osm-color, var(--_theme-color, inherit));
    font-family: var(--klarna-osm-font-family, inherit);
    font-size: var(--klarna-osm-font-size, inherit);
    line-height: var(--klarna-osm-line-height, 1.45);
  }

  :host([hidden]),
  :host([state='empty']),
  :host([state='error']) {
    display: none;
  }

  :host([theme='light']) {
    --_theme-color: #0b051d;
    --_theme-link: #0b051d;
    --_theme-legal: #4b4660;
    --_theme-focus: #0b051d;
  }

  :host([theme='dark']) {
    --_theme-color: #f6f4fb;
    --_theme-link: #ffb3c7;
    --_theme-legal: #cdc8de;
    --_theme-focus: #ffb3c7;
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_theme-color: #f6f4fb;
      --_theme-link: #ffb3c7;
      --_theme-legal: #cdc8de;
      --_theme-focus: #ffb3c7;
    }
  }

  @media (prefers-color-scheme: light) {
    :host([theme='auto']) {
      --_theme-color: #0b051d;
      --_theme-link: #0b051d;
      --_theme-legal: #4b4660;
      --_theme-focus: #0b051d;
    }
  }

  .container {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--klarna-osm-gap, 0.25em 0.5em);
  }

  .badge {
    display: block;
    flex: none;
    height: var(--klarna-osm-badge-height, 1.5em);
    width: auto;
  }

  a {
    color: var(--klarna-osm-link-color, var(--_theme-link, inherit));
    font-weight: var(--klarna-osm-link-font-weight, 600);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    border-radius: 2px;
  }

  a:focus-visible {
    outline: 2px solid var(--klarna-osm-focus-color, var(--_theme-focus, currentColor));
    outline-offset: 2px;
  }

  .text-legal {
    flex-basis: 100%;
    font-size: 0.85em;
    color: var(--klarna-osm-legal-color, var(--_theme-legal, inherit));
  }

  @media (forced-colors: active) {
    a { color: LinkText; }
    a:focus-visible { outline-color: Highlight; }
  }
`;
