/** Assertions the Node tests share. */
import assert from 'node:assert/strict';

/** The error a promise rejects with, checked to be of `type`; fails the test when it resolves. */
export async function rejection<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(() => assert.fail('expected the call to fail'), (caught: unknown) => caught);
  assert.ok(error instanceof type, `expected a ${type.name}, got ${String(error)}`);
  return error;
}
