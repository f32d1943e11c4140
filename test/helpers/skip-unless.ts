/**
 * Skips a test, or a suite, in the engines that cannot run it (test/helpers/engines.ts says which
 * can), with the reason written where it is skipped and printed in the run's browser logs. In every
 * other engine the test runs as written: nothing here weakens an assertion.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { CAPABILITIES, ENGINES, type Capability, type Engine } from './engines.js';

let asked: Promise<Engine> | undefined;

/** The engine this page runs in, as web-test-runner.config.js named its launcher (the `test-engine` command). */
export function currentEngine(): Promise<Engine> {
  asked ??= executeServerCommand<Engine, undefined>('test-engine').then((engine) => {
    if (!engine || !ENGINES.includes(engine)) throw new Error(`web-test-runner.config.js named no engine for this page (${String(engine)})`);
    return engine;
  });
  return asked;
}

async function skipIfMissing(context: Mocha.Context, capability: Capability, reason: string): Promise<void> {
  const engine = await currentEngine();
  if (CAPABILITIES[engine].includes(capability)) return;
  console.log(`skipped in ${engine} (no ${capability}): ${reason}`);
  context.skip();
}

/**
 * In a `describe`: skips its tests in an engine without `capability`. In a test, as
 * `await skipUnless(capability, reason, this)` first thing: skips that test.
 */
export function skipUnless(capability: Capability, reason: string): void;
export function skipUnless(capability: Capability, reason: string, test: Mocha.Context): Promise<void>;
export function skipUnless(capability: Capability, reason: string, test?: Mocha.Context): Promise<void> | void {
  if (test) return skipIfMissing(test, capability, reason);
  before(function () {
    return skipIfMissing(this, capability, reason);
  });
}
