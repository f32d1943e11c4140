import { loadApp, storefrontSuite } from './storefront-suite.js';

storefrontSuite('React 19 with klarna-elements/react', () => loadApp('react', 'mountReactWrappers'));
storefrontSuite('React 19 with the raw tags', () => loadApp('react', 'mountReactRawTags'));
