/**
 * A request sent as written, through node:http: `fetch` sets the Host header itself and refuses a
 * request target that is not a path, which the emulator's tests need to send as a client could.
 */
import { request } from 'node:http';

export interface RawRequest {
  method?: string;
  /** The request target as sent on the request line: a path, or an absolute URL. */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends `raw` to the server at `url` (its host and port only) and reads the whole answer. */
export function rawRequest(url: string, raw: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request({
      host: hostname.replace(/^\[|\]$/g, ''),
      port,
      method: raw.method ?? 'GET',
      path: raw.target,
      headers: raw.headers,
      // The Host header is the test's to choose; node:http adds its own only when none is given.
      setHost: !raw.headers || !Object.keys(raw.headers).some((name) => name.toLowerCase() === 'host'),
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}
