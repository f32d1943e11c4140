/**
 * The core on what an Edge runtime has (Next.js's, among the runtimes docs/server.md names): no
 * `AbortSignal.any`. A request still times out, still honours the caller's abort, still answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KlarnaHttpError } from '../../src/core/http.js';
import { requestJson } from '../../src/core/request-json.js';
import { useEmulator } from './use-emulator.js';

/** Runs `check` in a runtime without `AbortSignal.any`, as Next.js's Edge runtime is. */
async function withoutAbortSignalAny(check: () => Promise<void>): Promise<void> {
  const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any')!;
  Reflect.deleteProperty(AbortSignal, 'any');
  try {
    await check();
  } finally {
    Object.defineProperty(AbortSignal, 'any', any);
  }
}

describe('the core without AbortSignal.any (an Edge runtime)', () => {
  const emulator = useEmulator();
  const messaging = () => `${emulator.url}/messaging/v3?client_id=e8b2f2a4-1c3d-4e5f-8a9b-0c1d2e3f4a5b&placement_key=credit-promotion-badge&locale=en-US&purchase_amount=10000`;

  it('answers, times out, and reports a caller\'s abort as aborted', async () => {
    await withoutAbortSignalAny(async () => {
      assert.equal((await requestJson(messaging(), { headers: { 'user-agent': 'edge' } })).status, 200);
      emulator.configure({ faults: [{ path: '/messaging/v3', latencyMs: 2000 }] });
      const timedOut = await requestJson(messaging(), { timeout: 50 }).catch((error: unknown) => error);
      assert.ok(timedOut instanceof KlarnaHttpError);
      assert.equal(timedOut.code, 'timeout');
      const controller = new AbortController();
      const pending = requestJson(messaging(), { signal: controller.signal }).catch((error: unknown) => error);
      controller.abort();
      const aborted = await pending;
      assert.ok(aborted instanceof KlarnaHttpError);
      assert.equal(aborted.code, 'aborted');
    });
  });
});
