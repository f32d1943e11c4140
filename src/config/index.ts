/**
 * `klarna-elements/config`: settings given once for a page (`configure`) or a part of it
 * (`<klarna-config>`, defined on import).
 * @module
 */
export { KlarnaConfig, KLARNA_CONFIG_TAG } from './define.js';
export { configure, pageConfig, type KlarnaConsent, type KlarnaPageConfig } from '../internal/page-config.js';
