import { loadApp, storefrontSuite } from './storefront-suite.js';

storefrontSuite('Vue 3', () => loadApp('vue', 'mountVue'));
