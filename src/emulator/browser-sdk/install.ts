/**
 * The stand-in's `Klarna.InstantShopping`: `load`, `update` and `on` with the real SDK's surface.
 * It checks options the way the real one is documented to, answers asynchronously as Klarna's does
 * after a round trip, renders a recognisable button, and opens the purchase dialog on click. Then
 * it calls `window.klarnaAsyncCallback()`, as Klarna's `lib.js` does once ready.
 */
import type { InstantShoppingEventData, InstantShoppingOptions, InstantShoppingResponse, InstantShoppingSdk, InstantShoppingSdkEvent } from '../../protocol/instant-shopping.js';
import { renderButton } from './button.js';
import { openDialog } from './dialog.js';
import { clone, offered, problemsOf } from './options.js';
import { LOG, type EmulatedSdkSettings } from './settings.js';

type Callback = ((response: InstantShoppingResponse) => void) | undefined;

/** A handler given to `on`: for one instance, or for every one when `instanceId` is undefined. */
interface EventHandler {
  event: string;
  handler: (data: InstantShoppingEventData) => void;
  instanceId: string | undefined;
}

const EVENTS: readonly string[] = ['buy_button_clicked', 'session_initiated', 'identification_updated', 'shipping_updated', 'confirmation_displayed'];

export function install(win: Window, settings: EmulatedSdkSettings): void {
  const doc = win.document;
  const instances = new Map<string, InstantShoppingOptions>();
  const handlers: EventHandler[] = [];
  let dialog: { id: string; refresh: () => void } | undefined;

  // The real SDK answers after talking to Klarna: never synchronously.
  const answer = (callback: Callback, response: InstantShoppingResponse) => setTimeout(() => callback?.(response), 0);

  function refuse(callback: Callback, messages: string[]): void {
    console.warn(`${LOG} ${messages.join('; ')}`);
    answer(callback, { show_button: false, error: { error_code: 'BAD_VALUE', error_messages: messages } });
  }

  function emit(id: string, event: InstantShoppingSdkEvent, data: Record<string, unknown> = {}): void {
    for (const entry of handlers) {
      const forThisInstance = entry.instanceId === undefined || entry.instanceId === id;
      if (entry.event === event && forThisInstance) entry.handler({ instanceId: id, ...data });
    }
  }

  function show(id: string): void {
    renderButton(doc, id, instances.get(id)!, settings.markets, () => {
      if (dialog || !instances.has(id)) return;
      const refresh = openDialog({
        win,
        settings,
        id,
        options: () => instances.get(id)!,
        emit: (event, data) => emit(id, event, data),
        closed: () => (dialog = undefined),
      });
      dialog = { id, refresh };
    });
  }

  const sdk: InstantShoppingSdk = {
    load(options, callback) {
      const id = options?.setup?.instance_id ?? doc.querySelector('klarna-instant-shopping')?.getAttribute('data-instance-id') ?? 'default';
      if (instances.has(id)) return refuse(callback, [`load was already called for instance "${id}"; use update`]);
      const problems = problemsOf(options ?? {});
      if (problems.length) return refuse(callback, problems);
      instances.set(id, clone(options));
      show(id);
      answer(callback, { show_button: offered(options, settings.markets) });
    },
    update(options, callback) {
      const id = options?.setup?.instance_id ?? (instances.size === 1 ? [...instances.keys()][0]! : '');
      const previous = instances.get(id);
      if (!previous) return refuse(callback, [`update for instance "${id}", which was never loaded; call load first`]);
      const merged = { ...previous, ...clone(options), setup: { ...previous.setup, ...options.setup } };
      const problems = problemsOf(merged);
      if (problems.length) return refuse(callback, problems);
      instances.set(id, merged);
      show(id);
      if (dialog?.id === id) dialog.refresh();
      answer(callback, { show_button: offered(merged, settings.markets) });
    },
    on(event, handler, options) {
      if (!EVENTS.includes(event)) console.warn(`${LOG} unknown event "${event}"`);
      handlers.push({ event, handler, instanceId: options?.setup?.instance_id });
    },
  };

  const page = win as unknown as { Klarna?: Record<string, unknown>; klarnaAsyncCallback?: () => void };
  page.Klarna ??= {};
  page.Klarna.InstantShopping = sdk;
  setTimeout(() => page.klarnaAsyncCallback?.(), 0);
}
