/**
 * The viewport controller on a stand-in host, with the browser's own IntersectionObserver: in view
 * follows the page's scrolling, near stays once reached, and each change asks the host to update.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ViewportController } from '../../src/osm-placement/viewport-controller.js';
import '../helpers/controller-host.js';
import type { ControllerHost } from '../helpers/controller-host.js';

describe('ViewportController', () => {
  it('knows whether its host is in view, and stays near once it came near', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><div style="height: 300vh"></div><controller-test-host style="display: block; height: 20px"></controller-test-host><div style="height: 300vh"></div></div>`);
    const host = page.querySelector<ControllerHost>('controller-test-host')!;
    const viewport = new ViewportController(host);
    await waitUntil(() => host.updatesRequested >= 2, 'both observers reported');
    expect([viewport.inView, viewport.near]).to.deep.equal([false, false]);

    host.scrollIntoView({ block: 'center' });
    await waitUntil(() => viewport.inView, 'in view after scrolling to it');
    expect(viewport.near).to.equal(true);

    scrollTo(0, 0);
    await waitUntil(() => !viewport.inView, 'out of view after scrolling away');
    expect(viewport.near).to.equal(true);
  });

  it('is not in view while out of the page, and observes again when it is back', async () => {
    const host = await fixture<ControllerHost>(html`<controller-test-host style="display: block; height: 20px"></controller-test-host>`);
    const viewport = new ViewportController(host);
    await waitUntil(() => viewport.inView, 'in view at the top of the page');
    const parent = host.parentElement!;
    host.remove();
    expect(viewport.inView).to.equal(false);
    const requested = host.updatesRequested;
    parent.append(host);
    await waitUntil(() => viewport.inView && host.updatesRequested > requested, 'in view again');
  });
});
