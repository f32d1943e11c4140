import { nextFrame } from '@open-wc/testing';

/**
 * Full garbage collections (Chromium runs the tests with --js-flags=--expose-gc) with a frame
 * between them, until none of `refs` is alive or ten rounds have passed: what a task still in flight
 * held (an event being dispatched, a frame callback) is free after a round or two, and on a loaded
 * machine a little later; what the library retains stays alive through all ten.
 */
export async function collectGarbage(refs: readonly WeakRef<object>[]): Promise<void> {
  const { gc } = globalThis as unknown as { gc: () => void };
  for (let round = 0; round < 10 && refs.some((ref) => ref.deref() !== undefined); round++) {
    gc();
    await nextFrame();
    gc();
  }
}
