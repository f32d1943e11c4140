'use client';
/**
 * `klarna-elements/react/config`: `<KlarnaConfig>` alone, settings given once for every element
 * inside it.
 * @module
 */
import { KlarnaConfig as KlarnaConfigElement } from '../config/define.js';
import { createComponent, type ElementComponentProps } from './create-component.js';

const properties = ['clientId', 'locale', 'environment', 'region', 'apiUrl'] as const;

/** The props of `<KlarnaConfig>`. */
export type KlarnaConfigProps = ElementComponentProps<KlarnaConfigElement, (typeof properties)[number], object>;

/** `<klarna-config>`: `clientId`, `locale`, `environment`, `region`, `apiUrl` for every element inside it. */
export const KlarnaConfig = createComponent<KlarnaConfigElement, (typeof properties)[number], object>({
  tagName: 'klarna-config',
  elementClass: KlarnaConfigElement,
  properties,
  displayName: 'KlarnaConfig',
  events: {},
});
