/**
 * A React app's server-rendered product page (test/ssr/react-product-page.tsx, `renderToString`
 * in web-test-runner.config.js), hydrated in a page of its own with React's development build,
 * which reports every difference between the server's markup and the client's. The elements are
 * defined before React hydrates (the module defines them first, as in Next.js), so anything they
 * change in the markup React owns shows up here.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { freshClient } from '../helpers/emulator-clients.js';
import { osmRequestsFor } from '../helpers/emulator.js';
import { framePage } from '../helpers/frame-page.js';
import type { KlarnaInstantShoppingHost, KlarnaOsmPlacement } from '../../src/index.js';

type HydratedWindow = Window & typeof globalThis & {
  __REACT_ERRORS__?: unknown[];
  __PRODUCT_PAGE_PROPS__: { sdkUrl: string };
  Klarna?: { InstantShopping?: unknown };
};

describe('React SSR: a server-rendered page hydrated with hydrateRoot', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  // Klarna's lib.js either arrives after React has hydrated (a first visit) or is there before it
  // starts (cached by a returning shopper, or a <script> tag of the page's own): then a host shows its
  // button, and adds Klarna's container, as soon as it may start.
  for (const sdk of ['loads after hydration', 'already on the page'] as const) {
    it(`hydrates both elements, wrappers and raw tags, with no error from React or the elements (lib.js ${sdk})`, async () => {
      const clientId = await freshClient();
      const served = await (await fetch(`/__ssr/react-product-page?client_id=${clientId}&instance_prefix=ssr-${crypto.randomUUID()}`)).text();
      frame = await framePage(`</head><body>${served}</body>`);
      const page = frame.contentWindow as HydratedWindow;
      const placements = [...page.document.querySelectorAll<KlarnaOsmPlacement>('klarna-osm-placement')];
      const hosts = [...page.document.querySelectorAll<KlarnaInstantShoppingHost>('klarna-instant-shopping-host')];
      expect([placements.length, hosts.length]).to.deep.equal([2, 2]);
      // The wrappers render what can be an attribute on the server too: the element can start before hydration.
      expect(placements[0]!.getAttribute('placement-key')).to.equal('credit-promotion-badge');
      expect(placements[0]!.getAttribute('purchase-amount')).to.equal('11900');
      expect(hosts[0]!.getAttribute('button-key')).to.match(/^[0-9a-f-]{36}$/);
      // The hosts wait for React (the component's order lines come as properties at hydration; the raw
      // tag would add Klarna's container to markup React has yet to hydrate); the placements have all they need.
      const held = (element: Element) => element.hasAttribute('defer-hydration');
      expect([...placements, ...hosts].map(held)).to.deep.equal([false, false, true, true]);

      const consoleErrors: string[] = [];
      page.console.error = (...args: unknown[]) => consoleErrors.push(args.map(String).join(' '));
      const script = page.document.createElement('script');
      script.type = 'module';
      if (sdk === 'already on the page') {
        const lib = page.document.createElement('script');
        lib.src = page.__PRODUCT_PAGE_PROPS__.sdkUrl;
        page.document.head.append(lib);
        await waitUntil(() => page.Klarna?.InstantShopping, 'lib.js ready before React starts');
      }
      script.src = '/node_modules/.cache/interop/react-hydrate.js';
      page.document.head.append(script);

      const states = () => [...placements, ...hosts].map((element) => element.state);
      await waitUntil(() => states().join() === 'rendered,rendered,ready,ready', 'both placements render and both buttons show', { timeout: 8000 })
        .catch((error: Error) => { throw new Error(`${error.message}: ${states().join()}; console: ${consoleErrors.join(' | ')}; React: ${page.__REACT_ERRORS__?.map(String).join(' | ')}`); });
      expect(page.__REACT_ERRORS__?.map(String), 'React hydration errors').to.deep.equal([]);
      expect(consoleErrors).to.deep.equal([]);
      expect(hosts.map(held)).to.deep.equal([false, false]);
      // The SDK drew its button in each host's container (the emulated SDK, in the container's shadow root).
      for (const host of hosts) expect(host.querySelector('klarna-instant-shopping')?.shadowRoot?.querySelector('button')).to.be.instanceOf(page.HTMLButtonElement);
      // One request per placement: hydration does not make an element ask again.
      expect((await osmRequestsFor(clientId)).map((query) => query.purchase_amount).sort()).to.deep.equal(['11900', '23800']);
    });
  }
});
