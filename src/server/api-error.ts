/**
 * One error for every failed call to Klarna's REST APIs, whichever of Klarna's error bodies the
 * service sent: `{ error_code, error_messages, correlation_id }`, the older
 * `{ error_code, error_message }`, or the newer `{ error_id, error_type, error_code, error_message,
 * validation_errors }`. It never holds credentials: not in its message, its fields or its cause.
 */
import { KlarnaHttpError, type KlarnaHttpErrorInit } from '../core/http.js';
import { isRecord } from '../core/json.js';
import { redactUrl } from '../core/redact.js';

export interface ValidationError {
  parameter: string;
  reason: string;
}

/** At most this many of a server's messages are kept, each at most {@link MAX_MESSAGE_LENGTH} characters. */
const MAX_MESSAGES = 20;
const MAX_MESSAGE_LENGTH = 500;

/**
 * A value from an error body as bounded text, whatever it is: a server's object may have a
 * `toString` that is not a function (String() would throw), and any field may be huge.
 */
function bodyText(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    text = '[unreadable]';
  }
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

/** The newer APIs' `validation_errors`, as bounded text. */
function validationErrorsOf(body: Record<string, unknown>): ValidationError[] {
  if (!Array.isArray(body.validation_errors)) return [];
  const entries = (body.validation_errors as unknown[]).filter(isRecord).slice(0, MAX_MESSAGES);
  return entries.map((entry) => ({ parameter: bodyText(entry.parameter), reason: bodyText(entry.reason) }));
}

/** `error_messages`, or the older APIs' one `error_message`, as bounded text. */
function errorMessagesOf(body: Record<string, unknown>): string[] {
  if (Array.isArray(body.error_messages)) {
    return (body.error_messages as unknown[]).slice(0, MAX_MESSAGES).map(bodyText);
  }
  if (typeof body.error_message === 'string') return [bodyText(body.error_message)];
  return [];
}

export class KlarnaApiError extends KlarnaHttpError {
  override readonly name = 'KlarnaApiError';
  /** Klarna's `error_code`, e.g. `BAD_VALUE`, `NOT_FOUND`, `UNAUTHORIZED`. */
  declare readonly errorCode: string | undefined;
  /** Klarna's messages (`error_messages`, or `error_message`), then each validation error as text. */
  declare readonly errorMessages: readonly string[];
  /** The newer APIs' `validation_errors`. */
  declare readonly validationErrors: readonly ValidationError[];

  constructor(message: string, init: KlarnaHttpErrorInit) {
    super(message, { ...init, url: redactUrl(init.url) });
    const body = (init.body && typeof init.body === 'object' ? init.body : {}) as Record<string, unknown>;
    const validationErrors = validationErrorsOf(body);
    const reasons = validationErrors.map(({ parameter, reason }) => `${parameter}: ${reason}`);
    const messages = errorMessagesOf(body);
    const errorCode = typeof body.error_code === 'string' ? bodyText(body.error_code) : undefined;
    Object.assign(this, { errorCode, errorMessages: [...messages, ...reasons], validationErrors });
    // The newer APIs put what to fix in validation_errors only; the message must say it too.
    if (reasons.length) this.message = `${message.replace(/\.$/, '')}; ${reasons.join('; ')}.`;
  }

  /** The same failure as a {@link KlarnaApiError}, keeping its message, fields (the response's headers too: `Retry-After`) and cause. */
  static from(error: KlarnaHttpError): KlarnaApiError {
    const { code, url, method, status, correlationId, body, headers, cause } = error;
    return new KlarnaApiError(error.message, { code, url, method, status, correlationId, body, headers, cause });
  }
}

export function isKlarnaApiError(error: unknown): error is KlarnaApiError {
  return error instanceof KlarnaApiError;
}
