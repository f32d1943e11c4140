/**
 * What every server client takes besides its credentials, and the checks that turn a mistake in
 * them into a {@link KlarnaValidationError} when the client is created, not at the first call.
 */
import { apiBaseUrl, isKlarnaEnvironment, isLoopbackHostname, type KlarnaEnvironment } from '../core/endpoints.js';
import { isKlarnaRegion, type KlarnaRegion } from '../core/markets.js';
import { ownFields } from './own.js';
import { KlarnaTransport } from './transport.js';
import { assertValid, headerValueProblem } from './validation.js';

export interface KlarnaClientOptions {
  /** `production` (default) or `playground`. */
  environment?: KlarnaEnvironment | undefined;
  /** `eu` (default), `na` or `oc`: the API host of your Klarna account. */
  region?: KlarnaRegion | undefined;
  /** Replaces Klarna's host: the emulator (`emulator.url`) or a proxy. */
  baseUrl?: string | undefined;
  /** Milliseconds per attempt; default 10000. */
  timeout?: number | undefined;
  /** Retries where they are safe (GETs; any call refused with 429/503); default 2. */
  retries?: number | undefined;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch | undefined;
  /** Sent as `user-agent`; default `klarna-elements-server`. */
  userAgent?: string | undefined;
}

/** The options every client takes, by name: only these are read, and only as the merchant's object holds them. */
export const CLIENT_OPTION_NAMES = ['environment', 'region', 'baseUrl', 'timeout', 'retries', 'fetch', 'userAgent'] as const;

/**
 * The transport for a client, after checking its options; `problems` are the credential checks.
 * The options are read as the merchant's object holds them, never inherited: the host the
 * credentials go to is the one the merchant configured, or Klarna's.
 */
export function createTransport(
  client: string,
  givenOptions: KlarnaClientOptions,
  authorization: () => string | undefined,
  problems: (string | undefined)[],
): KlarnaTransport {
  const options = ownFields(givenOptions, CLIENT_OPTION_NAMES);
  const { baseUrl, timeout, retries, fetch, userAgent } = options;
  let base = '';
  if (baseUrl && hasUserInfo(baseUrl)) {
    // Not echoed: the point is that it holds a secret, which would then be in the error.
    problems.push('baseUrl must not hold a user name or password: give the client its credentials, and they go in a header');
  } else {
    try {
      // The copy without a prototype: the core also reads `locale` and `country` to pick a region.
      base = apiBaseUrl(options);
    } catch (error) {
      problems.push(`baseUrl ${(error as Error).message.replace(/\.$/, '')}`);
    }
  }
  assertValid(`new ${client}()`, [...problems, ...optionProblems(options)]);
  // Only what the transport needs: the client's options also hold the raw credentials.
  return new KlarnaTransport({ baseUrl: base, authorization: authorization(), timeout, retries, fetch, userAgent });
}

/** What is wrong with the options besides the base URL. */
function optionProblems(options: KlarnaClientOptions): (string | undefined)[] {
  const { environment, region, timeout, retries, fetch, userAgent } = options;
  const problems: (string | undefined)[] = [];
  if (environment !== undefined && !isKlarnaEnvironment(environment)) problems.push(`environment "${String(environment)}" must be "production" or "playground"`);
  if (region !== undefined && !isKlarnaRegion(region)) problems.push(`region "${String(region)}" must be "eu", "na" or "oc"`);
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && timeout < Infinity)) problems.push('timeout must be a positive number of milliseconds');
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0)) problems.push('retries must be a whole number ≥ 0');
  if (fetch !== undefined && typeof fetch !== 'function') problems.push('fetch must be a function');
  if (userAgent !== undefined) problems.push(headerValueProblem('userAgent', userAgent));
  return problems;
}

function hasUserInfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

/** Whether the client talks to an emulator on this machine rather than to Klarna. */
export function isLocalBase(baseUrl: string): boolean {
  return isLoopbackHostname(new URL(baseUrl).hostname);
}
