/**
 * The page's Instant Shopping SDK instances, one per instance id, kept per page rather than per
 * element: Klarna's SDK takes `load` once per instance for the page's life, so an element removed
 * and added back, or a framework's remount with the same `instance-id`, must go on with `update`.
 *
 * An instance owns the protocol with the SDK: `load` the first time, then `update` with only the
 * fields that changed; one call at a time, and whatever was asked for meanwhile is sent when the
 * call's callback comes, so nothing is lost and nothing is sent twice. It forwards the SDK's events
 * for its id to whoever shows it now. It knows no element: a host attaches a listener and passes
 * where the button is mounted as an opaque object, so this module runs without a DOM.
 *
 * Nothing here holds a host: the listener is dropped on `detach`, the mount is held weakly, and an
 * instance whose id nobody can ask for again (one a host generated) is released for good.
 *
 * Nothing here goes through JSON either: the options are the host's read data (see page-data.ts),
 * copied and compared field by field, so a page's `Array.prototype.toJSON` or `Object.prototype.toJSON`
 * changes neither what the SDK is given nor whether a field changed; and the SDK's answers and events
 * are read through their own fields, never a polluted `Object.prototype`.
 */
import {
  INSTANT_SHOPPING_SDK_EVENTS,
  type InstantShoppingEventData,
  type InstantShoppingOptions,
  type InstantShoppingResponse,
  type InstantShoppingSdk,
  type InstantShoppingSdkEvent,
} from '../protocol/instant-shopping.js';
import { describeThrown, ownField, sameData, sdkCopy } from './page-data.js';

/** What an instance tells the host showing it. */
export interface SdkInstanceListener {
  /** A `load` or `update` went out: its answer is awaited (for a listener that gives up waiting, in time). */
  asked?(method: SdkMethod): void;
  /** Klarna answered a `load` or `update`. */
  answered(response: InstantShoppingResponse): void;
  /** The SDK threw instead of answering; the same data is not sent again. */
  threw(method: 'load' | 'update', error: unknown): void;
  /** One of the SDK's events, for this instance. */
  event(name: InstantShoppingSdkEvent, data: InstantShoppingEventData): void;
  /** Something the merchant should change. */
  warn(message: string): void;
}

export type SdkMethod = 'load' | 'update';

/** The options a host wants shown, and where (held weakly: nothing here keeps a removed host's markup). */
type Wanted = { options: InstantShoppingOptions; mount: WeakRef<object> };

export class SdkInstance {
  readonly id: string;
  #listener: SdkInstanceListener | undefined;
  #sdk: InstantShoppingSdk | undefined;
  /** The options the host wants shown, and where, since its last `show`. */
  #wanted: Wanted | undefined;
  /** A copy of the options the SDK was last given in full (load) or in part (update). */
  #sent: InstantShoppingOptions | undefined;
  /** Where the SDK last rendered; a new mount (a remount) is empty until everything is sent again. */
  #mount: WeakRef<object> | undefined;
  /** `load` answered without an error; later changes go through `update`. */
  #loaded = false;
  /** The call that awaits its callback, if one does: one call at a time. */
  #awaiting: SdkMethod | undefined;
  #listening = false;
  #response: InstantShoppingResponse | undefined;

  constructor(id: string) {
    this.id = id;
  }

  /** The `load` or `update` whose answer is awaited, if one is: for a host that comes while it is. */
  get awaiting(): SdkMethod | undefined {
    return this.#awaiting;
  }

  /** The SDK's last answer, for a host that comes back after it arrived. */
  get response(): InstantShoppingResponse | undefined {
    return this.#response;
  }

  /** Makes `listener` the one this instance reports to (a newer host takes over from an older one). */
  attach(listener: SdkInstanceListener): void {
    this.#listener = listener;
  }

  /** Stops reporting to `listener` and forgets what it wanted shown; a later host starts afresh. */
  detach(listener: SdkInstanceListener): void {
    if (this.#listener !== listener) return;
    this.#listener = undefined;
    this.#wanted = undefined;
  }

  /** Brings the SDK up to `options`, rendered into `mount`: now, or when the call under way answers. */
  show(sdk: InstantShoppingSdk, options: InstantShoppingOptions, mount: object): void {
    this.#sdk = sdk;
    this.#wanted = { options: sdkCopy(options), mount: new WeakRef(mount) };
    this.#flush();
  }

  #flush(): void {
    const sdk = this.#sdk;
    const wanted = this.#wanted;
    const mount = wanted?.mount.deref();
    if (this.#awaiting || !sdk || !wanted || !mount || !this.#listener) return;
    const { options } = wanted;
    const sent = this.#sent;
    if (!this.#loaded || !sent) {
      // A `load` Klarna refused is tried again only once the data has changed.
      if (!sent || !sameData(sent, options)) this.#call(sdk, 'load', options, wanted);
      return;
    }
    const update = this.#updateFrom(sent, options, this.#mount?.deref() !== mount);
    if (update) this.#call(sdk, 'update', update, wanted);
  }

  /**
   * The `update` that brings the SDK from `sent` to `options`: the changed fields, or all of them
   * into a new mount (a remount). None when nothing changed. Warns of fields it cannot clear.
   */
  #updateFrom(
    sent: InstantShoppingOptions,
    options: InstantShoppingOptions,
    remounted: boolean,
  ): InstantShoppingOptions | undefined {
    const { changes, removed } = changedFields(sent, options);
    const setupChanged = !sameData(sent.setup, options.setup);
    const fields = remounted ? withoutSetup(options) : changes;
    if (!Object.keys(fields).length && !setupChanged && !remounted) return undefined;
    for (const field of removed) this.#listener?.warn(`${field} was removed, but Klarna's SDK has no way to clear a field once sent; give it an empty value instead.`);
    // Klarna documents only `instance_id` in an update's setup; a changed key or region is passed on as well.
    return { setup: setupChanged ? options.setup : { instance_id: this.id }, ...fields };
  }

  #call(sdk: InstantShoppingSdk, method: SdkMethod, payload: InstantShoppingOptions, wanted: Wanted): void {
    this.#awaiting = method;
    this.#sent = wanted.options;
    this.#mount = wanted.mount;
    let answered = false;
    const onAnswer = (response: InstantShoppingResponse | undefined) => {
      // The SDK's callback is Klarna's code: a second call for one request is ignored.
      if (answered) return;
      answered = true;
      this.#awaiting = undefined;
      const error = ownField(response, 'error');
      const answer: InstantShoppingResponse = {
        show_button: ownField(response, 'show_button') === true,
        ...(error !== undefined && { error }),
      };
      if (method === 'load') this.#loaded = answer.error === undefined;
      this.#response = answer;
      this.#listener?.answered(answer);
      // After the host has had its turn to pass on what changed meanwhile, so that goes out as one update.
      queueMicrotask(() => this.#flush());
    };
    try {
      sdk[method](sdkCopy(payload), onAnswer);
    } catch (error) {
      this.#awaiting = undefined;
      this.#listener?.threw(method, error);
      return;
    }
    // Unless the SDK answered at once, from within the call.
    if (this.#awaiting) this.#listener?.asked?.(method);
    this.#listen(sdk);
  }

  #listen(sdk: InstantShoppingSdk): void {
    if (this.#listening) return;
    this.#listening = true;
    for (const name of INSTANT_SHOPPING_SDK_EVENTS) {
      const forward = (data: InstantShoppingEventData | undefined) => {
        // This instance's events only: one the SDK names for another instance is that one's.
        const named = ownField(data, 'instanceId');
        if (named !== undefined && named !== this.id) return;
        this.#listener?.event(name, { ...data, instanceId: this.id });
      };
      try {
        sdk.on(name, forward, { setup: { instance_id: this.id } });
      } catch (error) {
        // Klarna's code (or a stand-in without `on`): it costs the events, never the button, and is said once.
        this.#listener?.warn(`Klarna.InstantShopping.on threw (${describeThrown(error)}): the button's events are not forwarded.`);
        return;
      }
    }
  }
}

const instances = new Map<string, SdkInstance>();

/** The page's instance for `id`, created on first use. */
export function sdkInstance(id: string): SdkInstance {
  let instance = instances.get(id);
  if (!instance) instances.set(id, (instance = new SdkInstance(id)));
  return instance;
}

/** Forgets an instance for good: for ids nobody can ask for again (a host's generated one). */
export function releaseSdkInstance(instance: SdkInstance): void {
  if (instances.get(instance.id) === instance) instances.delete(instance.id);
}

/** The ids of the instances this page holds: for tests and for debugging a page. */
export function sdkInstanceIds(): string[] {
  return [...instances.keys()];
}

/**
 * The fields of `next` that differ from `previous` (compared as data), for `update`. Fields that
 * were sent before and are now absent are listed in `removed`: the SDK documents no way to clear
 * a field, so they cannot be sent.
 */
export function changedFields(
  previous: InstantShoppingOptions,
  next: InstantShoppingOptions,
): { changes: Record<string, unknown>; removed: string[] } {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (field !== 'setup' && !sameData(value, ownField(previous, field))) changes[field] = value;
  }
  const removed = Object.keys(previous).filter((field) => field !== 'setup' && ownField(next, field) === undefined);
  return { changes, removed };
}

function withoutSetup(options: InstantShoppingOptions): Record<string, unknown> {
  const { setup: _setup, ...fields } = options;
  return fields;
}
