/**
 * Fires an impression URL as a web beacon: an image request, as Klarna's OSM docs describe.
 *
 * A browser answers a second image request for the same URL in the same document from its list of
 * available images, whatever the caching headers, so a repeat never reaches Klarna. Two placements
 * showing one cached answer share its `impression_url`, and each is an impression; repeats of a
 * URL in this document are therefore sent as a plain GET (`fetch`, no-cors, with cookies, not
 * cached), which the OSM docs allow as the alternative to a web beacon.
 *
 * A page's Content-Security-Policy may block either (`img-src`, `connect-src`). The browser then
 * never sends it, and says so only in a `securitypolicyviolation` event: a blocked beacon is not
 * an impression, and the console says which directive to allow.
 *
 */

const pending = new Set<HTMLImageElement>();
const firedInThisDocument = new Set<string>();
const blockedInThisDocument = new Set<string>();

function onViolation({ blockedURI, effectiveDirective }: SecurityPolicyViolationEvent): void {
  if (!firedInThisDocument.has(blockedURI)) return;
  blockedInThisDocument.add(blockedURI);
  console.warn(`klarna-elements: the page's Content-Security-Policy blocked an impression beacon (not counted): allow ${blockedURI} in ${effectiveDirective}.`);
}

/**
 * Requests `url` once more. Resolves `true` once the request left the page, whatever came back
 * (Klarna promises only a 2xx, not an image); `false` when it did not: the page's CSP blocked it
 * (with a console warning naming the directive), or a repeat's GET failed in the network. Throws a
 * `TypeError` for anything but an http(s) URL, so a hostile `javascript:` is never loaded.
 */
export function fireBeacon(url: string): Promise<boolean> {
  const { href, protocol } = new URL(url, document.baseURI);
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new TypeError(`Refused a ${protocol} impression beacon: only http(s).`);
  }
  if (!firedInThisDocument.size) document.addEventListener('securitypolicyviolation', onViolation);
  if (firedInThisDocument.has(href)) return sendAgain(href);
  firedInThisDocument.add(href);
  return sendImage(href);
}

/** A repeat as a plain GET. A no-cors GET rejects only when nothing was sent: the network, or the CSP (whose event may come later). */
function sendAgain(href: string): Promise<boolean> {
  return fetch(href, { mode: 'no-cors', credentials: 'include', cache: 'no-store', keepalive: true }).then(() => true, () => false);
}

function sendImage(href: string): Promise<boolean> {
  const image = new Image(1, 1);
  image.decoding = 'async';
  image.fetchPriority = 'low';
  // Held until settled: an unreferenced image may be collected and its request cancelled.
  pending.add(image);
  return new Promise<boolean>((resolve) => {
    // The violation is queued before the error, on the same task source: a blocked image is known here.
    image.onload = image.onerror = () => resolve(pending.delete(image) && !blockedInThisDocument.has(href));
    image.src = href;
  });
}
