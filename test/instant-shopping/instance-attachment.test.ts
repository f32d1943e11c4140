/**
 * A host's attachment to the page's SDK instances, driven by hand: a plain element standing in for
 * the host (the test calls the lifecycle hooks as lit would), ids made up from a sequence, and the
 * recording SDK for what reaches Klarna.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import {
  InstanceAttachment, type AttachmentHost, type AttachmentListener,
} from '../../src/instant-shopping/instance-attachment.js';
import { sdkInstanceIds, type SdkInstance } from '../../src/instant-shopping/sdk-instances.js';
import type { InstantShoppingOptions } from '../../src/protocol/instant-shopping.js';
import { RecordingSdk } from '../helpers/recording-sdk.js';

let made = 0;

/** Past the microtask in which a removed host may still come back. */
const pastMicrotask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function options(id: string): InstantShoppingOptions {
  return {
    setup: { instance_id: id, key: 'key-1', environment: 'playground', region: 'eu' },
    purchase_country: 'SE', purchase_currency: 'SEK', locale: 'sv-SE',
  };
}

async function setUp(instanceId?: string) {
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  const host: AttachmentHost = Object.assign(document.createElement('div'), {
    instanceId,
    addController: (_controller: ReactiveController) => {},
    removeController: (_controller: ReactiveController) => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  });
  const heard = { attached: [] as SdkInstance[], events: [] as [string, unknown][], asked: [] as string[] };
  const listener: AttachmentListener = {
    attached: (instance) => heard.attached.push(instance),
    asked: (method) => heard.asked.push(method),
    answered: () => {},
    threw: () => {},
    event: (name, data) => heard.events.push([name, data.instanceId]),
    warn: () => {},
  };
  const attachment = new InstanceAttachment(host, listener, () => `made-up-${++made}`);
  const connect = (to: HTMLElement = parent) => {
    to.append(host);
    attachment.hostConnected();
  };
  const disconnect = () => {
    host.remove();
    attachment.hostDisconnected();
  };
  return { parent, host, heard, attachment, connect, disconnect };
}

describe('the Instant Shopping host\'s instance attachment', () => {
  it('makes up an id for a host given none, and attaches to that instance', async () => {
    const { host, heard, attachment, connect } = await setUp();
    expect(attachment.instance).to.equal(undefined, 'nothing before it is on the page');
    connect();
    expect(host.instanceId).to.equal(`made-up-${made}`);
    expect(attachment.instance?.id).to.equal(host.instanceId);
    expect(heard.attached.map((instance) => instance.id)).to.deep.equal([host.instanceId]);
    expect(sdkInstanceIds()).to.include(host.instanceId);
  });

  it('keeps its instance across a move, releases a made-up one once gone, and makes a new id when back', async () => {
    const { host, attachment, connect, disconnect } = await setUp();
    connect();
    const first = host.instanceId!;
    const elsewhere = await fixture<HTMLDivElement>(html`<div></div>`);
    disconnect();
    connect(elsewhere);
    await pastMicrotask();
    expect([host.instanceId, attachment.instance?.id]).to.deep.equal([first, first]);
    expect(sdkInstanceIds()).to.include(first);

    disconnect();
    await pastMicrotask();
    expect(sdkInstanceIds()).not.to.include(first);
    expect(host.instanceId).to.equal(first, 'the id stays readable while the host is away');
    connect();
    expect(host.instanceId).to.not.equal(first);
    expect(attachment.instance?.id).to.equal(host.instanceId);
  });

  it('never releases an instance the page named', async () => {
    const { host, attachment, connect, disconnect } = await setUp('page-named-1');
    connect();
    disconnect();
    await pastMicrotask();
    expect(sdkInstanceIds()).to.include('page-named-1');
    connect();
    expect([host.instanceId, attachment.instance?.id]).to.deep.equal(['page-named-1', 'page-named-1']);
  });

  it('follows a changed instance-id at the next update, and releases the made-up instance it leaves', async () => {
    const { host, heard, attachment, connect } = await setUp();
    connect();
    const first = host.instanceId!;
    attachment.hostUpdate();
    expect(heard.attached).to.have.length(1, 'the same id is the same instance');
    host.instanceId = 'page-named-2';
    attachment.hostUpdate();
    expect(heard.attached.map((instance) => instance.id)).to.deep.equal([first, 'page-named-2']);
    expect(sdkInstanceIds()).not.to.include(first);
  });

  it('shows the button in Klarna\'s container in the light DOM, added when first shown', async () => {
    const { host, attachment, connect, disconnect } = await setUp();
    const sdk = new RecordingSdk();
    attachment.show(sdk, options('not-yet'));
    expect([sdk.calls.length, host.childElementCount]).to.deep.equal([0, 0], 'nothing while the host is away');
    connect();
    expect(host.childElementCount).to.equal(0, 'nothing added before the button is shown');
    attachment.show(sdk, options(host.instanceId!));
    const container = host.querySelector(':scope > klarna-instant-shopping');
    expect(container?.getAttribute('data-instance-id')).to.equal(host.instanceId);
    expect(sdk.calls.map((call) => call.method)).to.deep.equal(['load']);

    disconnect();
    attachment.show(sdk, options(host.instanceId!));
    expect(sdk.calls).to.have.length(1);
  });

  it('uses the container the page gave', async () => {
    const { host, attachment, connect } = await setUp('page-named-3');
    const given = host.appendChild(document.createElement('klarna-instant-shopping'));
    connect();
    attachment.show(new RecordingSdk(), options('page-named-3'));
    expect([host.childElementCount, given.dataset.instanceId]).to.deep.equal([1, 'page-named-3']);
  });

  it('hears its instance\'s events only while attached', async () => {
    const { host, heard, attachment, connect, disconnect } = await setUp();
    const sdk = new RecordingSdk();
    connect();
    attachment.show(sdk, options(host.instanceId!));
    sdk.fire('buy_button_clicked', host.instanceId!);
    sdk.fire('buy_button_clicked', 'someone-else');
    disconnect();
    sdk.fire('session_initiated', host.instanceId!);
    expect(heard.events).to.deep.equal([['buy_button_clicked', host.instanceId]]);
  });

  it('hears each call that goes out, and the instance says which answer it awaits, for a host that comes meanwhile', async () => {
    const { host, heard, attachment, connect } = await setUp();
    const sdk = new RecordingSdk();
    connect();
    const instance = attachment.instance!;
    expect(instance.awaiting).to.equal(undefined);
    attachment.show(sdk, options(host.instanceId!));
    expect([heard.asked, instance.awaiting]).to.deep.equal([['load'], 'load']);
    sdk.calls[0]!.answer();
    expect(instance.awaiting).to.equal(undefined);
    await pastMicrotask();
    attachment.show(sdk, { ...options(host.instanceId!), locale: 'en-SE' });
    expect([heard.asked, instance.awaiting]).to.deep.equal([['load', 'update'], 'update']);

    // An SDK that answers from within the call: nothing is awaited, so nothing is asked after it.
    sdk.calls[1]!.answer();
    await pastMicrotask();
    const answersAtOnce = Object.assign(new RecordingSdk(), {
      update: (_options: unknown, callback?: (response: { show_button: boolean }) => void) => callback?.({ show_button: true }),
    });
    attachment.show(answersAtOnce, { ...options(host.instanceId!), locale: 'sv-SE' });
    expect([heard.asked, instance.awaiting]).to.deep.equal([['load', 'update'], undefined]);
  });
});
