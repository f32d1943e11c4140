/**
 * `prefetched`: the message a server already fetched with `OsmClient.getMessage`, given to the
 * placement (as JSON in the attribute, or as the object) so that it shows at once.
 */
import { parseOsmAnswer, type OsmAnswer, type OsmNode } from '../protocol/osm-answer.js';

/** What `OsmClient.getMessage` returns on the server, as far as the element reads it. */
export type OsmPrefetched =
  | { url: string; kind: 'message'; nodes: readonly OsmNode[]; impressionUrl?: string | undefined }
  | { url: string; kind: 'empty'; nodes?: undefined; impressionUrl?: undefined };

/**
 * The answer `given` holds for the request to `url`. Throws, saying why, when it is not JSON or is
 * for another request. Parsed again like any answer: the attribute is page content, and its URLs
 * are checked the same way.
 */
export function readPrefetched(given: OsmPrefetched | string, url: string): OsmAnswer {
  // Its own fields only: a page's script that put an `impressionUrl` on Object.prototype must not
  // have a server's message count there.
  const prefetched = Object.assign(Object.create(null), typeof given === 'string' ? JSON.parse(given) : given) as OsmPrefetched;
  if (prefetched.url !== url) throw new Error(`it is for ${prefetched.url}, not ${url}`);
  const status = prefetched.kind === 'empty' ? 204 : 200;
  const data = { content: { nodes: prefetched.nodes }, impression_url: prefetched.impressionUrl };
  return parseOsmAnswer({ status, data }, url);
}
