/**
 * HTTP Basic authentication with a merchant's Klarna API username and password, as Klarna's older
 * REST APIs (Instant Shopping, Klarna Payments) take it, with Klarna's 401 answer.
 */
import type { EmulatorCredentials } from './config.js';
import type { RequestContext } from './context.js';
import { sameSecret } from './same-secret.js';

/** The API username for valid Basic credentials; otherwise answers 401 and returns `undefined`. */
export function authenticateMerchant(
  context: RequestContext,
  credentials: readonly EmulatorCredentials[],
): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(context.header('authorization') ?? '');
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const [username, password] = separator < 0 ? ['', ''] : [decoded.slice(0, separator), decoded.slice(separator + 1)];
  // Every entry compared in full, in constant time per entry: no early exit tells a caller how close a guess came.
  const matches = (entry: EmulatorCredentials) =>
    sameSecret(entry.username, username) && sameSecret(entry.password, password);
  if (credentials.map(matches).includes(true)) return username;
  context.response.setHeader('www-authenticate', 'Basic realm="Klarna emulator"');
  context.error(401, 'UNAUTHORIZED', 'You were not authorized to execute this operation. Check your API credentials.');
  return undefined;
}
