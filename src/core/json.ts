/**
 * Reading JSON that came from outside (an answer, a page's attribute, a merchant's object): one
 * check for "a plain object of fields", used everywhere such data is taken apart.
 */

/** A non-null object that is not an array: a JSON object's shape. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
