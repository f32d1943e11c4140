/**
 * The README's pictures are made by scripts/screenshots.ts from the demo against the emulator. This
 * runs the script as `npm run screenshots` would, into a scratch folder: it fails when the demo can
 * no longer show one of them (the script checks each picture shows what it claims), and checks the
 * README shows every picture the script makes, from docs/images/, with the script's description.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SCREENSHOTS, takeScreenshots } from '../../scripts/screenshots.js';

const repository = resolve(import.meta.dirname, '../..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size, from its header (IHDR, the first chunk). */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE, 'a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('screenshots (scripts/screenshots.ts)', () => {
  let folder: string;
  let written: string[];

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'klarna-screenshots-'));
    written = await takeScreenshots(folder);
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('makes every picture from the demo', async () => {
    assert.deepEqual(new Set(written), new Set(Object.values(SCREENSHOTS).map((shot) => shot.file)));
    for (const file of written) {
      const { width, height } = pngSize(await readFile(join(folder, file)));
      assert.ok(width >= 200 && height >= 40, `${file} is ${width}×${height}: too small to show a message`);
    }
    const storefront = pngSize(await readFile(join(folder, SCREENSHOTS.storefront.file)));
    assert.deepEqual(storefront, { width: 1280, height: 800 }, 'the storefront at a desktop viewport');
  });

  it('the README shows each of them from docs/images/, described as the script describes it', async () => {
    const readme = await readFile(join(repository, 'README.md'), 'utf8');
    for (const shot of Object.values(SCREENSHOTS)) {
      assert.ok(readme.includes(`![${shot.alt}](docs/images/${shot.file})`), `README.md shows ${shot.file}`);
      pngSize(await readFile(join(repository, 'docs/images', shot.file)));
    }
  });
});
