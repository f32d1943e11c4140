/** The emulated button, in the page's `<klarna-instant-shopping data-instance-id>` container. */
import type { InstantShoppingOptions } from '../../protocol/instant-shopping.js';
import { element } from '../stand-in-dom.js';
import { offered } from './options.js';
import { LOG } from './settings.js';

const LABELS: Record<string, string> = { buy: 'Buy with Klarna', express: 'Express checkout', pay: 'Pay with Klarna', donation: 'Donate with Klarna' };
/** Background, text and border colour of each variation. */
const THEMES: Record<string, [string, string, string]> = { klarna: ['#ffb3c7', '#0b051d', '#ffb3c7'], dark: ['#0b051d', '#ffffff', '#0b051d'], light: ['#ffffff', '#0b051d', '#0b051d'] };

const css = (background: string, color: string, border: string) =>
  `button{all:unset;box-sizing:border-box;display:flex;align-items:center;justify-content:center;gap:.5em;width:100%;min-height:48px;padding:0 1.25em;border-radius:8px;border:1px solid ${border};background:${background};color:${color};font:600 16px/1 system-ui,sans-serif;cursor:pointer}`
  + 'button:focus-visible{outline:3px solid #0b051d;outline-offset:2px}b{font-weight:800}'
  + 'small{display:block;margin-top:.35em;font:12px system-ui,sans-serif;opacity:.75;text-align:center}';

/** Renders the button for `id` (or nothing, where the emulated Klarna does not offer it). */
export function renderButton(
  doc: Document,
  id: string,
  options: InstantShoppingOptions,
  markets: readonly string[],
  onClick: () => void,
): void {
  const container = [...doc.querySelectorAll('klarna-instant-shopping')].find((candidate) => candidate.getAttribute('data-instance-id') === id);
  if (!container) {
    console.warn(`${LOG} no <klarna-instant-shopping data-instance-id="${id}"> in the document`);
    return;
  }
  const root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
  if (!offered(options, markets)) {
    root.replaceChildren();
    return;
  }
  const theme = options.styling?.theme ?? {};
  const [background, color, border] = THEMES[theme.variation ?? 'klarna'] ?? THEMES.klarna!;
  const button = element(doc, 'button', { type: 'button', part: 'button', 'data-emulated': true, onclick: onClick }, LABELS[theme.type ?? 'buy'] ?? LABELS.buy);
  root.replaceChildren(element(doc, 'style', {}, css(background, color, border)), button, element(doc, 'small', {}, 'Emulated by klarna-elements: no real purchase'));
}
