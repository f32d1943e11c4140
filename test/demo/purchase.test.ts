import { expect } from '@open-wc/testing';
import type { DemoOrder } from '../../demo/orders.js';
import { variantReference } from '../../demo/orders.js';
import { resetEmulator } from '../helpers/emulator.js';
import { clickInDialog, emulatedButton, emulatedDialog, mountHost, orderLine } from '../helpers/instant-shopping.js';
import { currentEngine } from '../helpers/skip-unless.js';

declare global {
  interface Window {
    __MERCHANT_BACKEND_URL__?: string;
  }
}

const backendUrl = window.__MERCHANT_BACKEND_URL__!;

/**
 * The size each engine's shopper buys two of: the engines run one after the other against one
 * backend, whose stock (five of each variant) lasts the whole run.
 */
const SIZE_BOUGHT = { chromium: 'M', firefox: 'S', webkit: 'L' } as const;

async function backend<T>(path: string): Promise<T> {
  const response = await fetch(backendUrl + path);
  if (!response.ok) throw new Error(`the demo backend answered ${response.status} for ${path}`);
  return (await response.json()) as T;
}

/** The dialog's last step: the confirmation, or the merchant's deny, once the emulator has the decision. */
function dialogOutcome(): Promise<HTMLElement> {
  const root = emulatedDialog();
  const find = () => root.querySelector<HTMLElement>('[data-order-id], [data-deny-code]');
  return new Promise((resolve) => {
    const found = find();
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const element = find();
      if (!element) return;
      observer.disconnect();
      resolve(element);
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** A shopper on the product page: clicks the button, confirms the details, and buys. */
async function buy(reference: string, quantity = 1): Promise<HTMLElement> {
  const { buttonKey } = await backend<{ buttonKey: string }>('/api/button-key');
  const { element, log } = await mountHost({ 'button-key': buttonKey }, { orderLines: [orderLine({ reference, name: reference, quantity, tax_rate: 0, total_tax_amount: 0 })] });
  await log.next('klarna-instant-shopping-ready');
  emulatedButton(element)!.click();
  await log.next('klarna-instant-shopping-session-initiated');
  emulatedDialog().querySelector('form')!.requestSubmit();
  await log.next('klarna-instant-shopping-identification-updated');
  clickInDialog('Buy for');
  const outcome = await dialogOutcome();
  clickInDialog('Close');
  return outcome;
}

describe('the demo shop: a purchase from the button to the merchant backend\'s orders', () => {
  // Other test files reset the emulator; the backend creates its button key again when asked.
  before(() => resetEmulator());

  it('places the order: the dialog confirms it and the backend lists it', async () => {
    const reference = variantReference('aurora-jacket', 'Glacier', SIZE_BOUGHT[await currentEngine()]);
    const outcome = await buy(reference, 2);
    const orderId = outcome.getAttribute('data-order-id');
    expect(orderId).to.match(/^[0-9a-f-]{36}$/);

    const { orders } = await backend<{ orders: DemoOrder[] }>('/api/orders');
    const order = orders.find((candidate) => candidate.klarnaOrderId === orderId);
    expect(order?.status).to.equal('confirmed');
    expect(order?.lines).to.deep.equal([{ reference, name: reference, quantity: 2, totalAmount: 23800 }]);
    expect(order?.shipTo).to.equal('8478 Hillside Street, 60102, Algonquin, US');
    expect(await backend<DemoOrder>(`/api/orders/${order!.number}`)).to.deep.equal(order);
  });

  it('denies a variant that is out of stock: the dialog says so and no order is placed', async () => {
    const before = (await backend<{ orders: DemoOrder[] }>('/api/orders')).orders.length;
    const outcome = await buy(variantReference('aurora-jacket', 'Moss', 'XL'));
    expect(outcome.getAttribute('data-deny-code')).to.equal('item_out_of_stock');
    expect(outcome.textContent).to.equal('This item is out of stock.');
    expect((await backend<{ orders: DemoOrder[] }>('/api/orders')).orders).to.have.length(before);
  });
});
