import { expect, fixture, html } from '@open-wc/testing';
import { countryOfLocale, currencyOfCountry } from '../../src/core/markets.js';
import { OSM_LOCALES } from '../../src/protocol/osm-request.js';
import { captureConsole } from '../helpers/console.js';
import { osmRequestsFor } from '../helpers/emulator.js';
import { freshClient, mountPlacement, part, type EventLog } from '../helpers/osm.js';

/** A product page's markup, then a placement reading it, added the way a script would. */
async function productPage(markup: string, attributes: Record<string, string | number | undefined>) {
  const page = await fixture<HTMLDivElement>(html`<div></div>`);
  // The test's own constant markup, as a server would have sent it.
  page.innerHTML = markup;
  const clientId = await freshClient();
  const mounted = await mountPlacement({ 'client-id': clientId, ...attributes }, page.querySelector<HTMLElement>('[data-placement]') ?? page);
  return { page, clientId, ...mounted };
}

/** The amount of the placement's next rendering. */
const renderedAmount = async (log: EventLog) => (await log.next('klarna-osm-render')).detail.purchaseAmount;

const asked = async (clientId: string) => (await osmRequestsFor(clientId)).map((query) => Number(query.purchase_amount));

describe('<klarna-osm-placement amount-from quantity-from>', () => {
  it('reads the price the page shows and follows it when a variant changes it', async () => {
    const { page, clientId, element, log } = await productPage('<p class="price">$1,299.99</p><div data-placement></div>', { 'amount-from': '.price' });
    const first = await log.next('klarna-osm-render');
    expect(first.detail.purchaseAmount).to.equal(129999);

    page.querySelector('.price')!.textContent = '$1,499.00';
    const second = await log.next('klarna-osm-render');
    expect(second.detail.purchaseAmount).to.equal(149900);
    expect(part(element, 'text-main')!.textContent).to.equal('Make 4 payments of $374.75. No fees.');
    expect(await asked(clientId)).to.deep.equal([129999, 149900]);
  });

  it('follows the price element being replaced, and reads data-amount and schema.org content first', async () => {
    const { page, clientId, log } = await productPage('<span class="price" itemprop="price" content="89.95">89,95 €</span><div data-placement></div>', { 'amount-from': '.price' });
    expect(await renderedAmount(log)).to.equal(8995);

    // A variant picker that re-renders the price's markup.
    const replacement = document.createElement('span');
    replacement.className = 'price';
    replacement.dataset.amount = '12900';
    replacement.textContent = '$999';
    page.querySelector('.price')!.replaceWith(replacement);
    expect(await renderedAmount(log)).to.equal(12900);
    expect(await asked(clientId)).to.deep.equal([8995, 12900]);
  });

  it('ignores a struck-through old price inside the matched container', async () => {
    const { log } = await productPage('<p class="price"><del>$80.00</del> <ins>$55.50</ins></p><div data-placement></div>', { 'amount-from': '.price' });
    expect(await renderedAmount(log)).to.equal(5550);
  });

  it('waits quietly while nothing matches, and renders once a price appears', async () => {
    const { page, clientId, element, log } = await productPage('<div data-placement></div>', { 'amount-from': '.price' });
    // A placement beside it goes all the way to Klarna and back: time enough for this one to have
    // loaded its code, looked, and (wrongly) complained.
    const control = await mountPlacement({ 'client-id': await freshClient(), 'purchase-amount': 10000 }, page);
    await control.log.next('klarna-osm-render');
    expect(element.state).to.equal('idle');
    expect(log.names).to.deep.equal([]);
    expect(await asked(clientId)).to.deep.equal([]);

    page.insertAdjacentHTML('afterbegin', '<p class="price">$40.00</p>');
    expect(await renderedAmount(log)).to.equal(4000);
    expect(log.names).to.deep.equal(['klarna-osm-render']);
  });

  it('reports text that is not a price as invalid-config quoting it, and recovers when a price shows', async () => {
    const console = captureConsole('error');
    try {
      const { page, log } = await productPage('<p class="price">Call for price</p><div data-placement></div>', { 'amount-from': '.price' });
      const { detail } = await log.next('klarna-osm-error');
      expect(detail.code).to.equal('invalid-config');
      expect(detail.message).to.include('amount-from ".price"').and.include('"Call for price"').and.include('data-amount');
      expect(console.messages.join('\n')).to.include('"Call for price"');

      page.querySelector('.price')!.textContent = '$60.00';
      expect(await renderedAmount(log)).to.equal(6000);
    } finally {
      console.restore();
    }
  });

  it('asks for the price alone on a card whose other numbers a currency mark tells apart ("20% off", "4 colours")', async () => {
    const { page, clientId, log } = await productPage('<p class="price">$49.99 20% off · 4 colours</p><div data-placement></div>', { 'amount-from': '.price' });
    expect(await renderedAmount(log)).to.equal(4999);
    page.querySelector('.price')!.textContent = 'Sale ends 12/31 $99.00';
    expect(await renderedAmount(log)).to.equal(9900);
    expect(await asked(clientId)).to.deep.equal([4999, 9900]);
  });

  it('reports a card with a sale and a regular price side by side as invalid-config naming both, asking nothing, and recovers', async () => {
    const console = captureConsole('error');
    try {
      const { page, clientId, log } = await productPage('<p class="price">$99.99 $129.99</p><div data-placement></div>', { 'amount-from': '.price' });
      const { detail } = await log.next('klarna-osm-error');
      expect(detail.code).to.equal('invalid-config');
      expect(detail.message).to.include('"$99.99 $129.99"').and.include('several amounts').and.include('"99.99", "129.99"')
        .and.include('data-amount-ignore').and.include('data-amount');
      expect(await asked(clientId)).to.deep.equal([]);
      page.querySelector('.price')!.innerHTML = '$99.99 <span data-amount-ignore>$129.99</span>';
      expect(await renderedAmount(log)).to.equal(9999);
    } finally {
      console.restore();
    }
  });

  it('reports a selector that is not valid CSS as invalid-config, and a valid one recovers', async () => {
    const console = captureConsole('error');
    try {
      const { element, log } = await productPage('<p class="price">$60.00</p><div data-placement></div>', { 'amount-from': '.price[' });
      const { detail } = await log.next('klarna-osm-error');
      expect(detail.code).to.equal('invalid-config');
      expect(detail.message).to.equal('amount-from ".price[" is not a valid CSS selector.');

      element.amountFrom = '.price';
      expect(await renderedAmount(log)).to.equal(6000);
    } finally {
      console.restore();
    }
  });

  it('multiplies by the quantity field, typed or stepped, and keeps the last good quantity for an empty or bad one', async () => {
    const warnings = captureConsole('warn');
    try {
      const { page, clientId, log } = await productPage(
        '<p class="price">$20.00</p><input id="qty" value="2"><button type="button" id="more">+</button><div data-placement></div>',
        { 'amount-from': '.price', 'quantity-from': '#qty' },
      );
      const quantity = page.querySelector<HTMLInputElement>('#qty')!;
      // A stepper sets the value in its click handler: no input event, no attribute change.
      page.querySelector('#more')!.addEventListener('click', () => (quantity.value = String(Number(quantity.value) + 1)));
      expect(await renderedAmount(log)).to.equal(4000);

      quantity.value = '5';
      quantity.dispatchEvent(new Event('input', { bubbles: true }));
      expect(await renderedAmount(log)).to.equal(10000);

      page.querySelector<HTMLButtonElement>('#more')!.click();
      expect(await renderedAmount(log)).to.equal(12000);

      for (const bad of ['', '-3', '100000', '2.5']) {
        quantity.value = bad;
        quantity.dispatchEvent(new Event('change', { bubbles: true }));
      }
      quantity.value = '3';
      quantity.dispatchEvent(new Event('change', { bubbles: true }));
      expect(await renderedAmount(log)).to.equal(6000);
      expect(await asked(clientId)).to.deep.equal([4000, 10000, 12000, 6000]);
      expect(log.named('klarna-osm-error')).to.deep.equal([]);
      expect(warnings.messages).to.deep.equal([
        '<klarna-osm-placement>: quantity-from "#qty" shows "-3", which is not a quantity (a whole number from 1 to 9999): the quantity stays 6.',
        '<klarna-osm-placement>: quantity-from "#qty" shows "100000", which is not a quantity (a whole number from 1 to 9999): the quantity stays 6.',
        '<klarna-osm-placement>: quantity-from "#qty" shows "2.5", which is not a quantity (a whole number from 1 to 9999): the quantity stays 6.',
      ]);
    } finally {
      warnings.restore();
    }
  });

  it('reads a quantity shown as text, whatever a script put on Object.prototype', async () => {
    const prototype = Object.prototype as { value?: unknown };
    prototype.value = '7';
    try {
      const { log } = await productPage('<p class="price">$20.00</p><span id="qty">2</span><div data-placement></div>', { 'amount-from': '.price', 'quantity-from': '#qty' });
      expect(await renderedAmount(log)).to.equal(4000);
    } finally {
      delete prototype.value;
    }
  });

  it('lets an explicit purchase-amount win, with one warning however often the page changes', async () => {
    const warnings = captureConsole('warn');
    try {
      const { page, clientId, log } = await productPage('<p class="price">$10.00</p><div data-placement></div>', { 'amount-from': '.price', 'purchase-amount': 4200 });
      expect(await renderedAmount(log)).to.equal(4200);
      for (const text of ['$11.00', '$12.00', '$13.00']) page.querySelector('.price')!.textContent = text;
      // A change the placement does follow: after it, every mutation above has been seen.
      const placement = page.querySelector('klarna-osm-placement')!;
      placement.setAttribute('purchase-amount', '4300');
      expect(await renderedAmount(log)).to.equal(4300);
      expect(await asked(clientId)).to.deep.equal([4200, 4300]);
      expect(warnings.messages).to.deep.equal([
        '<klarna-osm-placement>: purchase-amount and amount-from are both set: purchase-amount (4200) is used. Remove one of them.',
        '<klarna-osm-placement>: purchase-amount and amount-from are both set: purchase-amount (4300) is used. Remove one of them.',
      ]);
    } finally {
      warnings.restore();
    }
  });

  it('reads the price nearest each placement: every product card its own', async () => {
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    page.innerHTML = [4500, 5500, 6500].map((cents) => `<article><p class="price">$${cents / 100}.00</p><div data-placement></div></article>`).join('');
    const clientId = await freshClient();
    const cards = await Promise.all([...page.querySelectorAll<HTMLElement>('[data-placement]')].map((slot) => mountPlacement({ 'client-id': clientId, 'amount-from': '.price' }, slot)));
    const amounts = await Promise.all(cards.map(async ({ log }) => await renderedAmount(log)));
    expect(amounts).to.deep.equal([4500, 5500, 6500]);
  });

  it('reads its own shadow root first, where a component renders the price beside it', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><p class="price">$99.00</p><div class="card"></div></div>`);
    const root = page.querySelector('.card')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p class="price">$45.00</p>';
    const { log } = await mountPlacement({ 'client-id': await freshClient(), 'amount-from': '.price' }, root as unknown as HTMLElement);
    expect(await renderedAmount(log)).to.equal(4500);
    root.querySelector('.price')!.textContent = '$46.00';
    expect(await renderedAmount(log)).to.equal(4600);
  });

  it('reads the price as each market writes it (Intl, one locale per currency), asking Klarna for that amount', async () => {
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const byCurrency = new Map<string, string>();
    for (const locale of OSM_LOCALES) byCurrency.set(currencyOfCountry(countryOfLocale(locale)!)!, byCurrency.get(currencyOfCountry(countryOfLocale(locale)!)!) ?? locale);
    const clientId = await freshClient();
    const placements = await Promise.all([...byCurrency].map(async ([currency, locale]) => {
      const card = document.createElement('article');
      const price = document.createElement('p');
      price.className = 'price';
      price.textContent = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(1234.56);
      card.append(price);
      page.append(card);
      const { log } = await mountPlacement({ 'client-id': clientId, locale, 'amount-from': '.price' }, card);
      return { locale, text: price.textContent, log };
    }));
    expect(placements).to.have.length(13);
    const read = await Promise.all(placements.map(async ({ locale, text, log }) => `${locale} ${text} → ${await renderedAmount(log)}`));
    expect(read.filter((line) => !line.endsWith('→ 123456'))).to.deep.equal([]);
    expect(await asked(clientId)).to.deep.equal(placements.map(() => 123456));
  });

  it('stops following once removed, and reads the price of the moment when put back', async () => {
    const { page, clientId, element, log } = await productPage('<p class="price">$40.00</p><div data-placement></div>', { 'amount-from': '.price' });
    await log.next('klarna-osm-render');
    element.remove();
    page.querySelector('.price')!.textContent = '$41.00';
    // A placement beside it goes to Klarna and back: time enough for a leftover observer to have asked.
    const control = await mountPlacement({ 'client-id': await freshClient(), 'purchase-amount': 10000 }, page);
    await control.log.next('klarna-osm-render');
    expect(await asked(clientId)).to.deep.equal([4000]);

    page.querySelector('.price')!.textContent = '$42.00';
    page.append(element);
    expect(await renderedAmount(log)).to.equal(4200);
    expect(await asked(clientId)).to.deep.equal([4000, 4200]);
  });
});
