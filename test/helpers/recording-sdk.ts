/**
 * A recording stand-in for the Instant Shopping SDK. Its own module, with type-only imports, so
 * that a test can use it without defining the elements (the interop tests take theirs from a
 * framework's build).
 */
import type { InstantShoppingEventData, InstantShoppingOptions, InstantShoppingResponse, InstantShoppingSdk } from '../../src/instant-shopping/index.js';

export interface RecordedCall {
  method: 'load' | 'update';
  options: InstantShoppingOptions;
  /** Answers the call, as the SDK would once Klarna has replied. */
  answer(response?: InstantShoppingResponse): void;
}

/**
 * A stand-in for `window.Klarna.InstantShopping` that records every call. Calls are answered by
 * hand (`call.answer()`), or at once with `autoAnswer`, so a test controls what is in flight.
 */
export class RecordingSdk implements InstantShoppingSdk {
  readonly calls: RecordedCall[] = [];
  readonly handlers: { event: string; handler: (data: InstantShoppingEventData) => void; instanceId: string | undefined }[] = [];
  autoAnswer: InstantShoppingResponse | undefined;
  private waiters: (() => void)[] = [];

  load(options: InstantShoppingOptions, callback?: (response: InstantShoppingResponse) => void): void {
    this.record('load', options, callback);
  }

  update(options: InstantShoppingOptions, callback?: (response: InstantShoppingResponse) => void): void {
    this.record('update', options, callback);
  }

  on(event: string, handler: (data: InstantShoppingEventData) => void, options?: { setup: { instance_id: string } }): void {
    this.handlers.push({ event, handler, instanceId: options?.setup.instance_id });
  }

  /** Fires an SDK event the way the SDK does: to every handler registered for the instance. */
  fire(event: string, instanceId: string, data: Record<string, unknown> = {}): void {
    for (const entry of this.handlers) {
      if (entry.event === event && (entry.instanceId === undefined || entry.instanceId === instanceId)) entry.handler({ instanceId, ...data });
    }
  }

  /** Resolves once `count` calls have been made in all. */
  async until(count: number): Promise<RecordedCall[]> {
    while (this.calls.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.calls;
  }

  private record(method: 'load' | 'update', options: InstantShoppingOptions, callback?: (response: InstantShoppingResponse) => void): void {
    const call: RecordedCall = { method, options, answer: (response = { show_button: true }) => callback?.(response) };
    this.calls.push(call);
    this.waiters.splice(0).forEach((wake) => wake());
    const auto = this.autoAnswer;
    if (auto) queueMicrotask(() => call.answer(auto));
  }
}

/** Puts a recording SDK on `window` for one test; the returned function takes it away again. */
export function installRecordingSdk(): { sdk: RecordingSdk; restore: () => void } {
  const sdk = new RecordingSdk();
  const previous = window.Klarna;
  window.Klarna = { InstantShopping: sdk };
  return { sdk, restore: () => void (window.Klarna = previous) };
}
