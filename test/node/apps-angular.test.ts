/**
 * An Angular 21 app from the packed tarball (test/apps/angular/): standalone components with
 * CUSTOM_ELEMENTS_SCHEMA, zoneless signals, `strictTemplates` (so each `(klarna-…)` handler's
 * `$event` is checked against the library's event types), built with `ng build` and served as a
 * static site against the emulator. Both elements must show with no console error, and a price
 * change must cost one request.
 */
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startEmulator, EMULATOR_CLIENT_ID, type KlarnaEmulator } from '../../src/emulator/index.js';
import { installApp, runIn } from '../apps/harness.js';
import { assertShowsAndFollowsPrice, launchBrowser } from '../apps/browser.js';
import { osmRequestAmounts, serveStatic } from '../apps/serve.js';

describe('an Angular 21 app from the packed tarball', () => {
  let emulator: KlarnaEmulator;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  before(async () => {
    const dir = await installApp('angular', {
      '@angular/build': '~21.2.0', '@angular/cli': '~21.2.0', '@angular/common': '~21.2.0', '@angular/compiler': '~21.2.0', '@angular/compiler-cli': '~21.2.0',
      '@angular/core': '~21.2.0', '@angular/platform-browser': '~21.2.0', rxjs: '~7.8.0', tslib: '^2.8.0', typescript: '~5.9.3',
    });
    await runIn(dir, 'node', ['node_modules/@angular/cli/bin/ng.js', 'build']);
    site = await serveStatic(join(dir, 'dist/browser'));
    emulator = await startEmulator();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
  });

  it('shows both elements with no console error, and asks once per price change', async () => {
    await assertShowsAndFollowsPrice(browser, `${site.origin}/?client=${EMULATOR_CLIENT_ID}&api=${encodeURIComponent(emulator.url)}&instance=angular-${Date.now()}`, () => osmRequestAmounts(emulator));
  });
});
