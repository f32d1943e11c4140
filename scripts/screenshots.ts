/**
 * `npm run screenshots`: the README's pictures of what the shopper sees, taken from the demo
 * storefront against the Klarna emulator (no network, nothing to sign up for), so anyone can make
 * them again after a change to the element or the demo. Writes docs/images/ unless given another
 * folder: `npm run screenshots -- <folder>`.
 *
 * Each picture is taken only once the page shows what it claims to (a rendered message, its badge
 * loaded, the legal text present), and the script fails otherwise: the test that runs it
 * (test/node/screenshots.test.ts) then says which picture the demo can no longer make.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemo } from '../demo/start-demo.js';
import { CHROMIUM_ARGS, findBrowser } from '../test/helpers/find-browser.js';

export interface Screenshot {
  /** The file's name in the output folder. */
  file: string;
  /** What it shows: the README's alt text. */
  alt: string;
}

/** The pictures, in the order the README shows them. */
export const SCREENSHOTS = {
  messageLight: { file: 'osm-message-light.png', alt: 'A Klarna "Make 4 payments" message with the light theme' },
  messageDark: { file: 'osm-message-dark.png', alt: 'The same message with the dark theme, on a dark page' },
  messageLegal: { file: 'osm-message-legal.png', alt: 'A financing message with its legal text and prequalify link, in the demo storefront\'s colours' },
  storefront: { file: 'demo-storefront.png', alt: 'The demo storefront\'s product page: the message under the price, the Express Checkout and Instant Shopping buttons and the event log' },
} as const satisfies Record<string, Screenshot>;

const PRODUCT_PAGE = '#/product/aurora-jacket';
/** The message under the price (the page's other placement is in a closed drawer). */
const PLACEMENT = '.payment-options klarna-osm-placement';
/** Page colours behind the themed messages: the theme sets the text's colours, never a background. */
const BACKDROPS = { light: '#ffffff', dark: '#15121f' } as const;

export async function takeScreenshots(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const demo = await startDemo({ emulator: 0, backend: 0, storefront: 0 });
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({ executablePath: findBrowser(), args: [...CHROMIUM_ARGS, '--hide-scrollbars'] });
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
    await page.goto(new URL(PRODUCT_PAGE, demo.url).href);
    await messageShown(page, 'text-main');
    // The Express Checkout button beside the message: its SDK started and its one button mounted.
    await page.waitForFunction(() => document.querySelector('klarna-express-checkout')?.state === 'ready', { timeout: 10_000 });
    const written: string[] = [];
    const save = async (screenshot: Screenshot, png: Uint8Array) => {
      await writeFile(join(outDir, screenshot.file), png);
      written.push(screenshot.file);
    };

    await save(SCREENSHOTS.storefront, await page.screenshot());

    // The messages alone, sharper: a README shows them at their size on a high-density screen.
    await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 2 });
    await save(SCREENSHOTS.messageLight, await themedMessage(page, 'light'));
    await save(SCREENSHOTS.messageDark, await themedMessage(page, 'dark'));

    // Five jackets cost more than "4 payments" covers: the emulator answers with financing, legal text included.
    await page.evaluate((selector) => {
      const placement = document.querySelector<HTMLElement>(selector)!;
      placement.removeAttribute('theme');
      placement.style.removeProperty('--klarna-osm-link-color');
      placement.parentElement!.style.removeProperty('background');
    }, PLACEMENT);
    for (let added = 0; added < 4; added++) await page.click('button[aria-label="One more"]');
    await messageShown(page, 'text-legal');
    await save(SCREENSHOTS.messageLegal, await framed(page));
    return written;
  } finally {
    await browser?.close();
    await demo.close();
  }
}

/** Waits until the placement under the price shows a message with `part`, its badge loaded. */
async function messageShown(page: Page, part: 'text-main' | 'text-legal'): Promise<void> {
  try {
    await page.waitForFunction(
      (selector, wanted) => {
        const placement = document.querySelector<HTMLElement & { state?: string }>(selector);
        const root = placement?.shadowRoot;
        const badge = root?.querySelector<HTMLImageElement>('[part~="badge"]');
        return placement?.state === 'rendered' && !!root?.querySelector(`[part~="${wanted}"]`) && !!badge?.complete && badge.naturalWidth > 0;
      },
      { timeout: 15_000 },
      PLACEMENT,
      part,
    );
    await page.evaluate(() => document.fonts.ready);
  } catch (error) {
    throw new Error(`The demo's product page never showed a message with ${part} (is the emulator answering?)`, { cause: error });
  }
}

/** The message with `theme`, on a page colour it is meant for, with the theme's own link colour. */
async function themedMessage(page: Page, theme: keyof typeof BACKDROPS): Promise<Uint8Array> {
  await page.evaluate(
    (selector, theme, backdrop) => {
      const placement = document.querySelector<HTMLElement>(selector)!;
      placement.setAttribute('theme', theme);
      // The demo's accent would override the theme's link colour; these pictures show the theme's.
      placement.style.setProperty('--klarna-osm-link-color', 'initial');
      placement.parentElement!.style.background = backdrop;
    },
    PLACEMENT,
    theme,
    BACKDROPS[theme],
  );
  return framed(page);
}

/** The message with a margin of its page around it, as wide as what it shows (not the whole column). */
async function framed(page: Page): Promise<Uint8Array> {
  const frame = await page.evaluateHandle((selector) => {
    const around = document.querySelector<HTMLElement>(selector)!.parentElement!;
    around.style.width = 'fit-content';
    around.style.padding = '12px';
    return around;
  }, PLACEMENT);
  return frame.screenshot();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../docs/images/', import.meta.url)));
  const written = await takeScreenshots(outDir);
  console.log(`screenshots: ${written.map((file) => join(outDir, file)).join(', ')}`);
}
