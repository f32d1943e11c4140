/**
 * Fires an impression URL as a web beacon: an image request, as Klarna's OSM docs describe.
 *
 * A browser answers a second image request for the same URL in the same document from its list of
 * available images, whatever the caching headers, so a repeat never reaches Klarna. Two placements
 * showing one cached answer share its `impression_url`, and each is an impression; repeats of a
 * URL in this document are therefore sent as a plain GET (`fetch`, no-cors, with cookies, not
 * cached), which the OSM docs allow as the alternative to a web beacon.
 */

const pending = new Set<HTMLImageElement>();
const firedInThisDocument = new Set<string>();

/**
 * Requests `url` once more. Resolves `true` when the request was answered (an image came back, or
 * the GET completed), `false` when it failed or the answer was not an image (a 204 still counts as
 * sent: Klarna only promises a 2xx). Throws a `TypeError` for anything but an http(s) URL, so a
 * hostile `javascript:` is never loaded.
 */
export function fireBeacon(url: string): Promise<boolean> {
  const parsed = new URL(url, document.baseURI);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TypeError(`Refused a ${parsed.protocol} impression beacon: only http(s).`);
  }
  if (firedInThisDocument.has(parsed.href)) return getBeacon(parsed.href);
  firedInThisDocument.add(parsed.href);
  return imageBeacon(parsed.href);
}

function imageBeacon(url: string): Promise<boolean> {
  const image = new Image(1, 1);
  image.decoding = 'async';
  image.fetchPriority = 'low';
  // Held until settled: an unreferenced image may be collected and its request cancelled.
  pending.add(image);
  return new Promise<boolean>((resolve) => {
    image.onload = () => { pending.delete(image); resolve(true); };
    image.onerror = () => { pending.delete(image); resolve(false); };
    image.src = url;
  });
}

function getBeacon(url: string): Promise<boolean> {
  return fetch(url, { mode: 'no-cors', credentials: 'include', cache: 'no-store', keepalive: true }).then(
    () => true,
    () => false,
  );
}
