import { expect } from '@open-wc/testing';
import { redactUrl } from '../../src/core/redact.js';

describe('redactUrl', () => {
  it('removes user-info and the values of credential parameters', () => {
    const redacted = redactUrl('https://PK123_user:s3cr3t-pass@api.klarna.com/path?password=hunter2&api_key=k-999&placement_key=credit-promotion-badge');
    expect(redacted).not.to.contain('s3cr3t-pass');
    expect(redacted).not.to.contain('PK123_user');
    expect(redacted).not.to.contain('hunter2');
    expect(redacted).not.to.contain('k-999');
    expect(redacted).to.contain('placement_key=credit-promotion-badge');
    expect(redacted).to.match(/^https:\/\/api\.klarna\.com\/path\?/);
  });

  it('says nothing of a string it cannot parse', () => {
    expect(redactUrl('not a url with secret')).to.equal('[invalid URL]');
  });
});
