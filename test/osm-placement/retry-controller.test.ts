/**
 * The retry controller driven by hand, as lit's own task tests are: a clock whose timers the test
 * fires itself, a stand-in host, and the browser's `online` event. No test waits real seconds.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RETRY_DELAYS_MS, RetryController, type RetryClock } from '../../src/osm-placement/retry-controller.js';

/** Timers the test fires by hand. */
class ManualClock implements RetryClock {
  readonly timers = new Map<number, { callback: () => void; ms: number }>();
  #next = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.timers.set(id, { callback, ms });
    return id;
  }

  clearTimeout(timer: unknown): void {
    this.timers.delete(timer as number);
  }

  /** The waits scheduled now. */
  get waits(): number[] {
    return [...this.timers.values()].map(({ ms }) => ms);
  }

  /** Fires every timer scheduled now. */
  fire(): void {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const { callback } of due) callback();
  }
}

/** A host that only keeps its controllers, connected or not as the test says. */
class StandInHost implements ReactiveControllerHost {
  readonly controllers = new Set<ReactiveController>();
  isConnected = true;
  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
  }
  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }
  requestUpdate(): void {}
  readonly updateComplete = Promise.resolve(true);
  connect(): void {
    this.isConnected = true;
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnect(): void {
    this.isConnected = false;
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

function setUp() {
  const clock = new ManualClock();
  const host = new StandInHost();
  let retries = 0;
  const controller = new RetryController(host, () => retries++, clock);
  return { clock, host, controller, retries: () => retries };
}

describe('RetryController', () => {
  afterEach(() => Reflect.deleteProperty(navigator, 'onLine'));

  it('retries after 1, 2, 4, 8 and 16 s while failures go on, then only when the browser is back online', () => {
    const { clock, controller, retries } = setUp();
    const waits: number[] = [];
    for (let failure = 0; failure < 6; failure++) {
      controller.failed();
      waits.push(...clock.waits);
      clock.fire();
    }
    expect(RETRY_DELAYS_MS).to.deep.equal([1000, 2000, 4000, 8000, 16000]);
    expect(waits).to.deep.equal([1000, 2000, 4000, 8000, 16000]);
    expect(retries()).to.equal(5);
    // Past the last wait, only `online` retries; it also comes before any wait is over.
    expect(clock.timers.size).to.equal(0);
    window.dispatchEvent(new Event('online'));
    expect(retries()).to.equal(6);
    window.dispatchEvent(new Event('online'));
    expect(retries()).to.equal(6);
  });

  it('waits for `online` alone while the browser knows it is offline', () => {
    const { clock, controller, retries } = setUp();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    controller.failed();
    expect(clock.timers.size).to.equal(0);
    window.dispatchEvent(new Event('online'));
    expect(retries()).to.equal(1);
  });

  it('starts again from 1 s after a reset (an answer, a new request), and retries nothing after it', () => {
    const { clock, controller, retries } = setUp();
    controller.failed();
    clock.fire();
    controller.failed();
    expect(clock.waits).to.deep.equal([2000]);
    controller.reset();
    expect(clock.timers.size).to.equal(0);
    window.dispatchEvent(new Event('online'));
    expect(retries()).to.equal(1);
    controller.failed();
    expect(clock.waits).to.deep.equal([1000]);
  });

  it('stops when its host leaves the page, and carries on from the next wait when it comes back', () => {
    const { clock, host, controller, retries } = setUp();
    controller.failed();
    clock.fire();
    controller.failed();
    host.disconnect();
    expect(clock.timers.size).to.equal(0);
    window.dispatchEvent(new Event('online'));
    expect(retries()).to.equal(1);
    host.connect();
    expect(clock.waits).to.deep.equal([4000]);
    clock.fire();
    expect(retries()).to.equal(2);
  });

  it('schedules nothing for a failure while its host is out of the page, until it comes back', () => {
    const { clock, host, controller } = setUp();
    host.disconnect();
    controller.failed();
    expect(clock.timers.size).to.equal(0);
    host.connect();
    expect(clock.waits).to.deep.equal([1000]);
  });

  it('schedules nothing when its host comes back with no failure standing', () => {
    const { clock, host } = setUp();
    host.disconnect();
    host.connect();
    expect(clock.timers.size).to.equal(0);
  });
});
