// What a server-rendered page loads: lit's hydrate support first (before lit-element is evaluated),
// then the element, which then takes over the server's shadow DOM instead of rendering it again.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
await import('../../src/osm-placement/index.js');
