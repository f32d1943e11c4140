/**
 * Removes secrets from URLs before they reach an error message, a log or an event: user-info
 * (`https://user:password@host`) and the values of query parameters that carry credentials.
 */

const SECRET_PARAM = /^(passw(or)?d|(client_)?secret|(access_|refresh_)?token|api_?key|key|auth(orization)?|sig(nature)?)$/i;

export const REDACTED = '[redacted]';

export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    // Not a URL we can take apart; say nothing rather than risk echoing a secret.
    return '[invalid URL]';
  }
  url.username = url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, REDACTED);
  }
  return url.href;
}
