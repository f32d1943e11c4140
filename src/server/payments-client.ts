/**
 * Klarna Payments' REST API for completing an Express Checkout purchase on the server: create the
 * order from the token the purchase produced (the Web SDK's `paymentToken`, the legacy button's
 * `authorization_token`, or the webhook's `payment_token`), or cancel that authorization.
 *
 * Where Klarna's docs are silent: that the Web SDK's `paymentToken` is a Klarna Payments
 * authorization token for a merchant without an acquirer is what Klarna's own WooCommerce plugin
 * does, not what a Klarna page states; and whether the create-order endpoint honours
 * `Klarna-Idempotency-Key` as Klarna's order management API does is not documented. The key is sent
 * anyway: it costs nothing where it is ignored and keeps one order per token where it is honoured.
 */
import { createTransport, type KlarnaClientOptions } from './client-options.js';
import { ownFields, ownValue } from './own.js';
import type { CreatedOrder, PaymentsOrder } from './payments-wire.js';
import { basicAuthorization, type CallOptions, type KlarnaTransport } from './transport.js';
import { assertValid, headerValueProblem, nonEmpty, orderProblems, pathIdProblem, wellFormedProblem } from './validation.js';
import { isRecord } from '../core/json.js';

export interface KlarnaPaymentsClientOptions extends KlarnaClientOptions {
  /** Your Klarna API username (Merchant Portal → Settings → Klarna API keys). */
  username: string;
  /** Your Klarna API password. Kept private: never in errors, logs or `toString()`. */
  password: string;
}

export interface CreateOrderOptions extends CallOptions {
  /**
   * Sent as `Klarna-Idempotency-Key`. Default: derived from the authorization token, so calling
   * `createOrder` again for the same purchase (after a timeout, say) asks for the same order, not a
   * second one. The client itself never resends a `createOrder` that may have reached Klarna.
   */
  idempotencyKey?: string | undefined;
}

const AUTHORIZATIONS = '/payments/v1/authorizations';

/**
 * ```ts
 * const payments = new KlarnaPaymentsClient({ username, password, environment: 'playground' });
 * const { order_id, fraud_status } = await payments.createOrder(paymentToken, order);
 * ```
 */
export class KlarnaPaymentsClient {
  readonly #transport: KlarnaTransport;

  constructor(options: KlarnaPaymentsClientOptions) {
    const { username, password } = ownFields(options, ['username', 'password']);
    this.#transport = createTransport('KlarnaPaymentsClient', options, () => basicAuthorization(username, password), [
      nonEmpty('username', username) ?? wellFormedProblem('username', username),
      typeof password === 'string' && password ? wellFormedProblem('password', password) : 'password must be a non-empty string',
    ]);
  }

  /** The API base URL this client calls. */
  get baseUrl(): string {
    return this.#transport.baseUrl;
  }

  /**
   * Creates the order for an authorized purchase (`POST /payments/v1/authorizations/{token}/order`).
   * A `fraud_status` of `PENDING` is not a success yet: hold the goods until Klarna notifies you.
   * Sent once: after a timeout or a 5xx the order may exist, so call again (same idempotency key)
   * rather than expecting the client to; only a 429 or 503, where Klarna did nothing, is retried.
   */
  async createOrder(
    authorizationToken: string,
    order: PaymentsOrder,
    options?: CreateOrderOptions,
  ): Promise<CreatedOrder> {
    const callOptions = ownFields(options, ['idempotencyKey', 'signal', 'headers']);
    const { idempotencyKey = `create-order:${authorizationToken}`, signal, headers } = callOptions;
    assertValid('createOrder', [
      pathIdProblem('authorizationToken', authorizationToken),
      ...orderProblems(order),
      // The default is derived from the token, checked above.
      callOptions.idempotencyKey === undefined ? undefined : nonEmpty('idempotencyKey', idempotencyKey) ?? headerValueProblem('idempotencyKey', idempotencyKey),
    ]);
    const path = `${this.#authorizationPath(authorizationToken)}/order`;
    const { data } = await this.#transport.request<CreatedOrder>('POST', path, order, {
      signal,
      headers: { ...headers, 'klarna-idempotency-key': idempotencyKey },
    });
    // Only what identifies the order is required: a fraud_status Klarna adds later (or one this
    // library does not know) still comes with an order that exists, which the merchant must not lose.
    const orderId = ownValue(data, 'order_id');
    const fraudStatus = ownValue(data, 'fraud_status');
    if (isRecord(data) && typeof orderId === 'string' && orderId && typeof fraudStatus === 'string' && fraudStatus) return data;
    throw this.#transport.malformed('POST', path, 'expected { order_id, fraud_status }');
  }

  /**
   * Cancels an authorization that will not become an order (`DELETE /payments/v1/authorizations/{token}`),
   * so the consumer's funds are not held until it expires.
   */
  async cancelAuthorization(authorizationToken: string, options?: CallOptions): Promise<void> {
    assertValid('cancelAuthorization', [pathIdProblem('authorizationToken', authorizationToken)]);
    await this.#transport.request('DELETE', this.#authorizationPath(authorizationToken), undefined, options);
  }

  toString(): string {
    return `KlarnaPaymentsClient(${this.baseUrl})`;
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  #authorizationPath(token: string): string {
    return `${AUTHORIZATIONS}/${encodeURIComponent(token)}`;
  }
}
