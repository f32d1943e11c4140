/**
 * The one interop suite every framework runs: its build of the storefront (test/interop/apps/)
 * mounted in this page, the emulator as Klarna's OSM API over HTTP, and a recording SDK on
 * `window` so that every `load` and `update` can be counted. Nothing here defines the elements:
 * they come from the framework's build, as in a merchant's app.
 */
import { expect } from '@open-wc/testing';
import { freshClient, useImpressionFeed } from '../helpers/emulator-clients.js';
import { emulatorUrl, osmRequestsFor } from '../helpers/emulator.js';
import { EventLog } from '../helpers/event-log.js';
import { installRecordingSdk, type RecordingSdk } from '../helpers/recording-sdk.js';
import type { KlarnaExpressCheckout, KlarnaInstantShoppingHost, KlarnaOsmPlacement } from '../../src/index.js';
import { EXPRESS_CLIENT_ID, lineItems, orderLines, STOCK, UNIT_PRICE, type MountedStorefront, type MountStorefront } from './apps/storefront.js';

const EVENTS = [
  'klarna-osm-render', 'klarna-osm-impression', 'klarna-osm-error', 'klarna-osm-learn-more', 'klarna-instant-shopping-ready', 'klarna-instant-shopping-error',
  'klarna-express-checkout-ready', 'klarna-express-checkout-click', 'klarna-express-checkout-error',
] as const;

/** Where `vite build` put the framework apps (see build.ts, run by web-test-runner.config.js). */
export async function loadApp<K extends string>(name: string, exportName: K): Promise<MountStorefront> {
  const module = (await import(/* @vite-ignore */ `/node_modules/.cache/interop/${name}.js`)) as Record<K, MountStorefront>;
  return module[exportName];
}

export function storefrontSuite(framework: string, loadMount: () => Promise<MountStorefront>): void {
  describe(`${framework}: the storefront with both elements`, () => {
    const feed = useImpressionFeed();
    let mountStorefront: MountStorefront;
    let sdk: RecordingSdk;
    let restoreSdk: () => void;
    let container: HTMLDivElement;
    let app: MountedStorefront | undefined;
    let clientId: string;
    let instanceId: string;
    let log: EventLog<(typeof EVENTS)[number]>;

    before(async () => {
      mountStorefront = await loadMount();
    });

    beforeEach(async () => {
      ({ sdk, restore: restoreSdk } = installRecordingSdk());
      sdk.autoAnswer = { show_button: true };
      clientId = await freshClient();
      instanceId = `interop-${crypto.randomUUID()}`;
      container = document.body.appendChild(document.createElement('div'));
      const target = new EventTarget();
      log = new EventLog(target, EVENTS);
      // The framework's listener hands over `event.detail`; it is passed on here as it came.
      app = mountStorefront(container, {
        clientId, apiUrl: emulatorUrl, sdkUrl: `${emulatorUrl}/instantshopping/lib/v1/lib.js`, webSdkUrl: `${emulatorUrl}/web-sdk/v2/klarna.mjs`, instanceId, quantity: 1,
        onEvent: (name, detail) => target.dispatchEvent(new CustomEvent(name, { detail })),
      });
    });

    afterEach(async () => {
      await app?.unmount();
      container.remove();
      restoreSdk();
    });

    const placement = () => container.querySelector<KlarnaOsmPlacement>('klarna-osm-placement');
    const host = () => container.querySelector<KlarnaInstantShoppingHost>('klarna-instant-shopping-host');
    const requests = () => osmRequestsFor(clientId);
    const expressButtons = () => container.querySelectorAll('klarna-emulated-payment-button');
    /** A shopper's click on the Express Checkout button; the storefront takes it over (no dialog). */
    const clickExpress = () => expressButtons()[0]!.shadowRoot!.querySelector('button')!.click();
    const loads = () => sdk.calls.filter((call) => call.method === 'load');

    it('passes attributes, binds orderLines as a property, and hands typed details to the framework\'s listeners', async () => {
      const rendered = (await log.next('klarna-osm-render')).detail;
      expect(rendered.purchaseAmount).to.equal(UNIT_PRICE);
      expect(rendered.nodes.map((node) => node.name)).to.include('TEXT_MAIN');
      expect(placement()!.state).to.equal('rendered');
      expect(placement()!.shadowRoot!.querySelector('[part="text-main"]')!.textContent).to.equal(rendered.nodes.find((node) => node.name === 'TEXT_MAIN')!.value);

      expect((await log.next('klarna-instant-shopping-ready')).detail.showButton).to.equal(true);
      expect(host()!.orderLines).to.deep.equal(orderLines(1));
      expect(host()!.hasAttribute('orderlines') || host()!.hasAttribute('orderLines'), 'not stringified into an attribute').to.equal(false);
      expect(loads()).to.have.length(1);
      expect(loads()[0]!.options.order_lines).to.deep.equal(orderLines(1));
      expect(log.named('klarna-osm-error').concat(log.named('klarna-instant-shopping-error'))).to.deep.equal([]);
    });

    it('hands the learn-more link to the framework\'s listener, which opens it its own way by cancelling the event', async () => {
      await log.next('klarna-osm-render');
      const link = placement()!.shadowRoot!.querySelector<HTMLAnchorElement>('[part="learn-more"]')!;
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0 });
      link.dispatchEvent(click);
      const { detail } = await log.next('klarna-osm-learn-more');
      expect(detail).to.deep.equal({ url: link.href, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: UNIT_PRICE, presentation: 'tab' });
      // Cancelled: the browser does not follow the link, and no dialog opens.
      expect(click.defaultPrevented).to.equal(true);
      expect(placement()!.shadowRoot!.querySelector('dialog')).to.equal(null);
    });

    it('asks once for a new amount from framework state, and sends the new order lines as one update', async () => {
      await log.next('klarna-osm-render');
      await log.next('klarna-instant-shopping-ready');
      await app!.setQuantity(2);
      expect(((await log.next('klarna-osm-render')).detail).purchaseAmount).to.equal(2 * UNIT_PRICE);
      expect((await requests()).map((query) => query.purchase_amount)).to.deep.equal([String(UNIT_PRICE), String(2 * UNIT_PRICE)]);
      expect(log.named('klarna-osm-render')).to.have.length(2);

      const [, update] = await sdk.until(2);
      expect(update!.method).to.equal('update');
      expect(update!.options.order_lines).to.deep.equal(orderLines(2));
      expect(loads()).to.have.length(1);
    });

    it('Express Checkout: one button through state changes and a route change, its amount and lines from framework state', async () => {
      expect((await log.next('klarna-express-checkout-ready')).detail).to.deep.equal({ clientId: EXPRESS_CLIENT_ID });
      expect(expressButtons()).to.have.length(1);
      await log.next('klarna-osm-render');
      await app!.setQuantity(2);
      await log.next('klarna-osm-render');
      await app!.setQuantity(3);
      await log.next('klarna-osm-render');
      expect(expressButtons(), 'a quantity change keeps the one button').to.have.length(1);
      const express = container.querySelector<KlarnaExpressCheckout>('klarna-express-checkout')!;
      expect(express.lineItems).to.deep.equal(lineItems(3));
      expect(express.amount, 'a number, as the framework gave it').to.equal(3 * UNIT_PRICE);
      const expressButton = () => expressButtons()[0]!.shadowRoot!.querySelector('button')!;
      expect(expressButton().disabled).to.equal(false);
      await app!.setQuantity(STOCK + 1);
      await log.next('klarna-osm-render');
      await express.updateComplete;
      expect(express.disabled, 'a boolean, as the framework gave it').to.equal(true);
      expect(expressButton().disabled, 'greyed out above the stock').to.equal(true);
      await app!.setQuantity(3);
      await log.next('klarna-osm-render');
      await express.updateComplete;
      expect(expressButton().disabled).to.equal(false);
      clickExpress();
      expect((await log.next('klarna-express-checkout-click')).detail).to.deep.equal({ amount: 3 * UNIT_PRICE, currency: 'USD' });
      await app!.showRoute('cart');
      expect(expressButtons()).to.have.length(0);
      await app!.showRoute('product');
      await log.next('klarna-express-checkout-ready');
      expect(expressButtons()).to.have.length(1);
      expect(log.named('klarna-express-checkout-error')).to.deep.equal([]);
    });

    it('after a route change away and back: one impression per display, no new request, no second load', async () => {
      await log.next('klarna-osm-impression');
      await log.next('klarna-instant-shopping-ready');
      await feed().until(1, clientId);

      await app!.showRoute('cart');
      expect(placement()).to.equal(null);
      expect(host()).to.equal(null);
      await app!.showRoute('product');
      await log.next('klarna-osm-impression');
      await log.next('klarna-instant-shopping-ready');
      await feed().until(2, clientId);

      // The remounted placement shows the kept answer: a second display, so a second impression, and only that.
      expect(log.named('klarna-osm-render')).to.have.length(2);
      expect(log.named('klarna-osm-impression')).to.have.length(2);
      expect(feed().receivedFor(clientId)).to.have.length(2);
      expect(await requests()).to.have.length(1);
      // Klarna's SDK keeps the instance: the new element refills it with `update`.
      expect(loads()).to.have.length(1);
      expect(sdk.calls.map((call) => call.method)).to.deep.equal(['load', 'update']);
      expect(sdk.calls[1]!.options.setup).to.deep.equal({ instance_id: instanceId });
    });
  });
}
