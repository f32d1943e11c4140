import { expect, waitUntil } from '@open-wc/testing';
import type { KlarnaInstantShoppingHost } from '../../src/instant-shopping/index.js';
import { captureConsole } from '../helpers/console.js';
import { EMULATED_SDK_URL, emulatedButton, forgetSdk, mountHost } from '../helpers/instant-shopping.js';

/**
 * A page whose Content-Security-Policy allows scripts from its own origin and with one nonce only:
 * Klarna's lib.js (here the emulator's, on another origin) runs only if the host passes the nonce.
 * The policy is added for this file's page alone; it cannot be taken away again.
 */
const NONCE = 'c3RyaWN0LWNzcA';

describe('<klarna-instant-shopping-host> on a strict-CSP page', () => {
  before(() => {
    const policy = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: `script-src 'self' 'nonce-${NONCE}'` });
    document.head.append(policy);
  });
  beforeEach(() => forgetSdk());

  it('cannot load the SDK without the nonce, and says what to check', async () => {
    const errors = captureConsole('error');
    const { element, log } = await mountHost();
    const error = await log.next('klarna-instant-shopping-error');
    errors.restore();
    expect(error.detail.code).to.equal('script-load');
    expect(error.detail.message).to.contain('Content-Security-Policy');
    expect(element.state).to.equal('error');
  });

  it('loads the SDK with the nonce given to the host', async () => {
    const { element, log } = await mountHost({ nonce: NONCE });
    expect((await log.next('klarna-instant-shopping-ready')).detail).to.deep.equal({ showButton: true });
    const tag = document.querySelector<HTMLScriptElement>(`script[src="${EMULATED_SDK_URL}"]`)!;
    expect(tag.nonce).to.equal(NONCE);
    expect(emulatedButton(element)).not.to.equal(null);
  });
});

describe('<klarna-instant-shopping-host> on a page whose CSP comes in a response header', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('injects the SDK with its nonce, though the browser hides the nonce attribute', async () => {
    const nonce = btoa(crypto.randomUUID()).replaceAll('=', '');
    frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    frame.src = `/__csp/instant-shopping?nonce=${nonce}`;
    document.body.append(frame);
    await loaded;
    const page = frame.contentWindow!;
    const host = page.document.querySelector<KlarnaInstantShoppingHost>('klarna-instant-shopping-host')!;
    // What the browser does under a header CSP: the attribute is blanked, the nonce kept inside.
    expect(host.getAttribute('nonce')).to.equal('');
    await page.customElements.whenDefined('klarna-instant-shopping-host');
    await waitUntil(() => host.state !== 'idle' && host.state !== 'loading', 'the host settles', { timeout: 8000 });
    expect([host.state, host.error?.message]).to.deep.equal(['ready', undefined]);
    const tag = page.document.querySelector<HTMLScriptElement>(`script[src="${EMULATED_SDK_URL}"]`)!;
    expect(tag.nonce).to.equal(nonce);
  });
});
