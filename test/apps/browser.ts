/**
 * Drives a built app in the machine's Chromium (never a downloaded one) for the app tests: a page
 * in a fresh browser context, with every console error, uncaught error and request recorded.
 */
import assert from 'node:assert/strict';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../helpers/find-browser.js';

export interface VisitedPage {
  page: Page;
  /** Console errors and uncaught errors, as text. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  close(): Promise<void>;
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
}

export async function visit(browser: Browser, url: string): Promise<VisitedPage> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    // A failed resource is recorded with its URL below, rather than as Chromium's line without one.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests, close: () => context.close() };
}

/** Waits until every placement is `rendered` and every Instant Shopping host `ready`; says which states it saw if not. */
export async function untilShown(page: Page, counts: { placements: number; hosts: number }): Promise<void> {
  const states = () => page.evaluate(() => [...document.querySelectorAll('klarna-osm-placement, klarna-instant-shopping-host')].map((element) => `${element.localName}:${(element as HTMLElement & { state: string }).state}`));
  // A string, not a function: what tsx compiles a function into may name helpers the page lacks.
  const shown = `[...document.querySelectorAll('klarna-osm-placement')].filter((element) => element.state === 'rendered').length === ${counts.placements}
    && [...document.querySelectorAll('klarna-instant-shopping-host')].filter((element) => element.state === 'ready').length === ${counts.hosts}`;
  try {
    await page.waitForFunction(shown, { timeout: 15000, polling: 50 });
  } catch (error) {
    throw new Error(`the elements did not all show: ${(await states()).join(', ')}`, { cause: error });
  }
}

/**
 * Clicks the app's `#more` button (one more of the product) once per amount and waits until its
 * `#rendered` output, the amounts the placement announced, ends with that amount.
 */
export async function addOneMoreUntilRendered(page: Page, amounts: number[]): Promise<void> {
  for (const amount of amounts) {
    await page.click('#more');
    await page.waitForFunction(`document.querySelector('#rendered')?.textContent?.endsWith('${amount}')`, { timeout: 10000 });
  }
}

/**
 * What every storefront app must do: show one placement and one host, then ask Klarna once per
 * price change (two clicks on `#more`: 23800 and 35700 after the page's 11900), with no console
 * error. `requestedAmounts` reads the amounts the emulator was asked for, in order.
 */
export async function assertShowsAndFollowsPrice(browser: Browser, url: string, requestedAmounts: () => Promise<string[]>): Promise<void> {
  const visited = await visit(browser, url);
  try {
    await untilShown(visited.page, { placements: 1, hosts: 1 });
    await addOneMoreUntilRendered(visited.page, [23800, 35700]);
    assert.deepEqual(await requestedAmounts(), ['11900', '23800', '35700']);
    assert.deepEqual(visited.errors, []);
  } finally {
    await visited.close();
  }
}
