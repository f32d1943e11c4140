import { unsafeCSS } from 'lit';

/**
 * The host is a plain block around Klarna's container. It hides itself when Klarna does not offer
 * the button and when something is wrong, because a button left showing data the page no longer
 * has could sell the wrong thing. A constant, as `unsafeCSS` takes it (see the OSM placement's styles).
 */
export const instantShoppingHostStyles = unsafeCSS(`
:host{display:block;min-height:var(--klarna-instant-shopping-min-height,0px)}
:host([hidden]){display:none}
:host(:state(hidden)),:host(:state(error)){display:none}
`);
