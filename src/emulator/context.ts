/**
 * One request as the emulator's routes see it, with the answers Klarna's services give: every
 * response carries a `klarna-correlation-id` and CORS headers that let a page on another origin
 * call the emulator and read that id.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const EXPOSED_HEADERS = 'klarna-correlation-id, cache-control, location, retry-after';

export class RequestContext {
  readonly correlationId = randomUUID();
  /** The URL asked for, on the configured public URL's origin when there is one. */
  readonly url: URL;
  /** The host name the client asked for, checked against the names the emulator serves. */
  readonly requestedHostname: string;
  readonly method: string;
  params: Record<string, string> = {};

  /** Throws a `TypeError` for a Host header or request target no URL can be made of. */
  constructor(
    readonly request: IncomingMessage,
    readonly response: ServerResponse,
    publicUrl: string | undefined,
  ) {
    this.method = (request.method ?? 'GET').toUpperCase();
    const target = requestTarget(request.url ?? '/', this.header('host') ?? 'localhost');
    this.requestedHostname = target.hostname;
    this.url = publicUrl === undefined ? target : new URL(`${target.pathname}${target.search}`, publicUrl);
  }

  /** The origin URLs in answers point to: the configured public URL or the one the client used. */
  get origin(): string {
    return this.url.origin;
  }

  get query(): Record<string, string> {
    return Object.fromEntries(this.url.searchParams);
  }

  header(name: string): string | undefined {
    const headers = this.request.headers;
    const key = name.toLowerCase();
    // Node's headers object has Object.prototype: a polluted one must not supply a header not sent.
    if (!Object.hasOwn(headers, key)) return undefined;
    const value = headers[key];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** Sends JSON with the given status. */
  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.send(status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
  }

  /** Klarna's REST error body: `{ error_code, error_messages, correlation_id }`. */
  error(status: number, errorCode: string, message: string): void {
    this.json(status, { error_code: errorCode, error_messages: [message], correlation_id: this.correlationId });
  }

  /**
   * The newer APIs' error body (Shopping Session and other partner APIs):
   * `{ error_id, error_type, error_code, error_message, validation_errors }`.
   */
  problem(
    status: number,
    errorType: string,
    errorCode: string,
    message: string,
    validationErrors?: { parameter: string; reason: string }[],
  ): void {
    this.json(status, {
      error_id: randomUUID(), error_type: errorType, error_code: errorCode, error_message: message,
      ...(validationErrors && { validation_errors: validationErrors }),
      correlation_id: this.correlationId,
    });
  }

  send(status: number, body: string | Buffer | undefined, headers: Record<string, string> = {}): void {
    if (this.response.headersSent || this.response.destroyed) return;
    this.response.writeHead(status, { ...this.commonHeaders(), ...headers });
    this.response.end(status === 204 || status === 304 ? undefined : body);
  }

  /** Answers a CORS preflight for any method and the headers asked for. */
  preflight(): void {
    this.send(204, undefined, {
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': this.header('access-control-request-headers') ?? 'content-type, authorization',
      'access-control-max-age': '600',
    });
  }

  /** Headers every answer carries: the correlation id and CORS. */
  commonHeaders(): Record<string, string> {
    const origin = this.header('origin');
    return {
      'klarna-correlation-id': this.correlationId,
      'access-control-allow-origin': origin ?? '*',
      'access-control-expose-headers': EXPOSED_HEADERS,
      vary: 'Origin',
    };
  }
}

/**
 * The URL a request line asks for. Its host is the Host header's, unless the request line names
 * one itself (absolute-form, as sent to a proxy), which then stands for it (RFC 9112, section 3.2.2).
 * A path that starts with `//` stays a path: it never names a host.
 */
function requestTarget(target: string, hostHeader: string): URL {
  if (target.startsWith('/')) return new URL(`${hostOnlyOrigin(hostHeader)}${target}`);
  const absolute = new URL(target);
  if (!['http:', 'https:'].includes(absolute.protocol) || absolute.username || absolute.password) {
    throw new TypeError(`The request target ${target} is not an HTTP URL.`);
  }
  return new URL(`${hostOnlyOrigin(absolute.host)}${absolute.pathname}${absolute.search}`);
}

/** `http://` and a Host header's value, which holds a host and a port and nothing else (no credentials, no path). */
function hostOnlyOrigin(host: string): string {
  if (/[\s/?#@\\]/.test(host)) throw new TypeError(`The Host header ${host} holds more than a host and a port.`);
  return new URL(`http://${host}`).origin;
}

export type RouteHandler = (context: RequestContext) => void | Promise<void>;

export interface Route {
  method: string;
  /** An exact path, or a pattern whose named groups become `context.params`. */
  path: string | RegExp;
  handle: RouteHandler;
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params };
  }
  return pathMatched ? 'method-not-allowed' : undefined;
}

function matchPath(path: string | RegExp, pathname: string): Record<string, string> | undefined {
  if (typeof path === 'string') return path === pathname ? {} : undefined;
  const match = path.exec(pathname);
  return match ? { ...match.groups } : undefined;
}
