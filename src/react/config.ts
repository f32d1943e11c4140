'use client';
/**
 * `klarna-elements/react/config`: `<KlarnaConfig>` alone, settings given once for every element
 * inside it.
 * @module
 */
import { KlarnaConfig as KlarnaConfigElement } from '../config/define.js';
import { createComponent, type ElementComponentProps } from './create-component.js';
import type { ElementProperty } from './element-properties.js';


/** The props of `<KlarnaConfig>`. */
export type KlarnaConfigProps =
  ElementComponentProps<KlarnaConfigElement, ElementProperty<KlarnaConfigElement>, object>;

/** `<klarna-config>`: `clientId`, `locale`, `environment`, `region`, `apiUrl`, `consent` for every element inside it. */
export const KlarnaConfig = createComponent<KlarnaConfigElement, object>({
  tagName: 'klarna-config',
  elementClass: KlarnaConfigElement,
  displayName: 'KlarnaConfig',
  events: {},
});
