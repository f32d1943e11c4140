import { expect } from '@open-wc/testing';
import { DEFAULT_TIMEOUT_MS, KlarnaHttpError } from '../../src/core/http.js';
import { requestJson } from '../../src/core/request-json.js';
import { configureEmulator, emulatorUrl, messagingUrl, resetEmulator } from '../helpers/emulator.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function failure(promise: Promise<unknown>): Promise<KlarnaHttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(KlarnaHttpError);
    return error as KlarnaHttpError;
  }
  throw new Error('expected the request to fail');
}

describe('requestJson', () => {
  beforeEach(resetEmulator);

  it('parses a 200 and reads the correlation id across origins', async () => {
    const response = await requestJson<{ content: { nodes: { name: string }[] } }>(messagingUrl());
    expect(response.status).to.equal(200);
    expect(response.data!.content.nodes.map((node) => node.name)).to.include('TEXT_MAIN');
    expect(response.correlationId).to.match(UUID_V4);
    expect(response.headers.get('cache-control')).to.equal('private, max-age=86400');
  });

  it('answers a 204 as no content', async () => {
    const response = await requestJson(messagingUrl({ purchase_amount: 10 }));
    expect(response.status).to.equal(204);
    expect(response.data).to.equal(undefined);
  });

  it('turns 4xx answers into http errors with status, correlation id and Klarna\'s body', async () => {
    const error = await failure(requestJson(messagingUrl({ client_id: 'no-such-client' })));
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.correlationId).to.match(UUID_V4);
    expect(error.body).to.deep.include({ error_code: 'NOT_FOUND', correlation_id: error.correlationId });
    expect(error.message).to.contain('404').and.to.contain('client_id not found').and.to.contain(error.correlationId!);
  });

  it('reports a 500 as an http error', async () => {
    await configureEmulator({ faults: [{ path: '/messaging/v3', status: 500 }] });
    const error = await failure(requestJson(messagingUrl()));
    expect([error.code, error.status]).to.deep.equal(['http', 500]);
  });

  it('reports an error answer whose body is JSON null as an http error', async () => {
    await configureEmulator({ faults: [{ path: '/messaging/v3', status: 502, body: 'null' }] });
    const error = await failure(requestJson(messagingUrl(), { method: 'get' }));
    expect([error.code, error.status, error.method]).to.deep.equal(['http', 502, 'GET']);
    expect(error.message).to.match(/^GET /);
  });

  it('reports a 200 whose body is not JSON as malformed-response', async () => {
    await configureEmulator({ faults: [{ path: '/messaging/v3', status: 200, body: '{"content": {"nodes": [' }] });
    const error = await failure(requestJson(messagingUrl()));
    expect(error.code).to.equal('malformed-response');
    expect(error.status).to.equal(200);
    expect(error.correlationId).to.match(UUID_V4);
  });

  it('gives up after the timeout with a timeout error that names the limit', async () => {
    await configureEmulator({ faults: [{ path: '/messaging/v3', latencyMs: 3000 }] });
    const error = await failure(requestJson(messagingUrl(), { timeout: 50 }));
    expect(error.code).to.equal('timeout');
    expect(error.message).to.contain('50 ms');
  });

  it('gives up after the timeout, and on the caller\'s abort, with a fetch that drops the signal (an old polyfill)', async () => {
    await configureEmulator({ faults: [{ path: '/messaging/v3', latencyMs: 3000 }] });
    const signalDropping: typeof fetch = (input, init) => fetch(input, { ...init, signal: undefined });
    const timedOut = await failure(requestJson(messagingUrl(), { timeout: 50, fetch: signalDropping }));
    expect(timedOut.code).to.equal('timeout');
    const controller = new AbortController();
    const pending = failure(requestJson(messagingUrl(), { signal: controller.signal, timeout: 10_000, fetch: signalDropping }));
    controller.abort();
    expect((await pending).code).to.equal('aborted');
  });

  it('waits as long as asked for when the timeout is past what a timer holds or not whole', async () => {
    await configureEmulator({ faults: [{ path: '/messaging/v3', latencyMs: 100 }] });
    // 2^31 ms and more overflow a browser timer, which then fires at once.
    for (const timeout of [2 ** 31 + 0.5, 1_500.5]) {
      expect((await requestJson(messagingUrl(), { timeout })).status, `timeout ${timeout}`).to.equal(200);
    }
  });

  it('defaults to the 5 s timeout Klarna advises', () => {
    expect(DEFAULT_TIMEOUT_MS).to.equal(5000);
  });

  it('reports a caller\'s abort as aborted, not as a timeout', async () => {
    await configureEmulator({ faults: [{ path: '/messaging/v3', latencyMs: 3000 }] });
    const controller = new AbortController();
    const pending = failure(requestJson(messagingUrl(), { signal: controller.signal, timeout: 10_000 }));
    controller.abort();
    expect((await pending).code).to.equal('aborted');
    expect((await failure(requestJson(messagingUrl(), { signal: controller.signal }))).code).to.equal('aborted');
  });

  it('reports an unreachable server as a network error', async () => {
    const error = await failure(requestJson('http://127.0.0.1:9/messaging/v3'));
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(undefined);
  });

  it('keeps credentials out of the error\'s URL and message', async () => {
    const { host } = new URL(emulatorUrl);
    const errors = [
      await failure(requestJson(`http://${host}/nowhere?api_key=sk_live_123&password=hunter2`)),
      await failure(requestJson(`http://merchant_user:hunter2@${host}/nowhere?token=sk_live_123`)),
    ];
    expect(errors.map((error) => error.code)).to.deep.equal(['http', 'network']);
    for (const error of errors) {
      for (const text of [error.url, error.message, String(error)]) {
        expect(text).not.to.contain('sk_live_123');
        expect(text).not.to.contain('hunter2');
        expect(text).not.to.contain('merchant_user');
      }
    }
  });

  it('sends a JSON body with its content type', async () => {
    const response = await requestJson<{ osm: unknown }>(`${emulatorUrl}/__emulator/config`, { method: 'POST', body: { latencyMs: 0 } });
    expect(response.status).to.equal(200);
    expect(response.data).to.have.property('osm');
  });
});
