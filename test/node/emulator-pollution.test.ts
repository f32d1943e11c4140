/**
 * A Node process whose `Object.prototype` was polluted (by a dependency's deep merge of a request,
 * say) must not turn the emulator's options, config or request bodies into gadgets: every read of
 * something that came from outside is of an own property.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMULATED_PURCHASE_PATH,
  EMULATOR_ACCOUNT_ID,
  EMULATOR_API_KEY,
  EMULATOR_API_PASSWORD,
  EMULATOR_API_USERNAME,
  EMULATOR_CLIENT_ID,
  startEmulator,
  type EmulatorConfigPatch,
  type KlarnaEmulator,
} from '../../src/emulator/index.js';
import { ORDER } from './instant-shopping-fixtures.js';
import { useEmulator } from './use-emulator.js';

const emulator = useEmulator();
const BASIC = `Basic ${Buffer.from(`${EMULATOR_API_USERNAME}:${EMULATOR_API_PASSWORD}`).toString('base64')}`;

/** Runs `run` with `Object.prototype[name]` set to `value`, and always takes it away again. */
async function withPolluted<T>(name: string, value: unknown, run: () => Promise<T> | T): Promise<T> {
  Object.defineProperty(Object.prototype, name, { value, configurable: true, writable: true, enumerable: false });
  try {
    return await run();
  } finally {
    delete (Object.prototype as Record<string, unknown>)[name];
  }
}

function osm(params: Record<string, string> = {}): Promise<Response> {
  const query = new URLSearchParams({ client_id: EMULATOR_CLIENT_ID, placement_key: 'credit-promotion-badge', locale: 'en-US', purchase_amount: '5000', ...params });
  return fetch(`${emulator.url}/messaging/v3?${query}`, { headers: { 'user-agent': 'test' } });
}

describe('emulator: a polluted Object.prototype', () => {
  const optionCases: [name: string, value: () => unknown, check: (started: KlarnaEmulator) => Promise<void> | void][] = [
    ['config', () => ({ latencyMs: 1234 }), (started) => assert.equal(started.config.latencyMs, 0)],
    ['configFile', () => '/no/such/emulator.json', () => undefined],
    ['controlOrigins', () => ['http://polluted.example'], async (started) => {
      const control = await fetch(`${started.url}/__emulator/requests`, { headers: { origin: 'http://polluted.example' } });
      assert.equal(control.status, 403);
    }],
    ['port', () => Number(new URL(emulator.url).port), (started) => assert.notEqual(started.url, emulator.url)],
    ['host', () => '0.0.0.0', (started) => assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+$/)],
  ];
  for (const [name, value, check] of optionCases) {
    it(`does not take ${name} from it as an option`, async () => {
      const started = await withPolluted(name, value(), () => startEmulator());
      try {
        await check(started);
      } finally {
        await started.close();
      }
    });
  }

  it('does not take publicUrl from it, to put in answers\' URLs', async () => {
    type Answer = { impression_url: string };
    const answer = await withPolluted('publicUrl', 'http://polluted.example', async () => (await osm()).json() as Promise<Answer>);
    assert.ok(answer.impression_url.startsWith(`${emulator.url}/`), answer.impression_url);
  });

  it('does not take a client\'s locales from it', async () => {
    assert.equal((await withPolluted('locales', ['fr-FR'], () => osm())).status, 200);
  });

  it('does not take a client\'s badge from it', async () => {
    type Answer = { content: { nodes: { name: string; url?: string }[] } };
    const answer = await withPolluted('badge', { width: 1, height: 1 }, async () => (await osm()).json() as Promise<Answer>);
    assert.equal(answer.content.nodes.find((node) => node.name === 'KLARNA_BADGE')?.url, `${emulator.url}/images/badges/klarna.svg`);
  });

  it('does not take a fault\'s times from it', async () => {
    emulator.configure({ faults: [{ path: '/messaging/v3', status: 500 }] });
    const statuses = await withPolluted('times', 1, async () => [(await osm()).status, (await osm()).status]);
    assert.deepEqual(statuses, [500, 500], 'a fault without times applies to every request');
  });

  it('does not take a fault\'s latencyMs from it once a use is counted down', async () => {
    emulator.configure({ faults: [{ path: '/messaging/v3', status: 503, times: 3 }] });
    assert.equal((await osm()).status, 503);
    const started = performance.now();
    assert.equal((await withPolluted('latencyMs', 2000, () => osm())).status, 503);
    assert.ok(performance.now() - started < 1000, 'answered without a delay');
  });

  it('does not take a query parameter the request lacks from it, to match a fault', async () => {
    emulator.configure({ faults: [{ path: '/messaging/v3', query: { only_this: 'yes' }, status: 500 }] });
    assert.equal((await withPolluted('only_this', 'yes', () => osm())).status, 200);
  });

  it('does not complete a credential or an API key from it when a config is checked', async () => {
    const partial = { instantShopping: { credentials: [{ username: 'merchant' }] } } as unknown as EmulatorConfigPatch;
    await withPolluted('password', 'polluted', () => assert.throws(() => emulator.configure(partial), /instantShopping\.credentials/));
    const keyless = { shoppingSession: { apiKeys: [{ accountId: EMULATOR_ACCOUNT_ID }] } } as unknown as EmulatorConfigPatch;
    await withPolluted('apiKey', 'polluted', () => assert.throws(() => emulator.configure(keyless), /shoppingSession\.apiKeys/));
  });

  it('does not take phrases for a language the emulator has none for from it', async () => {
    const response = await withPolluted('cs', 'not phrases', () => osm({ locale: 'cs-CZ' }));
    assert.equal(response.status, 200);
  });

  it('does not take an authorization header the client did not send from it', async () => {
    const anonymous = await withPolluted('authorization', BASIC, () => fetch(`${emulator.url}/instantshopping/v1/buttons/unknown`));
    assert.equal(anonymous.status, 401);
  });

  it('does not take an origin header the client did not send from it', async () => {
    const node = await withPolluted('origin', 'http://polluted.example', () => fetch(`${emulator.url}/__emulator/requests`));
    assert.equal(node.status, 200, 'Node sends no Origin');
  });

  const json = { 'content-type': 'application/json' };

  it('does not take a button key\'s merchant_urls from it', async () => {
    const buttons = await withPolluted('merchant_urls', { place_order: 'https://polluted.example/' }, () => fetch(`${emulator.url}/instantshopping/v1/buttons`, {
      method: 'POST', headers: { ...json, authorization: BASIC }, body: '{}',
    }));
    assert.equal(buttons.status, 400);
  });

  it('does not take a session\'s supplementary_purchase_data from it', async () => {
    const session = await withPolluted('supplementary_purchase_data', {}, () => fetch(`${emulator.url}/v1/accounts/${encodeURIComponent(EMULATOR_ACCOUNT_ID)}/shopping/sessions`, {
      method: 'POST', headers: { ...json, authorization: `Basic ${EMULATOR_API_KEY}` }, body: '{}',
    }));
    assert.equal(session.status, 400);
  });

  it('does not take a purchase\'s button_key from it', async () => {
    const purchase = await withPolluted('button_key', 'polluted', () => fetch(emulator.url + EMULATED_PURCHASE_PATH, {
      method: 'POST', headers: json, body: JSON.stringify({ order: ORDER }),
    }));
    assert.equal(purchase.status, 400);
  });

  it('does not count requests it did not record in the event stream\'s snapshot', async () => {
    await osm();
    const controller = new AbortController();
    try {
      const opening = await withPolluted('/messaging/v3', 41, async () => {
        const stream = await fetch(`${emulator.url}/__emulator/events`, { signal: controller.signal });
        const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
        let text = '';
        while (!text.includes('event: snapshot')) text += (await reader.read()).value ?? '';
        return text;
      });
      assert.match(opening, /"requestsByPath":\{"\/messaging\/v3":1\}/);
    } finally {
      controller.abort();
    }
  });
});
