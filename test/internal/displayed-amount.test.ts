import { expect, fixture, html } from '@open-wc/testing';
import { minorDigitsOf, parseDisplayedPrice, readDisplayedAmount } from '../../src/internal/displayed-amount.js';
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
        const read = parseDisplayedPrice(shown, digits);
        return read === 129999 ? [] : [`${locale} ${shown} → ${JSON.stringify(read)}`];
      });
      expect(misread).to.deep.equal([]);
    });

    // Cards as shops write them: the price with other numbers around it, in several locales.
    const cards: [string, number][] = [
      ['$49.99 20% off', 4999], ['£24.99 4 colours', 2499], ['$129.99 12 months 0% APR', 12999],
      ['Sale ends 12/31 $99.00', 9900], ['Ends 2026-12-31: 59,90 €', 5990], ['Offer until 23:59 – 1 299 kr', 129900],
      ['New! 3 sizes · 1.299,00 €', 129900], ['-30% 699 kr', 69900], ['From $99', 9900], ['ab 19,99 €', 1999],
      ['Model X200 $349.00', 34900], ['4K TV 65" 8 999 kr', 899900], ['Dostępne 2 kolory 49,99 zł', 4999],
      ['1 299 Kč skladem 3 ks', 129900], ['Nu 499,- 2 stk', 49900], ['CHF 1’299.– inkl. 8.1% MwSt.', 129900],
      ['Save 15% · 89,95 € · 2-3 days', 8995],
    ];
    for (const [text, amount] of cards) {
      it(`reads "${text}" as ${amount}`, () => expect(parseDisplayedPrice(text)).to.equal(amount));
    }

    // Several amounts, and no currency mark settles which is the price: reported, never guessed.
    const ambiguous: [string, string[]][] = [
      ['$99.99 $129.99', ['99.99', '129.99']], ['Was $129.99 Now $99.99', ['129.99', '99.99']],
      ['99,99 € 129,99 €', ['99,99', '129,99']], ['$99 – $129', ['99', '129']], ['From £20 to £45', ['20', '45']],
      ['4 colours 24.99', ['4', '24.99']], ['Was 129.99 Now 99.99', ['129.99', '99.99']], ['2 x 649 kr 1 298 kr', ['649', '1 298']],
    ];
    for (const [text, candidates] of ambiguous) {
      it(`reports "${text}" as several amounts`, () => expect(parseDisplayedPrice(text)).to.deep.equal(candidates));
    }

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

    it('names the candidates of a text that holds several amounts', async () => {
      const card = await fixture(html`<p class="price">$99.99 <span>$129.99</span></p>`);
      expect(readDisplayedAmount(card)).to.deep.equal({ several: ['99.99', '129.99'], text: '$99.99 $129.99' });
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
