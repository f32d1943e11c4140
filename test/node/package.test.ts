/**
 * `npm run build` writes what package.json promises: a module and its types for every `exports`
 * entry, the `klarna-emulator` bin, and a CDN file with lit's production build.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';

const run = promisify(execFile);

interface PackageJson {
  exports: Record<string, string | { types?: string; default?: string; node?: string }>;
  bin: Record<string, string>;
}

const pkg = JSON.parse(await readFile('package.json', 'utf8')) as PackageJson;

describe('npm run build', () => {
  before(async () => {
    await run('npm', ['run', '--silent', 'build'], { maxBuffer: 16 * 1024 * 1024 });
  });

  it('writes a module and its types for every exports entry', async () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) await access(file).catch(() => assert.fail(`exports["${entry}"] points at ${file}, which the build did not write`));
      if (typeof target !== 'string') assert.ok(target.types, `exports["${entry}"] declares its types`);
    }
  });

  it('loads the Node entries in Node without a DOM', async () => {
    for (const entry of ['./core', './server', './emulator']) {
      const target = pkg.exports[entry] as { default?: string; node?: string };
      const module = (await import(`../../${target.node ?? target.default}`)) as Record<string, unknown>;
      assert.ok(Object.keys(module).length > 0, `${entry} exports something`);
    }
  });

  it('makes a runnable klarna-emulator bin', async () => {
    const bin = pkg.bin['klarna-emulator']!;
    assert.match(await readFile(bin, 'utf8'), /^#!\/usr\/bin\/env node/);
    const { stdout } = await run(process.execPath, [bin, '--help']);
    assert.match(stdout, /Usage: klarna-emulator/);
  });

  it('writes one self-contained CDN module with lit\'s production build', async () => {
    const cdn = await readFile('dist/cdn/klarna-elements.js', 'utf8');
    assert.doesNotMatch(cdn, /^import\s|\bimport\s*\(|from\s*["']lit/m, 'nothing is left to import');
    assert.doesNotMatch(cdn, /Lit is in dev mode|lit\.dev\/msg\/dev-mode/);
  });
});
