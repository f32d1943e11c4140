/**
 * A server-rendered placement (test/ssr/render-page.ts: OsmClient + @lit-labs/ssr, served by
 * web-test-runner.config.js) in a page of its own: the message is there before any script runs,
 * and the element hydrates it, with lit's hydrate support, without asking Klarna again.
 */
import { expect } from '@open-wc/testing';
import { osmRequestsFor } from '../helpers/emulator.js';
import { framePage } from '../helpers/frame-page.js';
import { freshClient, useImpressionFeed } from '../helpers/emulator-clients.js';
import type { KlarnaOsmPlacement, OsmRenderEvent } from '../../src/index.js';

describe('a server-rendered <klarna-osm-placement>', () => {
  const feed = useImpressionFeed();
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('shows the message before any script, then hydrates it without a second request; later changes fetch as usual', async () => {
    const clientId = await freshClient();
    const served = await (await fetch(`/__ssr/osm-placement?client_id=${clientId}&purchase_amount=11900`)).text();
    frame = await framePage(`</head><body>${served}</body>`);
    const page = frame.contentWindow!;
    const placement = page.document.querySelector('klarna-osm-placement') as KlarnaOsmPlacement;
    const requests = () => osmRequestsFor(clientId);

    // Declarative shadow DOM: the message, with no element defined yet.
    expect(page.customElements.get('klarna-osm-placement')).to.equal(undefined);
    const serverText = placement.shadowRoot!.querySelector('[part="text-main"]')!;
    expect(serverText.textContent).to.match(/\S/);
    expect(await requests()).to.have.length(1);

    const renders: OsmRenderEvent[] = [];
    placement.addEventListener('klarna-osm-render', (event) => renders.push(event));
    const script = page.document.createElement('script');
    script.type = 'module';
    script.src = '/test/ssr/hydrate.ts';
    page.document.head.append(script);
    await page.customElements.whenDefined('klarna-osm-placement');
    await placement.updateComplete;
    // The task takes the server's answer (no request) and settles within a few updates.
    for (let update = 0; placement.state === 'loading' && update < 10; update++) await placement.updateComplete;

    expect(placement.state).to.equal('rendered');
    expect(placement.shadowRoot!.querySelector('[part="text-main"]'), 'the server\'s nodes are kept, not rendered again').to.equal(serverText);
    expect(renders.map((event) => event.detail.purchaseAmount)).to.deep.equal([11900]);
    expect((await feed().until(1))[0]!.purchaseAmount).to.equal(11900);
    expect(await requests()).to.have.length(1);

    const next = new Promise<OsmRenderEvent>((resolve) => placement.addEventListener('klarna-osm-render', resolve, { once: true }));
    placement.purchaseAmount = 22900;
    expect((await next).detail.purchaseAmount).to.equal(22900);
    expect((await requests()).map((query) => query.purchase_amount)).to.deep.equal(['11900', '22900']);
  });
});
