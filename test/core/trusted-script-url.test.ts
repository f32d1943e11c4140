/**
 * The library's Trusted Types policy passes a Klarna SDK's URL on any http(s) host and nothing
 * else: the check it runs, case by case.
 */
import { expect } from '@open-wc/testing';
import { isKlarnaSdkUrl } from '../../src/core/trusted-script-url.js';

describe('isKlarnaSdkUrl (the Trusted Types policy\'s check)', () => {
  for (const url of [
    'https://x.klarnacdn.net/instantshopping/lib/v1/lib.js',
    'https://js.klarna.com/web-sdk/v2/klarna.mjs',
    'http://localhost:8787/web-sdk/v2/klarna.mjs?klarna-elements-retry=2',
  ]) {
    it(`passes ${url}`, () => expect(isKlarnaSdkUrl(url)).to.equal(true));
  }

  for (const url of [
    'https://evil.example/lib.js',
    'https://js.klarna.com/web-sdk/v2/klarna.mjs?x=1',
    'https://x.klarnacdn.net/instantshopping/lib/v1/lib.js?klarna-elements-retry=1',
    'https://js.klarna.com/web-sdk/v2/klarna.mjs#hash',
    'https://user:secret@js.klarna.com/web-sdk/v2/klarna.mjs',
    'javascript:alert(1)//web-sdk/v2/klarna.mjs',
  ]) {
    it(`refuses ${url}`, () => expect(isKlarnaSdkUrl(url)).to.equal(false));
  }
});
