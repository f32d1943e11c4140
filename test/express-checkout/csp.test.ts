/**
 * `<klarna-express-checkout>` on pages with a strict Content-Security-Policy. This file's page
 * allows scripts from its own origin and with one nonce only (a policy cannot be taken away, so it
 * has the page to itself): the emulator's Web SDK module, on another origin, loads only with the
 * nonce. A frame that requires Trusted Types too shows the nonce's script goes through the
 * library's policy.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/express-checkout/define.js';
import type { KlarnaExpressCheckout } from '../../src/express-checkout/express-checkout.component.js';
import { captureConsole } from '../helpers/console.js';
import { emulatorUrl } from '../helpers/emulator.js';
import { framePage } from '../helpers/frame-page.js';

const NONCE = 'ZXhwcmVzcy1jc3A';
const CLIENT_ID = 'klarna_test_client_ZW11bGF0ZWQ';

/** The element's state once it settles: ready, or its error. */
async function settled(element: KlarnaExpressCheckout): Promise<string> {
  if (element.state === 'loading') {
    await new Promise((resolve) => {
      element.addEventListener('klarna-express-checkout-ready', resolve, { once: true });
      element.addEventListener('klarna-express-checkout-error', resolve, { once: true });
    });
  }
  return element.state;
}

describe('<klarna-express-checkout> on a strict-CSP page', () => {
  before(() => {
    const policy = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: `script-src 'self' 'nonce-${NONCE}'` });
    document.head.append(policy);
  });

  it('cannot load the SDK without the nonce, and says what to check', async () => {
    const errors = captureConsole('error');
    try {
      const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout client-id=${CLIENT_ID}
        sdk-url=${`${emulatorUrl}/web-sdk/v2/klarna.mjs?page=csp-blocked`} currency="USD" amount="32900"></klarna-express-checkout>`);
      expect(await settled(element)).to.equal('error');
      expect(element.error?.code).to.equal('script-load');
      expect(element.error?.message).to.contain('Content-Security-Policy');
    } finally {
      errors.restore();
    }
  });

  it('loads the SDK with the nonce given to the element, and shows its button', async () => {
    const element = await fixture<KlarnaExpressCheckout>(html`<klarna-express-checkout nonce=${NONCE} client-id=${CLIENT_ID}
      sdk-url=${`${emulatorUrl}/web-sdk/v2/klarna.mjs`} currency="USD" amount="32900"></klarna-express-checkout>`);
    expect([await settled(element), element.error?.message]).to.deep.equal(['ready', undefined]);
    const script = document.querySelector<HTMLScriptElement>('script[type="module"][src*="/web-sdk/v2/klarna.mjs"]')!;
    expect(script.nonce).to.equal(NONCE);
    expect(element.querySelectorAll('klarna-emulated-payment-button')).to.have.length(1);
  });
});

describe('<klarna-express-checkout> on a page that requires Trusted Types', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('injects the nonced module through the library\'s policy, which passes Klarna\'s SDK URLs only', async () => {
    // The frame's document (srcdoc) keeps this page's policy too: the same nonce passes both.
    const nonce = NONCE;
    const module = new URL('/src/express-checkout/index.ts', location.href).href;
    frame = await framePage(`<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-${nonce}'; require-trusted-types-for 'script'; trusted-types klarna-elements lit-html">
<script nonce="${nonce}">window.violations = []; document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective + ' ' + event.blockedURI));</script>
</head><body>
<klarna-express-checkout nonce="${nonce}" client-id="${CLIENT_ID}" sdk-url="${emulatorUrl}/web-sdk/v2/klarna.mjs" currency="USD" amount="32900"></klarna-express-checkout>
<script type="module" nonce="${nonce}" src="${module}"></script></body>`);
    const page = frame.contentWindow as Window & { violations: string[] };
    await page.customElements.whenDefined('klarna-express-checkout');
    const element = page.document.querySelector<KlarnaExpressCheckout>('klarna-express-checkout')!;
    expect([await settled(element), element.error?.message]).to.deep.equal(['ready', undefined]);
    expect(page.violations).to.deep.equal([]);
    const policy = (page as unknown as Record<symbol, { createScriptURL(url: string): unknown }>)[Symbol.for('klarna-elements:trusted-types-policy')]!;
    expect(() => policy.createScriptURL('https://evil.example/web-sdk/v2/klarna.mjs?x=1')).to.throw(/is not a Klarna SDK/);
  });
});
