/**
 * The core reads what it is given by own properties only: a bug elsewhere in a merchant's process
 * (a merge or query-string library) that put fields on Object.prototype lends no host, no fetch,
 * no timeout, and no words to an error. Each test sets one field and always removes it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiBaseUrl, instantShoppingSdkUrl, resolveRegion } from '../../src/core/endpoints.js';
import { explainHttpError } from '../../src/core/http-errors.js';
import { fetchJson, KlarnaHttpError } from '../../src/core/http.js';
import { requestJson } from '../../src/core/request-json.js';
import { useEmulator } from './use-emulator.js';
import { withPollutedPrototype } from './polluted-prototype.js';

/** Runs `check` with `Object.prototype[name] = value`, and removes it whatever happens. */
function withPolluted(name: string, value: unknown, check: () => unknown): Promise<unknown> {
  return withPollutedPrototype({ [name]: value }, check);
}

describe('the core, with a polluted Object.prototype', () => {
  const emulator = useEmulator();
  const url = () => emulator.url;

  it('chooses Klarna\'s host, not an inherited baseUrl, region, locale or environment', async () => {
    await withPolluted('baseUrl', 'https://attacker.example', () => {
      assert.equal(apiBaseUrl({}), 'https://api.klarna.com');
      assert.equal(instantShoppingSdkUrl({}), 'https://x.klarnacdn.net/instantshopping/lib/v1/lib.js');
    });
    await withPolluted('region', 'na', () => assert.equal(resolveRegion({}), 'eu'));
    await withPolluted('locale', 'en-US', () => assert.equal(resolveRegion({}), 'eu'));
    await withPolluted('environment', 'playground', () => assert.equal(apiBaseUrl({}), 'https://api.klarna.com'));
  });

  it('sends a request with the real fetch, not with an inherited one', async () => {
    const stolen: unknown[] = [];
    await withPolluted('fetch', (input: unknown) => {
      stolen.push(input);
      return Promise.reject(new Error('stolen'));
    }, async () => {
      const answer = await requestJson(`${url()}/messaging/v3?client_id=x&placement_key=top-strip-promotion-badge&locale=en-US`);
      assert.equal(answer.status, 404);
    }).catch((error: unknown) => {
      // The emulator refused the unknown client: the request went where it was sent.
      assert.ok(error instanceof KlarnaHttpError && error.status === 404, String(error));
    });
    assert.deepEqual(stolen, []);
  });

  it('words an error from what the server said, not from inherited error fields', async () => {
    // An error whose body names no code and no message, as a proxy's or a gateway's may.
    emulator.configure({ faults: [{ path: '/messaging/v3', status: 502, body: '{}' }] });
    await withPolluted('error_code', 'INHERITED', async () => {
      const error: unknown = await fetchJson(`${url()}/messaging/v3`, {}).catch((failure: unknown) => failure);
      assert.ok(error instanceof KlarnaHttpError);
      const worded = explainHttpError(error, 5000);
      assert.match(worded.message, /answered 502 \(klarna-correlation-id [0-9a-f-]+\)\.$/);
    });
  });
});
