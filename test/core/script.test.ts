import { expect } from '@open-wc/testing';
import { loadScript, resetScriptLoads, SCRIPT_STATE_ATTRIBUTE, ScriptLoadError } from '../../src/core/script.js';
import { configureEmulator, emulatorUrl, resetEmulator } from '../helpers/emulator.js';

declare global {
  interface Window {
    __scriptRuns?: Record<string, number>;
    __flakyLoads?: number;
  }
}

let counter = 0;
/** A fresh URL of the counting fixture, so tests do not see each other's loads. */
function fixtureUrl(): string {
  counter += 1;
  return new URL(`/test/fixtures/counter-script.js?case=${counter}-${Date.now()}`, location.href).href;
}

function tagsFor(url: string): HTMLScriptElement[] {
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((script) => script.src === url);
}

async function rejection(promise: Promise<unknown>): Promise<ScriptLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ScriptLoadError);
    return error as ScriptLoadError;
  }
  throw new Error('expected the load to fail');
}

describe('loadScript', () => {
  beforeEach(resetEmulator);

  it('injects a script once however many callers ask at once', async () => {
    const url = fixtureUrl();
    const loads = [loadScript(url), loadScript(url), loadScript(url)];
    expect(loads[1]).to.equal(loads[0]);
    await Promise.all(loads);
    await loadScript(url);
    expect(tagsFor(url)).to.have.length(1);
    expect(window.__scriptRuns?.[url]).to.equal(1);
  });

  it('reuses a tag the page already has instead of adding another', async () => {
    const url = fixtureUrl();
    const own = document.createElement('script');
    own.src = url;
    document.head.append(own);
    await loadScript(url);
    expect(tagsFor(url)).to.deep.equal([own]);
    expect(window.__scriptRuns?.[url]).to.equal(1);
  });

  it('shares a finished load with a second copy of the library on the page', async () => {
    const url = fixtureUrl();
    await loadScript(url);
    expect(tagsFor(url)[0]!.getAttribute(SCRIPT_STATE_ATTRIBUTE)).to.equal('loaded');
    resetScriptLoads(); // what a second bundle's fresh module state looks like
    await loadScript(url);
    expect(tagsFor(url)).to.have.length(1);
    expect(window.__scriptRuns?.[url]).to.equal(1);
  });

  it('adds nothing when what the script provides is already there', async () => {
    const url = fixtureUrl();
    await loadScript(url, { isReady: () => true });
    expect(tagsFor(url)).to.have.length(0);
  });

  it('passes a CSP nonce to the injected tag', async () => {
    const url = fixtureUrl();
    await loadScript(url, { nonce: 'r4nd0m' });
    expect(tagsFor(url)[0]!.nonce).to.equal('r4nd0m');
  });

  it('rejects a missing script with an error that names the URL and what to check', async () => {
    const url = `${emulatorUrl}/no-such-script.js`;
    const error = await rejection(loadScript(url));
    expect(error.code).to.equal('script-load');
    expect(error.url).to.equal(url);
    expect(error.message).to.contain(url).and.to.contain('Content-Security-Policy');
  });

  it('forgets a failure so a retry loads the script', async () => {
    const url = `${emulatorUrl}/flaky-script.js?id=${Date.now()}`;
    await configureEmulator({
      faults: [
        { path: '/flaky-script.js', status: 503, times: 1 },
        { path: '/flaky-script.js', status: 200, body: 'window.__flakyLoads = (window.__flakyLoads ?? 0) + 1;', contentType: 'text/javascript', times: 1 },
      ],
    });
    await rejection(loadScript(url));
    expect(tagsFor(url)).to.have.length(1);
    await loadScript(url);
    expect(window.__flakyLoads).to.equal(1);
    expect(tagsFor(url)).to.have.length(1);
  });

  it('gives up on a script that does not finish within the timeout', async () => {
    await configureEmulator({ faults: [{ path: '/slow-script.js', latencyMs: 5000 }] });
    const error = await rejection(loadScript(`${emulatorUrl}/slow-script.js`, { timeout: 50 }));
    expect(error.message).to.contain('within 50 ms');
  });

  it('waits as long as asked for when the timeout is past what a timer holds', async () => {
    // 2^31 ms and more overflow a browser timer, which then fires at once.
    await loadScript(fixtureUrl(), { timeout: 2 ** 32 });
  });
});
