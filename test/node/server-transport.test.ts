import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME, type EmulatorFault } from '../../src/emulator/index.js';
import { KlarnaApiError } from '../../src/server/api-error.js';
import { basicAuthorization, KlarnaTransport, retryAfterMs } from '../../src/server/transport.js';
import { rejection } from './assertions.js';
import { useEmulator } from './use-emulator.js';

const PATH = '/instantshopping/v1/buttons/unknown-key';
const emulator = useEmulator();

function transport(options: { timeout?: number; password?: string } = {}): KlarnaTransport {
  return new KlarnaTransport({ baseUrl: emulator.url, authorization: basicAuthorization(EMULATOR_API_USERNAME, options.password ?? EMULATOR_API_PASSWORD), timeout: options.timeout });
}

function fault(fault: EmulatorFault): void {
  emulator.configure({ faults: [fault] });
}

const failure = (promise: Promise<unknown>) => rejection(promise, KlarnaApiError);

const attempts = (path = PATH) => emulator.records.requests.filter((request) => request.path === path).length;

describe('server transport', () => {

  it('turns Klarna\'s error body into a KlarnaApiError with code, messages and correlation id', async () => {
    const error = await failure(transport().request('GET', PATH));
    assert.equal(error.status, 404);
    assert.equal(error.errorCode, 'NOT_FOUND');
    assert.deepEqual(error.errorMessages, ['No button key with this id.']);
    assert.match(error.correlationId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(error.message, `GET ${emulator.url}${PATH}: answered 404: NOT_FOUND – No button key with this id. (klarna-correlation-id ${error.correlationId}).`);
  });

  it('reads the older error_message body and the newer validation_errors body', async () => {
    fault({ path: PATH, status: 400, body: JSON.stringify({ error_code: 'bad_value', error_message: 'bad_value:locale' }), times: 1 });
    const older = await failure(transport().request('GET', PATH));
    assert.deepEqual([older.errorCode, older.errorMessages], ['bad_value', ['bad_value:locale']]);

    fault({ path: PATH, status: 400, body: JSON.stringify({ error_id: 'e1', error_type: 'INPUT_ERROR', error_code: 'VALIDATION_ERROR', validation_errors: [{ parameter: 'purchase_country', reason: 'must be ISO 3166' }] }), times: 1 });
    const newer = await failure(transport().request('GET', PATH));
    assert.deepEqual(newer.validationErrors, [{ parameter: 'purchase_country', reason: 'must be ISO 3166' }]);
    assert.deepEqual(newer.errorMessages, ['purchase_country: must be ISO 3166']);
  });

  it('retries a call Klarna refused with 503 or 429, after Retry-After', async () => {
    fault({ path: '/instantshopping/v1/buttons', status: 503, headers: { 'retry-after': '0' }, times: 1 });
    const created = await transport().request<{ button_key: string }>('POST', '/instantshopping/v1/buttons', { merchant_urls: { place_order: 'https://shop.example/place-order' } });
    assert.equal(created.status, 201);
    assert.equal(attempts('/instantshopping/v1/buttons'), 2);

    fault({ path: PATH, status: 429, headers: { 'retry-after': '0' } });
    const error = await failure(transport().request('GET', PATH));
    assert.equal(error.status, 429);
    assert.equal(attempts(), 3, 'the first attempt and two retries');
    // What the retry's wait is read from: the answer's headers stay on the error.
    assert.equal(error.headers?.get('retry-after'), '0');
  });

  it('turns a hostile or huge error body into a bounded KlarnaApiError, never a bare TypeError', async () => {
    fault({ path: PATH, status: 400, times: 1, body: JSON.stringify({ error_code: 'BAD_VALUE', error_messages: [{ toString: 1 }, 'x'.repeat(1_000_000)], validation_errors: [{ parameter: { toString: 1, valueOf: 2 }, reason: 'y'.repeat(1_000_000) }] }) });
    const error = await failure(transport().request('GET', PATH));
    assert.equal(error.errorMessages[0], '{"toString":1}');
    assert.ok(error.errorMessages.every((message) => message.length <= 1100), 'each message is bounded');
    assert.equal(error.validationErrors[0]!.parameter, '{"toString":1,"valueOf":2}');
    assert.ok(error.message.length < 2000, `the message is bounded (${error.message.length} characters)`);

    fault({ path: PATH, status: 502, times: 3, body: 'z'.repeat(1_000_000) });
    const text = await failure(transport().request('GET', PATH));
    assert.ok(String(text.body).length <= 2000 && text.message.length < 500);
  });

  it('retries a GET after a server error or a timeout, but never a POST', async () => {
    fault({ path: PATH, status: 500, times: 1 });
    assert.equal((await failure(transport().request('GET', PATH))).status, 404);
    assert.equal(attempts(), 2);

    emulator.reset();
    fault({ path: '/instantshopping/v1/buttons', status: 500, times: 1 });
    assert.equal((await failure(transport().request('POST', '/instantshopping/v1/buttons', {}))).status, 500);
    assert.equal(attempts('/instantshopping/v1/buttons'), 1);

    emulator.reset();
    fault({ path: '/instantshopping/v1/buttons', latencyMs: 2000 });
    const timedOut = await failure(transport({ timeout: 100 }).request('POST', '/instantshopping/v1/buttons', {}));
    assert.equal(timedOut.code, 'timeout');
    assert.equal(emulator.records.requests.length, 0, 'the only attempt was abandoned before an answer');
  });

  it('takes a timeout that is not whole or is past what a timer holds', async () => {
    for (const timeout of [1_500.5, 2 ** 32]) {
      assert.equal((await failure(transport({ timeout }).request('GET', PATH))).status, 404, `timeout ${timeout}`);
    }
  });

  it('stops waiting to retry when the caller aborts', async () => {
    fault({ path: PATH, status: 503, headers: { 'retry-after': '20' } });
    const controller = new AbortController();
    // Aborts once the first refusal has been read, i.e. while the transport waits to retry.
    const fetchThenAbort: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const text = await response.text();
      setImmediate(() => controller.abort());
      return new Response(text, response);
    };
    const client = new KlarnaTransport({ baseUrl: emulator.url, authorization: basicAuthorization(EMULATOR_API_USERNAME, EMULATOR_API_PASSWORD), fetch: fetchThenAbort });
    const pending = client.request('GET', PATH, undefined, { signal: controller.signal });
    const error = await failure(pending);
    assert.equal(error.code, 'aborted');
    assert.equal(error.status, 503);
    assert.equal(attempts(), 1);
  });

  it('never shows the credentials: not in errors, their JSON, inspect, nor the transport', async () => {
    const secret = 'hunter2-very-secret';
    const client = transport({ password: secret });
    const error = await failure(client.request('GET', PATH));
    assert.equal(error.status, 401);
    const encoded = basicAuthorization(EMULATOR_API_USERNAME, secret);
    for (const text of [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 5 }), inspect(client, { depth: 5 }), String(client), JSON.stringify(client)]) {
      assert.ok(!text.includes(secret) && !text.includes(encoded.slice(6)), `credentials leaked into: ${text.slice(0, 200)}`);
    }
  });

  it('reads Retry-After as seconds or an HTTP date, capped at 30 s', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    assert.equal(retryAfterMs('2', now), 2000);
    assert.equal(retryAfterMs('Sun, 22 Nov 2026 12:00:05 GMT', now), 5000);
    assert.equal(retryAfterMs('3600', now), 30_000);
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(retryAfterMs(null, now), undefined);
  });
});
