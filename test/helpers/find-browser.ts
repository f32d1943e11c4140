// Finds the machine's browsers (Chromium or Chrome, Firefox, WebKitGTK) for the browser tests and the
// benchmark; never downloads one.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags that keep a headless Chromium quiet on a machine with no network but the loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findBrowser(): string {
  const found = CANDIDATES.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set CHROME_PATH to its executable. Nothing here downloads a browser.',
    );
  }
  return found;
}

/** The first of `paths` that exists, or an error that says what to install. */
function firstExisting(paths: readonly (string | undefined)[], missing: string): string {
  const found = paths.find((path) => path && existsSync(path));
  if (!found) throw new Error(`${missing} Nothing here downloads a browser.`);
  return found;
}

/** The machine's Firefox (Debian's firefox-esr), driven by puppeteer-core over WebDriver BiDi. */
export function findFirefox(): string {
  return firstExisting(
    [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    'No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to its executable.',
  );
}

/**
 * WebKitGTK's WebDriver server and the browser it drives (MiniBrowser, WebKitGTK's own test
 * browser: the engine of Safari, built for Linux), both from Debian's webkit2gtk-driver package.
 */
export function findWebKit(): { driver: string; browser: string } {
  const install = 'Install it (Debian/Ubuntu: `sudo apt-get install -y webkit2gtk-driver xvfb`)';
  const driver = firstExisting(
    [process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver'],
    `No WebKitWebDriver found. ${install} or set WEBKIT_WEBDRIVER_PATH.`,
  );
  const libraries = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib'];
  const browser = firstExisting(
    [process.env.WEBKIT_MINIBROWSER_PATH, ...libraries.flatMap((dir) => ['webkitgtk-6.0', 'webkit2gtk-4.1', 'webkit2gtk-4.0'].map((api) => `${dir}/${api}/MiniBrowser`))],
    `No WebKitGTK MiniBrowser found. ${install} or set WEBKIT_MINIBROWSER_PATH.`,
  );
  return { driver, browser };
}
