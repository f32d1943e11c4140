/**
 * How the Instant Shopping SDK's refusals are worded (`describeSdkError`): from the SDK's own
 * fields only, and never a throw, whatever the error holds or the process has on Object.prototype.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeSdkError } from '../../src/protocol/instant-shopping.js';

describe('describeSdkError', () => {
  it('words Klarna\'s messages, or the error\'s own message', () => {
    assert.equal(describeSdkError({ error_code: 'BAD_VALUE', error_messages: ['Bad value: order_lines'] }), 'Bad value: order_lines');
    assert.equal(describeSdkError(new Error('blocked')), 'blocked');
    assert.equal(describeSdkError('not offered'), 'not offered');
  });

  it('reads no message a polluted Object.prototype lends', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.message = 'from the prototype';
    prototype.error_messages = ['from the prototype'];
    try {
      assert.equal(describeSdkError({ error_code: 'X' }), '{"error_code":"X"}');
    } finally {
      delete prototype.message;
      delete prototype.error_messages;
    }
  });

  it('never throws: a cycle, a BigInt, an object with no prototype', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(describeSdkError(cycle), '[object Object]');
    assert.equal(describeSdkError({ amount: 10n }), '[object Object]');
    assert.equal(describeSdkError(Object.create(null)), '{}');
    assert.equal(describeSdkError(undefined), 'undefined');
  });
});
