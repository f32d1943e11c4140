import { expect, fixture, html } from '@open-wc/testing';
import { minorDigitsOf, parseDisplayedPrice, readDisplayedAmount } from '../../src/osm-placement/displayed-amount.js';
import { OSM_LOCALES } from '../../src/protocol/osm-request.js';
import { countryOfLocale, currencyOfCountry } from '../../src/core/markets.js';

describe('reading a displayed price (amount-from)', () => {
  describe('parseDisplayedPrice', () => {
    // As shops write them, in every currency OSM serves (the examples first).
    const written: [string, number][] = [
      ['$1,299.99', 129999], ['1.299,99 €', 129999], ['1 299,99 kr', 129999], ['CHF 1’299.90', 129990], ['129,-', 12900],
      ['€ 1.299', 129900], ['1.299 €', 129900], ['£1,299', 129900], ['1\u00a0299\u00a0kr', 129900], ['12,5 €', 1250],
      ['Kč 1 299', 129900], ['49,99 zł', 4999], ['MX$1,299.00', 129900], ['A$ 89.95', 8995], ['NZ$89', 8900],
      ['CA$1 299,99', 129999], ['kr 1.299,–', 129900], ['Fr. 1\'299.–', 129900], ['1 299,99 DKK', 129999],
      ['Now 2 for $25.00', 2500], ['$0.99', 99], ['1.299.000 Kč', 129900000],
    ];
    for (const [text, amount] of written) {
      it(`reads "${text}" as ${amount}`, () => expect(parseDisplayedPrice(text)).to.equal(amount));
    }

    it('reads what Intl writes for 1,299.99 in the currency of each of the 47 locales', () => {
      const misread = OSM_LOCALES.flatMap((locale) => {
        const currency = currencyOfCountry(countryOfLocale(locale)!)!;
        const digits = minorDigitsOf(locale, currency);
        const shown = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(1299.99);
        return parseDisplayedPrice(shown, digits) === 129999 ? [] : [`${locale} ${shown} → ${parseDisplayedPrice(shown, digits)}`];
      });
      expect(misread).to.deep.equal([]);
    });

    it('reads nothing where there is no number, or one too large to be exact', () => {
      expect(parseDisplayedPrice('Sold out')).to.equal(undefined);
      expect(parseDisplayedPrice('')).to.equal(undefined);
      expect(parseDisplayedPrice('9'.repeat(40))).to.equal(undefined);
    });
  });

  describe('readDisplayedAmount', () => {
    it('takes data-amount as minor units, before anything else', async () => {
      const element = await fixture(html`<span data-amount="129999" content="5">$7</span>`);
      expect(readDisplayedAmount(element)).to.deep.equal({ amount: 129999 });
    });

    it('takes schema.org content, or a value, as major units', async () => {
      const meta = await fixture(html`<span itemprop="price" content="1299.90">1 299,90 €</span>`);
      const data = await fixture(html`<data value="49.5">49,50 zł</data>`);
      const input = await fixture<HTMLInputElement>(html`<input value="10">`);
      input.value = '12.34';
      expect([readDisplayedAmount(meta), readDisplayedAmount(data), readDisplayedAmount(input)]).to.deep.equal([{ amount: 129990 }, { amount: 4950 }, { amount: 1234 }]);
    });

    it('reads a container\'s text without its struck-through or hidden prices', async () => {
      const container = await fixture(html`<p class="price"><del>$1,499.00</del> <s>$1,399</s> <span hidden>$5</span> <ins>$1,299.00</ins></p>`);
      expect(readDisplayedAmount(container)).to.deep.equal({ amount: 129900 });
    });

    it('says what it could not read, quoting it', async () => {
      const unreadable = await Promise.all([
        fixture(html`<span>Call for price</span>`),
        fixture(html`<span data-amount="12.5"></span>`),
        fixture(html`<span content="-3"></span>`),
      ]);
      expect(unreadable.map((element) => readDisplayedAmount(element))).to.deep.equal([{ unreadable: 'Call for price' }, { unreadable: '12.5' }, { unreadable: '-3' }]);
    });
  });
});
