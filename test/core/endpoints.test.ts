import { expect } from '@open-wc/testing';
import {
  apiBaseUrl,
  instantShoppingSdkUrl,
  INSTANT_SHOPPING_SDK_URL,
  isLoopbackHostname,
  KLARNA_API_HOSTS,
  normalizeBaseUrl,
  osmMessagingUrl,
  resolveRegion,
} from '../../src/core/endpoints.js';

describe('endpoints', () => {
  it('lists the OSM hosts exactly as Klarna documents them', () => {
    expect(KLARNA_API_HOSTS).to.deep.equal({
      production: { eu: 'https://api.klarna.com', na: 'https://api-na.klarna.com', oc: 'https://api-oc.klarna.com' },
      playground: { eu: 'https://api.playground.klarna.com', na: 'https://api-na.playground.klarna.com', oc: 'https://api-oc.playground.klarna.com' },
    });
  });

  it('builds the messaging URL for each environment and region, production by default', () => {
    expect(osmMessagingUrl()).to.equal('https://api.klarna.com/messaging/v3');
    expect(osmMessagingUrl({ environment: 'playground', region: 'na' })).to.equal('https://api-na.playground.klarna.com/messaging/v3');
    expect(osmMessagingUrl({ environment: 'production', region: 'oc' })).to.equal('https://api-oc.klarna.com/messaging/v3');
  });

  it('derives the region from a locale or a country when none is given', () => {
    expect(resolveRegion({ locale: 'en-US' })).to.equal('na');
    expect(resolveRegion({ locale: 'fr-CA' })).to.equal('na');
    expect(resolveRegion({ locale: 'es-MX' })).to.equal('na');
    expect(resolveRegion({ locale: 'en-AU' })).to.equal('oc');
    expect(resolveRegion({ country: 'nz' })).to.equal('oc');
    expect(resolveRegion({ locale: 'sv-SE' })).to.equal('eu');
    expect(resolveRegion({ country: 'GB' })).to.equal('eu');
    expect(resolveRegion({})).to.equal('eu');
    expect(apiBaseUrl({ environment: 'playground', locale: 'en-AU' })).to.equal('https://api-oc.playground.klarna.com');
  });

  it('lets an explicit region win over the locale', () => {
    expect(resolveRegion({ region: 'eu', locale: 'en-US' })).to.equal('eu');
  });

  it('replaces Klarna\'s host with an override base URL, trailing slashes removed', () => {
    expect(osmMessagingUrl({ baseUrl: 'http://localhost:8787/', environment: 'playground', region: 'na' })).to.equal('http://localhost:8787/messaging/v3');
    expect(osmMessagingUrl({ baseUrl: 'https://shop.example/klarna-proxy//' })).to.equal('https://shop.example/klarna-proxy/messaging/v3');
  });

  it('rejects an override that is not an absolute http(s) URL, saying what to give', () => {
    expect(() => normalizeBaseUrl('/relative')).to.throw(TypeError, /not an absolute URL/);
    expect(() => normalizeBaseUrl('javascript:alert(1)')).to.throw(TypeError, /http: or https:/);
    expect(() => normalizeBaseUrl('https://proxy.example/?a=1')).to.throw(TypeError, /query or fragment/);
  });

  it('gives Klarna\'s SDK URL, or the same path on an override host', () => {
    expect(instantShoppingSdkUrl()).to.equal('https://x.klarnacdn.net/instantshopping/lib/v1/lib.js');
    expect(INSTANT_SHOPPING_SDK_URL).to.equal(instantShoppingSdkUrl());
    expect(instantShoppingSdkUrl({ baseUrl: 'http://127.0.0.1:9000/' })).to.equal('http://127.0.0.1:9000/instantshopping/lib/v1/lib.js');
  });

  it('knows which hostnames are this machine', () => {
    for (const hostname of ['localhost', 'shop.localhost', '127.0.0.1', '127.1.2.3', '[::1]']) expect(isLoopbackHostname(hostname), hostname).to.equal(true);
    for (const hostname of ['localhost.example', '128.0.0.1', '10.0.0.1', 'example.com', '[::2]']) expect(isLoopbackHostname(hostname), hostname).to.equal(false);
  });
});
