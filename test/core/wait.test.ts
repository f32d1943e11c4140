import { expect } from '@open-wc/testing';
import { timerDelay, wait } from '../../src/core/wait.js';

describe('wait', () => {
  it('resolves once the time has passed', async () => {
    expect(await wait(0)).to.equal(undefined);
  });

  it('rejects with the signal\'s reason as soon as it aborts, without waiting out the time', async () => {
    const controller = new AbortController();
    const waiting = wait(60_000, controller.signal);
    const reason = new Error('superseded');
    controller.abort(reason);
    expect(await waiting.then(() => 'resolved', (error: unknown) => error)).to.equal(reason);
  });

  it('clamps a delay to what a timer holds, in whole milliseconds', () => {
    expect([timerDelay(0), timerDelay(1.2), timerDelay(2 ** 31), timerDelay(Infinity)]).to.deep.equal([0, 2, 2 ** 31 - 1, 2 ** 31 - 1]);
  });

  it('rejects at once for a signal that has already aborted', async () => {
    const reason = new Error('gone');
    expect(await wait(60_000, AbortSignal.abort(reason)).then(() => 'resolved', (error: unknown) => error)).to.equal(reason);
  });
});
