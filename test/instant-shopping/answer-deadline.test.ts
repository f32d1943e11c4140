/**
 * The deadline on Klarna's answers, driven by hand: a stand-in host and a clock whose timers run
 * only when the test says the time has passed. No element, no SDK, no waiting.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnswerDeadlineController, SDK_ANSWER_TIMEOUT, type Timer } from '../../src/instant-shopping/answer-deadline.js';

class FakeHost implements ReactiveControllerHost {
  readonly updateComplete = Promise.resolve(true);
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {}
}

/** Timers by hand: each is kept with its delay, and runs when the test lets the time pass. */
function byHandClock() {
  const timers = new Set<{ callback: () => void; ms: number }>();
  const timer: Timer = (callback, ms) => {
    const entry = { callback, ms };
    timers.add(entry);
    return () => timers.delete(entry);
  };
  return {
    timer,
    get delays() {
      return [...timers].map((entry) => entry.ms);
    },
    pass() {
      const due = [...timers];
      timers.clear();
      for (const entry of due) entry.callback();
    },
  };
}

function setUp() {
  const clock = byHandClock();
  const late: [string, number][] = [];
  const deadline = new AnswerDeadlineController(new FakeHost(), (method, ms) => late.push([method, ms]), clock.timer);
  return { clock, late, deadline };
}

describe('the Instant Shopping host\'s deadline on Klarna\'s answers', () => {
  it('waits the documented 15 s by default, as set when each wait starts', () => {
    expect(SDK_ANSWER_TIMEOUT.ms).to.equal(15_000);
    const { clock, deadline } = setUp();
    deadline.waitFor('load');
    expect(clock.delays).to.deep.equal([15_000]);
    const documented = SDK_ANSWER_TIMEOUT.ms;
    try {
      SDK_ANSWER_TIMEOUT.ms = 20;
      deadline.waitFor('update');
      expect(clock.delays).to.deep.equal([20], 'a new wait replaces the one under way');
    } finally {
      SDK_ANSWER_TIMEOUT.ms = documented;
    }
  });

  it('tells of a late answer once, naming the call and the time', () => {
    const { clock, late, deadline } = setUp();
    deadline.waitFor('update');
    clock.pass();
    clock.pass();
    expect(late).to.deep.equal([['update', 15_000]]);
  });

  it('says nothing once the answer came, the call threw, the host shows none, or the host left', () => {
    const { clock, late, deadline } = setUp();
    deadline.waitFor('load');
    deadline.stop();
    deadline.waitFor(undefined);
    deadline.waitFor('update');
    deadline.hostDisconnected();
    expect(clock.delays).to.deep.equal([]);
    clock.pass();
    expect(late).to.deep.equal([]);
  });
});
