/**
 * The packed tarball in real apps (test/apps/, see harness.ts), each checked with its own
 * toolchain: TypeScript 5.9, 6 and 7 over the published declarations with `strict` and
 * `skipLibCheck: false`, and vue-tsc over Vue single-file components.
 */
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { installApp, runIn } from '../apps/harness.js';

const TYPESCRIPTS = { ts5: 'npm:typescript@~5.9.3', ts6: 'npm:typescript@~6.0.3', ts7: 'npm:typescript@~7.0.2' };

describe('a TypeScript app from the packed tarball', () => {
  let dir: string;
  before(async () => {
    dir = await installApp('typescript', { ...TYPESCRIPTS, '@types/node': '^20.19.0' });
  });

  it('installs no React, and no React types, into a project without React', async () => {
    for (const needless of ['react', '@types/react', '@lit/react']) {
      await assert.rejects(access(join(dir, 'node_modules', needless)), `${needless} is not installed`);
    }
  });

  for (const [compiler, version] of Object.entries(TYPESCRIPTS)) {
    it(`compiles browser and server code against the declarations with TypeScript ${version.split('@').pop()}, strict, skipLibCheck false`, async () => {
      await runIn(dir, 'node', [`node_modules/${compiler}/bin/tsc`, '-p', 'tsconfig.browser.json']);
      await runIn(dir, 'node', [`node_modules/${compiler}/bin/tsc`, '-p', 'tsconfig.server.json']);
    });
  }
});

describe('a Vue app from the packed tarball, checked with vue-tsc', () => {
  let dir: string;
  before(async () => {
    dir = await installApp('vue', { vue: '^3.5.0', 'vue-tsc': '^3.0.0', typescript: '~5.9.3' });
  });

  it('accepts the README\'s component: kebab-case attributes, .prop bindings, and handlers typed from the event', async () => {
    await runIn(dir, 'node', ['node_modules/vue-tsc/bin/vue-tsc.js', '-p', 'tsconfig.json']);
  });

  it('refuses a wrong placement key, a text amount, a detail field that does not exist and text for order lines', async () => {
    const output = await runIn(dir, 'node', ['node_modules/vue-tsc/bin/vue-tsc.js', '-p', 'tsconfig.wrong.json']).then(
      () => assert.fail('vue-tsc accepted every wrong binding'),
      (error: Error) => error.message,
    );
    const lines = [...output.matchAll(/WrongProps\.vue\((\d+),\d+\): error/g)].map((match) => Number(match[1]));
    assert.deepEqual([...new Set(lines)].sort((a, b) => a - b), [7, 8, 9, 10], output);
  });
});
