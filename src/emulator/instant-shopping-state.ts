/**
 * What the emulator remembers about Instant Shopping until it is reset: button keys, and the
 * authorizations the emulated purchase dialog creates, each with the merchant's decision once it
 * comes (an order placed, or a deny).
 */
import { randomUUID } from 'node:crypto';
import type { DenyCode, FraudStatus } from '../protocol/instant-shopping-rest.js';

/** The deny codes Klarna documents, checked by the emulator itself (it shares no checks with the library). */
export const DENY_CODES = ['address_error', 'item_out_of_stock', 'consumer_underaged', 'unsupported_shipping_address', 'other'] as const satisfies readonly DenyCode[];

export type MerchantDecision =
  | { outcome: 'approved'; orderId: string; fraudStatus: FraudStatus; confirmationUrl?: string | undefined }
  | { outcome: 'denied'; denyCode?: string; denyMessage?: string; denyRedirectUrl?: string };

export interface StoredButtonKey {
  key: string;
  /** The API username that created it; other merchants get 403. */
  owner: string;
  setup: Record<string, unknown>;
}

export interface StoredAuthorization {
  token: string;
  buttonKey: string;
  order: Record<string, unknown>;
  createdAt: string;
  decision?: MerchantDecision;
  /** The `Klarna-Idempotency-Key` the order was placed with, if any. */
  idempotencyKey?: string | undefined;
}

export class InstantShoppingState {
  readonly buttonKeys = new Map<string, StoredButtonKey>();
  readonly authorizations = new Map<string, StoredAuthorization>();
  readonly #waiting = new Map<string, ((decision: MerchantDecision) => void)[]>();

  addButtonKey(owner: string, setup: Record<string, unknown>): StoredButtonKey {
    const key = { key: randomUUID(), owner, setup };
    this.buttonKeys.set(key.key, key);
    return key;
  }

  authorize(buttonKey: string, order: Record<string, unknown>): StoredAuthorization {
    const authorization = { token: randomUUID(), buttonKey, order, createdAt: new Date().toISOString() };
    this.authorizations.set(authorization.token, authorization);
    return authorization;
  }

  decide(authorization: StoredAuthorization, decision: MerchantDecision): void {
    authorization.decision = decision;
    for (const wake of this.#waiting.get(authorization.token) ?? []) wake(decision);
    this.#waiting.delete(authorization.token);
  }

  /** The merchant's decision, or `undefined` when none came within `timeoutMs`. */
  decision(authorization: StoredAuthorization, timeoutMs: number): Promise<MerchantDecision | undefined> {
    if (authorization.decision) return Promise.resolve(authorization.decision);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      const wake = (decision: MerchantDecision) => {
        clearTimeout(timer);
        resolve(decision);
      };
      this.#waiting.set(authorization.token, [...(this.#waiting.get(authorization.token) ?? []), wake]);
    });
  }

  clear(): void {
    this.buttonKeys.clear();
    this.authorizations.clear();
    this.#waiting.clear();
  }
}
