/**
 * The names the emulator answers to. A page on a name its owner points at 127.0.0.1 (DNS
 * rebinding) reaches the emulator with that name in Host and its own origin in Origin: were the
 * emulator to take its origin from Host, the page would pass as the emulator's own and could
 * rewrite its config, read its records and reset them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMULATOR_CLIENT_ID, startEmulator } from '../../src/emulator/index.js';
import { isServedHostname } from '../../src/emulator/served-hosts.js';
import { rawRequest } from './raw-request.js';
import { useEmulator } from './use-emulator.js';

const emulator = useEmulator();
const OSM_QUERY = `client_id=${EMULATOR_CLIENT_ID}&placement_key=credit-promotion-badge&locale=en-US&purchase_amount=5000`;

/** What a page on `http://<name>:<the emulator's port>` sends, its name resolving to the emulator. */
function fromPageOn(name: string): Record<string, string> {
  const { port } = new URL(emulator.url);
  return { host: `${name}:${port}`, origin: `http://${name}:${port}`, 'user-agent': 'a page' };
}

describe('emulator: the host names it answers to', () => {
  it('refuses a page on a rebound name its control API: no config change, no records read, no reset', async () => {
    await fetch(`${emulator.url}/messaging/v3?${OSM_QUERY}`, { headers: { 'user-agent': 'before' } });
    const page = fromPageOn('rebound.example');
    const patch = await rawRequest(emulator.url, {
      method: 'POST', target: '/__emulator/config', headers: { ...page, 'content-type': 'application/json' }, body: '{"latencyMs":5}',
    });
    assert.equal(patch.status, 421);
    assert.equal(patch.headers['access-control-allow-origin'], undefined, 'the page may not read the refusal');
    assert.equal(emulator.config.latencyMs, 0);
    assert.equal((await rawRequest(emulator.url, { target: '/__emulator/requests', headers: page })).status, 421);
    assert.equal((await rawRequest(emulator.url, { target: '/__emulator/config', headers: page })).status, 421);
    assert.equal((await rawRequest(emulator.url, { target: '/__emulator/events', headers: page })).status, 421);
    const preflight = await rawRequest(emulator.url, { method: 'OPTIONS', target: '/__emulator/config', headers: { ...page, 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 421);
    assert.equal((await rawRequest(emulator.url, { method: 'POST', target: '/__emulator/reset', headers: page })).status, 421);
    assert.equal(emulator.records.requests.length, 1, 'nothing was reset');
  });

  it('refuses a rebound name on Klarna\'s paths too, whose answers hold URLs made from it, and records nothing', async () => {
    const page = fromPageOn('rebound.example');
    for (const target of [`/messaging/v3?${OSM_QUERY}`, '/instantshopping/lib/v1/lib.js', '/images/badges/klarna.svg']) {
      const answer = await rawRequest(emulator.url, { target, headers: page });
      assert.equal(answer.status, 421, target);
      assert.doesNotMatch(answer.text, /rebound\.example:\d/, 'no URL on that name');
    }
    assert.equal(emulator.records.requests.length, 0);
  });

  it('answers to the loopback names and the address it listens on, whatever the port (a port mapping changes it)', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      const page = fromPageOn(name);
      const answer = await rawRequest(emulator.url, { target: `/messaging/v3?${OSM_QUERY}`, headers: page });
      assert.equal(answer.status, 200, name);
      const own = await rawRequest(emulator.url, { method: 'POST', target: '/__emulator/config', headers: page, body: '{"latencyMs":0}' });
      assert.equal(own.status, 200, `${name}: the emulator's own origin may use the control API`);
    }
    for (const host of ['localhost:18787', 'LOCALHOST', '127.0.0.1:80']) {
      assert.equal((await rawRequest(emulator.url, { target: '/__emulator/requests', headers: { host } })).status, 200, host);
    }
  });

  it('answers to the name of its publicUrl, and to no other for it', async () => {
    const behindProxy = await startEmulator({ config: { publicUrl: 'https://klarna-emulator.test' } });
    try {
      const answer = await rawRequest(behindProxy.url, { target: `/messaging/v3?${OSM_QUERY}`, headers: { host: 'klarna-emulator.test', 'user-agent': 'test' } });
      assert.equal(answer.status, 200);
      assert.match(answer.text, /"impression_url":"https:\/\/klarna-emulator\.test\/v1\/osm-client-script\/impression\?/);
      const other = await rawRequest(behindProxy.url, { target: `/messaging/v3?${OSM_QUERY}`, headers: { host: 'rebound.example', 'user-agent': 'test' } });
      assert.equal(other.status, 421);
    } finally {
      await behindProxy.close();
    }
  });

  it('takes the host a request line names as its Host, and a path that starts with // as a path', async () => {
    const { port } = new URL(emulator.url);
    const absolute = await rawRequest(emulator.url, { target: `http://rebound.example:${port}/__emulator/requests`, headers: { host: `127.0.0.1:${port}` } });
    assert.equal(absolute.status, 421);
    const served = await rawRequest(emulator.url, { target: `http://localhost:${port}/__emulator/requests`, headers: { host: `127.0.0.1:${port}` } });
    assert.equal(served.status, 200);
    const doubleSlash = await rawRequest(emulator.url, { target: `//rebound.example/messaging/v3?${OSM_QUERY}`, headers: { 'user-agent': 'test' } });
    assert.equal(doubleSlash.status, 404, 'the path //rebound.example/messaging/v3 is not /messaging/v3');
    assert.doesNotMatch(doubleSlash.text, /rebound\.example\/v1/);
  });

  it('answers 400 to a Host header that holds more than a host and a port', async () => {
    const { port } = new URL(emulator.url);
    for (const host of [`rebound.example@127.0.0.1:${port}`, `127.0.0.1:${port}/path`, `127.0.0.1:${port}#x`]) {
      const answer = await rawRequest(emulator.url, { target: '/__emulator/requests', headers: { host } });
      assert.equal(answer.status, 400, host);
    }
  });
});

describe('emulator: isServedHostname', () => {
  const bound = { address: { address: '127.0.0.1', family: 'IPv4', port: 8787 }, listenHost: undefined, publicUrl: undefined };

  it('serves the loopback names, the bound address and the name it was told to listen on', () => {
    for (const name of ['localhost', '127.0.0.1', '[::1]']) assert.ok(isServedHostname(name, bound), name);
    assert.ok(isServedHostname('192.168.1.20', { ...bound, address: { address: '192.168.1.20', family: 'IPv4', port: 8787 } }));
    assert.ok(isServedHostname('[fe80::1]', { ...bound, address: { address: 'fe80::1', family: 'IPv6', port: 8787 } }));
    assert.ok(isServedHostname('emulator.lan', { ...bound, listenHost: 'emulator.lan' }));
    assert.ok(!isServedHostname('rebound.example', bound));
    assert.ok(!isServedHostname('localhost.', bound), 'a name that only looks like one it serves');
    assert.ok(!isServedHostname('192.168.1.20', bound));
  });

  it('serves this machine\'s addresses when it listens on all of them', () => {
    const everywhere = { ...bound, address: { address: '::', family: 'IPv6', port: 8787 }, interfaceAddresses: () => ['10.1.2.3', 'fe80::2'] };
    assert.ok(isServedHostname('10.1.2.3', everywhere));
    assert.ok(isServedHostname('[fe80::2]', everywhere));
    assert.ok(isServedHostname('[::]', everywhere), 'its own url names the wildcard address');
    assert.ok(!isServedHostname('10.1.2.4', everywhere));
    assert.ok(!isServedHostname('rebound.example', everywhere));
  });

  it('serves the name of its publicUrl', () => {
    assert.ok(isServedHostname('emulator.test', { ...bound, publicUrl: 'https://emulator.test/' }));
  });
});
