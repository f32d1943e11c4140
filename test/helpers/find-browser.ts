// Finds the machine's Chromium or Chrome for the browser tests and the benchmark; never downloads one.
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
