import { expect, waitUntil } from '@open-wc/testing';
import type { KlarnaInstantShoppingHost } from '../../src/instant-shopping/index.js';
import { framePage } from '../helpers/frame-page.js';
import { EMULATED_SDK_URL, orderLine, US_BUTTON } from '../helpers/instant-shopping.js';

/**
 * Pages whose CSP header requires Trusted Types for scripts (`require-trusted-types-for 'script'`)
 * and allows the policies `klarna-elements`, `lit-html` and the page's own: served by the test
 * server (web-test-runner.config.js), each in a frame of its own, since a policy cannot be undone.
 */
describe('<klarna-instant-shopping-host> on a page that requires Trusted Types', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  async function open(mode: 'string' | 'trusted' | 'copies'): Promise<{ page: Window & { violations: string[]; policies: string[] }; host: KlarnaInstantShoppingHost }> {
    frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    frame.src = `/__tt/instant-shopping?mode=${mode}`;
    document.body.append(frame);
    await loaded;
    const page = frame.contentWindow as Window & { violations: string[]; policies: string[] };
    await page.customElements.whenDefined('klarna-instant-shopping-host');
    const host = page.document.querySelector<KlarnaInstantShoppingHost>('klarna-instant-shopping-host')!;
    await waitUntil(() => host.state !== 'idle' && host.state !== 'loading', 'the host settles', { timeout: 8000 });
    return { page, host };
  }

  it('injects the SDK given as a string through its own policy, which passes the SDK URL only', async () => {
    const { page, host } = await open('string');
    expect([host.state, host.error?.message]).to.deep.equal(['ready', undefined]);
    expect(page.violations).to.deep.equal([]);
    const policy = (page as unknown as Record<symbol, { createScriptURL(url: string): unknown }>)[Symbol.for('klarna-elements:trusted-types-policy')]!;
    expect(() => policy.createScriptURL('https://evil.example/lib.js')).to.throw(/is not a Klarna SDK/);
  });

  it('takes sdk-url as a TrustedScriptURL from the page\'s own policy', async () => {
    const { page, host } = await open('trusted');
    expect([host.state, host.error?.message]).to.deep.equal(['ready', undefined]);
    expect(page.violations).to.deep.equal([]);
    expect(page.document.querySelector('script[src*="from=page-policy"]')).not.to.equal(null);
  });

  it('works with two copies of the library on the page, which make one policy between them', async () => {
    const { page, host } = await open('copies');
    expect([host.state, host.error?.message]).to.deep.equal(['ready', undefined]);
    expect(page.violations, page.violations.join()).to.deep.equal([]);
    expect(page.policies.filter((name) => name === 'klarna-elements')).to.deep.equal(['klarna-elements']);
  });
});

/**
 * Two copies of the library on a page whose CSP lists its Trusted Types policies: each copy brings
 * lit, and lit makes its `lit-html` policy as its module runs. Pages of the test's own (a frame
 * whose policy comes in a `<meta>`), so that each can list the policies differently.
 */
describe('two copies of klarna-elements on a page that lists its Trusted Types policies', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  type TwoCopiesPage = Window & { seen: string[]; importerRan?: boolean; otherRan?: boolean };

  /** A page with a host, the CDN file, then a module that imports a second copy of it, and a module of its own. */
  async function open(policy: string): Promise<{ page: TwoCopiesPage; host: KlarnaInstantShoppingHost }> {
    const json = JSON.stringify({ order_lines: [orderLine()], merchant_urls: { terms: 'https://shop.example/terms' } });
    frame = await framePage(`<meta http-equiv="Content-Security-Policy" content="${policy}">
<script>
  window.seen = [];
  addEventListener('error', (event) => seen.push(event.message));
  document.addEventListener('securitypolicyviolation', (event) => seen.push(event.violatedDirective + ' ' + event.sample));
</script></head><body>
<klarna-instant-shopping-host button-key="${US_BUTTON['button-key']}" purchase-country="US" purchase-currency="USD" locale="en-US"
  sdk-url="${EMULATED_SDK_URL}" instance-id="tt-two-copies"><script type="application/json">${json}</script></klarna-instant-shopping-host>
<script type="module" src="/dist/cdn/klarna-elements.js"></script>
<script type="module">import '/dist/cdn/klarna-elements.js?copy=2'; window.importerRan = true;</script>
<script type="module">window.otherRan = true;</script>
</body>`);
    const page = frame.contentWindow as TwoCopiesPage;
    await page.customElements.whenDefined('klarna-instant-shopping-host');
    const host = page.document.querySelector<KlarnaInstantShoppingHost>('klarna-instant-shopping-host')!;
    await waitUntil(() => host.state !== 'idle' && host.state !== 'loading', 'the host settles', { timeout: 8000 });
    return { page, host };
  }

  it('without \'allow-duplicates\': the first copy works; the second, and the module that imports it, stop at lit\'s policy', async () => {
    for (const policy of [
      'require-trusted-types-for \'script\'; trusted-types klarna-elements lit-html',
      'require-trusted-types-for \'script\'; trusted-types *',
    ]) {
      const { page, host } = await open(policy);
      expect(host.state, policy).to.equal('ready');
      // Each engine words the error its own way; each says createPolicy refused lit-html's second policy:
      // Chromium "Uncaught TypeError: Failed to execute 'createPolicy' on 'TrustedTypePolicyFactory': Policy with name "lit-html" already exists.",
      // Firefox "TypeError: TrustedTypePolicyFactory.createPolicy: Content-Security-Policy blocked creating policy named 'lit-html'",
      // WebKit "TypeError: Failed to execute 'createPolicy': Policy with name 'lit-html' already exists."
      expect(page.seen, policy).to.have.length(2);
      expect(page.seen[0], policy).to.match(/^(Uncaught )?TypeError: .*createPolicy.*["']lit-html["']/);
      expect(page.seen[1], policy).to.equal('trusted-types lit-html');
      expect([page.importerRan, page.otherRan], policy).to.deep.equal([undefined, true]);
      frame!.remove();
    }
  });

  it('with \'allow-duplicates\', or with no list of policies, both copies load', async () => {
    for (const policy of [
      'require-trusted-types-for \'script\'; trusted-types klarna-elements lit-html \'allow-duplicates\'',
      'require-trusted-types-for \'script\'',
    ]) {
      const { page, host } = await open(policy);
      expect([host.state, page.seen, page.importerRan], policy).to.deep.equal(['ready', [], true]);
      frame!.remove();
    }
  });
});
