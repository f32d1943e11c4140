/**
 * The on-demand code behind `learn-more="popup"` and `"dialog"`, called as the placement calls it
 * once it has loaded: what it does when the placement left the page meanwhile (a click on a
 * product card that also navigated away), so that nothing stays held.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { openLink } from '../../src/osm-placement/link-window.js';
import { freshClient, mountPlacement, part } from '../helpers/osm.js';

describe('link-window (the popup and the dialog, on demand)', () => {
  it('opens nothing for a placement that left the page while its code loaded, and leaves the page free to scroll', async () => {
    const clientId = await freshClient();
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000, 'learn-more': 'dialog' });
    await log.next('klarna-osm-render');
    const link = part(element, 'learn-more') as HTMLAnchorElement;
    element.remove();
    let closed = 0;
    const detail = { url: link.href, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 10000, presentation: 'dialog' } as const;
    openLink(element, link, detail, () => closed++);
    expect(element.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(document.documentElement.style.overflow).to.equal('');
    expect(closed).to.equal(0);
  });

  it('holds the page still only while a dialog is open', async () => {
    const clientId = await freshClient();
    const page = await fixture<HTMLDivElement>(html`<div style="height: 300vh"></div>`);
    const { element, log } = await mountPlacement({ 'client-id': clientId, 'purchase-amount': 10000, 'learn-more': 'dialog' }, page);
    await log.next('klarna-osm-render');
    const link = part(element, 'learn-more') as HTMLAnchorElement;
    const detail = { url: link.href, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 10000, presentation: 'dialog' } as const;
    const closed = new Promise<void>((resolve) => openLink(element, link, detail, resolve));
    const dialog = element.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(document.documentElement.style.overflow).to.equal('hidden');
    dialog.close();
    await closed;
    expect(document.documentElement.style.overflow).to.equal('');
  });
});
