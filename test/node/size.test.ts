/**
 * Size budget of the OSM-only entry with lit bundled (sizes are deterministic, so this may be
 * asserted; times never are): what a page that imports it downloads, the entry and every chunk it
 * loads statically. Code it loads only on demand (the wording of a misconfigured placement's
 * problems) is measured apart and held to no budget here; `npm run bench` prints both, and each
 * module's share.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundle, OSM_ENTRY_CEILING_GZIP as CEILING_GZIP } from '../bench/bundle.js';

describe('bundle size', () => {
  it(`keeps klarna-elements/osm-placement (lit bundled) at most ${CEILING_GZIP} B gzip (13.5 KiB)`, async () => {
    const { gzip, code, lazy, loadedFiles } = await bundle('src/osm-placement/index.ts');
    assert.ok(gzip <= CEILING_GZIP, `the OSM-only bundle is ${gzip} B gzip, over its ceiling of ${CEILING_GZIP} B`);
    // Code loaded on demand that imports a value from the entry makes the bundler move what they
    // share (lit with it) into a chunk of its own, and the glue between them costs the entry
    // about 100 B: pass such values in instead (see link-window.ts, impression-controller.ts).
    assert.deepEqual(loadedFiles, ['bundle.js'], 'the entry shares no chunk with code it loads on demand');
    // A browser that knows no :state() (Chrome before 125, Safari before 17.4) drops a whole
    // selector list holding one, [hidden] with it, unless it sits inside the forgiving :is().
    assert.ok(!/:host\(:state\(/.test(code), 'the shipped styles put :state() only inside :is()');
    assert.doesNotMatch(code, /Lit is in dev mode/, 'the bundle uses lit\'s production build');
    for (const chunk of [{ name: 'the entry', code }, ...lazy]) {
      assert.doesNotMatch(chunk.code, /instant-?shopping/i, `${chunk.name}: the OSM-only entry carries no Instant Shopping code`);
    }
  });
});
