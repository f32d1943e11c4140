/**
 * Reading JSON that came from outside (an answer, a page's attribute, a merchant's object): one
 * check for "a plain object of fields", used everywhere such data is taken apart.
 */

/** A non-null object that is not an array: a JSON object's shape. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What `record` holds itself under `name`; `undefined` when it only inherits it, or is not an
 * object. Data from outside is read this way: a script or a library elsewhere in the page or the
 * process may have put fields on `Object.prototype`, and a field an object lacks must read as
 * absent, whatever the prototype holds.
 */
export function ownValue(record: unknown, name: string): unknown {
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, name)) return undefined;
  return (record as Record<string, unknown>)[name];
}
