/**
 * The data a page gives the host (its properties, `options`, the fields of its JSON child), read
 * into a copy that is that data and nothing else, and the copies of it handed on to Klarna's SDK.
 *
 * A page's other scripts may have changed the built-in prototypes: an old `Array.prototype.toJSON`
 * that returns a string (Prototype.js 1.6), an `Object.prototype.toJSON`, enumerable fields on
 * `Object.prototype`. So nothing here goes through JSON: a copy takes own enumerable fields only,
 * calls no `toJSON`, leaves out the keys that would reach a prototype when the SDK merges it
 * (`__proto__`, `constructor`, `prototype`), and the host's copy has no prototype, so that the
 * checks read no field the page did not give.
 *
 * Reading never throws and never runs away: data nested deeper than a product page needs, data
 * that contains itself, more values than a page could mean, a value that is not data (a bigint,
 * a function) or a field whose getter throws is a problem that names the field.
 */

/** How deep a field's data may nest. Klarna's own shapes nest four levels (`order_lines[0].shipping_attributes.dimensions.height`). */
export const MAX_DATA_DEPTH = 32;

/** How many values one host's data may hold in all: far above a product page's, far below what would stall one. */
export const MAX_DATA_VALUES = 100_000;

/** Keys that reach a prototype when the SDK copies or merges the data. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What keeps the data from being read, said to the merchant; thrown inside the walk, kept by the reader. */
class DataProblem extends Error {}

/**
 * Reads the data of one host update, each piece through `read`, all of them within one budget of
 * values, and keeps what kept any of them from being read.
 */
export class DataReader {
  /** What kept data from being read: one message a piece, each naming where it is. */
  readonly problems: string[] = [];
  /** Values read so far, for all pieces. */
  #values = 0;
  /** The objects and arrays that contain the value being read: one of them again is a cycle. */
  #containers: object[] = [];
  /** Where the piece being read is, one level down (`orderLines[2]`, `options.styling`): a depth problem names it. */
  #near = '';

  /**
   * `value` as data, in objects without a prototype; `undefined`, and a problem kept, when it is
   * not data. `name` is how the merchant gives it (`orderLines`, `options`), `where` where from.
   */
  read(value: unknown, name: string, where = ''): unknown {
    this.#containers = [];
    this.#near = name;
    try {
      return this.#copy(value, name, 0, where);
    } catch (error) {
      const problem = error instanceof DataProblem ? error.message : `${name}${where} could not be read (${describeThrown(error)})`;
      this.problems.push(problem);
      return undefined;
    }
  }

  /** The fields of an object the host made itself (its properties, the parsed JSON child), each read and named on its own. */
  readFields(record: Record<string, unknown>, nameOf: (key: string) => string, where = ''): Record<string, unknown> {
    const fields = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = UNSAFE_KEYS.has(key) ? undefined : record[key];
      if (value !== undefined) fields[key] = this.read(value, nameOf(key), where);
    }
    return fields;
  }

  #copy(value: unknown, at: string, depth: number, where: string): unknown {
    this.#values += 1;
    if (this.#values > MAX_DATA_VALUES) {
      throw new DataProblem(`${at}${where} takes the data past ${MAX_DATA_VALUES} values: give Klarna the product's data only`);
    }
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
      throw new DataProblem(`${at}${where} is a ${typeof value}, not data: give strings, numbers, booleans, null, arrays and objects`);
    }
    if (typeof value !== 'object' || value === null) return value;
    if (depth === 1) this.#near = at;
    if (depth >= MAX_DATA_DEPTH) {
      throw new DataProblem(`${this.#near}${where} nests deeper than ${MAX_DATA_DEPTH} levels: Klarna's fields nest a few levels at most`);
    }
    if (this.#containers.includes(value)) throw new DataProblem(`${at}${where} contains itself (a cycle): give plain data`);
    this.#containers.push(value);
    const copy = this.#copyContainer(value, at, depth, where);
    this.#containers.pop();
    return copy;
  }

  /** An array or an object, read field by field; what its getters or a proxy's traps throw names it. */
  #copyContainer(container: object, at: string, depth: number, where: string): unknown {
    try {
      if (Array.isArray(container)) return this.#copyList(container as unknown[], at, depth, where);
      return this.#copyRecord(container as Record<string, unknown>, at, depth, where);
    } catch (error) {
      if (error instanceof DataProblem) throw error;
      throw new DataProblem(`${at}${where} could not be read (${describeThrown(error)})`);
    }
  }

  #copyList(list: unknown[], at: string, depth: number, where: string): unknown[] {
    const copy: unknown[] = [];
    // By index, not by iterator: a hole reads as undefined, and a huge length meets the budget.
    for (let index = 0; index < list.length; index++) {
      copy[index] = this.#copy(list[index], `${at}[${index}]`, depth + 1, where);
    }
    return copy;
  }

  #copyRecord(record: Record<string, unknown>, at: string, depth: number, where: string): Record<string, unknown> {
    const copy = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const field = UNSAFE_KEYS.has(key) ? undefined : record[key];
      // A field set to undefined is a field not given, as in JSON.
      if (field !== undefined) copy[key] = this.#copy(field, `${at}.${key}`, depth + 1, where);
    }
    return copy;
  }
}

/**
 * A copy of data with ordinary objects, as `JSON.parse` would make them but with no `toJSON`
 * called: what the SDK is given, and what it may keep or change without touching the host's.
 * Data read through {@link DataReader}: its depth is bounded and it holds no cycle.
 */
export function sdkCopy<T>(data: T): T {
  return copyWithPrototypes(data) as T;
}

function copyWithPrototypes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    for (let index = 0; index < value.length; index++) list[index] = copyWithPrototypes(value[index]);
    return list;
  }
  const record = value as Record<string, unknown>;
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(record)) entries.push([key, copyWithPrototypes(record[key])]);
  // fromEntries defines each field: a `__proto__` key given here stays a field, never a prototype.
  return Object.fromEntries(entries);
}

/** Whether two pieces of data are the same: the same own fields with the same values, in any order. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameData(ownField(a, key), ownField(b, key)));
}

/** A field the object has itself, never one inherited from a prototype a page's script changed. */
export function ownField(record: unknown, key: string): unknown {
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, key)) return undefined;
  return (record as Record<string, unknown>)[key];
}

/** What a thrown value says, whatever was thrown: an Error, a string, a revoked proxy, an object with no `toString`. */
export function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an error that cannot be shown as text';
  }
}
