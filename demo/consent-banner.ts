/**
 * The demo's stand-in for a consent platform (Cookiebot, OneTrust, Usercentrics): a banner that
 * asks once, remembers the answer, and tells the Klarna elements through `<klarna-config consent>`.
 * Until the visitor accepts, nothing reaches Klarna: no message request, no beacon, no SDK script.
 * Declining keeps it so; accepting later (Privacy choices) lets every element go on.
 */
import type { KlarnaConfig } from '../src/config/index.js';

export const CONSENT_STORAGE_KEY = 'nordlys-klarna-consent';

/** Shows `banner` until the visitor decides; `reopen` shows it again. */
export function mountConsentBanner(banner: HTMLElement, config: KlarnaConfig, reopen?: HTMLElement | null): void {
  const apply = (decision: string | null) => {
    config.consent = decision === 'granted' ? 'granted' : 'pending';
    banner.hidden = decision !== null;
  };
  banner.addEventListener('click', (event) => {
    const decision = (event.target as Element).closest('[data-consent]')?.getAttribute('data-consent');
    if (!decision) return;
    localStorage.setItem(CONSENT_STORAGE_KEY, decision);
    apply(decision);
  });
  reopen?.addEventListener('click', () => {
    banner.hidden = false;
    banner.querySelector('button')?.focus();
  });
  apply(localStorage.getItem(CONSENT_STORAGE_KEY));
}
