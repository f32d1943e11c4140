/**
 * The engines the browser tests run in (web-test-runner.config.js starts one launcher for each) and
 * what a test may need that not every engine, or not every engine's driver, gives it. Read by the
 * config in Node and by `skipUnless` (skip-unless.ts) in the browser, so it imports nothing.
 */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * What a test may need beyond the web platform every engine shares:
 * - `gc`: a `gc()` the page can call, for the tests that show a removed element is collected.
 *   Chromium's comes from `--js-flags=--expose-gc`; Firefox and WebKit give a page none.
 * - `layout-shift`: the Layout Instability API's `layout-shift` entries, Chromium's only: elsewhere
 *   a PerformanceObserver for them sees nothing, and "no shift" would prove nothing.
 * - `emulate-media`: `emulateMedia` from @web/test-runner-commands (prefers-color-scheme): puppeteer
 *   does it over the Chrome DevTools Protocol, which Firefox (driven over WebDriver BiDi) lacks,
 *   and the WebDriver launcher has no such command.
 * - `held-keys`: `sendKeys({ down })` and `sendKeys({ up })`, a key held across other input (a
 *   Ctrl-click): puppeteer's keyboard does it; the WebDriver launcher sends `press` and `type` only.
 */
export type Capability = 'gc' | 'layout-shift' | 'emulate-media' | 'held-keys';

export const CAPABILITIES: Record<Engine, readonly Capability[]> = {
  chromium: ['gc', 'layout-shift', 'emulate-media', 'held-keys'],
  firefox: ['held-keys'],
  webkit: [],
};
