/**
 * The server helpers in the runtimes docs/server.md names (Node, Deno, Bun, workers, Next.js's Edge
 * runtime): what `klarna-elements/server` loads uses only what those runtimes have, and a failure
 * inside the library (an API the runtime lacks, a bug) reaches `onError` as itself, at stage
 * `internal`, instead of being answered and reported as Klarna being unreachable. The Next.js app
 * test runs a purchase through a real Edge route (apps-nextjs.test.ts).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import ts from 'typescript';
import { EMULATOR_API_PASSWORD, EMULATOR_API_USERNAME } from '../../src/emulator/index.js';
import {
  approve,
  deny,
  handlePlaceOrder,
  InstantShoppingClient,
  MemoryPlaceOrderStore,
  type HandlePlaceOrderOptions,
  type PlaceOrderHandler,
  type PlaceOrderStage,
} from '../../src/server/index.js';
import { ORDER, purchase } from './instant-shopping-fixtures.js';
import { useEmulator } from './use-emulator.js';

const SERVER_ENTRY = resolve(import.meta.dirname, '../../src/server/index.ts');
/** The build's options, emitting ES modules as the package's `"type": "module"` makes NodeNext emit them. */
const compilerOptions = {
  ...ts.convertCompilerOptionsFromJson(
    (ts.readConfigFile(resolve(import.meta.dirname, '../../tsconfig.json'), (path) => ts.sys.readFile(path)).config as { compilerOptions: object })
      .compilerOptions,
    resolve(import.meta.dirname, '../..'),
  ).options,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};

/** Globals Node has and an Edge runtime (Next.js's, a worker) does not. */
const NODE_ONLY_GLOBALS = new Set(['Buffer', 'process', 'require', 'module', '__dirname', '__filename', 'setImmediate', 'global']);
/** Static methods some runtimes lack: `AbortSignal.any` is missing from Next.js's Edge runtime. */
const MISSING_STATICS = new Set(['AbortSignal.any']);

interface LoadedModule {
  file: string;
  /** What it imports at run time, as emitted (type-only imports are gone). */
  imports: string[];
  /** Node-only globals and missing statics it names, with their line. */
  nodeOnly: string[];
}

/** A module as the build emits it, with what it imports and which Node-only names it uses. */
async function loadedModule(file: string): Promise<LoadedModule> {
  const source = await readFile(file, 'utf8');
  const emitted = ts.transpileModule(source, { compilerOptions, fileName: file }).outputText;
  const tree = ts.createSourceFile(file, emitted, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const imports: string[] = [];
  const nodeOnly: string[] = [];
  const where = (node: ts.Node) => `line ${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1} of the emitted code`;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) imports.push(node.arguments[0]?.getText() ?? '');
    if (ts.isIdentifier(node) && NODE_ONLY_GLOBALS.has(node.text) && isFreeReference(node)) nodeOnly.push(`${node.text} (${where(node)})`);
    if (ts.isPropertyAccessExpression(node) && MISSING_STATICS.has(node.getText())) nodeOnly.push(`${node.getText()} (${where(node)})`);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return { file, imports, nodeOnly };
}

/** An identifier that names a global: not a property name (`x.process`, `{ process: … }`) nor a declaration of its own. */
function isFreeReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
  return !(ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) || parent.name !== node;
}

/** Every module `klarna-elements/server` loads, following its relative imports from the entry. */
async function modulesOfServerEntry(): Promise<LoadedModule[]> {
  const loaded = new Map<string, LoadedModule>();
  const pending = [SERVER_ENTRY];
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (loaded.has(file)) continue;
    const module = await loadedModule(file);
    loaded.set(file, module);
    for (const specifier of module.imports.filter((name) => name.startsWith('.'))) {
      pending.push(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return [...loaded.values()];
}

/** Runs `check` with `name` gone from the global object, as in a runtime that lacks it. */
async function withoutGlobal<T>(name: string, check: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name)!;
  Reflect.deleteProperty(globalThis, name);
  try {
    return await check();
  } finally {
    Object.defineProperty(globalThis, name, descriptor);
  }
}

describe('what klarna-elements/server loads', () => {
  it('imports nothing at run time but its own modules: no node: built-in, no dependency', async () => {
    const modules = await modulesOfServerEntry();
    assert.ok(modules.some((module) => module.file.endsWith('node.ts')), 'the Node adapters are part of the entry');
    const outside = modules.flatMap((module) => module.imports.filter((name) => !name.startsWith('.')).map((name) => `${module.file}: ${name}`));
    assert.deepEqual(outside, []);
  });

  it('names no global an Edge runtime lacks (Buffer, process, setImmediate, AbortSignal.any, …)', async () => {
    const modules = await modulesOfServerEntry();
    const found = modules.flatMap((module) => module.nodeOnly.map((use) => `${module.file.replace(/^.*\/src\//, 'src/')}: ${use}`));
    assert.deepEqual(found, []);
  });
});

describe('the server helpers in a sandbox of their own (Next.js\'s Edge runtime)', () => {
  const emulator = useEmulator();

  /**
   * Runs `check` where `AbortSignal` is another realm's class, as inside Next.js's Edge sandbox:
   * the signals of requests made outside it (Node's) are not instances of it.
   */
  async function inAnotherRealm<T>(check: () => Promise<T>): Promise<T> {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'AbortSignal')!;
    Object.defineProperty(globalThis, 'AbortSignal', { ...descriptor, value: class AbortSignal extends EventTarget {} });
    try {
      return await check();
    } finally {
      Object.defineProperty(globalThis, 'AbortSignal', descriptor);
    }
  }

  it('takes the callback\'s signal from outside the sandbox, and places a real purchase (it was refused as a forged token)', async () => {
    const client = new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
    const { authorization_token: token } = (await (await purchase(emulator, 'key-without-callback')).json()) as { authorization_token: string };
    const stages: PlaceOrderStage[] = [];
    const callback = new Request('http://shop.test/klarna/place-order', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authorization_token: token, order: ORDER }),
    });
    const response = await inAnotherRealm(() =>
      handlePlaceOrder(callback, () => approve(), { client, store: new MemoryPlaceOrderStore(), onError: (_error, stage) => void stages.push(stage) }));
    assert.deepEqual([response.status, ((await response.json()) as { outcome?: string }).outcome], [200, 'accepted']);
    assert.deepEqual(stages, []);
    const controller = new AbortController();
    const order = await inAnotherRealm(() => client.getAuthorization(token, { signal: controller.signal }));
    assert.equal(order.order_amount, ORDER.order_amount);
  });
});

describe('handlePlaceOrder, when something fails inside the library', () => {
  const emulator = useEmulator();
  let errors: { stage: PlaceOrderStage; error: unknown }[];
  let handlerRuns: number;
  let store: MemoryPlaceOrderStore;

  beforeEach(() => {
    errors = [];
    handlerRuns = 0;
    store = new MemoryPlaceOrderStore();
  });

  const client = () => new InstantShoppingClient({ username: EMULATOR_API_USERNAME, password: EMULATOR_API_PASSWORD, baseUrl: emulator.url });
  const options = (given = client()): HandlePlaceOrderOptions => ({
    client: given, store, onError: (error, stage) => void errors.push({ stage, error }), fallbackDenyMessage: 'Sorry.',
  });
  const counted = (decide: PlaceOrderHandler): PlaceOrderHandler => (request) => {
    handlerRuns++;
    return decide(request);
  };
  /** A real authorization, as the emulated dialog's "Buy" makes for a key with no place_order URL. */
  const authorizationToken = async () =>
    ((await (await purchase(emulator, 'key-without-callback')).json()) as { authorization_token: string }).authorization_token;
  const callback = (token: string) =>
    new Request('http://shop.test/klarna/place-order', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authorization_token: token, order: ORDER }) });
  /** A client whose `method` throws what a bug or a missing API throws, before anything reaches Klarna. */
  const failingAt = (method: 'getAuthorization' | 'placeOrder' | 'denyAuthorization', error: Error) =>
    Object.assign(client(), { [method]: () => Promise.reject(error) });

  it('answers 500 and reports the error at stage internal when the runtime lacks an API it needs, and a later delivery decides', async () => {
    const token = await authorizationToken();
    const first = callback(token);
    // Every request made without AbortController fails inside the core, before any fetch: the runtime lacks it.
    const response = await withoutGlobal('AbortController', () => handlePlaceOrder(first, counted(() => approve()), options()));
    assert.deepEqual([response.status, await response.json()], [500, { error: 'the place_order callback could not be handled' }]);
    assert.deepEqual(errors.map(({ stage }) => stage), ['internal'], 'not "verify": Klarna was never asked');
    const error = errors[0]?.error;
    assert.ok(error instanceof ReferenceError, 'the error as it was thrown');
    assert.match(error.message, /AbortController/);
    assert.equal(handlerRuns, 0);

    const later = await handlePlaceOrder(callback(token), counted(() => approve()), options());
    assert.deepEqual([later.status, ((await later.json()) as { outcome: string }).outcome], [200, 'accepted'], 'the token was left free');
    assert.equal(handlerRuns, 1);
  });

  it('reports a bug in reading the order, placing it, or denying it as internal, never as Klarna unreachable, and sends no deny', async () => {
    const cases: [string, InstantShoppingClient, PlaceOrderHandler, PlaceOrderStage[]][] = [
      ['reading the order', failingAt('getAuthorization', new TypeError('getAuthorization broke')), () => approve(), ['internal']],
      ['placing it', failingAt('placeOrder', new TypeError('placeOrder broke')), () => approve(), ['internal']],
      ['denying it', failingAt('denyAuthorization', new TypeError('denyAuthorization broke')), () => deny({ code: 'address_error' }), ['internal']],
      ['denying it after the handler failed', failingAt('denyAuthorization', new TypeError('denyAuthorization broke')), () => {
        throw new Error('stock service down');
      }, ['handler', 'internal']],
    ];
    for (const [step, broken, decide, stages] of cases) {
      errors = [];
      const token = await authorizationToken();
      const response = await handlePlaceOrder(callback(token), decide, options(broken));
      assert.deepEqual([response.status, await response.json()], [500, { error: 'the place_order callback could not be handled' }], step);
      assert.deepEqual(errors.map(({ stage }) => stage), stages, step);
      assert.match((errors.at(-1)!.error as Error).message, /broke$/, `${step}: the error as it was thrown`);
      // Nothing was decided at Klarna: with the bug gone, the next delivery decides, and Klarna takes it.
      const later = await handlePlaceOrder(callback(token), () => approve(), options());
      assert.equal(later.status, 200, step);
    }
  });

  it('reports a failure of its own while reading the body as internal, not as a body the caller could not send', async () => {
    const response = await withoutGlobal('TextDecoder', () => handlePlaceOrder(callback('token'), counted(() => approve()), options()));
    assert.deepEqual([response.status, await response.json()], [500, { error: 'the place_order callback could not be handled' }]);
    assert.deepEqual(errors.map(({ stage }) => stage), ['internal']);
    assert.ok(errors[0]!.error instanceof ReferenceError);
    assert.equal(handlerRuns, 0);
  });
});
