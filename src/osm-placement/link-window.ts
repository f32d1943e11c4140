/**
 * `learn-more="popup"` and `learn-more="dialog"`, loaded on the first link opened either way.
 *
 * A popup is a window centred over the shop's, with no handle on it (`opener` cut, as with
 * `rel="noopener"`, which `window.open` cannot take without hiding whether the popup opened). A
 * popup the browser blocks opens the dialog instead.
 *
 * The dialog is Klarna's page in a modal dialog over the shop's. The platform's own `<dialog>`
 * with `showModal()` makes the rest of the page
 * inert and closes on Escape; this adds a close button (focused when it opens), a click beside
 * the dialog to close it, the page held still behind it, and focus given back to the link.
 *
 * The dialog goes into the placement's shadow root before the rendered message, where a re-render
 * never reaches, and is built with DOM calls (nothing for Trusted Types to refuse). A page with a
 * Content-Security-Policy must allow Klarna's pages in `frame-src`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OsmLinkDetail } from './events.js';

const DIALOG_STYLES = `
dialog[open] {
  display: flex;
  flex-direction: column;
  width: min(36rem, 100vw - 2rem);
  height: min(44rem, 100dvh - 2rem);
  padding: 0;
  border: none;
  border-radius: 12px;
  background: Canvas;
  color: CanvasText;
  box-shadow: 0 8px 32px rgb(0 0 0 / 0.3);
}

dialog::backdrop {
  background: rgb(11 5 29 / 0.55);
}

.dialog-header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 1rem;
  padding: 0.25rem 0.25rem 0.25rem 1rem;
  border-bottom: 1px solid color-mix(in srgb, CanvasText 15%, transparent);
}

.dialog-title {
  margin: 0;
  font-size: 1rem;
}

[part~='dialog-close'] {
  min-width: 44px;
  min-height: 44px;
  border: none;
  border-radius: 8px;
  background: none;
  color: inherit;
  font: inherit;
  font-size: 1.5rem;
  line-height: 1;
  cursor: pointer;
}

[part~='dialog-close']:focus-visible {
  outline: 2px solid var(--klarna-osm-focus-color, currentColor);
  outline-offset: 2px;
}

iframe {
  flex: 1;
  width: 100%;
  border: none;
}
`;

/** "Close" in the languages On-site messaging speaks; English for the rest. */
const CLOSE_LABELS: Readonly<Record<string, string>> = {
  cs: 'Zavřít',
  da: 'Luk',
  de: 'Schließen',
  el: 'Κλείσιμο',
  es: 'Cerrar',
  fi: 'Sulje',
  fr: 'Fermer',
  it: 'Chiudi',
  nb: 'Lukk',
  nl: 'Sluiten',
  no: 'Lukk',
  pl: 'Zamknij',
  pt: 'Fechar',
  sv: 'Stäng',
};

let stylesheet: CSSStyleSheet | undefined;

/** The placement as its dialog needs it. */
interface DialogHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The popup's size: Klarna's pages are laid out for a phone-sized window. */
const POPUP_WIDTH = 480;
const POPUP_HEIGHT = 720;

/**
 * Opens the `link` the shopper followed as `detail.presentation` says: a popup, else (or when it is
 * blocked) a dialog, after which `closed` is called (the placement announces it: this module
 * imports nothing of the placement's, so that it shares no code with the page's bundle).
 */
export function openLink(host: DialogHost, link: HTMLAnchorElement, detail: OsmLinkDetail, closed: () => void): void {
  if (detail.presentation === 'popup' && openPopup(detail.url)) return;
  openDialog(host, link, detail, closed);
}

/** Opens `url` in a popup centred over the window; false when the browser blocked it. */
function openPopup(url: string): boolean {
  const left = Math.round(screenX + (outerWidth - POPUP_WIDTH) / 2);
  const top = Math.round(screenY + (outerHeight - POPUP_HEIGHT) / 2);
  const popup = window.open(url, '_blank', `popup,width=${POPUP_WIDTH},height=${POPUP_HEIGHT},left=${left},top=${top}`);
  if (!popup) return false;
  popup.opener = null;
  return true;
}

/** Opens `detail.url` in a dialog titled by the `link` that asked for it. */
function openDialog(host: DialogHost, link: HTMLAnchorElement, detail: OsmLinkDetail, closed: () => void): void {
  const root = host.renderRoot as ShadowRoot;
  // Gone while this code loaded (the click also took the shopper elsewhere): nothing to open over.
  if (!host.isConnected) return;
  // One at a time: the page behind an open one is inert, so only a script can ask for a second.
  if (root.querySelector('dialog')) return;
  if (!stylesheet) {
    stylesheet = new CSSStyleSheet();
    stylesheet.replaceSync(DIALOG_STYLES);
  }
  if (!root.adoptedStyleSheets.includes(stylesheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, stylesheet];

  const title = link.textContent ?? '';
  const dialog = document.createElement('dialog');
  dialog.part.add('dialog');
  dialog.setAttribute('aria-labelledby', 'dialog-title');
  dialog.append(dialogHeader(title, closeLabel(detail.locale), () => dialog.close()), dialogFrame(detail.url, title));
  // A click on the backdrop reaches the dialog itself: everything inside it is its header or its page.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  root.prepend(dialog);
  dialog.showModal();
  // Only once it is open: a dialog that could not open must not leave the page held still.
  const unlockScroll = lockScroll();
  // A placement that leaves the page takes its dialog with it.
  const closeWithHost: ReactiveController = { hostDisconnected: () => dialog.close() };
  host.addController(closeWithHost);
  const linkPart = link.getAttribute('part')!;
  dialog.addEventListener('close', () => {
    host.removeController(closeWithHost);
    unlockScroll();
    dialog.remove();
    // The link that opened it, or the same link of the rendering shown since.
    const returnTo = link.isConnected ? link : root.querySelector<HTMLElement>(`[part="${linkPart}"]`);
    returnTo?.focus();
    closed();
  }, { once: true });
}

function dialogHeader(title: string, close: string, onClose: () => void): HTMLElement {
  const header = document.createElement('div');
  header.className = 'dialog-header';
  const heading = header.appendChild(document.createElement('h2'));
  heading.id = 'dialog-title';
  heading.className = 'dialog-title';
  heading.textContent = title;
  const button = header.appendChild(document.createElement('button'));
  button.type = 'button';
  button.part.add('dialog-close');
  button.autofocus = true;
  button.setAttribute('aria-label', close);
  button.textContent = '×';
  button.addEventListener('click', onClose);
  return header;
}

function dialogFrame(url: string, title: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.title = title;
  frame.src = url;
  return frame;
}

function closeLabel(locale: string): string {
  const language = locale.slice(0, 2);
  return Object.hasOwn(CLOSE_LABELS, language) ? CLOSE_LABELS[language]! : 'Close';
}

/**
 * Holds the page still while the dialog is open, without a jump: the scrollbar's place is kept
 * (`scrollbar-gutter`), so the page does not widen under the dialog. Gives back what the page had.
 */
function lockScroll(): () => void {
  const { style, clientWidth } = document.documentElement;
  const hadScrollbar = innerWidth > clientWidth;
  const before = { overflow: style.overflow, scrollbarGutter: style.scrollbarGutter };
  style.overflow = 'hidden';
  if (hadScrollbar) style.scrollbarGutter = 'stable';
  return () => {
    style.overflow = before.overflow;
    style.scrollbarGutter = before.scrollbarGutter;
  };
}
