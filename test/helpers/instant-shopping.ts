/**
 * Helpers for `<klarna-instant-shopping-host>` tests: valid product data in Klarna's shapes,
 * mounting with every event recorded from the start, and a recording fake SDK for tests that must
 * see the exact `load`/`update` calls and decide by hand when the SDK answers.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/instant-shopping/index.js';
import { INSTANT_SHOPPING_SDK_EVENTS, type KlarnaInstantShoppingHost, type OrderLine, type ShippingOption } from '../../src/instant-shopping/index.js';
import { resetScriptLoads } from '../../src/core/script.js';
import { emulatorUrl } from './emulator.js';
import { EventLog } from './event-log.js';

export { installRecordingSdk, RecordingSdk, type RecordedCall } from './recording-sdk.js';

export const HOST_EVENTS = [
  'klarna-instant-shopping-ready',
  'klarna-instant-shopping-error',
  ...INSTANT_SHOPPING_SDK_EVENTS.map((name) => `klarna-instant-shopping-${name.replaceAll('_', '-')}` as const),
] as const;
export type HostEventName = (typeof HOST_EVENTS)[number];

export const EMULATED_SDK_URL = `${emulatorUrl}/instantshopping/lib/v1/lib.js`;

/** One order line whose totals add up: `quantity × 11900` at 25 % tax. */
export function orderLine(overrides: Partial<OrderLine> = {}): OrderLine {
  const quantity = overrides.quantity ?? 1;
  const total = quantity * 11900;
  return {
    type: 'physical', reference: '19-402-B', name: 'Battery Power Pack Black', quantity, unit_price: 11900, tax_rate: 2500,
    total_amount: total, total_discount_amount: 0, total_tax_amount: total / 5, ...overrides,
  };
}

export function shippingOption(overrides: Partial<ShippingOption> = {}): ShippingOption {
  return { id: 'express_priority', name: 'Express 1-2 days', price: 500, tax_amount: 100, tax_rate: 2500, shipping_method: 'Home', ...overrides };
}

/** Attributes that make a valid US button against the emulator's SDK. */
export const US_BUTTON = {
  'button-key': '123e4567-e89b-12d3-a456-426655440000',
  'purchase-country': 'US',
  'purchase-currency': 'USD',
  locale: 'en-US',
  'sdk-url': EMULATED_SDK_URL,
} as const;

export interface MountedHost {
  element: KlarnaInstantShoppingHost;
  log: EventLog<HostEventName>;
}

/**
 * Creates a host the way a script would (createElement, attributes, properties, then into the
 * page), with its events recorded before it can fire any. `undefined` leaves an attribute out.
 */
export async function mountHost(
  attributes: Record<string, string | undefined> = {},
  properties: Partial<KlarnaInstantShoppingHost> = {},
  container?: HTMLElement,
): Promise<MountedHost> {
  const parent = container ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  const element = document.createElement('klarna-instant-shopping-host');
  const log = new EventLog(element, HOST_EVENTS);
  for (const [name, value] of Object.entries({ ...US_BUTTON, ...attributes })) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  Object.assign(element, { orderLines: [orderLine()], merchantUrls: { terms: 'https://shop.example/terms' }, ...properties });
  parent.append(element);
  return { element, log };
}

/** The button the emulated SDK rendered in a host's container, or null when it shows none. */
export function emulatedButton(host: KlarnaInstantShoppingHost): HTMLButtonElement | null {
  return host.querySelector('klarna-instant-shopping')?.shadowRoot?.querySelector('button') ?? null;
}

/** The emulated SDK's purchase dialog, while it is open. */
export function emulatedDialog(): HTMLDialogElement {
  return document.querySelector('[data-klarna-emulated-dialog]')!.shadowRoot!.querySelector('dialog')!;
}

/** Clicks the dialog's button whose text starts with `label`. */
export function clickInDialog(label: string): void {
  const button = [...emulatedDialog().querySelectorAll('button')].find((candidate) => candidate.textContent?.startsWith(label));
  if (!button) throw new Error(`The emulated dialog has no "${label}" button.`);
  button.click();
}

/** A page as if no Instant Shopping SDK had ever been loaded: no global, no tag, no load promise. */
export function forgetSdk(): void {
  delete window.Klarna;
  for (const script of document.querySelectorAll('script[src*="/instantshopping/"]')) script.remove();
  resetScriptLoads();
}
