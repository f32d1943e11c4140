/**
 * Which of the page's SDK instances (see `sdk-instances.ts`) a host shows, and where. The host's
 * `instance-id` names it, made up when absent; the host reports to it while it is on the page, and
 * the button is rendered into Klarna's container in the host's light DOM.
 *
 * An instance only this host could name (a made-up id) is released once the host has been gone
 * past a microtask (a move is not a removal); if the host is added again after that, it makes up a
 * new id, and so a new `load`. An instance the page named is kept, for a remount to go on with.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InstantShoppingOptions, InstantShoppingSdk } from '../protocol/instant-shopping.js';
import {
  releaseSdkInstance, sdkInstance, type SdkInstance, type SdkInstanceListener, type SdkMethod,
} from './sdk-instances.js';

/** What the host hears: each instance it is attached to, and what that instance reports. */
export interface AttachmentListener extends SdkInstanceListener {
  /** The host shows `instance` from now on (it connected, or its `instance-id` changed). */
  attached(instance: SdkInstance): void;
  /** A host times Klarna's answers: it hears each call that goes out. */
  asked(method: SdkMethod): void;
}

/** The element an attachment belongs to. */
export type AttachmentHost = ReactiveControllerHost & HTMLElement & { instanceId?: string | undefined };

const randomId = () => `klarna-is-${Math.random().toString(36).slice(2, 10)}`;

export class InstanceAttachment implements ReactiveController {
  /** The element, whose `instanceId` names the instance. */
  readonly #host: AttachmentHost;
  /** Told of each attachment, and given to the instance as its listener. */
  readonly #listener: AttachmentListener;
  /** Makes up an id for a host given none: random, or a test's sequence. */
  readonly #makeId: () => string;
  /** The instance attached; for a microtask after the host left, the one it may come back to. */
  #instance: SdkInstance | undefined;
  /** The id this host made up, if it did, and whether its instance has been released. */
  #madeUp: { id: string; released: boolean } | undefined;

  constructor(host: AttachmentHost, listener: AttachmentListener, makeId: () => string = randomId) {
    this.#host = host;
    this.#listener = listener;
    this.#makeId = makeId;
    host.addController(this);
  }

  /** The instance the host shows, while it is on the page. */
  get instance(): SdkInstance | undefined {
    return this.#host.isConnected ? this.#instance : undefined;
  }

  /** Hands `options` to the instance, which sends Klarna what changed; nothing while the host is away. */
  show(sdk: InstantShoppingSdk, options: InstantShoppingOptions): void {
    const instance = this.instance;
    if (instance) instance.show(sdk, options, mountPoint(this.#host, instance.id));
  }

  hostConnected(): void {
    const host = this.#host;
    const madeUp = this.#madeUp;
    const given: unknown = host.instanceId;
    // None given, or the one made up for an instance released since: a new id, and so a new `load`.
    if (given === undefined || given === null || given === '' || (madeUp?.released && given === madeUp.id)) {
      host.instanceId = this.#makeId();
      this.#madeUp = { id: host.instanceId, released: false };
    }
    this.#attach(instanceNamed(host.instanceId));
  }

  hostUpdate(): void {
    // A changed `instance-id` is another instance: what the host shows from now on is that one's.
    const id: unknown = this.#host.instanceId;
    if (this.#host.isConnected && id && this.#instance?.id !== id) this.#attach(instanceNamed(id));
  }

  hostDisconnected(): void {
    this.#instance?.detach(this.#listener);
    // Gone for good unless it is back by the next microtask (a move, a framework's reorder).
    queueMicrotask(() => {
      if (!this.#host.isConnected) this.#attach(undefined);
    });
  }

  /** Reports to `instance` from now on (none: the host is gone); an instance only this host could name is released. */
  #attach(instance: SdkInstance | undefined): void {
    const previous = this.#instance;
    const madeUp = this.#madeUp;
    if (previous && previous !== instance) {
      previous.detach(this.#listener);
      if (madeUp && !madeUp.released && previous.id === madeUp.id) {
        releaseSdkInstance(previous);
        madeUp.released = true;
      }
    }
    this.#instance = instance;
    if (!instance) return;
    instance.attach(this.#listener);
    this.#listener.attached(instance);
  }
}

/**
 * The instance an `instance-id` names; none for one that is not a string (a script's mistake, which
 * the host's data check reports), so that nothing of it reaches the SDK or the markup.
 */
function instanceNamed(id: unknown): SdkInstance | undefined {
  return typeof id === 'string' && id ? sdkInstance(id) : undefined;
}

/**
 * Klarna's container, in the light DOM where the SDK looks for it: the one the page gave (a
 * server's or a framework's markup), else one added now, when the button is first shown, so the
 * element changes nothing in the markup a framework may still be hydrating.
 */
function mountPoint(host: HTMLElement, instanceId: string): HTMLElement {
  const container = host.querySelector<HTMLElement>(':scope > klarna-instant-shopping')
    ?? host.appendChild(document.createElement('klarna-instant-shopping'));
  if (container.dataset.instanceId !== instanceId) container.dataset.instanceId = instanceId;
  return container;
}
