/**
 * Klarna's Web SDK v2, once per page: its ES module imported from Klarna's host (Klarna forbids
 * bundling it), and one SDK instance made from it, shared by every Express Checkout button (and,
 * later, messaging and Sign in with Klarna). One instance because a second `KlarnaSDK()` on a page
 * can throw (it defines Klarna's custom elements again): a button that asks for the SDK with
 * another client id than the page's first is refused, saying so. A failed load or start is
 * forgotten, so the next button, or the same one later, tries again.
 *
 * `import()` is not a Trusted Types sink, and a page's CSP nonce carries over from the module that
 * calls it: the page's `script-src` must allow Klarna's host (or the emulator's, or a proxy's).
 */
import { timerDelay } from '../core/wait.js';
import type { KlarnaSdkInstance, SdkConfig, WebSdkModule } from '../protocol/express-checkout.js';

export type WebSdkErrorCode = 'script-load' | 'sdk' | 'timeout' | 'invalid-config';

/** Why the SDK is not there for a button, with the element's error code. */
export class WebSdkError extends Error {
  override readonly name = 'WebSdkError';
  readonly code: WebSdkErrorCode;

  constructor(code: WebSdkErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

export interface WebSdkRequest {
  /** The module's URL: Klarna's (`WEB_SDK_URL`), the emulator's, or a proxy's. */
  url: string;
  config: SdkConfig;
  /** Milliseconds for the module to load and the SDK to start; 0 waits for ever. */
  timeout?: number | undefined;
}

/** The SDK made from one module URL: which client id made it, and the instance once it is ready. */
interface PageSdk {
  clientId: string;
  instance: Promise<KlarnaSdkInstance>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** By module URL: a page has one (a test page may load several stand-ins, each its own). */
const sdks = new Map<string, PageSdk>();

/** The page's SDK instance for `request.url`, started by the first button that asks. */
export function webSdk(request: WebSdkRequest): Promise<KlarnaSdkInstance> {
  const { url, config } = request;
  const existing = sdks.get(url);
  if (existing) {
    if (existing.clientId === config.clientId) return existing.instance;
    const message = `the page's Klarna Web SDK was started with client id ${existing.clientId}; one page has one SDK, so every button gives the same client id (not ${config.clientId})`;
    return Promise.reject(new WebSdkError('invalid-config', message));
  }
  const instance = startSdk(request);
  sdks.set(url, { clientId: config.clientId, instance });
  instance.catch(() => {
    if (sdks.get(url)?.instance === instance) sdks.delete(url);
  });
  return instance;
}

async function startSdk({ url, config, timeout = DEFAULT_TIMEOUT_MS }: WebSdkRequest): Promise<KlarnaSdkInstance> {
  let stopWaiting = () => {};
  const late = new Promise<never>((_resolve, reject) => {
    if (timeout <= 0) return;
    const timer = setTimeout(() => {
      reject(new WebSdkError('timeout', `Klarna's Web SDK (${url}) was not ready within ${timeout} ms`));
    }, timerDelay(timeout));
    stopWaiting = () => clearTimeout(timer);
  });
  try {
    const module = await Promise.race([importModule(url), late]);
    return await Promise.race([makeInstance(module, url, config), late]);
  } finally {
    stopWaiting();
  }
}

async function importModule(url: string): Promise<WebSdkModule> {
  try {
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ url)) as WebSdkModule;
  } catch (cause) {
    const reason = 'check sdk-url, and that the page\'s Content-Security-Policy script-src allows its host';
    throw new WebSdkError('script-load', `Could not load Klarna's Web SDK from ${url}: ${reason}`, { cause });
  }
}

async function makeInstance(module: WebSdkModule, url: string, config: SdkConfig): Promise<KlarnaSdkInstance> {
  if (typeof module.KlarnaSDK !== 'function') {
    throw new WebSdkError('script-load', `${url} loaded, but it is not Klarna's Web SDK (it exports no KlarnaSDK): check sdk-url`);
  }
  try {
    return await module.KlarnaSDK(config);
  } catch (cause) {
    throw new WebSdkError('sdk', `Klarna's Web SDK refused to start: ${describe(cause)}`, { cause });
  }
}

/** The SDK's own words for a refusal: a PaymentError's message, an Error's, or the value. */
function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null && Object.hasOwn(cause, 'errorMessage')) return String((cause as { errorMessage: unknown }).errorMessage);
  return String(cause);
}
