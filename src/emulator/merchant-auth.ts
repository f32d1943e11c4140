/**
 * How the emulated Klarna APIs know the merchant, each with Klarna's 401 answer: a Klarna API
 * username and password (HTTP Basic), as the older REST APIs (Instant Shopping, Klarna Payments)
 * take them, and an API key for an account, as the newer partner APIs (Shopping Session, Payment
 * Authorize) do.
 */
import type { EmulatorApiKey, EmulatorCredentials } from './config.js';
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

/**
 * The account an API key acts for, when the key is valid and the path names that account (its
 * `account` parameter); otherwise answers 401 (the docs list no 403 for these APIs) and returns
 * `undefined`. The newer partner APIs (Shopping Session, Payment Authorize) take their keys so.
 */
export function authenticateApiKey(context: RequestContext, keys: EmulatorApiKey[]): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(context.header('authorization') ?? '');
  const given = match?.[1] ?? '';
  const key = keys.filter((entry) => sameSecret(entry.apiKey, given))[0];
  const account = decodedSegment(context.params.account);
  if (key && account !== undefined && key.accountId === account) return account;
  context.problem(401, 'AUTHENTICATION_ERROR', 'UNAUTHORIZED', key ? `This API key does not act for account ${account ?? context.params.account}.` : 'Missing or invalid API key: send "Authorization: Basic <your API key>".');
  return undefined;
}

/** A path segment percent-decoded; `undefined` when it is not valid percent-encoding, and so names nothing. */
export function decodedSegment(segment: string | undefined): string | undefined {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return undefined;
  }
}
