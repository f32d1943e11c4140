/**
 * Fires an impression URL: a plain GET (`fetch`, no-cors, with cookies, never cached), which
 * Klarna's OSM docs allow as the alternative to an image beacon.
 *
 * Not an image: an image's `error` event says the same when Klarna answered with something that
 * is not an image (it promises a 2xx, not a picture) and when the request never reached the
 * network (an ad blocker, a host that does not resolve), so a blocked beacon was counted. A no-cors
 * GET resolves once any answer came and rejects when none could: it tells the two apart. It also
 * reaches Klarna every time, where a browser answers a second image request for one URL from
 * memory (two placements showing one cached answer share its `impression_url`).
 *
 * A page's Content-Security-Policy may block it (`connect-src`). The browser then never sends it
 * and says so only in a `securitypolicyviolation` event, which may come after the rejection: a
 * blocked beacon is not an impression, and the console says which directive to allow.
 */

/** The beacons fired lately, for the policy's report to be told apart from the page's own. */
const firedLately = new Set<string>();

/** How long a fired beacon's URL is kept for a policy report that comes late. */
const REPORT_WINDOW_MS = 10_000;

function onViolation({ blockedURI, effectiveDirective }: SecurityPolicyViolationEvent): void {
  if (!firedLately.has(blockedURI)) return;
  console.warn(`klarna-elements: the page's Content-Security-Policy blocked an impression beacon (not counted): allow ${blockedURI} in ${effectiveDirective}.`);
}

/**
 * Requests `url` once more. Resolves `true` once the request reached Klarna's side of the network,
 * whatever came back; `false` when it did not: blocked by the page's CSP (with a console warning
 * naming the directive), by the browser or an extension, or failed in the network. Throws a
 * `TypeError` for anything but an http(s) URL, so a hostile `javascript:` is never loaded.
 */
export function fireBeacon(url: string): Promise<boolean> {
  const { href, protocol } = new URL(url, document.baseURI);
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new TypeError(`Refused a ${protocol} impression beacon: only http(s).`);
  }
  if (!firedLately.size) document.addEventListener('securitypolicyviolation', onViolation);
  firedLately.add(href);
  setTimeout(() => firedLately.delete(href), REPORT_WINDOW_MS);
  return fetch(href, { mode: 'no-cors', credentials: 'include', cache: 'no-store', keepalive: true }).then(() => true, () => false);
}
