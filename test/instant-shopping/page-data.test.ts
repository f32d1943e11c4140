/**
 * Reading the data a page gives the Instant Shopping host, without a host: what the copy holds,
 * the problems that name what is not data (too deep, a cycle, too large, a bigint, a throwing
 * getter), and the copies and comparisons that go to the SDK, on a page whose scripts changed the
 * built-in prototypes.
 */
import { expect } from '@open-wc/testing';
import {
  DataReader, MAX_DATA_DEPTH, MAX_DATA_VALUES, describeThrown, sameData, sdkCopy,
} from '../../src/instant-shopping/page-data.js';

/** Arrays nested `depth` deep, built without recursion. */
function nested(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

/** One value read by a fresh reader: its copy, and the problems it had. */
function readOne(value: unknown, name = 'orderLines'): { copy: unknown; problems: string[] } {
  const reader = new DataReader();
  const copy = reader.read(value, name);
  return { copy, problems: reader.problems };
}

/** Runs `body` with `name` set on a built-in prototype (enumerable, as an old library's assignment), then takes it away. */
function withPrototypeField(prototype: object, name: string, value: unknown, body: () => void): void {
  const target = prototype as Record<string, unknown>;
  target[name] = value;
  try {
    body();
  } finally {
    delete target[name];
  }
}

describe('the data a page gives the Instant Shopping host', () => {
  it('copies own fields only, into objects without a prototype, leaving out keys that reach a prototype', () => {
    const line = JSON.parse('{ "name": "Power Pack", "__proto__": { "polluted": true }, "constructor": 1, "tags": ["a", null] }') as object;
    const { copy, problems } = readOne([Object.assign(line, { skipped: undefined })]);
    expect(problems).to.deep.equal([]);
    const [copied] = copy as Record<string, unknown>[];
    expect(Object.getPrototypeOf(copied)).to.equal(null);
    expect(Object.keys(copied!)).to.deep.equal(['name', 'tags']);
    expect(copied!.tags).to.deep.equal(['a', null]);
  });

  it('takes data nested as deep as the limit, and names the field of data nested deeper, however deep', () => {
    expect(readOne(nested(MAX_DATA_DEPTH)).problems).to.deep.equal([]);
    const message = `orderLines[0] nests deeper than ${MAX_DATA_DEPTH} levels: Klarna's fields nest a few levels at most`;
    expect(readOne(nested(MAX_DATA_DEPTH + 1)).problems).to.deep.equal([message]);
    expect(readOne(nested(100_000)).problems).to.deep.equal([message]);
    const deepObject = { styling: { theme: {} as Record<string, unknown> } };
    let level = deepObject.styling.theme;
    for (let depth = 0; depth < 100_000; depth++) level = (level.inner = {});
    expect(readOne(deepObject, 'options').problems).to.deep.equal([
      `options.styling nests deeper than ${MAX_DATA_DEPTH} levels: Klarna's fields nest a few levels at most`,
    ]);
  });

  it('names data that contains itself, and copies data shared in two places twice', () => {
    const line: Record<string, unknown> = { name: 'Power Pack' };
    line.self = line;
    expect(readOne([line]).problems).to.deep.equal(['orderLines[0].self contains itself (a cycle): give plain data']);
    const shared = { id: 'x' };
    const { copy, problems } = readOne([shared, shared]);
    expect([problems, copy]).to.deep.equal([[], [{ id: 'x' }, { id: 'x' }]]);
  });

  it('stops at its budget of values, for data too large (an array of a huge length, shared parts that multiply)', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    let multiplied: unknown[] = ['leaf'];
    for (let level = 0; level < 30; level++) multiplied = [multiplied, multiplied];
    const started = performance.now();
    for (const value of [sparse, multiplied]) {
      expect(readOne(value).problems[0]).to.match(new RegExp(`^orderLines\\S* takes the data past ${MAX_DATA_VALUES} values`));
    }
    expect(performance.now() - started).to.be.below(2000);
    const reader = new DataReader();
    reader.read(new Array(MAX_DATA_VALUES - 1).fill(1), 'orderLines');
    reader.read([1, 2], 'items');
    expect(reader.problems, 'one budget for all the fields of an update').to.have.length(1);
  });

  it('names what is not data, and a field whose getter or proxy throws, without throwing', () => {
    const getter = Object.defineProperty({}, 'name', { enumerable: true, get: () => { throw new Error('gone'); } });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(readOne([{ unit_price: 10n }]).problems).to.deep.equal([
      'orderLines[0].unit_price is a bigint, not data: give strings, numbers, booleans, null, arrays and objects',
    ]);
    expect(readOne({ hook: () => 1 }, 'options').problems[0]).to.match(/^options\.hook is a function, not data/);
    expect(readOne([getter]).problems).to.deep.equal(['orderLines[0] could not be read (gone)']);
    expect(readOne(proxy, 'options').problems[0]).to.match(/^options could not be read \(.*revoked/);
  });

  it('reads the fields of an object the host made one by one, each named, leaving out unsafe keys', () => {
    const reader = new DataReader();
    const json = JSON.parse('{ "__proto__": { "polluted": true }, "order_lines": [], "styling": {} }') as Record<string, unknown>;
    json.styling = nested(100_000);
    const fields = reader.readFields(json, (key) => key, ' in the <script type="application/json"> child');
    expect(Object.keys(fields)).to.deep.equal(['order_lines', 'styling']);
    expect(fields.styling).to.equal(undefined);
    expect(reader.problems).to.deep.equal([
      `styling[0] in the <script type="application/json"> child nests deeper than ${MAX_DATA_DEPTH} levels: Klarna's fields nest a few levels at most`,
    ]);
  });

  it('copies and compares data as it is, on a page whose scripts gave the prototypes toJSON and enumerable fields', () => {
    const options = { order_lines: [{ name: 'Power Pack', tags: ['a'] }], shipping_countries: ['SE'] };
    const prototypeJsToJson = function (this: unknown[]) {
      return `[${this.map((item) => JSON.stringify(item)).join(', ')}]`;
    };
    withPrototypeField(Array.prototype, 'toJSON', prototypeJsToJson, () => {
      withPrototypeField(Object.prototype, 'toJSON', () => ({}), () => {
        withPrototypeField(Object.prototype, 'extra', {}, () => {
          const read = readOne(options, 'options').copy;
          const copy = sdkCopy(read) as typeof options;
          expect(Array.isArray(copy.order_lines) && Array.isArray(copy.shipping_countries)).to.equal(true);
          expect(Object.getPrototypeOf(copy)).to.equal(Object.prototype, 'the SDK gets ordinary objects');
          expect(Object.keys(copy)).to.deep.equal(['order_lines', 'shipping_countries']);
          expect(Object.keys(copy.order_lines[0]!)).to.deep.equal(['name', 'tags']);
          expect(sameData(copy, options)).to.equal(true);
          expect(sameData(copy, { ...options, shipping_countries: ['NO'] })).to.equal(false);
        });
      });
    });
  });

  it('compares data by its own fields in any order, and tells arrays from objects', () => {
    expect(sameData({ a: 1, b: [1, { c: NaN }] }, { b: [1, { c: NaN }], a: 1 })).to.equal(true);
    expect(sameData([1], { 0: 1 })).to.equal(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).to.equal(false);
    expect(sameData({ a: undefined }, { b: undefined })).to.equal(false);
    const keyed = sdkCopy(JSON.parse('{ "__proto__": { "x": 1 } }') as unknown);
    expect([Object.getPrototypeOf(keyed), Object.keys(keyed as object)]).to.deep.equal([Object.prototype, ['__proto__']]);
  });

  it('says what anything thrown says, even what cannot be made text', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeThrown(new TypeError('boom'))).to.equal('boom');
    expect(describeThrown('plain')).to.equal('plain');
    expect(describeThrown(Object.create(null))).to.equal('an error that cannot be shown as text');
    expect(describeThrown(proxy)).to.equal('an error that cannot be shown as text');
  });
});
