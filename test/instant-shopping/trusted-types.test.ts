import { expect, waitUntil } from '@open-wc/testing';
import type { KlarnaInstantShoppingHost } from '../../src/instant-shopping/index.js';

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
    expect(() => policy.createScriptURL('https://evil.example/lib.js')).to.throw(/is not the Instant Shopping SDK/);
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
