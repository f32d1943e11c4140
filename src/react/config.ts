'use client';
/**
 * `klarna-elements/react/config`: `<KlarnaConfig>` alone, settings given once for every element
 * inside it. Made with @lit/react.
 * @module
 */
import { createComponent } from '@lit/react';
import * as React from 'react';
import { KlarnaConfig as KlarnaConfigElement } from '../config/define.js';

/** `<klarna-config>`: `clientId`, `locale`, `environment`, `region`, `apiUrl` for every element inside it. */
export const KlarnaConfig = createComponent({
  react: React,
  tagName: 'klarna-config',
  elementClass: KlarnaConfigElement,
  displayName: 'KlarnaConfig',
});
