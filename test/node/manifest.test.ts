import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';

const run = promisify(execFile);

describe('custom-elements.json', () => {
  it('and the framework types generated from it match what `npm run analyze` generates from the code', async () => {
    // The analyzer resolves --outdir against the working directory, so it must be relative.
    const outdir = join('node_modules', '.cache', 'manifest-check');
    await rm(outdir, { recursive: true, force: true });
    await run('npm', ['run', '--silent', 'analyze', '--', '--outdir', outdir], { env: { ...process.env, KLARNA_TYPES_OUTDIR: join(outdir, 'types') } });
    const generated: unknown = JSON.parse(await readFile(join(outdir, 'custom-elements.json'), 'utf8'));
    const committed: unknown = JSON.parse(await readFile('custom-elements.json', 'utf8'));
    assert.deepEqual(committed, generated, 'custom-elements.json is out of date: run `npm run analyze` and commit it.');

    // The JSX, Vue and Svelte types the same run generates from the manifest.
    const typeFiles = (await readdir(join(outdir, 'types'))).sort();
    assert.deepEqual(typeFiles, ['jsx.d.ts', 'svelte.d.ts', 'vue.d.ts']);
    assert.deepEqual((await readdir('src/types')).sort(), typeFiles, 'src/types holds exactly the generated files');
    for (const file of typeFiles) {
      const fresh = await readFile(join(outdir, 'types', file), 'utf8');
      assert.equal(await readFile(join('src/types', file), 'utf8'), fresh, `src/types/${file} is out of date: run \`npm run analyze\` and commit it.`);
    }
  });
});
