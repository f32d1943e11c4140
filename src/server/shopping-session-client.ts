/**
 * Klarna's Shopping Session API (v1): one session per shopping journey, so Klarna's products (OSM,
 * Express Checkout, Sign in with Klarna) and an acquiring partner see the same purchase.
 *
 * Where Klarna's docs are silent: the API is called on the same regional REST hosts as the other
 * APIs (`api.klarna.com`, `api.playground.klarna.com`, …), with the API key sent as
 * `Authorization: Basic <key>` as Klarna's newer APIs take it; the body's fields beyond
 * `supplementary_purchase_data` are Klarna's SDK names (the exact REST body is unconfirmed).
 */
import type { Address } from '../protocol/instant-shopping.js';
import { createTransport, type KlarnaClientOptions } from './client-options.js';
import { ownFields, ownValue } from './own.js';
import type { CallOptions, KlarnaTransport } from './transport.js';
import { assertValid, headerValueProblem, pathIdProblem } from './validation.js';

export interface ShoppingSessionClientOptions extends KlarnaClientOptions {
  /** Your Klarna API key. Kept private: never in errors, logs or `toString()`. */
  apiKey: string;
  /** The account the sessions belong to, e.g. `krn:partner:global:account:live:LWT2XJSE`. */
  accountId: string;
}

export interface SupplementaryLineItem {
  name?: string;
  quantity?: number;
  unit_price?: number;
  total_amount?: number;
  total_tax_amount?: number;
  reference?: string;
  product_identifier?: string;
  [field: string]: unknown;
}

/** Data Klarna adds to the payment request: what is bought, for whom, shipped where. */
export interface SupplementaryPurchaseData {
  purchase_reference?: string;
  line_items?: SupplementaryLineItem[];
  shipping?: { recipient?: Pick<Address, 'given_name' | 'family_name' | 'email' | 'phone'>; address?: Address; shipping_reference?: string }[];
  customer?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface ShoppingSessionData {
  supplementary_purchase_data: SupplementaryPurchaseData;
}

export interface ShoppingSession {
  /** E.g. `krn:shopping:eu1:live:session:b1de90a1-…`. */
  shoppingSessionId: string;
  createdAt: string;
  expiresAt: string;
}

export class ShoppingSessionClient {
  readonly #transport: KlarnaTransport;
  readonly #sessionsPath: string;

  constructor(options: ShoppingSessionClientOptions) {
    const { apiKey, accountId } = ownFields(options, ['apiKey', 'accountId']);
    this.#transport = createTransport('ShoppingSessionClient', options, () => `Basic ${apiKey}`, [
      // It is sent as it is, in the Authorization header.
      typeof apiKey === 'string' && apiKey.trim() ? headerValueProblem('apiKey', apiKey) : 'apiKey must be a non-empty string',
      pathIdProblem('accountId', accountId),
    ]);
    this.#sessionsPath = `/v1/accounts/${encodeURIComponent(accountId)}/shopping/sessions`;
  }

  get baseUrl(): string {
    return this.#transport.baseUrl;
  }

  async create(data: ShoppingSessionData, options?: CallOptions): Promise<ShoppingSession> {
    assertValid('ShoppingSessionClient.create', dataProblems(data));
    return this.#session('POST', this.#sessionsPath, data, options);
  }

  async get(shoppingSessionId: string, options?: CallOptions): Promise<ShoppingSession> {
    assertValid('ShoppingSessionClient.get', [idProblem(shoppingSessionId)]);
    return this.#session('GET', this.#sessionPath(shoppingSessionId), undefined, options);
  }

  /** Adds to or replaces the session's supplementary data (HTTP PATCH). */
  async update(shoppingSessionId: string, data: ShoppingSessionData, options?: CallOptions): Promise<ShoppingSession> {
    assertValid('ShoppingSessionClient.update', [idProblem(shoppingSessionId), ...dataProblems(data)]);
    return this.#session('PATCH', this.#sessionPath(shoppingSessionId), data, options);
  }

  /**
   * A token for your acquiring partner (they send it as `Klarna-Interoperability-Token`), so the
   * payment continues the consumer's journey. Tokens are short-lived: fetch one per payment.
   */
  async getInteroperabilityToken(shoppingSessionId: string, options?: CallOptions): Promise<string> {
    assertValid('ShoppingSessionClient.getInteroperabilityToken', [idProblem(shoppingSessionId)]);
    const { data } = await this.#transport.request('GET', `${this.#sessionPath(shoppingSessionId)}/interoperability-token`, undefined, options);
    const token = ownValue(data, 'token');
    if (typeof token === 'string' && token) return token;
    throw this.#transport.malformed('GET', `${this.#sessionPath(shoppingSessionId)}/interoperability-token`, 'expected { token }');
  }

  toString(): string {
    return `ShoppingSessionClient(${this.baseUrl})`;
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  #sessionPath(id: string): string {
    return `${this.#sessionsPath}/${encodeURIComponent(id)}`;
  }

  async #session(
    method: string,
    path: string,
    body: unknown,
    options: CallOptions | undefined,
  ): Promise<ShoppingSession> {
    const { data } = await this.#transport.request(method, path, body, options);
    const shoppingSessionId = ownValue(data, 'shopping_session_id');
    const createdAt = ownValue(data, 'created_at');
    const expiresAt = ownValue(data, 'expires_at');
    if (typeof shoppingSessionId === 'string' && typeof createdAt === 'string' && typeof expiresAt === 'string') return { shoppingSessionId, createdAt, expiresAt };
    throw this.#transport.malformed(method, path, 'expected { shopping_session_id, created_at, expires_at }');
  }
}

const idProblem = (id: unknown) => pathIdProblem('shoppingSessionId', id);

/** The data's own fields (what is sent as JSON), never inherited ones. */
function dataProblems(data: ShoppingSessionData | undefined): string[] {
  const purchase = ownValue(data, 'supplementary_purchase_data');
  if (typeof purchase !== 'object' || purchase === null || Array.isArray(purchase)) return ['supplementary_purchase_data must be an object'];
  const lines: unknown = ownValue(purchase, 'line_items') ?? [];
  if (!Array.isArray(lines)) return ['supplementary_purchase_data.line_items must be an array'];
  const problems: string[] = [];
  lines.forEach((line: SupplementaryLineItem | null, index) => {
    const name = `supplementary_purchase_data.line_items[${index}]`;
    if (typeof line !== 'object' || line === null) return void problems.push(`${name} must be an object`);
    for (const field of ['quantity', 'unit_price', 'total_amount', 'total_tax_amount'] as const) {
      const value = ownValue(line, field);
      if (value !== undefined && !Number.isSafeInteger(value)) problems.push(`${name}.${field} must be a whole number of minor units`);
    }
  });
  return problems;
}
