/**
 * Node's `http` (and Express, Fastify's raw mode, Koa's `ctx.req`…) on the `Request`/`Response`
 * handlers of this toolkit. Express works with or without `express.json()` before the route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ownValue } from './own.js';
import {
  callbackBodyLimit, DEFAULT_MAX_CALLBACK_BYTES, errorReporter, handlePlaceOrder,
  type HandlePlaceOrderOptions, type PlaceOrderHandler,
} from './place-order.js';

/** A Node request with the body a framework may already have parsed (Express's `req.body`). */
export type NodeRequest = IncomingMessage & { body?: unknown };

/**
 * A `Request` for a Node request: its method, URL, headers and body, aborted when the client goes
 * away; `undefined` when the body is larger than `maxBodyBytes` (the rest is not read).
 */
export async function toWebRequest(
  request: NodeRequest,
  maxBodyBytes = DEFAULT_MAX_CALLBACK_BYTES,
): Promise<Request | undefined> {
  const url = requestUrl(request);
  const controller = new AbortController();
  request.once('close', () => {
    if (!request.complete) controller.abort(new Error('the client went away'));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (request.method ?? 'GET').toUpperCase();
  let body: string | Uint8Array | undefined;
  // A body a framework parsed is the request's own property; an inherited `body` is no body at all.
  const parsedBody = ownValue(request, 'body');
  if (method !== 'GET' && method !== 'HEAD') {
    if (parsedBody !== undefined) body = typeof parsedBody === 'string' || Buffer.isBuffer(parsedBody) ? parsedBody : JSON.stringify(parsedBody);
    else {
      body = await readBody(request, maxBodyBytes);
      if (!body) return undefined;
    }
  }
  return new Request(url, { method, headers, body: body as BodyInit | undefined, signal: controller.signal });
}

/**
 * The request's URL. Nothing here depends on it, so a Host header that makes no URL (`[`, a
 * space) falls back to `localhost` rather than failing the request as a server error.
 */
function requestUrl(request: IncomingMessage): URL {
  const host = ownValue(request.headers, 'host');
  const path = request.url ?? '/';
  try {
    return new URL(path, `http://${typeof host === 'string' ? host : 'localhost'}`);
  } catch {
    return new URL('http://localhost/');
  }
}

/** Writes a `Response` to a Node response. */
export async function sendWebResponse(target: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  target.writeHead(response.status, headers);
  target.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * A Node/Express listener for `merchant_urls.place_order`:
 * `app.post('/klarna/place-order', placeOrderListener(handler, { client }))` or
 * `http.createServer(placeOrderListener(handler, { client }))`.
 */
export function placeOrderListener(
  handler: PlaceOrderHandler,
  options: HandlePlaceOrderOptions,
): (request: NodeRequest, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    // The options are read as the merchant's object holds them, as handlePlaceOrder reads them.
    const report = errorReporter(options);
    try {
      const maxBytes = callbackBodyLimit(options);
      const webRequest = await toWebRequest(request, maxBytes);
      if (!webRequest) {
        report(new TypeError(`Invalid place_order callback: the body is larger than ${maxBytes} bytes.`), 'callback');
        response.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        response.end(JSON.stringify({ error: `the body is larger than ${maxBytes} bytes` }));
        return;
      }
      await sendWebResponse(response, await handlePlaceOrder(webRequest, handler, options));
    } catch (error) {
      report(error, 'callback');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'the place_order callback could not be handled' }));
    }
  };
}

/** The body, or `undefined` once it passes `limitBytes` (the rest is not read). */
async function readBody(request: IncomingMessage, limitBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
