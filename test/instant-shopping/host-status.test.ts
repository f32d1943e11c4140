/**
 * The Instant Shopping host's view, driven by hand: a stand-in host that counts the updates asked
 * for, an outlet that records what the page would see, and a clock whose "a task later" runs only
 * when the test ends the task. No element, no SDK, no waiting.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InstantShoppingErrorDetail, InstantShoppingState } from '../../src/instant-shopping/index.js';
import { HostStatusController, type Later } from '../../src/instant-shopping/host-status.js';

/** A stand-in element: on the page unless told otherwise, counting the updates asked of it. */
class FakeHost implements ReactiveControllerHost {
  isConnected = true;
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

/** "A task later" by hand: what was scheduled runs when the test ends the task. */
function byHandClock() {
  const scheduled = new Set<() => void>();
  const later: Later = (callback) => {
    scheduled.add(callback);
    return () => scheduled.delete(callback);
  };
  return {
    later,
    get pending() {
      return scheduled.size;
    },
    endTask() {
      const due = [...scheduled];
      scheduled.clear();
      for (const callback of due) callback();
    },
  };
}

function setUp() {
  const host = new FakeHost();
  const clock = byHandClock();
  const page = { states: [] as InstantShoppingState[], announced: [] as InstantShoppingErrorDetail[] };
  const status = new HostStatusController(host, {
    showState: (state) => page.states.push(state),
    announce: (error) => page.announced.push(error),
  }, clock.later);
  return { host, clock, page, status };
}

const refusal = { error_code: 'BAD_VALUE', error_messages: ['purchase_currency is not supported'] };

describe('the Instant Shopping host\'s status', () => {
  it('starts idle, waits while there is something to wait for, and shows Klarna\'s answer', () => {
    const { host, status } = setUp();
    expect(status.view).to.deep.equal({ state: 'idle' });
    status.waiting(true);
    expect([status.view.state, host.updates]).to.deep.equal(['loading', 1]);
    status.waiting(true);
    expect(host.updates).to.equal(1, 'no change, no update');

    status.answered({ show_button: true });
    expect(status.view).to.deep.equal({ state: 'ready', response: { show_button: true } });
    status.waiting(false);
    expect(status.view.state).to.equal('ready', 'an answer does not wait');
    status.answered({ show_button: false });
    expect(status.view.state).to.equal('hidden');
    expect(status.error).to.equal(undefined);
  });

  it('keeps a refusal as an sdk error over the answer, until an answer without one', () => {
    const { status } = setUp();
    status.answered({ show_button: false, error: refusal });
    expect(status.view).to.deep.equal({
      state: 'error',
      error: { code: 'sdk', message: 'Klarna did not show the button: purchase_currency is not supported', cause: refusal },
      over: { state: 'hidden', response: { show_button: false, error: refusal } },
    });
    status.answered({ show_button: true });
    expect([status.view.state, status.error]).to.deep.equal(['ready', undefined]);
  });

  it('shows the state and announces an error after the update, once while it stands, again once cleared', () => {
    const { page, status } = setUp();
    const blocked = new Error('Could not load the script https://x.klarnacdn.net/lib.js.');
    status.scriptFailed(blocked);
    expect(page.announced).to.deep.equal([], 'nothing before the update');
    status.hostUpdated();
    status.hostUpdated();
    expect(page.states).to.deep.equal(['error', 'error']);
    expect(page.announced).to.deep.equal([{
      code: 'script-load',
      message: 'Could not load the script https://x.klarnacdn.net/lib.js. It is tried again when the browser comes back online, or when the element is added again.',
      cause: blocked,
    }]);

    status.scriptFailed(new Error(blocked.message));
    status.hostUpdated();
    expect(page.announced).to.have.length(1, 'the same code and message is the same error');

    status.clear('script-load');
    status.hostUpdated();
    status.scriptFailed(blocked);
    status.hostUpdated();
    expect(page.announced).to.have.length(2);
    expect(page.states).to.deep.equal(['error', 'error', 'error', 'idle', 'error']);
  });

  it('clears only errors of the code given, and shows again what the error stood over', () => {
    const { status } = setUp();
    status.waiting(true);
    status.sdkThrew('update', new Error('boom'));
    expect(status.error).to.deep.include({ code: 'sdk', message: 'Klarna.InstantShopping.update threw: boom' });
    status.clear('script-load');
    expect(status.view.state).to.equal('error');
    status.waiting(false);
    expect(status.view).to.deep.include({ state: 'error', over: { state: 'idle' } });
    status.clear('sdk');
    expect(status.view).to.deep.equal({ state: 'idle' });
  });

  it('shows the data\'s problem a task later, as the problem is then', () => {
    const { clock, status } = setUp();
    status.configProblem('locale is required');
    status.configProblem('button-key is required');
    expect([status.view.state, clock.pending]).to.deep.equal(['idle', 1]);
    clock.endTask();
    expect(status.error).to.deep.equal({ code: 'invalid-config', message: 'button-key is required' });
  });

  it('reports nothing for a problem fixed within the task, and clears a shown one at once when fixed', () => {
    const { clock, status } = setUp();
    status.configProblem('locale is required');
    status.configProblem(undefined);
    expect(clock.pending).to.equal(0);
    clock.endTask();
    expect(status.view.state).to.equal('idle');

    status.answered({ show_button: true });
    status.configProblem('locale is required');
    clock.endTask();
    expect(status.view).to.deep.include({ state: 'error', over: { state: 'ready', response: { show_button: true } } });
    status.configProblem(undefined);
    expect(status.view).to.deep.equal({ state: 'ready', response: { show_button: true } });
  });

  it('checks a problem that already shows no more: no timer and no update while it stands', () => {
    const { clock, host, page, status } = setUp();
    status.configProblem('locale is required');
    clock.endTask();
    status.hostUpdated();
    const updates = host.updates;
    for (let update = 0; update < 3; update++) {
      status.configProblem('locale is required');
      expect(clock.pending).to.equal(0);
    }
    expect(host.updates).to.equal(updates);

    status.configProblem('button-key is required');
    clock.endTask();
    status.hostUpdated();
    const announced = page.announced.map((error) => error.message);
    expect(announced).to.deep.equal(['locale is required', 'button-key is required']);
  });

  it('checks the data only of a host on the page, and drops the check when the host leaves', () => {
    const { clock, host, status } = setUp();
    host.isConnected = false;
    status.configProblem('locale is required');
    expect(clock.pending).to.equal(0);
    host.isConnected = true;
    status.configProblem('locale is required');
    expect(clock.pending).to.equal(1);
    status.hostDisconnected();
    expect(clock.pending).to.equal(0);
    expect(status.view.state).to.equal('idle');
  });

  it('shows another instance\'s answer, or waits for it when the host had an answer', () => {
    const { status } = setUp();
    status.attached(undefined);
    expect(status.view.state).to.equal('idle', 'a host that waited for nothing still does not');
    status.answered({ show_button: true });
    status.attached(undefined);
    expect(status.view.state).to.equal('loading');
    status.attached({ show_button: false });
    expect(status.view).to.deep.equal({ state: 'hidden', response: { show_button: false } });
  });

  it('tells of an answer that is late until it comes, also when it came while the host was away', () => {
    const { page, status } = setUp();
    status.waiting(true);
    status.unanswered('load', 15_000);
    status.hostUpdated();
    expect(page.announced.map((error) => [error.code, error.message.slice(0, 58)])).to.deep.equal([
      ['sdk', 'Klarna.InstantShopping.load did not answer within 15000 ms'],
    ]);
    expect(status.view).to.deep.include({ state: 'error', over: { state: 'loading' } });

    // Back on the page, attached to the instance, whose answer came meanwhile.
    const answer = { show_button: true };
    status.attached(answer);
    expect(status.view).to.deep.equal({ state: 'ready', response: answer });

    // The same answer again (a move) is no news: an error standing over it stays.
    status.sdkThrew('update', new Error('boom'));
    status.attached(answer);
    expect(status.error?.message).to.equal('Klarna.InstantShopping.update threw: boom');
  });
});
