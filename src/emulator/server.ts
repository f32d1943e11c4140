/**
 * The Klarna emulator: a node:http server that answers on Klarna's paths, so the library, the
 * demo and the tests point at it with a base-URL override and need no network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assetRoutes } from './asset-routes.js';
import {
  defaultEmulatorConfig,
  mergeConfig,
  readConfigFile,
  resolveConfig,
  type EmulatorConfig,
  type EmulatorConfigPatch,
  type EmulatorFault,
} from './config.js';
import { CONTROL_PREFIX, controlRoutes } from './control-routes.js';
import { matchRoute, RequestContext, type Route } from './context.js';
import { instantShoppingRoutes } from './instant-shopping-routes.js';
import { InstantShoppingState } from './instant-shopping-state.js';
import { osmRoutes } from './osm-routes.js';
import { ownData, ownFields } from './own-data.js';
import { isServedHostname, servedHostnames, type ServedHostsSource } from './served-hosts.js';
import { shoppingSessionRoutes, type StoredShoppingSession } from './shopping-session-routes.js';
import { EmulatorRecords } from './records.js';
import { ExpressCheckoutEmulation } from './express-checkout-state.js';
import { expressCheckoutControlRoutes } from './express-checkout-control-routes.js';
import { paymentsRoutes } from './payments-routes.js';
import { webSdkRoutes } from './web-sdk-routes.js';
import { paymentAuthorizeRoute } from './payment-authorize-route.js';

export interface EmulatorOptions {
  /** Settings merged over the defaults. */
  config?: EmulatorConfigPatch;
  /** A JSON file of settings, merged over the defaults before `config`. */
  configFile?: string;
  /**
   * Origins of the pages that may use the control API (`/__emulator/…`) from a browser, such as
   * your dev server's. A browser page on any other origin is refused, so that a page on another
   * port cannot rewrite the emulator's answers; callers that send no `Origin` (Node, curl) are served.
   */
  controlOrigins?: string[];
}

export interface ListenOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default `127.0.0.1`: the emulator is a local tool and is not exposed to the network. */
  host?: string;
}

export class KlarnaEmulator {
  readonly records = new EmulatorRecords(() => this.#current.recordLimit);
  readonly instantShopping = new InstantShoppingState();
  /** Shopping sessions by id. */
  readonly shoppingSessions = new Map<string, StoredShoppingSession>();
  /**
   * Express Checkout's server side: `issuePaymentToken()` for a purchase a test needs no browser
   * for, `deliverCompleted()` for the webhook, and the `orders` created from its tokens.
   */
  readonly expressCheckout = new ExpressCheckoutEmulation(() => this.#current);
  readonly server: Server;
  #initialConfig: EmulatorConfig;
  #current: EmulatorConfig;
  readonly #routes: Route[];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #controlOrigins = new Set<string>();
  /** The host given to `listen()`: a name there is one the emulator answers to. */
  #listenHost: string | undefined;

  constructor(config: EmulatorConfigPatch = {}, options: Pick<EmulatorOptions, 'controlOrigins'> = {}) {
    const { controlOrigins = [] } = ownFields(options);
    for (const origin of controlOrigins) this.allowControlFrom(origin);
    this.#initialConfig = resolveConfig(defaultEmulatorConfig(), config);
    this.#current = ownData(this.#initialConfig);
    this.#routes = [
      ...controlRoutes(this),
      ...expressCheckoutControlRoutes(this.expressCheckout),
      ...osmRoutes(() => this.#current, this.records),
      ...instantShoppingRoutes(() => this.#current, this.instantShopping),
      ...shoppingSessionRoutes(() => this.#current, this.shoppingSessions),
      ...paymentsRoutes(() => this.#current, this.expressCheckout),
      ...webSdkRoutes(() => this.#current, this.expressCheckout),
      paymentAuthorizeRoute(() => this.#current, this.expressCheckout),
      ...assetRoutes(),
    ];
    this.server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        console.error('[klarna-emulator] unexpected error:', error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end();
      });
    });
  }

  /** The config in force (initial settings plus runtime patches since the last reset). */
  get config(): EmulatorConfig {
    return this.#current;
  }

  /** The base URL to give the library (`api-url`, `baseUrl`), once listening. */
  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new Error('The Klarna emulator is not listening yet; await listen() first.');
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  /** Merges a patch into the config in force, until the next reset. */
  configure(patch: EmulatorConfigPatch): EmulatorConfig {
    this.#current = resolveConfig(this.#current, patch);
    return this.#current;
  }

  /** Lets pages on `origin` (e.g. `http://localhost:5173`) use the control API from a browser. */
  allowControlFrom(origin: string): void {
    this.#controlOrigins.add(new URL(origin).origin);
  }

  /** Clears the records and restores the initial config. */
  reset(): void {
    this.#current = ownData(this.#initialConfig);
    this.records.clear();
    this.instantShopping.clear();
    this.shoppingSessions.clear();
    this.expressCheckout.clear();
  }

  async listen(options: ListenOptions = {}): Promise<string> {
    const { port = 0, host = '127.0.0.1' } = ownFields(options);
    this.#listenHost = host;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return this.url;
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.records.closeStreams();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let context: RequestContext;
    try {
      context = new RequestContext(request, response, this.#current.publicUrl);
    } catch {
      // A Host header or request target no URL can be made of: the client's mistake, answered without a log line.
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Bad Request: the Host header (or the request line\'s URL) is not a valid host, or holds more than a host and a port.');
      return;
    }
    if (!this.#servesHost(context.requestedHostname)) {
      this.#refuseHost(context);
      return;
    }
    if (context.url.pathname.startsWith(CONTROL_PREFIX)) {
      await this.#handleControl(context);
    } else {
      await this.#handleKlarnaPath(context);
    }
  }

  #servesHost(hostname: string): boolean {
    return isServedHostname(hostname, this.#servedHostsSource());
  }

  #servedHostsSource(): ServedHostsSource {
    return { address: this.server.address(), listenHost: this.#listenHost, publicUrl: this.#current.publicUrl };
  }

  /**
   * 421 Misdirected Request, with no CORS headers: a page on a name pointed at this machine (DNS
   * rebinding) learns nothing, and neither the control API nor an answer holding URLs on its name
   * is served to it. Not recorded: the records are what such a page must not reach.
   */
  #refuseHost(context: RequestContext): void {
    const served = servedHostnames(this.#servedHostsSource()).join(', ');
    const message = `The Klarna emulator does not answer to the host name ${context.requestedHostname}. It answers to ${served}; `
      + 'give it the name your clients use as publicUrl (or as the host to listen on).';
    context.response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
  }

  /** The control API: only for callers without an `Origin`, the emulator's own origin and the allowed ones. */
  async #handleControl(context: RequestContext): Promise<void> {
    const origin = context.header('origin');
    if (origin !== undefined && origin !== context.origin && !this.#controlOrigins.has(origin)) {
      // No CORS headers: the page learns nothing, and its preflight fails too.
      context.response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(`The control API does not answer pages on ${origin}: start the emulator with controlOrigins including it.`);
      return;
    }
    if (context.method === 'OPTIONS') {
      context.preflight();
      return;
    }
    await this.#route(context);
  }

  /** Klarna's paths: recorded, and delayed or answered by the config's latency and faults. */
  async #handleKlarnaPath(context: RequestContext): Promise<void> {
    this.#recordOnceAnswered(context);
    if (context.method === 'OPTIONS') {
      context.preflight();
      return;
    }
    const fault = this.#takeFault(context);
    const latency = this.#current.latencyMs + (fault?.latencyMs ?? 0);
    if (latency > 0 && !(await this.#delay(latency, context.response))) return;
    if (fault?.status !== undefined) {
      this.#answerWithFault(context, fault, fault.status);
      return;
    }
    await this.#route(context);
  }

  #recordOnceAnswered(context: RequestContext): void {
    const response = context.response;
    response.on('finish', () => this.records.addRequest({
      time: new Date().toISOString(),
      method: context.method,
      path: context.url.pathname,
      query: context.query,
      status: response.statusCode,
      correlationId: context.correlationId,
      userAgent: context.header('user-agent'),
    }));
  }

  async #route(context: RequestContext): Promise<void> {
    const path = context.url.pathname;
    const match = matchRoute(this.#routes, context.method, path);
    if (match === undefined) {
      context.error(404, 'NOT_FOUND', `The emulator has nothing at ${path}.`);
    } else if (match === 'method-not-allowed') {
      context.error(405, 'METHOD_NOT_ALLOWED', `${context.method} is not allowed on ${path}.`);
    } else {
      context.params = match.params;
      await match.route.handle(context);
    }
  }

  #takeFault(context: RequestContext): EmulatorFault | undefined {
    const query = context.url.searchParams;
    const index = this.#current.faults.findIndex((fault) =>
      (fault.path === undefined || fault.path === context.url.pathname) &&
      Object.entries(fault.query ?? {}).every(([name, value]) => query.getAll(name).includes(value)));
    if (index < 0) return undefined;
    const fault = this.#current.faults[index]!;
    if (fault.times !== undefined) {
      if (fault.times <= 1) this.#current.faults.splice(index, 1);
      // A copy without a prototype, as the config keeps every object (see own-data.ts).
      else this.#current.faults[index] = ownData({ ...fault, times: fault.times - 1 });
    }
    return fault;
  }

  #answerWithFault(context: RequestContext, fault: EmulatorFault, status: number): void {
    // A fault is for one moment of one test; no cache may replay it.
    context.response.setHeader('cache-control', 'no-store');
    for (const [name, value] of Object.entries(fault.headers ?? {})) context.response.setHeader(name, value);
    if (fault.body !== undefined) {
      context.send(status, fault.body, { 'content-type': fault.contentType ?? 'application/json' });
    } else if (status >= 400) {
      context.error(status, status >= 500 ? 'INTERNAL_ERROR' : 'BAD_VALUE', `Fault injected by the emulator's config (status ${status}).`);
    } else {
      context.send(status, undefined);
    }
  }

  /** Waits `ms`; false when the client went away meanwhile (no answer is owed then). */
  #delay(ms: number, response: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        response.off('close', onClose);
        resolve(true);
      }, ms);
      const onClose = () => {
        clearTimeout(timer);
        this.#timers.delete(timer);
        resolve(false);
      };
      this.#timers.add(timer);
      response.once('close', onClose);
    });
  }
}

/** Creates an emulator from an options object and/or a JSON config file, not yet listening. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<KlarnaEmulator> {
  const { configFile, config, controlOrigins } = ownFields(options);
  const fromFile = configFile ? await readConfigFile(configFile) : {};
  return new KlarnaEmulator(mergeConfig<EmulatorConfigPatch>(fromFile, config ?? {}), { controlOrigins });
}

/** Creates an emulator and starts it; `await emulator.close()` when done. */
export async function startEmulator(options: EmulatorOptions & ListenOptions = {}): Promise<KlarnaEmulator> {
  const emulator = await createEmulator(options);
  await emulator.listen(options);
  return emulator;
}
