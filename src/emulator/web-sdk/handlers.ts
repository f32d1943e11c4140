/** The page-wide `Payment.on` handlers, as Klarna keeps them: any number per event, in order. */
import type { PaymentEventHandlers } from '../../protocol/express-checkout.js';

export type PaymentEvent = keyof PaymentEventHandlers;

export class PaymentHandlers {
  readonly #byEvent = new Map<PaymentEvent, unknown[]>();

  add(event: PaymentEvent, handler: unknown): void {
    this.#byEvent.set(event, [...this.of(event), handler]);
  }

  remove(event: PaymentEvent, handler: unknown): void {
    this.#byEvent.set(event, this.of(event).filter((registered) => registered !== handler));
  }

  of<E extends PaymentEvent>(event: E): PaymentEventHandlers[E][] {
    return (this.#byEvent.get(event) ?? []) as PaymentEventHandlers[E][];
  }

  /** Tells every handler of a notification (`complete`, `abort`, `error`); one that throws does not stop the others. */
  async notify<E extends 'complete' | 'abort' | 'error'>(event: E, ...args: Parameters<PaymentEventHandlers[E]>): Promise<void> {
    for (const handler of this.of(event)) {
      try {
        await (handler as (...given: Parameters<PaymentEventHandlers[E]>) => unknown)(...args);
      } catch (error) {
        console.error(`[Klarna Web SDK, emulated] a ${event} handler threw`, error);
      }
    }
  }
}
