/**
 * Reading what comes from outside the server helpers (a merchant's options, a callback's body,
 * Klarna's answers, what a store gives back) by the object's own properties only.
 *
 * Why: a bug elsewhere in the merchant's process (a merge or query-string library) may have set
 * fields on `Object.prototype`, and every object then seems to hold them. A client built with only
 * `{ username, password }` would take an inherited `baseUrl` and send its credentials there; an
 * inherited `verify: false` would trust a forged callback; a body of `{}` would carry an inherited
 * `authorization_token`. A field an object lacks must read as absent, whatever the prototype holds.
 */

import { ownValue } from '../core/json.js';

export { ownValue };

/**
 * The `names` that `source` holds itself, copied onto an object without a prototype. Every name is
 * set (to `undefined` when absent), so the copy can be destructured with defaults, spread, or
 * passed to code that reads other names (the core reads `locale` and `country` from endpoint
 * options), and no read of it ever reaches `Object.prototype`.
 */
export function ownFields<T extends object, K extends keyof T & string>(
  source: T | null | undefined,
  names: readonly K[],
): Pick<T, K> {
  const copy = Object.create(null) as Pick<T, K>;
  for (const name of names) copy[name] = ownValue(source, name) as T[K];
  return copy;
}

/** `fields` on an object without a prototype, for a dictionary handed to code that reads optional names from it. */
export function withoutPrototype<T extends object>(fields: T): T {
  return Object.assign(Object.create(null) as T, fields);
}
