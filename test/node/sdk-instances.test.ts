/**
 * The page-wide Instant Shopping SDK instances, without a DOM: the load/update protocol,
 * coalescing, remounts, event forwarding and release, against the recording SDK stand-in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releaseSdkInstance, sdkInstance, sdkInstanceIds, type SdkInstanceListener } from '../../src/instant-shopping/sdk-instances.js';
import type { InstantShoppingOptions } from '../../src/protocol/instant-shopping.js';
import { RecordingSdk } from '../helpers/recording-sdk.js';

let next = 0;

function options(id: string, fields: Partial<InstantShoppingOptions> = {}): InstantShoppingOptions {
  return { setup: { instance_id: id, key: 'key-1', environment: 'playground', region: 'eu' }, purchase_country: 'SE', purchase_currency: 'SEK', locale: 'sv-SE', ...fields };
}

/** A listener that records what the instance told it. */
function listener() {
  const heard = { answers: [] as boolean[], events: [] as [string, unknown][], warnings: [] as string[], thrown: [] as unknown[] };
  const report: SdkInstanceListener = {
    answered: (response) => heard.answers.push(response.show_button),
    threw: (_method, error) => heard.thrown.push(error),
    event: (name, data) => heard.events.push([name, data]),
    warn: (message) => heard.warnings.push(message),
  };
  return { heard, report };
}

/** A fresh instance and a recording SDK, with a listener attached that records what it hears. */
function setUp() {
  const sdk = new RecordingSdk();
  const id = `instance-${next++}`;
  const instance = sdkInstance(id);
  const { heard, report } = listener();
  instance.attach(report);
  return { sdk, id, instance, heard, report };
}

/** Lets the instance's queued follow-up (after an answer) run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('SDK instances (no DOM)', () => {
  it('loads once, then updates with only what changed, one call at a time, folding what changed meanwhile', async () => {
    const { sdk, id, instance, heard } = setUp();
    const mount = {};
    instance.show(sdk, options(id, { merchant_data: 'a' }), mount);
    instance.show(sdk, options(id, { merchant_data: 'b' }), mount);
    instance.show(sdk, options(id, { merchant_data: 'c', merchant_reference1: 'r1' }), mount);
    assert.deepEqual(sdk.calls.map((call) => call.method), ['load']);
    assert.equal(sdk.calls[0]!.options.merchant_data, 'a');

    sdk.calls[0]!.answer({ show_button: true });
    await settle();
    assert.deepEqual(heard.answers, [true]);
    assert.deepEqual(sdk.calls.map((call) => call.method), ['load', 'update']);
    assert.deepEqual(sdk.calls[1]!.options, { setup: { instance_id: id }, merchant_data: 'c', merchant_reference1: 'r1' });

    sdk.calls[1]!.answer({ show_button: false });
    await settle();
    instance.show(sdk, options(id, { merchant_data: 'c', merchant_reference1: 'r1' }), mount);
    assert.equal(sdk.calls.length, 2, 'the same data again is no call');
    assert.equal(instance.response?.show_button, false);
  });

  it('tries a refused load again only once the data changed, and sends everything into a new mount', async () => {
    const { sdk, id, instance, heard } = setUp();
    instance.show(sdk, options(id), {});
    sdk.calls[0]!.answer({ show_button: false, error: { error_messages: ['no'] } });
    await settle();
    instance.show(sdk, options(id), {});
    assert.equal(sdk.calls.length, 1);
    instance.show(sdk, options(id, { locale: 'en-SE' }), {});
    assert.deepEqual(sdk.calls.map((call) => call.method), ['load', 'load']);
    sdk.calls[1]!.answer();
    await settle();

    // A remount: the same data into a new (empty) container is sent whole, as an update.
    const again = {};
    instance.show(sdk, options(id, { locale: 'en-SE' }), again);
    assert.deepEqual(sdk.calls[2]!.options, { ...options(id, { locale: 'en-SE' }), setup: { instance_id: id } });
    assert.deepEqual(heard.answers, [false, true]);
  });

  it('forwards the SDK\'s events for its id to the listener attached now, and to none after detach', () => {
    const sdk = new RecordingSdk();
    const id = `instance-${next++}`;
    const instance = sdkInstance(id);
    const first = listener();
    const second = listener();
    instance.attach(first.report);
    instance.show(sdk, options(id), {});
    sdk.fire('buy_button_clicked', id, { step: 1 });
    sdk.fire('buy_button_clicked', 'someone-else');
    instance.attach(second.report);
    sdk.fire('session_initiated', id);
    instance.detach(second.report);
    sdk.fire('session_initiated', id);
    assert.deepEqual(first.heard.events, [['buy_button_clicked', { instanceId: id, step: 1 }]]);
    assert.deepEqual(second.heard.events, [['session_initiated', { instanceId: id }]]);
    assert.equal(sdk.handlers.filter((handler) => handler.instanceId === id).length, 5, 'one handler per SDK event, registered once');
  });

  it('reports a throwing SDK once, and warns about a field that cannot be cleared', async () => {
    const { sdk, id, instance, heard } = setUp();
    const mount = {};
    instance.show(sdk, options(id, { merchant_data: 'gift' }), mount);
    sdk.calls[0]!.answer();
    await settle();
    instance.show(sdk, options(id, { merchant_reference2: 'x' }), mount);
    assert.deepEqual(heard.warnings, ['merchant_data was removed, but Klarna\'s SDK has no way to clear a field once sent; give it an empty value instead.']);
    sdk.calls[1]!.answer();
    await settle();

    const broken = Object.assign(new RecordingSdk(), { update: () => { throw new Error('SDK broke'); } });
    instance.show(broken, options(id, { merchant_reference2: 'y' }), mount);
    assert.deepEqual(heard.thrown.map((error) => (error as Error).message), ['SDK broke']);
    instance.show(broken, options(id, { merchant_reference2: 'y' }), mount);
    assert.equal(heard.thrown.length, 1, 'the same data is not sent again to an SDK that threw on it');
  });

  it('holds an instance until it is released, and nothing of a detached listener', () => {
    const id = `instance-${next++}`;
    const instance = sdkInstance(id);
    assert.equal(sdkInstance(id), instance, 'one instance per id');
    assert.ok(sdkInstanceIds().includes(id));
    releaseSdkInstance(instance);
    assert.ok(!sdkInstanceIds().includes(id));
    assert.notEqual(sdkInstance(id), instance, 'a released id starts afresh');
  });
});
