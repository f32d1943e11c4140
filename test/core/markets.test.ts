import { expect } from '@open-wc/testing';
import { countryOfLocale, currencyOfCountry, regionForCountry } from '../../src/core/markets.js';
import { isOsmLocale, OSM_LOCALES } from '../../src/protocol/osm-request.js';

describe('markets', () => {
  it('holds the 47 OSM locales, each with a known currency', () => {
    expect(OSM_LOCALES).to.have.length(47);
    expect(new Set(OSM_LOCALES).size).to.equal(47);
    for (const locale of OSM_LOCALES) {
      expect(currencyOfCountry(countryOfLocale(locale)!), locale).to.match(/^[A-Z]{3}$/);
    }
  });

  it('accepts only listed locales, case-sensitively as the API does', () => {
    expect(isOsmLocale('en-US')).to.equal(true);
    expect(isOsmLocale('nb-NO')).to.equal(true);
    expect(isOsmLocale('en-us')).to.equal(false);
    expect(isOsmLocale('en-JP')).to.equal(false);
    expect(isOsmLocale(undefined)).to.equal(false);
  });

  it('reads the country of a locale and maps markets to regions', () => {
    expect(countryOfLocale('de-AT')).to.equal('AT');
    expect(countryOfLocale('en_gb')).to.equal('GB');
    expect(countryOfLocale('english')).to.equal(undefined);
    expect(regionForCountry('MX')).to.equal('na');
    expect(regionForCountry('AU')).to.equal('oc');
    expect(regionForCountry('DE')).to.equal('eu');
    expect(currencyOfCountry('se')).to.equal('SEK');
    expect(currencyOfCountry('JP')).to.equal(undefined);
  });

  it('maps a country to a region from its own table only, whatever Object.prototype holds', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.DE = 'na';
    try {
      expect(regionForCountry('DE')).to.equal('eu');
    } finally {
      delete prototype.DE;
    }
  });
});
