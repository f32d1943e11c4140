/**
 * Node's `http` (and Express, Fastify, Koa's `ctx.req`…) on the `Request`/`Response` handlers of
 * this toolkit. A body a framework has already read is taken as the framework parsed it: Express's
 * `req.body` (with or without `express.json()` before the route), or Fastify's `request.body` when
 * the listener is given Fastify's own request and reply. Nothing here needs more than the
 * standard web APIs besides the Node objects it is given: no `Buffer`, no runtime import of Node.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEFAULT_MAX_WEBHOOK_BYTES, handleExpressCheckoutWebhook, type ExpressCheckoutWebhookHandler,
  type ExpressCheckoutWebhookStage, type HandleExpressCheckoutWebhookOptions,
} from './express-checkout-webhook.js';
import { safeReporter } from './delivery-answer.js';
import { ownValue } from './own.js';
import {
  callbackBodyLimit, DEFAULT_MAX_CALLBACK_BYTES, errorReporter, handlePlaceOrder, NOT_HANDLED,
  type HandlePlaceOrderOptions, type PlaceOrderHandler,
} from './place-order.js';

/** A Node request with the body a framework may already have parsed (Express's `req.body`). */
export type NodeRequest = IncomingMessage & { body?: unknown };

/**
 * A framework's request around Node's, as Fastify's `request` is: `raw` is Node's request, whose
 * body the framework has already read, and `body` what it parsed from it.
 */
export interface FrameworkRequest {
  raw: IncomingMessage;
  body?: unknown;
}

/**
 * A framework's reply around Node's, as Fastify's `reply` is: the answer is written to `raw`, after
 * `hijack()` has told the framework not to answer too.
 */
export interface FrameworkReply {
  raw: ServerResponse;
  hijack?: (() => unknown) | undefined;
}

/**
 * A `Request` for a Node request (or a framework's request around one): its method, URL, headers
 * and body, aborted when the client goes away; `undefined` when the body is larger than
 * `maxBodyBytes` (the rest is not read). Throws a `TypeError` that says what to fix when something
 * before it read the body and did not hand over what it parsed.
 */
export async function toWebRequest(
  given: NodeRequest | FrameworkRequest,
  maxBodyBytes = DEFAULT_MAX_CALLBACK_BYTES,
): Promise<Request | undefined> {
  const { request, parsedBody } = unwrapRequest(given);
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
  if (method !== 'GET' && method !== 'HEAD') {
    body = await requestBody(request, parsedBody, maxBodyBytes);
    if (body === undefined) return undefined;
  }
  return new Request(url, { method, headers, body: body as BodyInit | undefined, signal: controller.signal });
}

/**
 * Node's request, and the body a framework parsed from it. Fastify's request holds Node's as its
 * own `raw`; Express's is Node's own. Either way the parsed body is the given object's own `body`:
 * an inherited one is no body at all.
 */
function unwrapRequest(given: NodeRequest | FrameworkRequest): { request: IncomingMessage; parsedBody: unknown } {
  const raw = ownValue(given, 'raw');
  const request = isReadable(raw) ? (raw as IncomingMessage) : (given as IncomingMessage);
  return { request, parsedBody: ownValue(given, 'body') };
}

/**
 * Node's response. A framework's reply around one is told first that the listener answers on it
 * (Fastify's `hijack()`), so that the framework does not answer too.
 */
function unwrapResponse(given: ServerResponse | FrameworkReply): ServerResponse {
  const raw = ownValue(given, 'raw');
  if (!isWritableResponse(raw)) return given as ServerResponse;
  // A method, read where the framework defines it (its prototype): a polluted prototype holds data, not functions.
  const hijack = (given as FrameworkReply).hijack;
  if (typeof hijack === 'function') hijack.call(given);
  return raw as ServerResponse;
}

/** Node's request, or any readable stream: what a framework keeps as its request's `raw`. */
function isReadable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stream = value as Partial<IncomingMessage>;
  return typeof stream.on === 'function' && typeof stream.pipe === 'function';
}

/** Node's response: what a framework keeps as its reply's `raw`. */
function isWritableResponse(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as Partial<ServerResponse>).writeHead === 'function';
}

/** What `toWebRequest` throws for a request whose body something read before it without handing it over. */
const BODY_READ_ELSEWHERE =
  'toWebRequest: the request\'s body was already read (by a body parser before the route?), and what it parsed was ' +
  'not handed over: give the request with its parsed body (Express: req, whose req.body is set; Fastify: the ' +
  'request itself, not request.raw), or register the route before the body parser.';

/** The body to send on: the one a framework parsed, else the stream read up to the limit (`undefined` past it). */
async function requestBody(
  request: IncomingMessage,
  parsedBody: unknown,
  maxBodyBytes: number,
): Promise<string | Uint8Array | undefined> {
  if (typeof parsedBody === 'string' || parsedBody instanceof Uint8Array) return parsedBody;
  if (parsedBody !== undefined) return JSON.stringify(parsedBody);
  // Read to its end by someone else: reading it again would find an empty body and blame the caller for it.
  if (request.readableEnded) throw new TypeError(BODY_READ_ELSEWHERE);
  return readBody(request, maxBodyBytes);
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
  target.end(new Uint8Array(await response.arrayBuffer()));
}

/**
 * A listener for `merchant_urls.place_order` on Node's `http`, Express or Fastify:
 * `app.post('/klarna/place-order', placeOrderListener(handler, { client }))` or
 * `http.createServer(placeOrderListener(handler, { client }))`. It takes Node's request and
 * response, or a framework's around them (Fastify's request and reply).
 */
export function placeOrderListener(
  handler: PlaceOrderHandler,
  options: HandlePlaceOrderOptions,
): (request: NodeRequest | FrameworkRequest, response: ServerResponse | FrameworkReply) => Promise<void> {
  return async (request, givenResponse) => {
    // The options are read as the merchant's object holds them, as handlePlaceOrder reads them.
    const report = errorReporter(options);
    const maxBytes = callbackBodyLimit(options);
    await answerOnNode(unwrapResponse(givenResponse), {
      what: 'place_order callback',
      maxBytes,
      read: () => toWebRequest(request, maxBytes),
      handle: (webRequest) => handlePlaceOrder(webRequest, handler, options),
      report: (error) => report(error, 'callback'),
      notHandled: NOT_HANDLED,
    });
  };
}

/** What a Node listener does around a handler of Klarna's deliveries. */
interface NodeAnswer {
  /** The delivery, as the messages name it. */
  what: string;
  maxBytes: number;
  /** The web `Request` for it; `undefined` when its body is larger than `maxBytes`. */
  read: () => Promise<Request | undefined>;
  handle: (request: Request) => Promise<Response>;
  /** Tells `onError`: a refused delivery (`failed` false), or a failure on this side. */
  report: (error: unknown, failed: boolean) => void;
  /** The body of the 500 answer, which names no cause. */
  notHandled: unknown;
}

/** The web `Request` in, the handler's `Response` out; a body too large is answered 413, any failure 500. */
async function answerOnNode(response: ServerResponse, answer: NodeAnswer): Promise<void> {
  try {
    const webRequest = await answer.read();
    if (!webRequest) {
      answer.report(new TypeError(`Invalid ${answer.what}: the body is larger than ${answer.maxBytes} bytes.`), false);
      response.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      response.end(JSON.stringify({ error: `the body is larger than ${answer.maxBytes} bytes` }));
      return;
    }
    await sendWebResponse(response, await answer.handle(webRequest));
  } catch (error) {
    answer.report(error, true);
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.notHandled));
  }
}

/** The webhook listener's 500 body, which names no cause (the handler's own answers say the same). */
const WEBHOOK_NOT_HANDLED = { error: 'the webhook delivery could not be handled' };

/** What the webhook's listener reports when a body parser turned the delivery into an object first. */
const WEBHOOK_BODY_PARSED =
  'expressCheckoutWebhookListener: the delivery\'s body was parsed (by express.json(), Fastify\'s JSON parser, or another ' +
  'before the route), and Klarna\'s signature covers the bytes as they came, which a parsed object no longer has. ' +
  'Express: mount express.raw({ type: \'application/json\' }) on this route, or register the route before the JSON ' +
  'parser. Fastify: register the route in a plugin with addContentTypeParser(\'application/json\', { parseAs: \'buffer\' }, ' +
  '(request, body, done) => done(null, body)).';

/**
 * A listener for Klarna's Express Checkout webhook (`payment.request.state-change.completed`) on
 * Node's `http`, Express or Fastify: `app.post('/klarna/webhooks', express.raw({ type:
 * 'application/json' }), expressCheckoutWebhookListener(handler, { signingKeys }))`. The signature
 * covers the raw body: a body a JSON parser already turned into an object is refused with 500 (so
 * Klarna delivers it again once the route is fixed), and `onError` says what to change.
 */
export function expressCheckoutWebhookListener(
  handler: ExpressCheckoutWebhookHandler,
  options: HandleExpressCheckoutWebhookOptions,
): (request: NodeRequest | FrameworkRequest, response: ServerResponse | FrameworkReply) => Promise<void> {
  return async (request, givenResponse) => {
    const report = safeReporter<ExpressCheckoutWebhookStage>(ownValue(options, 'onError'));
    const response = unwrapResponse(givenResponse);
    const { request: nodeRequest, parsedBody } = unwrapRequest(request);
    const isBytes = typeof parsedBody === 'string' || parsedBody instanceof Uint8Array;
    if (parsedBody !== undefined && !isBytes && nodeRequest.readableEnded) {
      report(new TypeError(WEBHOOK_BODY_PARSED), 'delivery');
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify(WEBHOOK_NOT_HANDLED));
      return;
    }
    const maxBytes = webhookBodyLimit(options);
    await answerOnNode(response, {
      what: 'webhook delivery',
      maxBytes,
      // Bytes a framework read raw go on; a body it did not read (Express 4's express.raw() sets
      // req.body to {} for a content type it does not take) is read from the stream.
      read: () => toWebRequest(isBytes ? request : { raw: nodeRequest }, maxBytes),
      handle: (webRequest) => handleExpressCheckoutWebhook(webRequest, handler, options),
      report: (error, failed) => report(error, failed ? 'internal' : 'delivery'),
      notHandled: WEBHOOK_NOT_HANDLED,
    });
  };
}

/** The webhook's `maxBodyBytes`, as the merchant's object holds it (the handler's default otherwise). */
function webhookBodyLimit(options: HandleExpressCheckoutWebhookOptions): number {
  const given = ownValue(options, 'maxBodyBytes');
  return typeof given === 'number' && given > 0 ? given : DEFAULT_MAX_WEBHOOK_BYTES;
}

/** The body, or `undefined` once it passes `limitBytes` (the rest is not read). */
async function readBody(request: IncomingMessage, limitBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request) {
    // Text when something called setEncoding() on the request; bytes otherwise.
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    size += bytes.byteLength;
    if (size > limitBytes) return undefined;
    chunks.push(bytes);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const bytes of chunks) {
    body.set(bytes, offset);
    offset += bytes.byteLength;
  }
  return body;
}
