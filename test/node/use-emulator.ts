/**
 * The emulator for a suite of Node tests: started before the suite, reset before each test,
 * closed after the suite. `const emulator = useEmulator();` at the top of a `describe` gives the
 * started one (its methods and getters work once `before` has run).
 */
import { after, before, beforeEach } from 'node:test';
import { startEmulator, type EmulatorOptions, type KlarnaEmulator } from '../../src/emulator/index.js';

export function useEmulator(options: EmulatorOptions = {}): KlarnaEmulator {
  let started: KlarnaEmulator | undefined;
  before(async () => {
    started = await startEmulator(options);
  });
  after(() => started?.close());
  beforeEach(() => started?.reset());
  return new Proxy({} as KlarnaEmulator, {
    get(_, property) {
      if (!started) throw new Error('The emulator starts in the suite\'s before hook; use it inside tests and hooks.');
      const value: unknown = Reflect.get(started, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}
