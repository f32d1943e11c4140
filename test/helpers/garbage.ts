import { nextFrame } from '@open-wc/testing';

/**
 * Full garbage collections (Chromium runs the tests with --js-flags=--expose-gc) with a frame
 * between them, until none of `refs` is alive or sixty rounds (a second or more) have passed. What
 * a task still in flight held (an event being dispatched, a frame callback, an image a removed
 * message was still loading) is free after a round or two, and on a loaded machine a little later:
 * ten rounds were once too few in a run of all three engines (six of 300 routes still alive). What
 * the library retains stays alive through all sixty. Firefox and WebKit give a page no `gc()`: a
 * test that calls this skips them with `skipUnless('gc', …)`.
 */
export async function collectGarbage(refs: readonly WeakRef<object>[]): Promise<void> {
  const { gc } = globalThis as unknown as { gc?: () => void };
  if (!gc) throw new Error('This engine gives the page no gc(): skip the test here with skipUnless(\'gc\', reason, this) (test/helpers/skip-unless.ts).');
  for (let round = 0; round < 60 && refs.some((ref) => ref.deref() !== undefined); round++) {
    gc();
    await nextFrame();
    gc();
  }
}
