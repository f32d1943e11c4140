/**
 * The library's Trusted Types policy, for the one kind of script it injects: Klarna's SDKs (the
 * Instant Shopping `lib.js`, the Web SDK's module when a nonce admits it). On a page that requires
 * Trusted Types, a `<script src>` takes a `TrustedScriptURL` only; this policy makes one for a
 * Klarna SDK's URL and refuses every other, so it can never be used to inject anything else.
 */
import { INSTANT_SHOPPING_SDK_PATH, WEB_SDK_PATH } from './endpoints.js';
import { TRUSTED_TYPES_POLICY, type TrustedScriptUrl } from './script.js';

interface TrustedTypePolicy {
  createScriptURL(input: string): TrustedScriptUrl;
}

/** The page's global, as far as the policy is concerned: the Trusted Types API, and where the shared policy is kept. */
type PolicyGlobal = Record<symbol, TrustedTypePolicy | null> & {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(input: string): string }): TrustedTypePolicy };
};

/**
 * A Klarna SDK's URL on any http(s) host (Klarna's, the emulator, a proxy below `api-url`): its
 * path, and no query, except the Web SDK's `klarna-elements-retry`, which a retried load adds
 * (see express-checkout/web-sdk.ts).
 */
export function isKlarnaSdkUrl(input: string): boolean {
  const url = new URL(input);
  if (!/^https?:$/.test(url.protocol) || url.hash || url.username || url.password) return false;
  if (url.pathname === INSTANT_SHOPPING_SDK_PATH) return !url.search;
  if (url.pathname !== WEB_SDK_PATH) return false;
  const names = [...url.searchParams.keys()];
  return names.every((name) => name === 'klarna-elements-retry');
}

/**
 * The policy, made once per page and shared through `globalThis`, so two copies of the library
 * never make it twice (which a page's CSP refuses without 'allow-duplicates'). It passes a Klarna
 * SDK's URL and nothing else. `undefined` without the Trusted Types API, or when the page's CSP
 * does not allow the policy (a string is then assigned, and the browser's refusal says why).
 */
function klarnaPolicy(): TrustedTypePolicy | undefined {
  const shared = globalThis as PolicyGlobal;
  const key = Symbol.for('klarna-elements:trusted-types-policy');
  if (!shared.trustedTypes) return undefined;
  if (shared[key] === undefined) {
    try {
      shared[key] = shared.trustedTypes.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL: (input) => {
          if (isKlarnaSdkUrl(input)) return input;
          const instead = 'give the Instant Shopping host another sdk-url as a TrustedScriptURL from your own policy, or give the Express Checkout element no nonce';
          throw new TypeError(`${input} is not a Klarna SDK (…${INSTANT_SHOPPING_SDK_PATH} or …${WEB_SDK_PATH}): ${instead}`);
        },
      });
    } catch {
      shared[key] = null;
    }
  }
  return shared[key] ?? undefined;
}

/**
 * A Klarna SDK's URL through the policy, for pages that require Trusted Types. Any other URL stays
 * a string: it works where Trusted Types are not required, and where they are, the page gives it
 * as a TrustedScriptURL of its own (the load error says so).
 */
export function klarnaScriptUrl(url: string): TrustedScriptUrl | string {
  return isKlarnaSdkUrl(url) ? klarnaPolicy()?.createScriptURL(url) ?? url : url;
}
