/**
 * `klarna-elements`: every element, defined on import (`<klarna-config>`, `<klarna-osm-placement>`,
 * `<klarna-express-checkout>`, `<klarna-instant-shopping-host>`), `configure()`, and the elements'
 * public types.
 * @module
 */
// First, so a page's <klarna-config> provides its settings before the elements inside it upgrade.
export * from './config/index.js';
export * from './osm-placement/index.js';
export * from './express-checkout/index.js';
export * from './instant-shopping/index.js';
