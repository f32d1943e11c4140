/**
 * Klarna's Instant Shopping REST API for a merchant's backend: button keys, and the decision on
 * each purchase (place the order, or deny it).
 */
import { createTransport, isLocalBase, type KlarnaClientOptions } from './client-options.js';
import type { AuthorizedOrder, ButtonKey, ButtonSetup } from '../protocol/instant-shopping-rest.js';
import type { DenyReason, OrderToPlace, PlacedOrder } from './purchase-decisions.js';
import { ownFields, ownValue } from './own.js';
import { basicAuthorization, type CallOptions, type KlarnaTransport } from './transport.js';
import {
  assertValid, denyProblems, headerValueProblem, nonEmpty, orderProblems, pathIdProblem, placeOrderUrlProblem,
  wellFormedProblem,
} from './validation.js';
import { isRecord } from '../core/json.js';

export interface InstantShoppingClientOptions extends KlarnaClientOptions {
  /** Your Klarna API username (Merchant Portal → Settings → Klarna API keys). */
  username: string;
  /** Your Klarna API password. Kept private: never in errors, logs or `toString()`. */
  password: string;
}

export interface PlaceOrderOptions extends CallOptions {
  /**
   * Sent as `Klarna-Idempotency-Key`. Default: derived from the authorization token, so calling
   * `placeOrder` again for the same purchase (after a timeout, say) returns the order already
   * placed instead of placing a second one. The client itself never resends a `placeOrder`.
   */
  idempotencyKey?: string | undefined;
}

const BUTTONS = '/instantshopping/v1/buttons';
const AUTHORIZATIONS = '/instantshopping/v1/authorizations';

const PENDING_GUIDANCE =
  'Klarna is reviewing this purchase and may still reject it. The consumer was told the purchase went through: ' +
  'record the order as pending, do not ship it yet, and wait for Klarna\'s notification (merchant_urls.notification) before fulfilling or cancelling it.';
const REJECTED_GUIDANCE = 'Klarna rejected this purchase after review: no payment will be made, so do not ship it.';

/**
 * ```ts
 * const klarna = new InstantShoppingClient({ username, password, environment: 'playground' });
 * const { button_key } = await klarna.createButtonKey({ merchant_urls: { place_order: 'https://shop.example/klarna/place-order' } });
 * ```
 */
export class InstantShoppingClient {
  readonly #transport: KlarnaTransport;
  readonly #toEmulator: boolean;

  constructor(options: InstantShoppingClientOptions) {
    const { username, password } = ownFields(options, ['username', 'password']);
    this.#transport = createTransport('InstantShoppingClient', options, () => basicAuthorization(username, password), [
      nonEmpty('username', username) ?? wellFormedProblem('username', username),
      typeof password === 'string' && password ? wellFormedProblem('password', password) : 'password must be a non-empty string',
    ]);
    this.#toEmulator = isLocalBase(this.#transport.baseUrl);
  }

  /** The API base URL this client calls. */
  get baseUrl(): string {
    return this.#transport.baseUrl;
  }

  /** Creates a button key: `merchant_urls.place_order` is required (https, ≤ 2000 characters). */
  async createButtonKey(setup: ButtonSetup, options?: CallOptions): Promise<ButtonKey> {
    assertValid('createButtonKey', [placeOrderUrlProblem(setup, true, this.#toEmulator)]);
    return this.#buttonKey('POST', BUTTONS, setup, options);
  }

  async getButtonKey(buttonKey: string, options?: CallOptions): Promise<ButtonKey> {
    assertValid('getButtonKey', [pathIdProblem('buttonKey', buttonKey)]);
    return this.#buttonKey('GET', `${BUTTONS}/${encodeURIComponent(buttonKey)}`, undefined, options);
  }

  /** Changes a button key's setup; fields not given keep their values. */
  async updateButtonKey(buttonKey: string, setup: ButtonSetup, options?: CallOptions): Promise<ButtonKey> {
    assertValid('updateButtonKey', [pathIdProblem('buttonKey', buttonKey), placeOrderUrlProblem(setup, false, this.#toEmulator)]);
    return this.#buttonKey('PUT', `${BUTTONS}/${encodeURIComponent(buttonKey)}`, setup, options);
  }

  /** The authorized order behind a token, as Klarna holds it (trust this, not a posted body). */
  async getAuthorization(authorizationToken: string, options?: CallOptions): Promise<AuthorizedOrder> {
    assertValid('getAuthorization', [pathIdProblem('authorizationToken', authorizationToken)]);
    const path = this.#authorizationPath(authorizationToken);
    const { data } = await this.#transport.request<AuthorizedOrder>('GET', path, undefined, options);
    if (isRecord(data)) return data;
    throw this.#transport.malformed('GET', path, 'expected the authorized order');
  }

  /**
   * Places the order for an authorized purchase. The result's `outcome` is `accepted`, `pending`
   * (not a success yet: see its `guidance`) or `rejected`.
   */
  async placeOrder(
    authorizationToken: string,
    order: OrderToPlace,
    options?: PlaceOrderOptions,
  ): Promise<PlacedOrder> {
    const callOptions = ownFields(options, ['idempotencyKey', 'signal', 'headers']);
    const { idempotencyKey = `place-order:${authorizationToken}`, signal, headers } = callOptions;
    assertValid('placeOrder', [
      pathIdProblem('authorizationToken', authorizationToken),
      ...orderProblems(order),
      placeOrderUrlProblem(order, false, this.#toEmulator),
      // The default is derived from the token, checked above.
      callOptions.idempotencyKey === undefined ? undefined : idempotencyKeyProblem(idempotencyKey),
    ]);
    const path = `${this.#authorizationPath(authorizationToken)}/orders`;
    const response = await this.#transport.request('POST', path, order, {
      signal,
      headers: { ...headers, 'klarna-idempotency-key': idempotencyKey },
    });
    const orderId = ownValue(response.data, 'order_id');
    const fraudStatus = ownValue(response.data, 'fraud_status');
    if (typeof orderId === 'string' && orderId) {
      if (fraudStatus === 'ACCEPTED') return { outcome: 'accepted', orderId, fraudStatus };
      if (fraudStatus === 'PENDING') return { outcome: 'pending', orderId, fraudStatus, guidance: PENDING_GUIDANCE };
      if (fraudStatus === 'REJECTED') return { outcome: 'rejected', orderId, fraudStatus, guidance: REJECTED_GUIDANCE };
    }
    throw this.#transport.malformed('POST', path, `expected { order_id, fraud_status: ACCEPTED | PENDING | REJECTED }, got ${JSON.stringify(response.data).slice(0, 120)}`);
  }

  /**
   * Denies a purchase; the consumer sees the reason in the dialog (or is sent to `redirectUrl`).
   * Codes: `address_error`, `item_out_of_stock`, `consumer_underaged`,
   * `unsupported_shipping_address`, or `other` with a message in the purchase's locale.
   */
  async denyAuthorization(authorizationToken: string, reason: DenyReason, options?: CallOptions): Promise<void> {
    assertValid('denyAuthorization', [pathIdProblem('authorizationToken', authorizationToken), ...denyProblems(reason)]);
    const { code, message, redirectUrl } = ownFields(reason, ['code', 'message', 'redirectUrl']);
    const body = redirectUrl !== undefined
      ? { deny_redirect_url: redirectUrl }
      : { deny_code: code, ...(message !== undefined && { deny_message: message }) };
    await this.#transport.request('DELETE', this.#authorizationPath(authorizationToken), body, options);
  }

  toString(): string {
    return `InstantShoppingClient(${this.baseUrl})`;
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  #authorizationPath(token: string): string {
    return `${AUTHORIZATIONS}/${encodeURIComponent(token)}`;
  }

  async #buttonKey(
    method: string,
    path: string,
    setup: ButtonSetup | undefined,
    options: CallOptions | undefined,
  ): Promise<ButtonKey> {
    const { data } = await this.#transport.request<ButtonKey>(method, path, setup, options);
    const buttonKey = ownValue(data, 'button_key');
    if (isRecord(data) && typeof buttonKey === 'string' && buttonKey) return data;
    throw this.#transport.malformed(method, path, 'expected { button_key, … }');
  }
}

/** A merchant's own idempotency key: sent as a header. */
function idempotencyKeyProblem(key: unknown): string | undefined {
  return nonEmpty('idempotencyKey', key) ?? headerValueProblem('idempotencyKey', key);
}
