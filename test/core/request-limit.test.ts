import { expect } from '@open-wc/testing';
import { MAX_IN_FLIGHT, RANK_ANSWER, RANK_BEACON, RANK_IN_VIEW, RequestLimit } from '../../src/core/request-limit.js';

/**
 * A limit whose "after the current task" the test runs by hand, and requests the test answers by
 * hand, recording the order they started in.
 */
function manualLimit() {
  const afterTask: (() => void)[] = [];
  const limit = new RequestLimit((callback) => afterTask.push(callback));
  const started: string[] = [];
  const answers = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const ranks = new Map<string, number>();
  const ask = (name: string, rank = RANK_ANSWER) => {
    ranks.set(name, rank);
    return limit.run(() => {
      started.push(name);
      return new Promise<string>((resolve, reject) => answers.set(name, { resolve: () => resolve(name), reject }));
    }, () => ranks.get(name)!);
  };
  // Lets every promise chain that can move on do so (no timers here: the test runs the task's end).
  const settle = async () => {
    for (let round = 0; round < 10; round++) await Promise.resolve();
  };
  const endTask = async () => {
    for (const callback of afterTask.splice(0)) callback();
    await settle();
  };
  return { ask, started, answers, ranks, settle, endTask };
}

describe('RequestLimit (at most six in flight, in view first, beacons last)', () => {
  it('starts what one task asked for when the task ends, in rank order, six at a time', async () => {
    const { ask, started, endTask, settle } = manualLimit();
    // A listing entered mid-page: the row above the viewport comes near first, in document order.
    for (const name of ['above-1', 'above-2', 'above-3', 'above-4']) void ask(name);
    for (const name of ['seen-1', 'seen-2', 'seen-3', 'seen-4', 'seen-5', 'seen-6']) void ask(name, RANK_IN_VIEW);
    await settle();
    expect(started).to.deep.equal([]);
    await endTask();
    expect(MAX_IN_FLIGHT).to.equal(6);
    expect(started).to.deep.equal(['seen-1', 'seen-2', 'seen-3', 'seen-4', 'seen-5', 'seen-6']);
  });

  it('gives a place that frees up to the best-ranked request at that moment, beacons after every answer', async () => {
    const { ask, started, answers, ranks, endTask, settle } = manualLimit();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const results = names.map((name) => ask(name));
    const beacon = ask('beacon', RANK_BEACON);
    const waiting = ['g', 'h', 'i'].map((name) => ask(name));
    await endTask();
    expect(started).to.deep.equal(names);

    // "i" came into view while it waited: asked when a place frees up, it goes first.
    ranks.set('i', RANK_IN_VIEW);
    answers.get('a')!.resolve();
    await settle();
    expect(started.slice(6)).to.deep.equal(['i']);

    // A failure frees its place too; then the oldest answer waiting goes, and the beacon last.
    answers.get('b')!.reject(new Error('network'));
    await settle();
    expect(started.slice(7)).to.deep.equal(['g']);
    answers.get('c')!.resolve();
    await settle();
    expect(started.slice(8)).to.deep.equal(['h']);
    answers.get('d')!.resolve();
    await settle();
    expect(started.slice(9)).to.deep.equal(['beacon']);

    for (const name of ['e', 'f', 'g', 'h', 'i', 'beacon']) answers.get(name)!.resolve();
    const settled = await Promise.allSettled([...results, beacon, ...waiting]);
    const outcomes = settled.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message));
    expect(outcomes).to.deep.equal(['a', 'network', 'c', 'd', 'e', 'f', 'beacon', 'g', 'h', 'i']);
  });

  it('frees every place again: six more start at the end of the next task', async () => {
    const { ask, started, answers, endTask } = manualLimit();
    const first = ['a', 'b', 'c'].map((name) => ask(name));
    await endTask();
    for (const name of ['a', 'b', 'c']) answers.get(name)!.resolve();
    await Promise.all(first);
    const next = ['d', 'e', 'f', 'g', 'h', 'i', 'j'].map((name) => ask(name));
    await endTask();
    expect(started.slice(3)).to.deep.equal(['d', 'e', 'f', 'g', 'h', 'i']);
    for (const name of ['d', 'e', 'f', 'g', 'h', 'i']) answers.get(name)!.resolve();
    await Promise.all(next.slice(0, 6));
    expect(started.slice(9)).to.deep.equal(['j']);
    answers.get('j')!.resolve();
    await Promise.all(next);
  });
});
