/**
 * Removes secrets from URLs before they reach an error message, a log or an event: user-info
 * (`https://user:password@host`) and the values of query parameters that carry credentials.
 */

const SECRET_PARAMS = new Set([
  'password', 'passwd', 'secret', 'client_secret', 'token', 'access_token', 'refresh_token',
  'api_key', 'apikey', 'key', 'authorization', 'auth', 'signature', 'sig',
]);

export const REDACTED = '[redacted]';

export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    // Not a URL we can take apart; say nothing rather than risk echoing a secret.
    return '[invalid URL]';
  }
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAMS.has(name.toLowerCase())) url.searchParams.set(name, REDACTED);
  }
  return url.href;
}
