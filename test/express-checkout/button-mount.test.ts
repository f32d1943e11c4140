/**
 * The one button of an Express Checkout element, with the emulator's Web SDK: never two, however
 * the element's purchase, look or place changes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { BUTTON_CONTAINER_ATTRIBUTE, ButtonMount, type ButtonRequest } from '../../src/express-checkout/button-mount.js';
import { webSdk } from '../../src/express-checkout/web-sdk.js';
import type { KlarnaPayment, PaymentRequestData } from '../../src/protocol/express-checkout.js';
import { emulatorUrl, resetEmulator } from '../helpers/emulator.js';

/** An element with nothing but the mount, as the Express Checkout element holds it; "a task later" runs when the test says. */
class MountingElement extends LitElement {
  readonly later: (() => void)[] = [];
  readonly heard: string[] = [];
  readonly mount = new ButtonMount(this, {
    mounted: () => this.heard.push('mounted'),
    failed: (error) => this.heard.push(`failed: ${(error as Error).message}`),
  }, (callback) => this.later.push(callback));

  /** Runs what was put off to a task later. */
  runLater(): void {
    for (const callback of this.later.splice(0)) callback();
  }
}
customElements.define('button-mount-test-element', MountingElement);

const MODULE_URL = `${emulatorUrl}/web-sdk/v2/klarna.mjs`;

function request(payment: KlarnaPayment, amount: number, overrides: Partial<ButtonRequest['config']> = {}, disabled = false): ButtonRequest {
  const purchase: PaymentRequestData = { currency: 'USD', amount };
  return { payment, config: { id: 'product-page', shape: 'pill', initiate: () => Promise.resolve(purchase), ...overrides }, disabled };
}

/** The emulated buttons on the page, and the shadow-root button of the first. */
function buttons(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('klarna-emulated-payment-button')];
}

describe('the Express Checkout button mount', () => {
  let payment: KlarnaPayment;

  before(async () => {
    await resetEmulator();
    payment = (await webSdk({ url: MODULE_URL, config: { clientId: 'klarna_test_client_bW91bnQ' } })).Payment;
  });

  async function element(): Promise<MountingElement> {
    const container = await fixture<HTMLDivElement>(html`<div><button-mount-test-element></button-mount-test-element></div>`);
    return container.querySelector<MountingElement>('button-mount-test-element')!;
  }

  it('shows one button, in a light-DOM container of its own', async () => {
    const host = await element();
    host.mount.show(request(payment, 32900));
    expect(buttons()).to.have.length(1);
    expect(buttons()[0]!.parentElement!.parentElement).to.equal(host);
    expect(buttons()[0]!.parentElement!.hasAttribute(BUTTON_CONTAINER_ATTRIBUTE)).to.equal(true);
    expect(host.mount.mounted).to.equal(1);
  });

  it('keeps the same button through 50 variant changes', async () => {
    const host = await element();
    host.mount.show(request(payment, 32900));
    const first = buttons()[0];
    for (let variant = 1; variant <= 50; variant++) host.mount.show(request(payment, 32900 + variant * 100));
    expect(buttons()).to.have.length(1);
    expect(buttons()[0]).to.equal(first);
  });

  it('replaces the button when its look changes, the old one gone first', async () => {
    const host = await element();
    host.mount.show(request(payment, 32900));
    const first = buttons()[0]!;
    host.mount.show(request(payment, 32900, { theme: 'dark', intents: ['DONATE'] }));
    expect(buttons()).to.have.length(1);
    expect(buttons()[0]).not.to.equal(first);
    expect(first.isConnected).to.equal(false);
    expect(buttons()[0]!.shadowRoot!.querySelector('button')!.textContent).to.equal('Donate with Klarna');
  });

  it('disables and enables the button in place', async () => {
    const host = await element();
    host.mount.show(request(payment, 32900));
    const first = buttons()[0]!;
    host.mount.show(request(payment, 32900, {}, true));
    expect(buttons()).to.have.length(1);
    expect(buttons()[0]).to.equal(first);
    expect(first.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
    host.mount.show(request(payment, 32900, {}, false));
    expect(first.shadowRoot!.querySelector('button')!.disabled).to.equal(false);
  });

  it('moves with the element: the same button where it lands, in the same container', async () => {
    const host = await element();
    host.mount.show(request(payment, 32900));
    const button = buttons()[0];
    const container = host.querySelector(`[${BUTTON_CONTAINER_ATTRIBUTE}]`);
    const elsewhere = await fixture<HTMLElement>(html`<section></section>`);
    for (let move = 0; move < 5; move++) elsewhere.append(host);
    host.runLater();
    expect(buttons()).to.have.length(1);
    expect(buttons()[0], 'a purchase under way goes on with its button').to.equal(button);
    expect(host.heard).to.deep.equal(['mounted']);
    const containers = host.querySelectorAll(`[${BUTTON_CONTAINER_ATTRIBUTE}]`);
    expect(containers).to.have.length(1);
    expect(containers[0]).to.equal(container);
    expect(buttons()[0]!.parentElement).to.equal(container);
  });

  it('unmounts when still removed a task later, mounts again when added back, and shows none when hidden', async () => {
    const host = await element();
    const parent = host.parentElement!;
    host.mount.show(request(payment, 32900));
    host.remove();
    host.runLater();
    expect(buttons()).to.have.length(0);
    expect(host.mount.mounted).to.equal(0);
    parent.append(host);
    expect(buttons()).to.have.length(1);
    host.mount.hide();
    expect(buttons()).to.have.length(0);
    host.remove();
    host.runLater();
    parent.append(host);
    expect(buttons()).to.have.length(0);
  });

  it('says when Klarna\'s SDK throws making the button, and leaves none', async () => {
    const host = await element();
    const throwing = { ...payment, button: () => { throw new Error('NotSupportedError: the element is already defined'); } } as KlarnaPayment;
    host.mount.show(request(throwing, 32900));
    expect(buttons()).to.have.length(0);
    expect(host.heard).to.deep.equal(['failed: NotSupportedError: the element is already defined']);
    host.mount.show(request(payment, 32900));
    expect(buttons()).to.have.length(1);
  });

  it('shows nothing while the element is away, and the last request once it is back', async () => {
    const host = await element();
    const parent = host.parentElement!;
    host.remove();
    host.runLater();
    host.mount.show(request(payment, 32900, { theme: 'light' }));
    expect(buttons()).to.have.length(0);
    parent.append(host);
    expect(buttons()).to.have.length(1);
  });
});
