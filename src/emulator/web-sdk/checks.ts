/**
 * What the emulated Klarna refuses, checked as Klarna does and apart from the library's own checks
 * (the emulator is the oracle the library is tested against): the client id's form and its
 * origins, and a payment request's amounts. Each failure is a `PaymentError`, Klarna's shape.
 */
import type { PaymentError } from '../../protocol/express-checkout.js';
import type { EmulatedWebSdkSettings } from './settings.js';

/** Klarna's `PaymentError`: an `Error` with Klarna's fields. */
export class EmulatedPaymentError extends Error implements PaymentError {
  override readonly name = 'PaymentError';
  readonly errorCode: string;
  readonly errorId = crypto.randomUUID();
  readonly errorMessage: string;
  readonly errorType = 'CLIENT';
  readonly validationErrors?: string[];

  constructor(errorCode: string, errorMessage: string, validationErrors?: string[]) {
    super(errorMessage);
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    if (validationErrors) this.validationErrors = validationErrors;
  }
}

export function paymentError(code: string, message: string, validationErrors?: string[]): EmulatedPaymentError {
  return new EmulatedPaymentError(code, message, validationErrors);
}

/** Klarna's refusal of an SDK configuration, or `undefined` when it starts. */
export function configRefusal(
  config: unknown,
  settings: EmulatedWebSdkSettings,
  origin: string,
): EmulatedPaymentError | undefined {
  const clientId = typeof config === 'object' && config !== null ? (config as { clientId?: unknown }).clientId : undefined;
  if (typeof clientId !== 'string' || !/^klarna_(test|live)_client_[A-Za-z0-9_-]+$/.test(clientId)) {
    return paymentError('INVALID_CLIENT_ID', `clientId ${JSON.stringify(clientId)} is not a client identifier`);
  }
  if (clientId.startsWith('klarna_live_')) {
    return paymentError('INVALID_CLIENT_ID', 'the emulated Klarna is a test environment: use a klarna_test_client_ id');
  }
  if (settings.clientIds.length > 0 && !settings.clientIds.includes(clientId)) {
    return paymentError('INVALID_CLIENT_ID', `clientId ${clientId} is unknown`);
  }
  if (settings.allowedOrigins.length > 0 && !settings.allowedOrigins.includes(origin)) {
    return paymentError('ORIGIN_NOT_ALLOWED', `${origin} is not an allowed origin of clientId ${clientId}`);
  }
  return undefined;
}

/** Why Klarna refuses a payment request's data (r8 `PaymentRequestData`); empty when it takes it. */
export function paymentRequestRefusals(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return ['the payment request is not an object'];
  const request = data as Record<string, unknown>;
  const refusals: string[] = [];
  if (typeof request.currency !== 'string' || !/^[A-Z]{3}$/.test(request.currency)) refusals.push('currency: an ISO 4217 code is required');
  const amount = request.amount;
  if (amount !== undefined && !(Number.isSafeInteger(amount) && (amount as number) >= 0)) refusals.push('amount: whole minor units');
  const supplementary = request.supplementaryPurchaseData as { lineItems?: unknown } | undefined;
  const lines = supplementary?.lineItems;
  if (lines !== undefined) {
    if (!Array.isArray(lines)) return [...refusals, 'supplementaryPurchaseData.lineItems: a list'];
    const totals = lines.map((line: unknown) => (line as { totalAmount?: unknown } | null)?.totalAmount);
    if (!totals.every((total) => Number.isSafeInteger(total))) refusals.push('lineItems.totalAmount: whole minor units');
    else if (typeof amount === 'number' && totals.reduce((sum: number, total) => sum + (total as number), 0) !== amount) refusals.push('lineItems: totalAmount does not sum to amount');
  }
  return refusals;
}
