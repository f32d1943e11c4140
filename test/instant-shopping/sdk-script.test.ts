import { expect, fixture, html } from '@open-wc/testing';
import { INSTANT_SHOPPING_SDK_PATH } from '../../src/core/endpoints.js';
import { captureConsole } from '../helpers/console.js';
import { configureEmulator, emulatorRequests, emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { EMULATED_SDK_URL, emulatedButton, forgetSdk, mountHost, type MountedHost } from '../helpers/instant-shopping.js';

const sdkTags = () => document.querySelectorAll(`script[src="${EMULATED_SDK_URL}"]`);

/** A host whose first lib.js load failed (a 503 at the CDN), once its error is reported; ready once it recovers. */
async function hostWhoseScriptFailed(): Promise<MountedHost & { ready: () => Promise<void> }> {
  await configureEmulator({ faults: [{ path: INSTANT_SHOPPING_SDK_PATH, status: 503, times: 1 }] });
  const errors = captureConsole('error');
  const mounted = await mountHost();
  await mounted.log.next('klarna-instant-shopping-error');
  errors.restore();
  const ready = async () => {
    expect((await mounted.log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: true });
    await mounted.element.updateComplete;
    expect(mounted.element.state).to.equal('ready');
  };
  return { ...mounted, ready };
}

describe('<klarna-instant-shopping-host> and the SDK script', () => {
  beforeEach(async () => {
    forgetSdk();
    delete window.klarnaAsyncCallback;
    await resetEmulator();
  });

  it('injects lib.js once for several hosts, and each shows its own button', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const hosts = await Promise.all([1, 2, 3].map(() => mountHost({}, {}, parent)));
    await Promise.all(hosts.map(({ log }) => log.next('klarna-instant-shopping-ready')));
    expect(sdkTags()).to.have.length(1);
    expect(await emulatorRequests(INSTANT_SHOPPING_SDK_PATH)).to.have.length(1);
    for (const { element, log } of hosts) {
      expect(log.named('klarna-instant-shopping-ready').map((event) => event.detail as unknown)).to.deep.equal([{ showButton: true }]);
      expect(emulatedButton(element)?.textContent).to.equal('Buy with Klarna');
    }
  });

  it('keeps the page\'s own klarnaAsyncCallback, whether set before or after the host', async () => {
    const calls: string[] = [];
    window.klarnaAsyncCallback = () => calls.push('before');
    const { log } = await mountHost();
    window.klarnaAsyncCallback = () => calls.push('after');
    await log.next('klarna-instant-shopping-ready');
    expect(calls).to.deep.equal(['after']);
    window.klarnaAsyncCallback = undefined;
  });

  it('reuses a lib.js tag already on the page', async () => {
    const tag = Object.assign(document.createElement('script'), { src: EMULATED_SDK_URL, async: true });
    document.head.append(tag);
    const { log } = await mountHost();
    await log.next('klarna-instant-shopping-ready');
    expect(sdkTags()).to.have.length(1);
    expect(await emulatorRequests(INSTANT_SHOPPING_SDK_PATH)).to.have.length(1);
  });

  it('reports a script URL that answers 404 as script-load, naming the URL', async () => {
    const errors = captureConsole('error');
    const missing = `${emulatorUrl}/instantshopping/lib/v1/missing.js`;
    const { element, log } = await mountHost({ 'sdk-url': missing });
    const error = await log.next('klarna-instant-shopping-error');
    errors.restore();
    expect(error.detail.code).to.equal('script-load');
    expect(error.detail.message).to.contain(`Could not load the script ${missing}`);
    expect(error.detail.message).to.contain('tried again when the browser comes back online, or when the element is added again');
    expect(errors.messages).to.have.length(1);
    await element.updateComplete;
    expect(element.state).to.equal('error');
    expect(getComputedStyle(element).display).to.equal('none');
  });

  it('clears a script error once a script loads, here from a corrected sdk-url', async () => {
    const errors = captureConsole('error');
    const { element, log } = await mountHost({ 'sdk-url': `${emulatorUrl}/instantshopping/lib/v1/missing.js` });
    await log.next('klarna-instant-shopping-error');
    errors.restore();
    element.sdkUrl = EMULATED_SDK_URL;
    expect((await log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: true });
    await element.updateComplete;
    expect([element.state, element.error]).to.deep.equal(['ready', undefined]);
  });

  it('loads again by itself when the browser comes back online', async () => {
    const { ready } = await hostWhoseScriptFailed();
    window.dispatchEvent(new Event('online'));
    await ready();
    expect(await emulatorRequests(INSTANT_SHOPPING_SDK_PATH)).to.have.length(2);
  });

  it('loads again when a host whose script failed is added back', async () => {
    const { element, ready } = await hostWhoseScriptFailed();
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    await ready();
    expect(sdkTags()).to.have.length(1);
    expect((await emulatorRequests(INSTANT_SHOPPING_SDK_PATH)).map((request) => request.status)).to.deep.equal([503, 200]);
  });

  it('does not load the SDK for a host whose data is invalid', async () => {
    const errors = captureConsole('error');
    const { log } = await mountHost({ 'button-key': undefined });
    await log.next('klarna-instant-shopping-error');
    errors.restore();
    expect(sdkTags()).to.have.length(0);
    expect(window.Klarna).to.equal(undefined);
  });
});
