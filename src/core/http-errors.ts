/**
 * The wording of a failed request: what {@link fetchJson}'s terse errors mean, in a sentence that
 * says what happened, quotes what the server said (bounded) and names the correlation id. The
 * server's `requestJson` words every error at once; the elements load this module only when a
 * request has failed.
 */
import type { KlarnaHttpError } from './http.js';
import { ownValue } from './json.js';

/**
 * Words an error {@link fetchJson} threw (its message still terse) and returns it: the message
 * becomes a sentence, and a correlation id only the error body carried is taken from there. An
 * error already worded (an answer's parser threw it, or it was explained before) is returned as it
 * is. `timeout` is the request's, in ms, for the message of a timeout.
 */
export function explainHttpError<E>(given: E, timeout: number): E {
  const error = given as E & KlarnaHttpError;
  if (!error?.terse) return given;
  const { code, status, body } = error;
  // Klarna's REST error body, by its own fields; some services send `error_message` instead of `error_messages`.
  const bodyCorrelationId = ownValue(body, 'correlation_id');
  const correlationId = error.correlationId ?? (typeof bodyCorrelationId === 'string' ? bodyCorrelationId : undefined);
  const messages = ownValue(body, 'error_messages');
  const firstMessage = Array.isArray(messages) ? ownValue(messages, '0') : undefined;
  // What the server said goes into the message (and so the console): bounded, whatever it sent.
  const said = [ownValue(body, 'error_code'), firstMessage ?? ownValue(body, 'error_message')]
    .filter((part) => typeof part === 'string')
    .join(' – ')
    .slice(0, 300);
  const explanation = {
    http: `answered ${status}${said ? `: ${said}` : ''}${correlationId ? ` (klarna-correlation-id ${correlationId})` : ''}.`,
    network: 'the request failed (offline, DNS, CORS, or the connection broke).',
    timeout: `no complete answer within ${timeout} ms.`,
    aborted: 'aborted.',
    'malformed-response': `answered ${status} with a body that is not JSON.`,
  }[code];
  return Object.assign(error, { message: `${error.method} ${error.url}: ${explanation}`, correlationId });
}
