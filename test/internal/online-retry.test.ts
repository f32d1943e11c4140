/**
 * The retry of a failed script load, driven by hand: a stand-in host whose connection the test
 * sets, and an `online` event target of the test's own, which counts the listeners it holds.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OnlineRetryController } from '../../src/internal/online-retry.js';

class FakeHost implements ReactiveControllerHost {
  isConnected = false;
  readonly updateComplete = Promise.resolve(true);
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {}
}

/** A window stand-in for `online`, which knows the listeners it holds. */
class Online extends EventTarget {
  readonly #held = new Set<unknown>();
  get listeners(): number {
    return this.#held.size;
  }
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.#held.add(args[1]);
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.#held.delete(args[1]);
    super.removeEventListener(...args);
  }
  comeBack(): void {
    this.dispatchEvent(new Event('online'));
  }
}

function setUp() {
  const host = new FakeHost();
  const online = new Online();
  let retries = 0;
  const retry = new OnlineRetryController(host, () => retries++, online);
  const connect = () => {
    host.isConnected = true;
    retry.hostConnected();
  };
  const disconnect = () => {
    host.isConnected = false;
    retry.hostDisconnected();
  };
  return { online, retry, connect, disconnect, retries: () => retries };
}

describe('the Instant Shopping host\'s script retry', () => {
  it('tries nothing while nothing failed, and holds no online listener then', () => {
    const { online, connect, retries } = setUp();
    connect();
    online.comeBack();
    expect([retries(), online.listeners]).to.deep.equal([0, 0]);
  });

  it('tries a failure again once, when the browser comes back online', () => {
    const { online, retry, connect, retries } = setUp();
    connect();
    retry.failed();
    expect(retries()).to.equal(0);
    online.comeBack();
    online.comeBack();
    expect([retries(), online.listeners]).to.deep.equal([1, 0]);
  });

  it('tries a failure again when the host is added again, and hears nothing while it is away', () => {
    const { online, retry, connect, disconnect, retries } = setUp();
    connect();
    retry.failed();
    disconnect();
    online.comeBack();
    expect([retries(), online.listeners]).to.deep.equal([0, 0]);
    connect();
    online.comeBack();
    expect(retries()).to.equal(1);
  });

  it('tries a failure that came while the host was away on its next connection', () => {
    const { online, retry, connect, retries } = setUp();
    retry.failed();
    expect(online.listeners).to.equal(0);
    connect();
    expect(retries()).to.equal(1);
  });

  it('tries nothing once reset (it worked after all)', () => {
    const { online, retry, connect, disconnect, retries } = setUp();
    connect();
    retry.failed();
    retry.reset();
    online.comeBack();
    disconnect();
    connect();
    expect([retries(), online.listeners]).to.deep.equal([0, 0]);
  });

  it('tries again after each failure: a retry that fails asks for the next', () => {
    const { online, retry, connect, retries } = setUp();
    connect();
    retry.failed();
    online.comeBack();
    retry.failed();
    online.comeBack();
    expect(retries()).to.equal(2);
  });
});
