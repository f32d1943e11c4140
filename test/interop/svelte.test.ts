import { loadApp, storefrontSuite } from './storefront-suite.js';

storefrontSuite('Svelte 5', () => loadApp('svelte', 'mountSvelte'));
