/**
 * The learn-more and prequalify links of `<klarna-osm-placement>`: their cancelable events, and
 * `learn-more="tab" | "popup" | "dialog"` (the dialog with the keyboard alone, axe, a blocked
 * popup, the page held still and inert behind it), against the emulator's messages and pages.
 *
 * No test lets the browser follow a link: a click listener on the document, which runs after the
 * placement's own, records whether the placement prevented the click and then prevents it itself.
 * `window.open` is stubbed or spied on, and any real popup is closed.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
// axe-core is a UMD script: imported as a module it puts itself on `window.axe`.
import 'axe-core/axe.min.js';
import type { KlarnaOsmPlacement, OsmLinkDetail, OsmLinkEvent } from '../../src/osm-placement/index.js';
import { captureConsole } from '../helpers/console.js';
import { emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { EventLog } from '../helpers/event-log.js';
import { freshClient, mountPlacement, part, type EventLog as OsmEventLog } from '../helpers/osm.js';
import { skipUnless } from '../helpers/skip-unless.js';

declare global {
  interface Window {
    axe: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };
  }
}

const LINK_EVENTS = ['klarna-osm-learn-more', 'klarna-osm-prequalify', 'klarna-osm-dialog-close'] as const;
type LinkEventName = (typeof LINK_EVENTS)[number];
type Presentation = OsmLinkDetail['presentation'];

/** An amount the emulator answers with "Pay in 4" (a learn-more link only). */
const PAY_IN_FOUR = 51467;
/** An amount the emulator answers with financing in en-US: a learn-more and a prequalify link. */
const FINANCING = 250000;

interface Placement {
  element: KlarnaOsmPlacement;
  /** The placement's render, empty, error and impression events. */
  log: OsmEventLog;
  /** The link events the placement fired, in order. */
  links: EventLog<LinkEventName>;
  /** A button before the placement: where keyboard tests start, and a probe for the inert page. */
  before: HTMLButtonElement;
  container: HTMLDivElement;
}

/** A rendered placement on the emulator (a fresh client), after a button, in `container` if given. */
async function renderedPlacement(attributes: Record<string, string | number | undefined>, container?: HTMLDivElement): Promise<Placement> {
  const parent = container ?? (await fixture<HTMLDivElement>(html`<div><button type="button">Before</button></div>`));
  const { element, log } = await mountPlacement({ 'client-id': await freshClient(), 'purchase-amount': PAY_IN_FOUR, ...attributes }, parent);
  const links = new EventLog(element, LINK_EVENTS);
  await log.next('klarna-osm-render');
  await element.updateComplete;
  return { element, log, links, before: parent.querySelector('button')!, container: parent };
}

function link(element: HTMLElement, name: 'learn-more' | 'prequalify' = 'learn-more'): HTMLAnchorElement {
  const found = part(element, name);
  if (!found) throw new Error(`the placement shows no ${name} link`);
  return found as HTMLAnchorElement;
}

function dialogOf(element: HTMLElement): HTMLDialogElement | null {
  return part(element, 'dialog') as HTMLDialogElement | null;
}

async function openedDialog(element: HTMLElement): Promise<HTMLDialogElement> {
  await waitUntil(() => dialogOf(element)?.open === true, 'the dialog did not open');
  return dialogOf(element)!;
}

/** The part of the placement that has focus (null when focus is elsewhere): names, not elements, are compared. */
function focusedPart(element: HTMLElement): string | null {
  if (document.activeElement !== element) return null;
  return element.shadowRoot!.activeElement?.getAttribute('part') ?? null;
}

/** A trusted click at the middle of `target`, as the shopper's mouse would. */
async function clickOn(target: Element): Promise<void> {
  const { x, y, width, height } = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
}

interface SeenClick {
  defaultPrevented: boolean;
  ctrlKey: boolean;
  button: number;
}

/**
 * Catches every click at the document, after the placement's handler: records whether the placement
 * prevented it, then prevents it, so that no test opens a tab or navigates.
 */
class ClickGuard {
  readonly seen: SeenClick[] = [];
  private readonly listener = (event: MouseEvent) => {
    this.seen.push({ defaultPrevented: event.defaultPrevented, ctrlKey: event.ctrlKey, button: event.button });
    event.preventDefault();
  };

  constructor() {
    document.addEventListener('click', this.listener);
  }

  release(): void {
    document.removeEventListener('click', this.listener);
  }
}

type WindowOpen = typeof window.open;

/**
 * `window.open` replaced by `answer` (which may call the real one), its calls recorded once answered;
 * `restore()` puts it back. Firefox's real `window.open` runs other tasks before it returns (a test
 * waiting for a call among them), so a call counts only once its answer is in.
 */
class OpenStub {
  readonly calls: Parameters<WindowOpen>[] = [];
  /** The real `window.open`, for an answer that opens a window. */
  readonly original: WindowOpen = window.open.bind(window);
  private readonly descriptor = Object.getOwnPropertyDescriptor(window, 'open');

  constructor(answer: (...args: Parameters<WindowOpen>) => Window | null) {
    window.open = (...args: Parameters<WindowOpen>) => {
      try {
        return answer(...args);
      } finally {
        this.calls.push(args);
      }
    };
  }

  restore(): void {
    if (this.descriptor) Object.defineProperty(window, 'open', this.descriptor);
    else delete (window as { open?: WindowOpen }).open;
  }
}

/** What `learn-more`'s event must say about the link and the rendering it belongs to. */
function expectedDetail(anchor: HTMLAnchorElement, purchaseAmount: number, presentation: Presentation): OsmLinkDetail {
  return { url: anchor.href, placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount, presentation };
}

function isLoaded(moduleName: string): boolean {
  return performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(`/${moduleName}`));
}

describe('<klarna-osm-placement> learn-more and prequalify links', () => {
  let guard: ClickGuard;
  beforeEach(async () => {
    guard = new ClickGuard();
    await resetEmulator();
  });
  afterEach(async () => {
    guard.release();
    await resetMouse();
  });

  // First in the file: the other tests load that code.
  it('loads the popup and dialog code only when a link first opens in a popup or a dialog', async function () {
    if (performance.getEntriesByType('resource').length >= 250 || isLoaded('link-window.ts')) {
      // Chromium's resource timing buffer is full, or another test (run first) loaded it: nothing to learn here.
      this.skip();
    }
    performance.setResourceTimingBufferSize(10_000);
    const { element, links } = await renderedPlacement({ 'learn-more': 'tab' });
    link(element).click();
    await links.next('klarna-osm-learn-more');
    expect(isLoaded('link-window.ts'), 'loaded for a link opened in a tab').to.equal(false);
    element.learnMore = 'dialog';
    link(element).click();
    const dialog = await openedDialog(element);
    expect(isLoaded('link-window.ts'), 'loaded for the dialog').to.equal(true);
    dialog.close();
    await links.next('klarna-osm-dialog-close');
  });

  describe('events', () => {
    it('announces a learn-more click with a cancelable, bubbling, composed event a document listener receives, then lets the tab open', async () => {
      const { element, links } = await renderedPlacement({});
      const anchor = link(element);
      const heard: { event: OsmLinkEvent; targetIsPlacement: boolean }[] = [];
      const listener = (event: Event) => heard.push({ event: event as OsmLinkEvent, targetIsPlacement: event.target === element });
      document.addEventListener('klarna-osm-learn-more', listener);
      try {
        await clickOn(anchor);
        await links.next('klarna-osm-learn-more');
      } finally {
        document.removeEventListener('klarna-osm-learn-more', listener);
      }
      expect(heard).to.have.length(1);
      const [{ event, targetIsPlacement }] = heard as [(typeof heard)[0]];
      expect([event.bubbles, event.composed, event.cancelable, targetIsPlacement]).to.deep.equal([true, true, true, true]);
      expect(event.detail).to.deep.equal(expectedDetail(anchor, PAY_IN_FOUR, 'tab'));
      expect(event.detail.url).to.match(new RegExp(`^${emulatorUrl}/learn-more/index\\.html\\?`));
      // The tab is the link's own behaviour (target="_blank" rel="noopener noreferrer"): the placement left the click alone.
      expect([anchor.target, anchor.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
      expect(guard.seen.map((click) => click.defaultPrevented)).to.deep.equal([false]);
      expect(dialogOf(element)).to.equal(null);
      expect(links.names).to.deep.equal(['klarna-osm-learn-more']);
    });

    it('takes a blank learn-more as the default tab: the click is the link\'s own, no dialog', async () => {
      const { element, links } = await renderedPlacement({ 'learn-more': '' });
      const anchor = link(element);
      await clickOn(anchor);
      expect((await links.next('klarna-osm-learn-more')).detail.presentation).to.equal('tab');
      expect(guard.seen.map((click) => click.defaultPrevented)).to.deep.equal([false]);
      expect(dialogOf(element)).to.equal(null);
    });

    it('announces a prequalify click as klarna-osm-prequalify, with the eligibility page and the financing amount', async () => {
      const { element, links } = await renderedPlacement({ 'purchase-amount': FINANCING, 'learn-more': 'dialog' });
      const anchor = link(element, 'prequalify');
      const heard: OsmLinkEvent[] = [];
      const listener = (event: Event) => heard.push(event as OsmLinkEvent);
      document.addEventListener('klarna-osm-prequalify', listener);
      try {
        await clickOn(anchor);
        await links.next('klarna-osm-prequalify');
      } finally {
        document.removeEventListener('klarna-osm-prequalify', listener);
      }
      expect(heard).to.have.length(1);
      const [event] = heard as [OsmLinkEvent];
      expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
      expect(event.detail).to.deep.equal(expectedDetail(anchor, FINANCING, 'dialog'));
      expect(event.detail.url).to.match(new RegExp(`^${emulatorUrl}/eligibility/index\\.html\\?`));
      expect(links.named('klarna-osm-learn-more')).to.have.length(0);

      const dialog = await openedDialog(element);
      expect(dialog.querySelector('h2')!.textContent).to.equal("See if you're prequalified");
      expect(dialog.querySelector('iframe')!.src).to.equal(anchor.href);
      await sendKeys({ press: 'Escape' });
      const closed = await links.next('klarna-osm-dialog-close');
      expect(closed.detail).to.deep.equal(event.detail);
      expect(focusedPart(element)).to.equal('prequalify');
    });

    for (const presentation of ['tab', 'popup', 'dialog'] as const) {
      it(`opens nothing in ${presentation} mode when a listener cancels the event`, async () => {
        const { element, links } = await renderedPlacement({ 'learn-more': presentation });
        // A fake window: nothing really opens, and the stub records every call.
        const open = new OpenStub(() => ({}) as Window);
        const cancel = (event: Event) => event.preventDefault();
        document.addEventListener('klarna-osm-learn-more', cancel);
        try {
          await clickOn(link(element));
          const event = await links.next('klarna-osm-learn-more');
          expect(event.defaultPrevented).to.equal(true);
          expect(guard.seen.map((click) => click.defaultPrevented), 'the click is prevented: no navigation').to.deep.equal([true]);

          // A later click nobody cancels opens a popup through the same on-demand code: by the time it
          // has, whatever the cancelled click would have opened has opened too.
          document.removeEventListener('klarna-osm-learn-more', cancel);
          element.learnMore = 'popup';
          link(element).click();
          await waitUntil(() => open.calls.length > 0, 'the uncancelled click opened no popup');
          expect(open.calls.map(([, target]) => target), 'window.open was called for the uncancelled click only').to.deep.equal(['_blank']);
          expect(dialogOf(element)).to.equal(null);
          expect(element.shadowRoot!.querySelectorAll('dialog')).to.have.length(0);
        } finally {
          document.removeEventListener('klarna-osm-learn-more', cancel);
          open.restore();
        }
      });
    }

    it('leaves a Ctrl-click to the browser: no event, the click not prevented, nothing opened', async function () {
      await skipUnless('held-keys', 'The WebDriver launcher\'s sendKeys cannot hold Control down across the click (it sends press and type only).', this);
      const { element, links } = await renderedPlacement({ 'learn-more': 'dialog' });
      const open = new OpenStub(() => null);
      try {
        await sendKeys({ down: 'Control' });
        try {
          await clickOn(link(element));
        } finally {
          await sendKeys({ up: 'Control' });
        }
        expect(guard.seen).to.deep.equal([{ defaultPrevented: false, ctrlKey: true, button: 0 }]);
        expect(links.names).to.deep.equal([]);
        expect(open.calls).to.have.length(0);
        expect(dialogOf(element)).to.equal(null);
      } finally {
        open.restore();
      }
    });

    it('leaves a Meta-, Shift- or Alt-click and a middle click to the browser', async () => {
      const { element, links } = await renderedPlacement({ 'learn-more': 'dialog' });
      const inits: MouseEventInit[] = [{ metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }];
      for (const init of inits) {
        link(element).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ...init }));
      }
      expect(guard.seen.map((click) => click.defaultPrevented)).to.deep.equal([false, false, false, false]);
      // The events would have fired at once, before any dialog.
      expect(links.names).to.deep.equal([]);
      expect(dialogOf(element)).to.equal(null);
    });
  });

  describe('learn-more="dialog"', () => {
    it('works with the keyboard alone: Tab to the link, Enter opens the dialog on its close button, Escape closes it and focus returns to the link', async () => {
      const { element, links, before } = await renderedPlacement({ 'learn-more': 'dialog' });
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedPart(element)).to.equal('learn-more');
      await sendKeys({ press: 'Enter' });
      const opened = await links.next('klarna-osm-learn-more');
      expect(opened.detail).to.deep.equal(expectedDetail(link(element), PAY_IN_FOUR, 'dialog'));
      const dialog = await openedDialog(element);
      expect(focusedPart(element)).to.equal('dialog-close');
      expect(links.named('klarna-osm-dialog-close')).to.have.length(0);

      await sendKeys({ press: 'Escape' });
      const closed = await links.next('klarna-osm-dialog-close');
      expect(closed.detail).to.deep.equal(opened.detail);
      expect([closed.bubbles, closed.composed]).to.deep.equal([true, true]);
      expect(dialog.open).to.equal(false);
      expect(dialogOf(element)).to.equal(null);
      expect(focusedPart(element)).to.equal('learn-more');
    });

    it('is a labelled modal dialog with parts dialog and dialog-close and the link\'s page in a titled iframe', async () => {
      const { element, links } = await renderedPlacement({ 'learn-more': 'dialog' });
      const anchor = link(element);
      anchor.click();
      const dialog = await openedDialog(element);
      const root = element.shadowRoot!;
      expect(root.firstElementChild?.getAttribute('part'), 'the dialog comes first in the shadow root').to.equal('dialog');
      const labelledBy = dialog.getAttribute('aria-labelledby')!;
      const title = root.getElementById(labelledBy)!;
      expect([title.localName, title.textContent]).to.deep.equal(['h2', 'Learn more']);
      const close = part(element, 'dialog-close')!;
      expect([close.localName, close.getAttribute('type'), close.getAttribute('aria-label')]).to.deep.equal(['button', 'button', 'Close']);
      expect(dialog.contains(close)).to.equal(true);
      const frame = dialog.querySelector('iframe')!;
      expect([frame.src, frame.title]).to.deep.equal([anchor.href, 'Learn more']);
      expect(dialog.matches(':modal')).to.equal(true);
      dialog.close();
      await links.next('klarna-osm-dialog-close');
    });

    it('says "Close" in the language of the message', async () => {
      const { element, links } = await renderedPlacement({ locale: 'de-DE', 'learn-more': 'dialog' });
      link(element).click();
      const dialog = await openedDialog(element);
      expect(part(element, 'dialog-close')!.getAttribute('aria-label')).to.equal('Schließen');
      dialog.close();
      await links.next('klarna-osm-dialog-close');
    });

    it('gives focus to the link of the message shown since, when the message changed while it was open', async () => {
      const { element, log, links } = await renderedPlacement({ 'learn-more': 'dialog' });
      const first = link(element);
      await clickOn(first);
      await openedDialog(element);
      // A script may change the amount while the page is inert: a new rendering, a new link.
      element.purchaseAmount = 60000;
      await log.next('klarna-osm-render');
      await element.updateComplete;
      const second = link(element);
      expect([first.isConnected, second.isConnected], 'the link was replaced').to.deep.equal([false, true]);
      expect(dialogOf(element)?.open, 'a new rendering keeps the dialog').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await links.next('klarna-osm-dialog-close');
      expect(focusedPart(element)).to.equal('learn-more');
      expect(element.shadowRoot!.activeElement === second).to.equal(true);
    });

    it('closes with its close button, fires klarna-osm-dialog-close and gives focus back to the link', async () => {
      const { element, links } = await renderedPlacement({ 'learn-more': 'dialog' });
      await clickOn(link(element));
      const opened = await links.next('klarna-osm-learn-more');
      await openedDialog(element);
      await clickOn(part(element, 'dialog-close')!);
      const closed = await links.next('klarna-osm-dialog-close');
      expect(closed.detail).to.deep.equal(opened.detail);
      expect(dialogOf(element)).to.equal(null);
      expect(focusedPart(element)).to.equal('learn-more');
    });

    it('closes on a click on the backdrop, not on a click inside the dialog', async () => {
      const { element, links } = await renderedPlacement({ 'learn-more': 'dialog' });
      await clickOn(link(element));
      const dialog = await openedDialog(element);
      await clickOn(dialog.querySelector('h2')!);
      expect(dialog.open, 'a click on the title keeps it open').to.equal(true);
      const box = dialog.getBoundingClientRect();
      expect(box.top, 'there is backdrop above the dialog').to.be.above(4);
      await sendMouse({ type: 'click', position: [4, 4] });
      await links.next('klarna-osm-dialog-close');
      expect(dialogOf(element)).to.equal(null);
      expect(focusedPart(element)).to.equal('learn-more');
    });

    it('makes the page behind it inert while open, and gives it back after', async () => {
      const { element, links, before } = await renderedPlacement({ 'learn-more': 'dialog' });
      link(element).click();
      const dialog = await openedDialog(element);
      expect(dialog.matches(':modal')).to.equal(true);
      before.focus();
      expect(document.activeElement === before, 'a button behind the dialog cannot take focus').to.equal(false);
      expect(focusedPart(element)).to.equal('dialog-close');
      dialog.close();
      await links.next('klarna-osm-dialog-close');
      before.focus();
      expect(document.activeElement === before).to.equal(true);
    });

    // Puppeteer runs headless Chromium with --hide-scrollbars: no page there has a scrollbar that
    // takes room, styled or not; Firefox draws a classic one, WebKitGTK an overlay one. The page
    // with none hides the root's (`scrollbar-width: none`), so it has none in every engine. The
    // page with one is made to say it has (`innerWidth` 15px wider than the root's `clientWidth`,
    // as a classic scrollbar makes it), which checks that the placement keeps the scrollbar's
    // place; only where the engine draws a real one (Firefox) does it check the width kept too.
    for (const scrollbar of ['none', 'classic'] as const) {
      it(`holds the page still while open, without a jump, and gives back its overflow after (${scrollbar} scrollbar)`, async () => {
        const container = await fixture<HTMLDivElement>(html`<div><button type="button">Before</button><div style="height: 300px"></div></div>`);
        const root = document.documentElement;
        const { element, links } = await renderedPlacement({ 'learn-more': 'dialog' }, container);
        const tail = container.appendChild(document.createElement('div'));
        tail.style.height = '3000px';
        const innerWidth = Object.getOwnPropertyDescriptor(window, 'innerWidth')!;
        if (scrollbar === 'none') root.style.setProperty('scrollbar-width', 'none');
        if (scrollbar === 'classic') Object.defineProperty(window, 'innerWidth', { configurable: true, get: () => root.clientWidth + 15 });
        try {
          window.scrollTo(0, 150);
          const scrollY = window.scrollY;
          const width = root.clientWidth;
          expect(scrollY).to.equal(150);
          expect([root.style.overflow, root.style.scrollbarGutter]).to.deep.equal(['', '']);

          link(element).click();
          await openedDialog(element);
          expect(window.scrollY, 'no scroll jump').to.equal(scrollY);
          expect(root.clientWidth, 'the page does not widen').to.equal(width);
          expect(getComputedStyle(root).overflow).to.equal('hidden');
          expect(root.style.scrollbarGutter, 'the scrollbar\'s place is kept').to.equal(scrollbar === 'classic' ? 'stable' : '');

          await sendKeys({ press: 'Escape' });
          await links.next('klarna-osm-dialog-close');
          expect([root.style.overflow, root.style.scrollbarGutter]).to.deep.equal(['', '']);
          expect(window.scrollY, 'no scroll jump on close').to.equal(scrollY);
          expect(root.clientWidth).to.equal(width);
        } finally {
          Object.defineProperty(window, 'innerWidth', innerWidth);
          root.style.removeProperty('scrollbar-width');
          window.scrollTo(0, 0);
        }
      });
    }

    it('gives back the overflow the page itself had set on <html>', async () => {
      const root = document.documentElement;
      root.style.overflow = 'clip';
      try {
        const { element, links } = await renderedPlacement({ 'learn-more': 'dialog' });
        link(element).click();
        await openedDialog(element);
        expect(root.style.overflow).to.equal('hidden');
        await sendKeys({ press: 'Escape' });
        await links.next('klarna-osm-dialog-close');
        expect(root.style.overflow).to.equal('clip');
      } finally {
        root.style.overflow = '';
      }
    });

    it('has no axe violations, open, nor does the placement', async () => {
      const { element, links } = await renderedPlacement({ 'purchase-amount': FINANCING, 'learn-more': 'dialog' });
      // The violations, as text; and the rules that passed, to show axe looked inside the shadow root at all.
      const audit = async (context: Element) => {
        const { violations, passes } = await window.axe.run(context, { iframes: false });
        return {
          violations: violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.html).join(' | ')}`),
          passes: passes.map(({ id }) => id),
        };
      };
      const placement = await audit(element);
      expect(placement.violations, 'the placement').to.deep.equal([]);
      expect(placement.passes).to.include('link-name');
      link(element).click();
      const dialog = await openedDialog(element);
      const open = await audit(dialog);
      expect(open.violations, 'the open dialog').to.deep.equal([]);
      expect(open.passes).to.include.members(['button-name', 'frame-title', 'aria-valid-attr-value', 'empty-heading']);
      dialog.close();
      await links.next('klarna-osm-dialog-close');
    });

    it('closes when the placement leaves the page, fires klarna-osm-dialog-close and gives the page its overflow back', async () => {
      const { element, links } = await renderedPlacement({ 'learn-more': 'dialog' });
      link(element).click();
      const dialog = await openedDialog(element);
      element.remove();
      const closed = await links.next('klarna-osm-dialog-close');
      expect(closed.detail.presentation).to.equal('dialog');
      expect(dialog.open).to.equal(false);
      expect(dialogOf(element)).to.equal(null);
      expect(document.documentElement.style.overflow).to.equal('');
    });
  });

  describe('learn-more="popup"', () => {
    it('opens a popup window, centred and cut from the page, on a real click, and no dialog', async () => {
      const { element, links } = await renderedPlacement({ 'learn-more': 'popup' });
      const popups: Window[] = [];
      const open: OpenStub = new OpenStub((...args) => {
        const popup = open.original(...args);
        if (popup) popups.push(popup);
        return popup;
      });
      try {
        const anchor = link(element);
        await clickOn(anchor);
        const event = await links.next('klarna-osm-learn-more');
        expect(event.detail).to.deep.equal(expectedDetail(anchor, PAY_IN_FOUR, 'popup'));
        await waitUntil(() => open.calls.length > 0, 'window.open was not called');
        const [[url, target, features]] = open.calls as [Parameters<WindowOpen>];
        expect([String(url), target]).to.deep.equal([anchor.href, '_blank']);
        expect(features).to.match(/^popup,width=480,height=720,left=-?\d+,top=-?\d+$/);
        expect(popups, 'the browser opened the popup (a trusted click has user activation)').to.have.length(1);
        expect(popups[0]!.opener).to.equal(null);
        expect(guard.seen.map((click) => click.defaultPrevented), 'no tab as well').to.deep.equal([true]);
        expect(dialogOf(element)).to.equal(null);
        expect(links.named('klarna-osm-dialog-close')).to.have.length(0);
      } finally {
        open.restore();
        for (const popup of popups) popup.close();
      }
    });

    it('opens the dialog when the browser blocks the popup', async () => {
      const { element, links } = await renderedPlacement({ 'learn-more': 'popup' });
      const open = new OpenStub(() => null);
      try {
        await clickOn(link(element));
        const opened = await links.next('klarna-osm-learn-more');
        const dialog = await openedDialog(element);
        expect(open.calls).to.have.length(1);
        expect(dialog.matches(':modal')).to.equal(true);
        expect(dialog.querySelector('iframe')!.src).to.equal(opened.detail.url);
        expect(focusedPart(element)).to.equal('dialog-close');
        await sendKeys({ press: 'Escape' });
        const closed = await links.next('klarna-osm-dialog-close');
        expect(closed.detail).to.deep.equal({ ...opened.detail, presentation: 'popup' });
        expect(focusedPart(element)).to.equal('learn-more');
      } finally {
        open.restore();
      }
    });
  });

  it('reports an unknown learn-more value as invalid-config, naming the attribute and the values it takes', async () => {
    const errors = captureConsole('error');
    try {
      const { element, log } = await mountPlacement({ 'client-id': await freshClient(), 'purchase-amount': PAY_IN_FOUR, 'learn-more': 'modal' });
      const { detail } = await log.next('klarna-osm-error');
      expect(detail.code).to.equal('invalid-config');
      expect(detail.message).to.contain('learn-more').and.to.contain('"modal"')
        .and.to.contain('"tab"').and.to.contain('"popup"').and.to.contain('"dialog"');
      expect(element.state).to.equal('error');
      expect(part(element, 'learn-more')).to.equal(null);
    } finally {
      errors.restore();
    }
  });
});
