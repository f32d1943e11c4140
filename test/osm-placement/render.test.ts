import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { captureConsole } from '../helpers/console.js';
import { resetEmulator } from '../helpers/emulator.js';
import { answerWith, freshClient, mountPlacement, part } from '../helpers/osm.js';
import { skipUnless } from '../helpers/skip-unless.js';


const FULL_ANSWER = {
  content: {
    nodes: [
      { type: 'IMAGE', name: 'KLARNA_BADGE', alt: 'Klarna', url: 'https://assets.example/badge.svg', future_property: 1 },
      { type: 'TEXT', name: 'TEXT_LEGAL', value: 'Legal text that must be shown.' },
      { type: 'WIDGET', name: 'SOMETHING_NEW', value: 'ignore me' },
      { type: 'ACTION', name: 'ACTION_PREQUALIFY', label: "See if you're prequalified", url: 'https://assets.example/eligibility' },
      // Same type as TEXT_LEGAL: only the name tells them apart.
      { type: 'TEXT', name: 'TEXT_MAIN', value: 'As low as $45/mo with Klarna.' },
      { type: 'ACTION', name: 'ACTION_LEARN_MORE', label: 'Learn more', url: 'https://assets.example/learn-more' },
    ],
  },
  impression_url: 'https://events.example/impression/1',
  unknown_top_level: true,
};

describe('<klarna-osm-placement> rendering', () => {
  beforeEach(resetEmulator);

  it('renders the emulator\'s answer and reports it in the render event and the content property', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 51467 });
    const { detail } = await log.next('klarna-osm-render');
    expect(part(element, 'text-main')!.textContent).to.equal('Make 4 payments of $128.67. No fees.');
    expect(detail).to.include({ placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 51467 });
    expect(detail.impressionUrl).to.match(/\/v1\/osm-client-script\/impression\?/);
    expect(detail.nodes.map((node) => node.name)).to.deep.equal(['TEXT_MAIN', 'ACTION_LEARN_MORE', 'KLARNA_BADGE']);
    expect(element.content).to.deep.equal(detail.nodes);
    expect(element.state).to.equal('rendered');
    expect(element.matches(':state(rendered)')).to.equal(true);
  });

  it('still renders, with no custom state, in a browser whose custom states take only --dashed names (Chrome 90 to 124)', async () => {
    // That browser throws on `states.add('rendered')`; stubbed here, as no browser in the tests is that old.
    const add = Object.getOwnPropertyDescriptor(CustomStateSet.prototype, 'add')!;
    const addState = add.value as (this: CustomStateSet, state: string) => CustomStateSet;
    Object.defineProperty(CustomStateSet.prototype, 'add', {
      ...add,
      value(this: CustomStateSet, state: string) {
        if (!state.startsWith('--')) throw new DOMException(`Failed to execute 'add' on 'CustomStateSet': The specified value '${state}' must start with '--'.`, 'SyntaxError');
        return addState.call(this, state);
      },
    });
    try {
      const clientId = await freshClient();
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 51467 });
      await log.next('klarna-osm-render');
      expect([element.state, element.matches(':state(rendered)')]).to.deep.equal(['rendered', false]);
    } finally {
      Object.defineProperty(CustomStateSet.prototype, 'add', add);
    }
  });

  it('still renders in a browser without ElementInternals (Safari before 16.4)', async () => {
    const attachInternals = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'attachInternals')!;
    Object.defineProperty(HTMLElement.prototype, 'attachInternals', { ...attachInternals, value: undefined });
    try {
      const { element, log } = await mountPlacement({ 'client-id': await freshClient(), 'purchase-amount': 51467 });
      await log.next('klarna-osm-render');
      expect(element.state).to.equal('rendered');
    } finally {
      Object.defineProperty(HTMLElement.prototype, 'attachInternals', attachInternals);
    }
  });

  it('looks nodes up by name, whatever their order, and ignores unknown nodes and properties', async () => {
    const clientId = await freshClient();
    await answerWith(clientId, FULL_ANSWER);
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 250000 });
    await log.next('klarna-osm-render');
    expect(part(element, 'text-main')!.textContent).to.equal('As low as $45/mo with Klarna.');
    expect(part(element, 'text-legal')!.textContent).to.equal('Legal text that must be shown.');
    const learnMore = part(element, 'learn-more') as HTMLAnchorElement;
    expect([learnMore.href, learnMore.target, learnMore.rel, learnMore.textContent]).to.deep.equal(['https://assets.example/learn-more', '_blank', 'noopener noreferrer', 'Learn more']);
    const prequalify = part(element, 'prequalify') as HTMLAnchorElement;
    expect([prequalify.href, prequalify.textContent]).to.deep.equal(['https://assets.example/eligibility', "See if you're prequalified"]);
    const badge = part(element, 'badge') as HTMLImageElement;
    expect([badge.getAttribute('src'), badge.alt]).to.deep.equal(['https://assets.example/badge.svg', 'Klarna']);
    expect(element.shadowRoot!.textContent).not.to.contain('ignore me');
    expect(element.content.map((node) => node.name)).to.deep.equal(['KLARNA_BADGE', 'TEXT_LEGAL', 'ACTION_PREQUALIFY', 'TEXT_MAIN', 'ACTION_LEARN_MORE']);
    expect(element.content[0]).not.to.have.property('future_property');
  });

  it('renders only what the answer holds, on a page where another script polluted Object.prototype', async () => {
    const clientId = await freshClient();
    await answerWith(clientId, { content: { nodes: [{ type: 'TEXT', name: 'TEXT_MAIN', value: 'Pay in 4.' }] } });
    const polluted = {
      ACTION_LEARN_MORE: { name: 'ACTION_LEARN_MORE', label: 'Click me', url: 'https://evil.example/learn' },
      KLARNA_BADGE: { name: 'KLARNA_BADGE', url: 'https://evil.example/badge.svg', alt: 'evil' },
      TEXT_LEGAL: { name: 'TEXT_LEGAL', value: 'Injected legal text' },
    };
    const prototype = Object.prototype as Record<string, unknown>;
    Object.assign(prototype, polluted);
    try {
      const placement = document.createElement('klarna-osm-placement');
      // Rendered before any answer too: the empty message must not read the prototype either.
      document.body.append(placement);
      await placement.updateComplete;
      expect(placement.shadowRoot!.querySelectorAll('a, img, [part=text-legal], [part=text-main]')).to.have.length(0);
      placement.remove();

      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 250000 });
      await log.next('klarna-osm-render');
      expect(part(element, 'text-main')!.textContent).to.equal('Pay in 4.');
      expect(element.shadowRoot!.querySelectorAll('a, img, [part=text-legal]')).to.have.length(0);
      expect(element.content.map((node) => node.name)).to.deep.equal(['TEXT_MAIN']);
    } finally {
      for (const name of Object.keys(polluted)) delete prototype[name];
    }
  });

  it('shows text as text and drops javascript: and data: URLs, saying so in the console', async () => {
    const clientId = await freshClient();
    await answerWith(clientId, {
      content: {
        nodes: [
          { name: 'TEXT_MAIN', value: '<img src=x onerror="window.__pwned=1">Pay <b>later</b>' },
          { name: 'TEXT_LEGAL', value: '<script>window.__pwned=2</script>' },
          { name: 'ACTION_LEARN_MORE', label: '<i>Learn</i>', url: 'javascript:window.__pwned=3' },
          { name: 'ACTION_PREQUALIFY', label: 'Prequalify', url: 'data:text/html,<script>alert(1)</script>' },
          { name: 'KLARNA_BADGE', alt: '" onerror="window.__pwned=4', url: 'javascript:alert(1)' },
        ],
      },
      impression_url: 'javascript:window.__pwned=5',
    });
    const warnings = captureConsole('warn');
    try {
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 9000 });
      await log.next('klarna-osm-render');
      const root = element.shadowRoot!;
      expect(part(element, 'text-main')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">Pay <b>later</b>');
      expect(part(element, 'text-legal')!.textContent).to.equal('<script>window.__pwned=2</script>');
      expect(root.querySelectorAll('img, script, b, i, a')).to.have.length(0);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(log.named('klarna-osm-impression')).to.have.length(0);
      expect(warnings.messages.join('\n')).to.contain('ACTION_LEARN_MORE was not rendered')
        .and.to.contain('ACTION_PREQUALIFY was not rendered')
        .and.to.contain('KLARNA_BADGE was not rendered')
        .and.to.contain('impression_url');
    } finally {
      warnings.restore();
    }
  });

  it('gives links and the badge accessible names, and passes an accessibility audit', async () => {
    const clientId = await freshClient();
    await answerWith(clientId, FULL_ANSWER);
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 250000, theme: 'light' });
    await log.next('klarna-osm-render');
    const learnMore = part(element, 'learn-more')!;
    expect(learnMore.getAttribute('aria-describedby')).to.equal('text-main');
    expect(element.shadowRoot!.getElementById('text-main')).to.equal(part(element, 'text-main'));
    await expect(element).to.be.accessible();
  });

  it('announces later messages politely, but not the first one', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await log.next('klarna-osm-render');
    await element.updateComplete;
    expect(part(element, 'container')!.getAttribute('aria-live')).to.equal('polite');
    expect(part(element, 'container')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows a visible focus ring on a link reached with the keyboard', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    await log.next('klarna-osm-render');
    await sendKeys({ press: 'Tab' });
    const link = part(element, 'learn-more')!;
    expect(element.shadowRoot!.activeElement).to.equal(link);
    const style = getComputedStyle(link);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('takes the page\'s colours by default and switches to a dark theme by attribute', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
    element.parentElement!.style.color = 'rgb(1, 2, 3)';
    await log.next('klarna-osm-render');
    const color = () => getComputedStyle(part(element, 'text-main')!).color;
    expect(color()).to.equal('rgb(1, 2, 3)');
    element.theme = 'dark';
    await element.updateComplete;
    expect(color()).to.equal('rgb(246, 244, 251)');
    expect(getComputedStyle(part(element, 'learn-more')!).color).to.equal('rgb(255, 179, 199)');
    element.theme = 'auto';
    await element.updateComplete;
    expect(color()).to.equal('rgb(11, 5, 29)');
  });

  describe('with theme="auto"', () => {
    skipUnless('emulate-media', 'emulateMedia (prefers-color-scheme) needs the Chrome DevTools Protocol: puppeteer drives Firefox over WebDriver BiDi, and the WebDriver launcher has no such command.');
    afterEach(() => emulateMedia({ colorScheme: 'light' }));

    it('switches to the dark theme by prefers-color-scheme, under the page\'s --klarna-osm-color', async () => {
      const clientId = await freshClient();
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000, theme: 'auto' });
      await log.next('klarna-osm-render');
      await element.updateComplete;
      const color = () => getComputedStyle(part(element, 'text-main')!).color;
      expect(color()).to.equal('rgb(11, 5, 29)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(color()).to.equal('rgb(246, 244, 251)');
      element.style.setProperty('--klarna-osm-color', 'rgb(9, 9, 9)');
      expect(color()).to.equal('rgb(9, 9, 9)');
    });
  });

  it('exposes its parts and custom properties for styling', async () => {
    const clientId = await freshClient();
    await answerWith(clientId, FULL_ANSWER);
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 250000 });
    element.style.setProperty('--klarna-osm-badge-height', '40px');
    element.style.setProperty('--klarna-osm-gap', '7px');
    await log.next('klarna-osm-render');
    for (const name of ['container', 'text-main', 'text-legal', 'learn-more', 'prequalify', 'badge']) expect(part(element, name), name).to.exist;
    expect(getComputedStyle(part(element, 'badge')!).height).to.equal('40px');
    expect(getComputedStyle(part(element, 'container')!).columnGap).to.equal('7px');
  });
});
