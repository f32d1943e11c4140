/**
 * Gets `window.Klarna.InstantShopping` ready: the script comes through the core's one
 * promise-cached loader (one `<script>` per page, however many buttons), and readiness is what
 * Klarna's `lib.js` signals by calling `window.klarnaAsyncCallback`. A callback the page set
 * itself, before or after this runs, still runs: assignments to it are chained, never replaced.
 */
import { instantShoppingSdkUrl } from '../core/endpoints.js';
import { loadScript, ScriptLoadError, type TrustedScriptUrl } from '../core/script.js';
import { klarnaScriptUrl } from '../core/trusted-script-url.js';
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
    loadScript(url, { nonce: options.nonce, timeout, isReady, trustedUrl: klarnaScriptUrl }).then(() => {
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
