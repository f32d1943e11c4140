/**
 * Gets `window.Klarna.InstantShopping` ready: the script comes through the core's one
 * promise-cached loader (one `<script>` per page, however many buttons), and readiness is what
 * Klarna's `lib.js` signals by calling `window.klarnaAsyncCallback`. A callback the page set
 * itself, before or after this runs, still runs: assignments to it are chained, never replaced.
 */
import { INSTANT_SHOPPING_SDK_PATH, instantShoppingSdkUrl } from '../core/endpoints.js';
import { loadScript, ScriptLoadError, TRUSTED_TYPES_POLICY, type TrustedScriptUrl } from '../core/script.js';
import { timerDelay } from '../core/wait.js';
import type { InstantShoppingSdk } from '../protocol/instant-shopping.js';

export interface SdkLoadOptions {
  nonce?: string | undefined;
  /** Milliseconds for the script to load, and again for the SDK to signal it is ready. */
  timeout?: number | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const readyListeners = new Set<() => void>();
let chained = false;

function currentSdk(): InstantShoppingSdk | undefined {
  return typeof window === 'undefined' ? undefined : window.Klarna?.InstantShopping;
}

/**
 * Makes `window.klarnaAsyncCallback` call the page's own callback (whenever it is assigned) and
 * then tell every waiting host. An accessor rather than a plain function, because Klarna's
 * snippet tells merchants to assign the callback, which would otherwise drop this one.
 */
function chainAsyncCallback(): void {
  if (chained) return;
  chained = true;
  let pageCallback = window.klarnaAsyncCallback;
  function klarnaAsyncCallback(this: unknown): void {
    try {
      pageCallback?.call(this);
    } finally {
      for (const listener of [...readyListeners]) listener();
    }
  }
  Object.defineProperty(window, 'klarnaAsyncCallback', {
    configurable: true,
    enumerable: true,
    get: () => klarnaAsyncCallback,
    set: (callback: (() => void) | undefined) => {
      pageCallback = callback;
    },
  });
}

interface TrustedTypePolicy {
  createScriptURL(input: string): TrustedScriptUrl;
}

/** The page's global, as far as the policy is concerned: the Trusted Types API, and where the shared policy is kept. */
type PolicyGlobal = Record<symbol, TrustedTypePolicy | null> & {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(input: string): string }): TrustedTypePolicy };
};

/** The SDK's script path on any http(s) host: Klarna's CDN, the emulator, a proxy below `api-url`. */
function isSdkUrl(input: string): boolean {
  const url = new URL(input);
  return /^https?:$/.test(url.protocol) && url.pathname === INSTANT_SHOPPING_SDK_PATH && !url.search && !url.hash && !url.username && !url.password;
}

/**
 * The policy, made once per page and shared through `globalThis`, so two copies of the library
 * never make it twice (which a page's CSP refuses without 'allow-duplicates'). It passes the SDK's
 * URL and nothing else. `undefined` without the Trusted Types API, or when the page's CSP does not
 * allow the policy (a string is then assigned, and the browser's refusal says why).
 */
function sdkPolicy(): TrustedTypePolicy | undefined {
  const shared = globalThis as PolicyGlobal;
  const key = Symbol.for('klarna-elements:trusted-types-policy');
  if (!shared.trustedTypes) return undefined;
  if (shared[key] === undefined) {
    try {
      shared[key] = shared.trustedTypes.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL: (input) => {
          if (isSdkUrl(input)) return input;
          throw new TypeError(`${input} is not the Instant Shopping SDK (…${INSTANT_SHOPPING_SDK_PATH}); give another sdk-url as a TrustedScriptURL from your own policy`);
        },
      });
    } catch {
      shared[key] = null;
    }
  }
  return shared[key] ?? undefined;
}

/**
 * The SDK's URL through the policy, for pages that require Trusted Types. Any other URL stays a
 * string: it works where Trusted Types are not required, and where they are, the page gives it as
 * a TrustedScriptURL of its own (the load error says so).
 */
function sdkScriptUrl(url: string): TrustedScriptUrl | string {
  return isSdkUrl(url) ? sdkPolicy()?.createScriptURL(url) ?? url : url;
}

/** Resolves with the SDK once it is ready; rejects with a {@link ScriptLoadError} that says why not. */
export function loadInstantShoppingSdk(
  url: string | TrustedScriptUrl,
  options: SdkLoadOptions = {},
): Promise<InstantShoppingSdk> {
  const present = currentSdk();
  if (present) return Promise.resolve(present);
  chainAsyncCallback();
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  return new Promise<InstantShoppingSdk>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: Error) => {
      const sdk = currentSdk();
      if (!error && !sdk) return;
      readyListeners.delete(onReady);
      clearTimeout(timer);
      if (sdk) resolve(sdk);
      else reject(error!);
    };
    const onReady = () => finish();
    readyListeners.add(onReady);
    const isReady = () => currentSdk() !== undefined;
    loadScript(url, { nonce: options.nonce, timeout, isReady, trustedUrl: sdkScriptUrl }).then(() => {
      finish();
      // Loaded, but the SDK has not signalled yet: it may still be starting, or the URL is not lib.js.
      if (readyListeners.has(onReady) && timeout > 0) {
        timer = setTimeout(() => finish(new ScriptLoadError(String(url), `it loaded but did not provide Klarna.InstantShopping within ${timeout} ms. Check that sdk-url points to the Instant Shopping lib.js.`)), timerDelay(timeout));
      }
    }, (error: Error) => finish(error));
  });
}

/** The SDK's URL below a page's `api-url` (Klarna's without one); a bad base is kept, for validation to report. */
export function sdkUrlBelow(apiUrl: string | undefined): string {
  try {
    return instantShoppingSdkUrl({ baseUrl: apiUrl });
  } catch {
    return apiUrl!;
  }
}

declare global {
  interface Window {
    Klarna?: { InstantShopping?: InstantShoppingSdk; [name: string]: unknown };
    /** Called by Klarna's `lib.js` once the SDK is ready. */
    klarnaAsyncCallback?: (() => void) | undefined;
  }
}
