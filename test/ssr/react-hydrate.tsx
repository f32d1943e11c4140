/**
 * The browser half of the React SSR page: hydrates what the server rendered with the same
 * component, counting every error React reports (recoverable ones included) on `window`.
 */
import { hydrateRoot } from 'react-dom/client';
import { ProductPage, type ProductPageProps } from './react-product-page.js';

declare global {
  interface Window {
    __PRODUCT_PAGE_PROPS__: ProductPageProps;
    __REACT_ERRORS__: unknown[];
  }
}

window.__REACT_ERRORS__ = [];
const report = (error: unknown) => window.__REACT_ERRORS__.push(error);
hydrateRoot(document.getElementById('root')!, <ProductPage {...window.__PRODUCT_PAGE_PROPS__} />, {
  onRecoverableError: report,
  onCaughtError: report,
  onUncaughtError: report,
});
