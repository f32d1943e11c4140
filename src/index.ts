/**
 * `klarna-elements`: both elements, defined on import (`<klarna-osm-placement>`,
 * `<klarna-instant-shopping-host>`), and the core's public types.
 * @module
 */
export * from './osm-placement/index.js';
export * from './instant-shopping/index.js';
