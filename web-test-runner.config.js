// Browser tests: real headless Chromium from the machine (never a downloaded one), TypeScript
// through esbuild, and a Klarna emulator started for the run. Run through `npm run test:browser`,
// which loads tsx so this file can import the emulator's TypeScript source.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { startEmulator } from './src/emulator/index.ts';

const BROWSER_CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function findBrowser() {
  const found = BROWSER_CANDIDATES.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found for the browser tests. Install one (Debian/Ubuntu: ' +
        '`sudo apt-get install -y chromium`) or set CHROME_PATH to its executable. ' +
        'The tests never download a browser.',
    );
  }
  return found;
}

const emulator = await startEmulator();

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // @open-wc/testing brings lit's development build; its notice says nothing about our code.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findBrowser(),
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }),
    {
      name: 'klarna-emulator',
      async serverStop() {
        await emulator.close();
      },
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><meta charset="utf-8"></head>
  <body>
    <script>window.__KLARNA_EMULATOR_URL__ = ${JSON.stringify(emulator.url)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
