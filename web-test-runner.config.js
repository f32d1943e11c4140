// Browser tests in three engines from the machine (never a downloaded one): headless Chromium,
// Firefox over WebDriver BiDi and WebKitGTK's MiniBrowser over WebDriver, one engine after the other
// (TEST_ENGINES=firefox,webkit picks some). TypeScript through esbuild, and a Klarna emulator and the
// demo shop's backend started for the run. Run through `npm run test:browser`, which loads tsx so
// this file can import the emulator's TypeScript source.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { startMerchantBackend } from './demo/backend/merchant-backend.ts';
import { EXPRESS_CHECKOUT_WEBHOOK_PATH } from './demo/express-checkout-purchase.ts';
import { startEmulator } from './src/emulator/index.ts';
import { buildCdnFile, buildInteropApps } from './test/interop/build.ts';
import { OsmClient } from './src/server/index.ts';
import { renderPlacement } from './test/ssr/render-page.ts';
import { ProductPage } from './test/ssr/react-product-page.tsx';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { CHROMIUM_ARGS, findBrowser, findFirefox } from './test/helpers/find-browser.ts';
import { ENGINES } from './test/helpers/engines.ts';
import { webkitLauncher } from './test/helpers/webkit-launcher.ts';
import { freePort } from './test/apps/serve.ts';

/** The launcher of each engine, by the name the tests know it by (test/helpers/engines.ts). */
const launchers = {
  chromium: () => chromeLauncher({
    // puppeteer-core as the launcher's own: it then names the engine Chromium, not Chrome.
    puppeteer: puppeteerCore,
    launchOptions: {
      executablePath: findBrowser(),
      // gc() for the tests that show removed elements are not retained (a WeakRef probe).
      args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    },
  }),
  firefox: () => chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true },
  }),
  webkit: () => webkitLauncher(),
};
const selected = (process.env.TEST_ENGINES ?? ENGINES.join(',')).split(',').map((name) => name.trim()).filter(Boolean);
for (const name of selected) {
  if (!Object.hasOwn(launchers, name)) throw new Error(`TEST_ENGINES names ${name}: the engines are ${ENGINES.join(', ')}.`);
}
/** Which engine a launcher runs, for the tests' `skipUnless` (the `test-engine` command below). */
const engineOf = new Map(selected.map((name) => [launchers[name](), name]));

// The React, Vue and Svelte storefronts the interop tests mount, built as a merchant's app is, and
// the CDN file from the current source, for the plain-HTML test.
await Promise.all([buildInteropApps(), buildCdnFile()]);
// The test pages' origin, known before the emulator starts: its control API answers that origin only.
const port = await freePort();
// The demo shop's backend, for the end-to-end purchase tests: its port is chosen first, so that the
// emulator's start config (which a reset restores) posts Express Checkout's webhook to it.
const backendPort = await freePort();
const emulator = await startEmulator({
  controlOrigins: [`http://localhost:${port}`],
  config: { expressCheckout: { webhookUrl: `http://127.0.0.1:${backendPort}${EXPRESS_CHECKOUT_WEBHOOK_PATH}` } },
});
const merchantBackend = await startMerchantBackend({ klarnaBaseUrl: emulator.url, port: backendPort });

/**
 * Ends the run with one plain line, `browser: N passed, N failed, N skipped`, that CI and people
 * can read without the progress bar around web-test-runner's own summary. A test file that failed
 * to load counts as a failure.
 */
function closingLineReporter() {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const outcome = (test) => {
        if (test.skipped) return 'skipped';
        return test.passed ? 'passed' : 'failed';
      };
      const count = (suite) => {
        for (const test of suite.tests) counts[outcome(test)] += 1;
        for (const child of suite.suites) count(child);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        if (!session.passed && session.errors.length > 0) counts.failed += 1;
      }
      // At exit, so it stands after web-test-runner's own closing lines.
      process.once('exit', () => console.log(`browser: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`));
    },
  };
}

export default {
  port,
  hostname: 'localhost',
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // @open-wc/testing brings lit's development build; its notice says nothing about our code.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  browsers: [...engineOf.keys()],
  // One engine at a time: the engines share the emulator, whose records a test resets.
  concurrentBrowsers: 1,
  reporters: [defaultReporter(), closingLineReporter()],
  middleware: [
    // A merchant's server-rendered placement (test/ssr/render-page.ts), for the hydration test.
    async function serverRenderedPlacement(context, next) {
      if (context.path !== '/__ssr/osm-placement') return next();
      const { html } = await renderPlacement({
        osm: new OsmClient({ baseUrl: emulator.url }),
        apiUrl: emulator.url,
        clientId: String(context.query.client_id),
        purchaseAmount: Number(context.query.purchase_amount),
      });
      context.type = 'text/html';
      context.body = html;
    },
    // A page whose Content-Security-Policy comes in a response header, where browsers hide the
    // nonce attribute of every connected element: the header-CSP test.
    async function headerCspPage(context, next) {
      if (context.path !== '/__csp/instant-shopping') return next();
      const nonce = String(context.query.nonce).replace(/[^A-Za-z0-9+/=]/g, '');
      const json = JSON.stringify({
        order_lines: [{ type: 'physical', reference: 'P-1', name: 'Power Pack', quantity: 1, unit_price: 11900, tax_rate: 2500, total_amount: 11900, total_discount_amount: 0, total_tax_amount: 2380 }],
        merchant_urls: { terms: 'https://shop.example/terms' },
      });
      context.set('Content-Security-Policy', `script-src 'self' 'nonce-${nonce}'`);
      context.type = 'text/html';
      context.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
<klarna-instant-shopping-host nonce="${nonce}" button-key="123e4567-e89b-12d3-a456-426655440000" purchase-country="US" purchase-currency="USD" locale="en-US"
  sdk-url="${emulator.url}/instantshopping/lib/v1/lib.js"><script type="application/json">${json}</script></klarna-instant-shopping-host>
<script type="module" nonce="${nonce}" src="/src/instant-shopping/index.ts"></script>
</body></html>`;
    },
    // A page that requires Trusted Types for scripts and names the policies it allows (ours, lit's,
    // its own): the host given the emulator's lib.js as a string, or as the page policy's
    // TrustedScriptURL, or the CDN file loaded twice (two copies of the library): the Trusted Types test.
    async function trustedTypesPage(context, next) {
      if (context.path !== '/__tt/instant-shopping') return next();
      const sdkUrl = `${emulator.url}/instantshopping/lib/v1/lib.js`;
      const json = JSON.stringify({
        order_lines: [{ type: 'physical', reference: 'P-1', name: 'Power Pack', quantity: 1, unit_price: 11900, tax_rate: 2500, total_amount: 11900, total_discount_amount: 0, total_tax_amount: 2380 }],
        merchant_urls: { terms: 'https://shop.example/terms' },
      });
      const mode = String(context.query.mode);
      const scripts = {
        string: '<script type="module" src="/src/instant-shopping/index.ts"></script>',
        trusted: `<script type="module">
          const policy = trustedTypes.createPolicy('page-policy', { createScriptURL: (url) => url });
          document.querySelector('klarna-instant-shopping-host').sdkUrl = policy.createScriptURL(${JSON.stringify(`${sdkUrl}?from=page-policy`)});
          await import('/src/instant-shopping/index.ts');
        </script>`,
        copies: '<script type="module" src="/dist/cdn/klarna-elements.js"></script><script type="module" src="/dist/cdn/klarna-elements.js?copy=2"></script>',
      }[mode];
      // Two copies of the library are two copies of lit, whose 'lit-html' policy then needs 'allow-duplicates'.
      context.set('Content-Security-Policy', `require-trusted-types-for 'script'; trusted-types klarna-elements lit-html page-policy${mode === 'copies' ? " 'allow-duplicates'" : ''}`);
      context.type = 'text/html';
      context.body = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>window.violations = []; document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample));
window.policies = []; const create = trustedTypes.createPolicy.bind(trustedTypes); trustedTypes.createPolicy = (name, rules) => (policies.push(name), create(name, rules));</script></head><body>
<klarna-instant-shopping-host button-key="123e4567-e89b-12d3-a456-426655440000" purchase-country="US" purchase-currency="USD" locale="en-US"
  ${mode === 'trusted' ? '' : `sdk-url="${sdkUrl}"`} instance-id="tt-${mode}"><script type="application/json">${json}</script></klarna-instant-shopping-host>
${scripts}
</body></html>`;
    },
    // A React app's server-rendered product page (test/ssr/react-product-page.tsx), which the
    // page's script then hydrates: the React SSR test.
    async function reactServerRenderedPage(context, next) {
      if (context.path !== '/__ssr/react-product-page') return next();
      const props = {
        clientId: String(context.query.client_id),
        apiUrl: emulator.url,
        sdkUrl: `${emulator.url}/instantshopping/lib/v1/lib.js`,
        instancePrefix: String(context.query.instance_prefix),
      };
      context.type = 'text/html';
      context.body = `<div id="root">${renderToString(createElement(ProductPage, props))}</div>
<script>window.__PRODUCT_PAGE_PROPS__ = ${JSON.stringify(props).replaceAll('<', '\\u003c')};</script>`;
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }),
    {
      // `executeServerCommand('test-engine')`: the engine the asking page runs in.
      name: 'test-engine',
      executeCommand({ command, session }) {
        if (command !== 'test-engine') return undefined;
        return engineOf.get(session.browser);
      },
    },
    {
      name: 'klarna-emulator',
      async serverStop() {
        await merchantBackend.close();
        await emulator.close();
      },
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><meta charset="utf-8"></head>
  <body>
    <script>window.__KLARNA_EMULATOR_URL__ = ${JSON.stringify(emulator.url)}; window.__MERCHANT_BACKEND_URL__ = ${JSON.stringify(merchantBackend.url)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
