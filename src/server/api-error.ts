/**
 * One error for every failed call to Klarna's REST APIs, whichever of Klarna's error bodies the
 * service sent: `{ error_code, error_messages, correlation_id }`, the older
 * `{ error_code, error_message }`, or the newer `{ error_id, error_type, error_code, error_message,
 * validation_errors }`. It never holds credentials: not in its message, its fields or its cause.
 */
import { CORRELATION_ID_HEADER, KlarnaHttpError, type KlarnaHttpErrorInit } from '../core/http.js';
import { isRecord } from '../core/json.js';
import { redactUrl } from '../core/redact.js';
import { ownValue } from './own.js';

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

/** The newer APIs' `validation_errors`, as bounded text. Every field is read as the body holds it, never inherited. */
function validationErrorsOf(body: unknown): ValidationError[] {
  const errors = ownValue(body, 'validation_errors');
  if (!Array.isArray(errors)) return [];
  const entries = (errors as unknown[]).filter(isRecord).slice(0, MAX_MESSAGES);
  return entries.map((entry) => ({ parameter: bodyText(ownValue(entry, 'parameter')), reason: bodyText(ownValue(entry, 'reason')) }));
}

/** `error_messages`, or the older APIs' one `error_message`, as bounded text. */
function errorMessagesOf(body: unknown): string[] {
  const messages = ownValue(body, 'error_messages');
  if (Array.isArray(messages)) return (messages as unknown[]).slice(0, MAX_MESSAGES).map(bodyText);
  const message = ownValue(body, 'error_message');
  if (typeof message === 'string') return [bodyText(message)];
  return [];
}

/**
 * A failure's correlation id from its own sources only: the response's header, else the error
 * body's own `correlation_id`. (The core's wording reads the body's fields by name, through any
 * prototype; what it found there is not taken.)
 */
function correlationIdOf({ headers, body }: KlarnaHttpError): string | undefined {
  const fromHeader = headers?.get(CORRELATION_ID_HEADER);
  if (fromHeader) return fromHeader;
  const fromBody = ownValue(body, 'correlation_id');
  return typeof fromBody === 'string' ? fromBody : undefined;
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
    const body = init.body;
    const validationErrors = validationErrorsOf(body);
    const reasons = validationErrors.map(({ parameter, reason }) => `${parameter}: ${reason}`);
    const messages = errorMessagesOf(body);
    const givenCode = ownValue(body, 'error_code');
    const errorCode = typeof givenCode === 'string' ? bodyText(givenCode) : undefined;
    Object.assign(this, { errorCode, errorMessages: [...messages, ...reasons], validationErrors });
    // The newer APIs put what to fix in validation_errors only; the message must say it too.
    if (reasons.length) this.message = `${message.replace(/\.$/, '')}; ${reasons.join('; ')}.`;
  }

  /**
   * The same failure as a {@link KlarnaApiError}, keeping its message, fields (the response's headers too: `Retry-After`) and cause.
   * Its correlation id is read again from the response (or given, by a caller that knows it).
   */
  static from(error: KlarnaHttpError, correlationId = correlationIdOf(error)): KlarnaApiError {
    const { code, url, method, status, body, headers, cause } = error;
    return new KlarnaApiError(error.message, { code, url, method, status, correlationId, body, headers, cause });
  }
}

export function isKlarnaApiError(error: unknown): error is KlarnaApiError {
  return error instanceof KlarnaApiError;
}
