import { expect } from '@open-wc/testing';
import { fireBeacon } from '../../src/core/beacon.js';
import { requestJson } from '../../src/core/request-json.js';
import { emulatorImpressions, emulatorRequests, emulatorUrl, messagingUrl, resetEmulator } from '../helpers/emulator.js';

async function impressionUrl(amount: number): Promise<string> {
  const response = await requestJson<{ impression_url: string }>(messagingUrl({ purchase_amount: amount }));
  return response.data!.impression_url;
}

describe('fireBeacon', () => {
  beforeEach(resetEmulator);

  it('requests the impression URL, which the emulator records', async () => {
    const url = await impressionUrl(30000);
    expect(await fireBeacon(url)).to.equal(true);
    const impressions = await emulatorImpressions();
    expect(impressions).to.have.length(1);
    expect(impressions[0]).to.include({ placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 30000 });
    expect(document.querySelectorAll('img')).to.have.length(0);
  });

  it('sends every beacon, even for the same URL', async () => {
    const url = await impressionUrl(30001);
    await fireBeacon(url);
    await fireBeacon(url);
    expect(await emulatorImpressions()).to.have.length(2);
  });

  it('resolves true when the answer is not an image: the request left the page (Klarna promises only a 2xx)', async () => {
    expect(await fireBeacon(`${emulatorUrl}/not-a-pixel`)).to.equal(true);
    expect((await emulatorRequests('/not-a-pixel')).map((record) => record.status)).to.deep.equal([404]);
  });

  it('resolves false for a beacon that never reached the network: a host that does not resolve', async () => {
    expect(await fireBeacon('https://beacon.invalid/v1/osm-client-script/impression?id=1')).to.equal(false);
  });

  it('resolves false for a beacon the browser or an extension blocked (an ad blocker)', async () => {
    // What a content blocker does to the request (net::ERR_BLOCKED_BY_CLIENT): the one fault the emulator cannot make.
    const url = await impressionUrl(30002);
    const original = Object.getOwnPropertyDescriptor(window, 'fetch')!;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      expect(await fireBeacon(url)).to.equal(false);
    } finally {
      Object.defineProperty(window, 'fetch', original);
    }
    expect(await emulatorImpressions()).to.have.length(0);
  });

  it('refuses anything but http(s), loading nothing', async () => {
    expect(() => fireBeacon('javascript:alert(1)')).to.throw(TypeError, /javascript: impression beacon: only http\(s\)/);
    expect(() => fireBeacon('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).to.throw(TypeError);
    expect(await emulatorRequests()).to.have.length(0);
  });
});
