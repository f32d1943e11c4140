/**
 * The page's one Web SDK instance, loaded over HTTP from stand-in modules (test/fixtures/web-sdk-*.js):
 * each test imports its own URL (a query string makes a module of its own), as a page has one.
 */
import { expect } from '@open-wc/testing';
import { webSdk, WebSdkError } from '../../src/express-checkout/web-sdk.js';

interface StandIn {
  calls: { clientId: string }[];
  refuseNext: boolean;
  holdNext: boolean;
  release?: () => void;
}

declare global {
  var webSdkStandIns: Record<string, StandIn>;
}

const CLIENT_ID = 'klarna_test_client_c3RhbmQtaW4';
let tests = 0;

/** A stand-in module's URL no other test has imported. */
function freshUrl(file = 'stand-in.js'): string {
  return new URL(`/test/fixtures/web-sdk-${file}?test=${++tests}-${crypto.randomUUID()}`, location.href).href;
}

async function failure(promise: Promise<unknown>): Promise<WebSdkError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).to.be.instanceOf(WebSdkError);
  return error as WebSdkError;
}

describe('the page\'s Klarna Web SDK', () => {
  it('imports the module once and starts one instance, shared by every button', async () => {
    const url = freshUrl();
    const config = { clientId: CLIENT_ID, locale: 'en-US', products: ['PAYMENT' as const] };
    const [first, second] = await Promise.all([webSdk({ url, config }), webSdk({ url, config })]);
    const third = await webSdk({ url, config });
    expect(first).to.equal(second);
    expect(first).to.equal(third);
    expect(globalThis.webSdkStandIns[url]!.calls).to.deep.equal([config]);
  });

  it('refuses a second client id on the same page, naming both', async () => {
    const url = freshUrl();
    await webSdk({ url, config: { clientId: CLIENT_ID } });
    const error = await failure(webSdk({ url, config: { clientId: 'klarna_test_client_b3RoZXI' } }));
    expect(error.code).to.equal('invalid-config');
    expect(error.message).to.include(CLIENT_ID).and.include('klarna_test_client_b3RoZXI').and.include('one page has one SDK');
    expect(globalThis.webSdkStandIns[url]!.calls).to.have.length(1);
  });

  it('reports the SDK\'s own refusal, then starts afresh for the next button', async () => {
    const url = freshUrl();
    await import(/* @vite-ignore */ url);
    globalThis.webSdkStandIns[url]!.refuseNext = true;
    const error = await failure(webSdk({ url, config: { clientId: CLIENT_ID } }));
    expect(error.code).to.equal('sdk');
    expect(error.message).to.equal(`Klarna's Web SDK refused to start: client ${CLIENT_ID} is not allowed on this origin`);
    const instance = await webSdk({ url, config: { clientId: CLIENT_ID } });
    expect(instance.Payment).to.deep.equal({ standIn: url });
    expect(globalThis.webSdkStandIns[url]!.calls).to.have.length(2);
  });

  it('says what to check when the module does not load, or is not the SDK', async () => {
    const missing = freshUrl('no-such-module.js');
    const notLoaded = await failure(webSdk({ url: missing, config: { clientId: CLIENT_ID } }));
    expect(notLoaded.code).to.equal('script-load');
    expect(notLoaded.message).to.equal(`Could not load Klarna's Web SDK from ${missing}: check sdk-url, and that the page's Content-Security-Policy script-src allows its host (or give the element its nonce)`);
    const wrong = freshUrl('not-the-sdk.js');
    const notSdk = await failure(webSdk({ url: wrong, config: { clientId: CLIENT_ID } }));
    expect(notSdk.code).to.equal('script-load');
    expect(notSdk.message).to.equal(`${wrong} loaded, but it is not Klarna's Web SDK (it exports no KlarnaSDK): check sdk-url`);
  });

  it('gives up on a module that never finishes loading, saying what to check', async () => {
    const url = freshUrl('never-ready.js');
    const error = await failure(webSdk({ url, config: { clientId: CLIENT_ID }, timeout: 1 }));
    expect(error.code).to.equal('timeout');
    expect(error.message).to.equal(`Klarna's Web SDK (${url}) was not ready within 1 ms: check the network, sdk-url, and that the page's Content-Security-Policy script-src allows its host`);
  });

  it('never starts the SDK twice: a button that gave up leaves the start going, and the next waits for it', async () => {
    const url = freshUrl();
    await import(/* @vite-ignore */ url);
    const standIn = globalThis.webSdkStandIns[url]!;
    standIn.holdNext = true;
    expect((await failure(webSdk({ url, config: { clientId: CLIENT_ID }, timeout: 1 }))).code).to.equal('timeout');
    const second = webSdk({ url, config: { clientId: CLIENT_ID }, timeout: 0 });
    standIn.release!();
    expect((await second).Payment).to.deep.equal({ standIn: url });
    expect(standIn.calls).to.have.length(1);
  });

  it('refuses a start that gives no Payment API', async () => {
    const url = freshUrl('no-payment.js');
    const error = await failure(webSdk({ url, config: { clientId: CLIENT_ID } }));
    expect([error.code, error.message]).to.deep.equal(['sdk', `Klarna's Web SDK (${url}) started without a Payment API: check sdk-url`]);
  });

});
