import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';

const run = promisify(execFile);

describe('custom-elements.json', () => {
  it('matches what `npm run analyze` generates from the code', async () => {
    // The analyzer resolves --outdir against the working directory, so it must be relative.
    const outdir = join('node_modules', '.cache', 'manifest-check');
    await rm(outdir, { recursive: true, force: true });
    await run('npm', ['run', '--silent', 'analyze', '--', '--outdir', outdir]);
    const generated: unknown = JSON.parse(await readFile(join(outdir, 'custom-elements.json'), 'utf8'));
    const committed: unknown = JSON.parse(await readFile('custom-elements.json', 'utf8'));
    assert.deepEqual(committed, generated, 'custom-elements.json is out of date: run `npm run analyze` and commit it.');
  });
});
