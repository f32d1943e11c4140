/**
 * Data from outside the emulator (its options, its config, a request's body) read through own
 * properties only. In a Node process whose `Object.prototype` was polluted (a dependency's deep
 * merge of someone's JSON, say), reading a field that an object lacks would give the polluter's
 * value: an origin allowed, a host to listen on, a fault's status. The emulator copies such data
 * into objects that have no prototype at all, once, where it comes in, so that no later read can
 * reach one.
 */
import { isRecord } from '../core/json.js';

/** Keys that an object literal or an assignment would take as its prototype or constructor. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Where a value holds a key no object should: `__proto__`, `constructor` or `prototype`, at any depth. */
export function unsafeKeyPaths(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeKeyPaths(item, `${path}[${index}]`));
  if (!isRecord(value)) return [];
  return Object.keys(value).flatMap((key) => {
    if (UNSAFE_KEYS.has(key)) return [`${path}["${key}"]`];
    return unsafeKeyPaths(value[key], `${path}.${key}`);
  });
}

/**
 * A shallow copy of an options object's own fields, on an object without a prototype: a field the
 * caller did not give reads as `undefined`.
 */
export function ownFields<T extends object>(options: T | undefined): Partial<T> {
  const copy = Object.create(null) as Partial<T>;
  if (!options) return copy;
  // Object.fromEntries defines each key, `__proto__` included, as a plain own property.
  return Object.assign(copy, Object.fromEntries(Object.entries(options)));
}

/**
 * A deep copy of JSON-like data in which every object has no prototype (arrays stay arrays, with
 * no holes). It also serves as the config's clone: `structuredClone` would give the prototype back.
 */
export function ownData<T>(value: T): T {
  if (Array.isArray(value)) return Array.from(value, (item: unknown) => ownData(item)) as T;
  if (!isRecord(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, ownData(item)] as const);
  return Object.setPrototypeOf(Object.fromEntries(entries), null) as T;
}

/** `JSON.parse`, with every object it makes without a prototype. Throws a `SyntaxError` as `JSON.parse` does. */
export function parseOwnJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    // The parser made this object a moment ago and nothing else holds it yet.
    if (isRecord(value)) Object.setPrototypeOf(value, null);
    return value;
  });
}
