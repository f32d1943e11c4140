import { expect } from '@open-wc/testing';
import { EMULATOR_DISABLED_CLIENT_ID, configureEmulator, emulatorRequests, emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { configure } from '../../src/config/index.js';
import { captureConsole, type CapturedConsole } from '../helpers/console.js';
import { answerWith, EventLog, freshClient, mountPlacement, part } from '../helpers/osm.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;


describe('<klarna-osm-placement> errors', () => {
  let console_: CapturedConsole;
  beforeEach(async () => {
    console_ = captureConsole('error'); // the element reports every error there
    await resetEmulator();
  });
  afterEach(() => console_.restore());

  describe('errors and empty answers', () => {
    it('collapses on a 204 and fires klarna-osm-empty, with no impression', async () => {
      const clientId = await freshClient();
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 100 });
      const { detail } = await log.next('klarna-osm-empty');
      expect(detail).to.deep.equal({ placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 100 });
      expect(element.state).to.equal('empty');
      expect(element.getBoundingClientRect().height).to.equal(0);
      expect(getComputedStyle(element).display).to.equal('none');
      expect(element.content).to.deep.equal([]);
      expect(log.named('klarna-osm-impression')).to.have.length(0);
    });

    const httpCases: { title: string; status: number; setup: (clientId: string) => Promise<string | void> }[] = [
      { title: 'a 400', status: 400, setup: (clientId) => answerWith(clientId, { error_code: 'BAD_VALUE', error_messages: ['bad'] }, { status: 400 }) },
      { title: 'a 403 for a client not enabled', status: 403, setup: () => Promise.resolve(EMULATOR_DISABLED_CLIENT_ID) },
      { title: 'a 404 for an unknown client id', status: 404, setup: () => Promise.resolve('11111111-2222-4333-8444-555555555555') },
      { title: 'a 500', status: 500, setup: (clientId) => configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId }, status: 500 }] }) },
    ];
    for (const { title, status, setup } of httpCases) {
      it(`reports ${title} as an http error with status and correlation id, and shows nothing`, async () => {
        let clientId = await freshClient();
        clientId = (await setup(clientId)) ?? clientId;
        const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
        const { detail } = await log.next('klarna-osm-error');
        expect(detail.code).to.equal('http');
        expect(detail.status).to.equal(status);
        expect(detail.correlationId).to.match(UUID_V4);
        expect(detail.message).to.contain(String(status));
        expect(element.state).to.equal('error');
        expect(element.error).to.deep.equal(detail);
        expect(part(element, 'text-main')).to.equal(null);
        expect(console_.messages.join('\n')).to.contain('<klarna-osm-placement>').and.to.contain(String(status));
        expect(log.named('klarna-osm-impression')).to.have.length(0);
      });
    }

    it('bounds what a server said: 200 KB of error message is not copied into the error or the console', async () => {
      const clientId = await freshClient();
      await answerWith(clientId, { error_code: 'BAD_VALUE', error_messages: ['m'.repeat(200_000)] }, { status: 400 });
      const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
      const { detail } = await log.next('klarna-osm-error');
      expect(detail.message).to.contain('BAD_VALUE – mmm');
      expect(detail.message.length).to.be.below(1000);
      expect(console_.messages.join('\n').length).to.be.below(1000);
    });

    it('reports a timeout', async () => {
      const clientId = await freshClient();
      await configureEmulator({ faults: [{ path: '/messaging/v3', query: { client_id: clientId }, latencyMs: 3000 }] });
      const { log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000, timeout: 50 });
      const { detail } = await log.next('klarna-osm-error');
      expect(detail.code).to.equal('timeout');
      expect(detail.message).to.contain('50 ms');
    });

    it('reports an unreachable API as a network error', async () => {
      const { log } = await mountPlacement({ 'client-id': 'any', 'purchase-amount': 10000, 'api-url': 'http://127.0.0.1:9' });
      expect((await log.next('klarna-osm-error')).detail.code).to.equal('network');
    });

    for (const [title, body] of [
      ['a body that is not JSON', '<html>oops</html>'],
      ['nodes that are not an array', { content: { nodes: { TEXT_MAIN: 'x' } } }],
      ['no TEXT_MAIN', { content: { nodes: [{ name: 'ACTION_LEARN_MORE', label: 'Learn more', url: 'https://x.example' }] } }],
      ['a TEXT_MAIN without text', { content: { nodes: [{ name: 'TEXT_MAIN', value: 42 }] } }],
    ] as const) {
      it(`reports ${title} as malformed-response`, async () => {
        const clientId = await freshClient();
        await answerWith(clientId, body);
        const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
        const { detail } = await log.next('klarna-osm-error');
        expect(detail.code).to.equal('malformed-response');
        expect(detail.status).to.equal(200);
        expect(element.shadowRoot!.querySelector('[part~="text-main"]')).to.equal(null);
      });
    }

    it('never keeps a malformed answer: a refresh asks again and recovers', async () => {
      const clientId = await freshClient();
      await answerWith(clientId, { content: { nodes: [] } }, { times: 1 });
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
      await log.next('klarna-osm-error');
      await element.refresh();
      expect(element.state).to.equal('rendered');
      expect(log.named('klarna-osm-render')).to.have.length(1);
    });
  });

  describe('configuration', () => {

    const invalid: [string, Record<string, string | number | undefined>, RegExp][] = [
      ['a missing client id', { 'client-id': undefined, 'purchase-amount': 1000 }, /client-id is required/],
      ['a locale not in the list', { locale: 'en-JP', 'purchase-amount': 1000 }, /locale "en-JP" is not supported: use one of en-AT, de-AT, .*en-NZ/],
      ['a negative amount', { 'purchase-amount': -5 }, /purchase-amount "-5" must be a whole, non-negative number of minor units/],
      ['a fractional amount', { 'purchase-amount': '12.5' }, /purchase-amount "12\.5"/],
      ['a non-numeric amount', { 'purchase-amount': 'ten dollars' }, /purchase-amount "ten dollars"/],
      ['no amount for credit-promotion-badge', { 'purchase-amount': undefined }, /purchase-amount is required for credit-promotion-badge/],
      ['an unknown placement key', { 'placement-key': 'sidebar-promotion-auto-size', 'purchase-amount': 1000 }, /placement-key "sidebar-promotion-auto-size" is not supported: use "credit-promotion-badge", "top-strip-promotion-badge"/],
      ['an unknown environment', { environment: 'staging', 'purchase-amount': 1000 }, /environment "staging" is not supported: use "production", "playground"/],
      ['an api-url that is not http(s)', { 'api-url': 'javascript:alert(1)', 'purchase-amount': 1000 }, /api-url .*http: or https:/],
    ];
    for (const [title, attributes, message] of invalid) {
      it(`refuses ${title} with invalid-config, naming the attribute, and sends nothing`, async () => {
        const clientId = await freshClient();
        const { element, log } = await mountPlacement({ 'client-id': clientId, ...attributes });
        const { detail } = await log.next('klarna-osm-error');
        expect(detail.code).to.equal('invalid-config');
        expect(detail.message).to.match(message);
        expect(element.state).to.equal('error');
        expect(console_.messages.join('\n')).to.match(message);
        expect(await emulatorRequests('/messaging/v3')).to.have.length(0);
      });
    }

    it('refuses values a script assigned that JSON or String() cannot write (a BigInt, an object that holds itself, one with no prototype) with invalid-config, and recovers', async () => {
      const clientId = await freshClient();
      const { element, log } = await mountPlacement({ 'client-id': clientId });
      const itself: Record<string, unknown> = {};
      itself.self = itself;
      Object.assign(element, { purchaseAmount: 10n, placementKey: itself, timeout: Object.create(null) as object });
      const { detail } = await log.next('klarna-osm-error');
      expect(detail.code).to.equal('invalid-config');
      expect(detail.message).to.match(/placement-key "\[object Object\]" is not supported/);
      expect(detail.message).to.match(/purchase-amount "10" must be a whole, non-negative number of minor units/);
      expect(detail.message).to.match(/timeout "\[object Object\]" must be a positive number of milliseconds/);
      element.timeout = undefined;
      Object.assign(element, { purchaseAmount: 10000, placementKey: 'credit-promotion-badge' });
      await log.next('klarna-osm-render');
      expect(await emulatorRequests('/messaging/v3')).to.have.length(1);
    });

    it('recovers as soon as the attributes become valid', async () => {
      const clientId = await freshClient();
      const { element, log } = await mountPlacement({ 'client-id': clientId, locale: 'xx-XX', 'purchase-amount': 10000 });
      await log.next('klarna-osm-error');
      element.locale = 'en-US';
      await log.next('klarna-osm-render');
      expect(element.state).to.equal('rendered');
      expect(element.error).to.equal(undefined);
      expect(part(element, 'text-main')!.textContent).to.contain('$25.00');
    });

    it('waits quietly in idle while it has been given nothing, as before a framework sets its properties', async () => {
      const clientId = await freshClient();
      const element = document.createElement('klarna-osm-placement');
      const log = new EventLog(element);
      document.body.append(element);
      try {
        await element.updateComplete;
        // A placement given something wrong is loading here, on its way to invalid-config.
        expect(element.state).to.equal('idle');
        Object.assign(element, { apiUrl: emulatorUrl, clientId, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 20000 });
        await log.next('klarna-osm-render');
        for (const name of ['api-url', 'client-id', 'placement-key', 'locale']) element.removeAttribute(name);
        Object.assign(element, { apiUrl: undefined, clientId: undefined, purchaseAmount: undefined });
        await element.updateComplete;
        expect([element.state, element.content, element.matches(':state(idle)')]).to.deep.equal(['idle', [], true]);
        expect(log.named('klarna-osm-error')).to.have.length(0);
        expect(console_.messages).to.deep.equal([]);
      } finally {
        element.remove();
      }
    });

    it('reports what is still missing once it has been given anything', async () => {
      const { element, log } = await mountPlacement({ 'client-id': undefined, 'placement-key': undefined, locale: undefined, 'purchase-amount': undefined, 'api-url': undefined, theme: 'dark' });
      await element.updateComplete;
      expect(element.state, 'a theme alone configures nothing').to.equal('idle');
      element.setAttribute('locale', 'en-US');
      const { detail } = await log.next('klarna-osm-error');
      expect(detail.message).to.match(/^client-id is required .*; placement-key is required/);
    });

    it('counts a page setting from configure() as given, and names what the placement still lacks', async () => {
      configure({ clientId: 'from-the-page' });
      try {
        const { log } = await mountPlacement({ 'placement-key': undefined, locale: undefined, 'api-url': undefined });
        const { detail } = await log.next('klarna-osm-error');
        expect(detail.message).to.match(/^placement-key is required/).and.not.to.contain('client-id');
      } finally {
        configure({ clientId: undefined });
      }
    });

    it('shows no error while a framework sets the attributes one at a time', async () => {
      const clientId = await freshClient();
      const element = document.createElement('klarna-osm-placement');
      const errors: Event[] = [];
      element.addEventListener('klarna-osm-error', (event) => errors.push(event));
      const rendered = new Promise((resolve) => element.addEventListener('klarna-osm-render', resolve, { once: true }));
      document.body.append(element); // connected with no attributes at all
      try {
        // Each in its own microtask or update, as a framework's scheduler may do.
        element.setAttribute('api-url', emulatorUrl);
        await Promise.resolve();
        element.setAttribute('client-id', clientId);
        element.setAttribute('placement-key', 'credit-promotion-badge');
        await element.updateComplete;
        element.setAttribute('locale', 'en-US');
        element.purchaseAmount = 20000;
        await rendered;
        expect(errors).to.have.length(0);
      } finally {
        element.remove();
      }
    });

    it('accepts a numeric string from a framework binding as the amount', async () => {
      const clientId = await freshClient();
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000 });
      await log.next('klarna-osm-render');
      (element as unknown as { purchaseAmount: string }).purchaseAmount = '20000';
      expect((await log.next('klarna-osm-render')).detail.purchaseAmount).to.equal(20000);
    });

    it('sends the top strip without an amount, and with one only when given', async () => {
      const clientId = await freshClient();
      const { element, log } = await mountPlacement({ 'client-id': clientId, 'placement-key': 'top-strip-promotion-badge' });
      await log.next('klarna-osm-render');
      expect(part(element, 'text-main')!.textContent).to.contain('Pay in 4 interest-free payments');
      const [request] = await emulatorRequests('/messaging/v3');
      expect(request!.query).not.to.have.property('purchase_amount');
    });
  });
});
