import { expect } from '@open-wc/testing';
import { limitRequests, MAX_IN_FLIGHT } from '../../src/core/request-limit.js';

/** A request the test answers by hand, recording when it started. */
function manualRequests() {
  const started: string[] = [];
  const answers = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const request = (name: string) => () => {
    started.push(name);
    return new Promise<string>((resolve, reject) => answers.set(name, { resolve: () => resolve(name), reject }));
  };
  // Lets every promise chain that can move on do so (no timers: the limiter has none).
  const settle = async () => {
    for (let round = 0; round < 10; round++) await Promise.resolve();
  };
  return { started, answers, request, settle };
}

describe('limitRequests (at most six in flight, urgent first)', () => {
  it('starts six at once, and the next only when one ends, urgent ones before older ones', async () => {
    const { started, answers, request, settle } = manualRequests();
    const urgentNow = new Set<string>();
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const results = names.map((name) => limitRequests(request(name), () => urgentNow.has(name)));
    await settle();
    expect(MAX_IN_FLIGHT).to.equal(6);
    expect(started).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);

    // Urgency is asked when a place frees up: "i" came into view after it started waiting.
    urgentNow.add('i');
    answers.get('a')!.resolve();
    await settle();
    expect(started).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f', 'i']);

    // A failure frees its place too; then the oldest waiting goes.
    answers.get('b')!.reject(new Error('network'));
    await settle();
    expect(started.slice(7)).to.deep.equal(['g']);
    answers.get('c')!.resolve();
    await settle();
    expect(started.slice(8)).to.deep.equal(['h']);

    for (const name of ['d', 'e', 'f', 'g', 'h', 'i']) answers.get(name)!.resolve();
    const settled = await Promise.allSettled(results);
    expect(settled.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).to.deep.equal(['a', 'network', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);

    // Every place is free again.
    const after = names.map((name) => limitRequests(request(`${name}2`)));
    await settle();
    expect(started.slice(9)).to.have.length(6);
    for (const name of started.slice(9)) answers.get(name)!.resolve();
    await settle();
    for (const name of started.slice(15)) answers.get(name)!.resolve();
    await Promise.all(after);
  });
});
