/**
 * Klarna's Web SDK v2, once per page: its ES module imported from Klarna's host (Klarna forbids
 * bundling it), and one SDK instance made from it, shared by every Express Checkout button (and,
 * later, messaging and Sign in with Klarna). One instance because a second `KlarnaSDK()` on a page
 * can throw (it defines Klarna's custom elements again): a button that asks for the SDK with
 * another client id than the page's first is refused, saying so, and a slow start is waited for,
 * never started twice. A failed load or start is forgotten, so the next button, or the same one
 * later, tries again.
 *
 * `import()` is not a Trusted Types sink, and a page's CSP nonce carries over from the module that
 * calls it: a page's `script-src` allows Klarna's host (or the emulator's, or a proxy's), or
 * `'strict-dynamic'` with a nonced library, or the element is given the nonce (see `importModule`).
 */
import { loadScript, ScriptLoadError } from '../core/script.js';
import { klarnaScriptUrl } from '../core/trusted-script-url.js';
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
  /**
   * A CSP nonce that admits the module, for a page whose `script-src` names neither Klarna's host
   * nor `'strict-dynamic'` and whose own scripts carry no nonce (an `import()` carries its
   * script's nonce, if it has one).
   */
  nonce?: string | undefined;
}

/** The SDK made from one module URL: which client id started it, and its start (in flight or done). */
interface PageSdk {
  clientId: string;
  started: Promise<KlarnaSdkInstance>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** By module URL: a page has one (a test page may load several stand-ins, each its own). */
const sdks = new Map<string, PageSdk>();
/** How many times each module URL failed to load: the next import asks for it afresh (see `attemptUrl`). */
const failedLoads = new Map<string, number>();

/**
 * The page's SDK instance for `request.url`, started by the first button that asks, with its
 * config: a later button's `locale`, `products` or `partnerAccountId` change nothing (each button
 * gives its own locale to its button; every button asks for `PAYMENT`). Each caller
 * waits up to its own `timeout`; a start that is slow goes on (a second `KlarnaSDK()` call could
 * throw), so a later caller waits for the same one. A start that fails is forgotten.
 */
export function webSdk(request: WebSdkRequest): Promise<KlarnaSdkInstance> {
  const { url, config, timeout = DEFAULT_TIMEOUT_MS, nonce } = request;
  let sdk = sdks.get(url);
  if (sdk && sdk.clientId !== config.clientId) {
    const message = `the page's Klarna Web SDK was started with client id ${sdk.clientId}; one page has one SDK, so every button gives the same client id (not ${config.clientId})`;
    return Promise.reject(new WebSdkError('invalid-config', message));
  }
  if (!sdk) {
    const started = startSdk(url, config, nonce);
    sdk = { clientId: config.clientId, started };
    sdks.set(url, sdk);
    started.catch(() => {
      if (sdks.get(url)?.started === started) sdks.delete(url);
    });
  }
  return withinTimeout(sdk.started, url, timeout);
}

function withinTimeout(started: Promise<KlarnaSdkInstance>, url: string, timeout: number): Promise<KlarnaSdkInstance> {
  if (timeout <= 0) return started;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const message = `Klarna's Web SDK (${url}) was not ready within ${timeout} ms: check the network, sdk-url, and that the page's Content-Security-Policy script-src allows its host`;
      reject(new WebSdkError('timeout', message));
    }, timerDelay(timeout));
    started.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function startSdk(url: string, config: SdkConfig, nonce: string | undefined): Promise<KlarnaSdkInstance> {
  const module = await importModule(url, nonce);
  return makeInstance(module, url, config);
}

/**
 * The URL to import: `url` itself, then, after a failed load, `url` with a `klarna-elements-retry`
 * parameter. Browsers keep a failed module fetch in the page's module map and replay the failure
 * for the same URL (whatwg/html#6768), so only another URL asks the network again. Chosen: Klarna's
 * host serves the module whatever its query.
 */
function attemptUrl(url: string): string {
  const failures = failedLoads.get(url) ?? 0;
  if (failures === 0) return url;
  const retried = new URL(url);
  retried.searchParams.set('klarna-elements-retry', String(failures));
  return retried.href;
}

/**
 * The module, by `import()`. With a nonce, a `<script type="module" nonce>` fetches and runs it
 * first (through the library's Trusted Types policy, as `lib.js` is): the `import()` then finds it
 * in the page's module map, and fetches it no second time, so no CSP check stands in its way. A
 * page that has such a tag already (its own) has the module in its map: the import takes it.
 */
async function importModule(url: string, nonce: string | undefined): Promise<WebSdkModule> {
  const attempt = attemptUrl(url);
  try {
    if (nonce && !hasModuleTag(attempt)) {
      await loadScript(attempt, { module: true, nonce, trustedUrl: klarnaScriptUrl, timeout: 0 });
    }
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ attempt)) as WebSdkModule;
  } catch (cause) {
    failedLoads.set(url, (failedLoads.get(url) ?? 0) + 1);
    // The nonced tag's own words (a Trusted Types refusal names the policy to allow); else what to check.
    const reason = cause instanceof ScriptLoadError
      ? cause.message
      : 'check sdk-url, and that the page\'s Content-Security-Policy script-src allows its host (or give the element its nonce)';
    throw new WebSdkError('script-load', `Could not load Klarna's Web SDK from ${url}: ${reason}`, { cause });
  }
}

/** Whether the page has a module script for `url` already (its own, or one a retry left). */
function hasModuleTag(url: string): boolean {
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')) {
    if (script.src === url) return true;
  }
  return false;
}

async function makeInstance(module: WebSdkModule, url: string, config: SdkConfig): Promise<KlarnaSdkInstance> {
  if (typeof module.KlarnaSDK !== 'function') {
    throw new WebSdkError('script-load', `${url} loaded, but it is not Klarna's Web SDK (it exports no KlarnaSDK): check sdk-url`);
  }
  let instance: KlarnaSdkInstance;
  try {
    instance = await module.KlarnaSDK(config);
  } catch (cause) {
    throw new WebSdkError('sdk', `Klarna's Web SDK refused to start: ${describe(cause)}`, { cause });
  }
  if (typeof instance !== 'object' || instance === null || typeof instance.Payment !== 'object' || instance.Payment === null) {
    throw new WebSdkError('sdk', `Klarna's Web SDK (${url}) started without a Payment API: check sdk-url`);
  }
  return instance;
}

/** The SDK's own words for a refusal: a PaymentError's message, an Error's, or the value. */
function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null && Object.hasOwn(cause, 'errorMessage')) return String((cause as { errorMessage: unknown }).errorMessage);
  return String(cause);
}
