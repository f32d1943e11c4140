/**
 * Loads a third-party script (Klarna's Instant Shopping `lib.js`, the Web SDK's module) once per
 * page. One promise per URL; a `<script>` already on the page is reused rather than added again; a
 * failure is forgotten so a later call can retry. The tag records its state in `data-klarna-load` so that a second copy
 * of this library on the page (two bundles, a CDN and an npm build) shares it too.
 */
import { timerDelay } from './wait.js';

/**
 * A `TrustedScriptURL` of the Trusted Types API, as far as this library needs it (TypeScript's DOM
 * library does not describe the API yet): an object a page's policy made, which a `<script src>`
 * takes on a page that requires Trusted Types.
 */
export interface TrustedScriptUrl {
  toString(): string;
}

/**
 * The name of the library's Trusted Types policy (trusted-script-url.ts: it passes Klarna's SDK
 * URLs and nothing else). A page that lists its policies in `trusted-types` lists it.
 */
export const TRUSTED_TYPES_POLICY = 'klarna-elements';

export interface LoadScriptOptions {
  /**
   * On a page that requires Trusted Types, what the URL (as a string) must become before it may
   * be a script's `src`: the caller's policy. A `TrustedScriptUrl` given as the source is used as is.
   */
  trustedUrl?: ((url: string) => TrustedScriptUrl | string) | undefined;
  /** CSP nonce for the injected `<script>`, for pages with a strict `script-src`. */
  nonce?: string | undefined;
  /** A module script (`type="module"`): loaded means fetched and run, and in the page's module map. */
  module?: boolean | undefined;
  /** True when what the script provides is already there (the global exists): nothing to load. */
  isReady?: (() => boolean) | undefined;
  /** Milliseconds to wait for the load before rejecting; default 30000, `0` waits forever. */
  timeout?: number | undefined;
}

/** Why a script did not load, naming the URL and what to check. */
export class ScriptLoadError extends Error {
  override readonly name = 'ScriptLoadError';
  readonly code = 'script-load';
  readonly url: string;

  constructor(url: string, reason: string, options?: ErrorOptions) {
    super(`Could not load the script ${url}: ${reason}`, options);
    this.url = url;
  }
}

export const SCRIPT_STATE_ATTRIBUTE = 'data-klarna-load';
const DEFAULT_SCRIPT_TIMEOUT_MS = 30_000;

const loads = new Map<string, Promise<void>>();

export function loadScript(src: string | TrustedScriptUrl, options: LoadScriptOptions = {}): Promise<void> {
  if (options.isReady?.()) return Promise.resolve();
  const url = new URL(String(src), document.baseURI).href;
  let load = loads.get(url);
  if (!load) {
    load = attach(url, typeof src === 'string' ? undefined : src, options);
    loads.set(url, load);
    const current = load;
    load.catch(() => {
      if (loads.get(url) === current) loads.delete(url);
    });
  }
  return load;
}

/** Forgets every load promise; for tests that need a page as if nothing had loaded yet. */
export function resetScriptLoads(): void {
  loads.clear();
}

function findScript(url: string): HTMLScriptElement | undefined {
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[src]')) {
    if (script.src === url) return script;
  }
  return undefined;
}

function attach(url: string, trusted: TrustedScriptUrl | undefined, options: LoadScriptOptions): Promise<void> {
  let script = findScript(url);
  if (script?.getAttribute(SCRIPT_STATE_ATTRIBUTE) === 'loaded') return Promise.resolve();
  if (script?.getAttribute(SCRIPT_STATE_ATTRIBUTE) === 'error') {
    // A script element runs at most once; a retry needs a new one.
    script.remove();
    script = undefined;
  }
  const existing = script !== undefined;
  if (!script) {
    script = document.createElement('script');
    try {
      // On a Trusted Types page a string throws here: the page's CSP says which policies it allows.
      (script as { src: unknown }).src = trusted ?? options.trustedUrl?.(url) ?? url;
    } catch (error) {
      return Promise.reject(new ScriptLoadError(url, `the page requires Trusted Types and refused it (${(error as Error).message}). Allow the policy "${TRUSTED_TYPES_POLICY}" in the page's trusted-types directive, or give the URL as a TrustedScriptURL.`, { cause: error }));
    }
    script.async = true;
    if (options.module) script.type = 'module';
    if (options.nonce) script.nonce = options.nonce;
  }
  const element = script;
  const timeout = options.timeout ?? DEFAULT_SCRIPT_TIMEOUT_MS;

  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      clearTimeout(timer);
      element.removeEventListener('load', onLoad);
      element.removeEventListener('error', onError);
    };
    const onLoad = () => {
      settle();
      element.setAttribute(SCRIPT_STATE_ATTRIBUTE, 'loaded');
      resolve();
    };
    const onError = (event: Event) => {
      settle();
      element.setAttribute(SCRIPT_STATE_ATTRIBUTE, 'error');
      reject(new ScriptLoadError(url, 'the request failed or was blocked. Check that the URL is right and reachable, and that the page\'s Content-Security-Policy allows it (script-src, or pass a nonce).', { cause: event }));
    };
    element.addEventListener('load', onLoad);
    element.addEventListener('error', onError);
    if (timeout > 0) {
      timer = setTimeout(() => {
        settle();
        element.setAttribute(SCRIPT_STATE_ATTRIBUTE, 'error');
        reject(new ScriptLoadError(url, existing
          ? `a <script> tag for it was already on the page but did not finish loading within ${timeout} ms.`
          : `it did not finish loading within ${timeout} ms. Check the network and the URL.`));
      }, timerDelay(timeout));
    }
    if (!existing) {
      element.setAttribute(SCRIPT_STATE_ATTRIBUTE, 'loading');
      document.head.append(element);
    }
  });
}
