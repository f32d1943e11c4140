/**
 * Size budget of the OSM-only entry with lit bundled (sizes are deterministic, so this may be
 * asserted; times never are): what a page that imports it downloads, the entry and every chunk it
 * loads statically. Code it loads only on demand (the wording of a misconfigured placement's
 * problems) is measured apart and held to no budget here; `npm run bench` prints both, and each
 * module's share. Lower the ceiling whenever the bundle shrinks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundle } from '../bench/bundle.js';

// The architecture issue's budget: 12.5 KB (12786 B when it was set, built as the CDN file is: a
// decorator helper for fields only, oxc then terser). 11 KB is the long-term goal.
const CEILING_GZIP = 12.5 * 1024;

describe('bundle size', () => {
  it(`keeps klarna-elements/osm-placement (lit bundled) under ${CEILING_GZIP / 1024} KB gzip`, async () => {
    const { gzip, code, lazy } = await bundle('src/osm-placement/index.ts');
    assert.ok(gzip <= CEILING_GZIP, `the OSM-only bundle is ${(gzip / 1024).toFixed(2)} KB gzip, over its ceiling of ${CEILING_GZIP / 1024} KB`);
    assert.doesNotMatch(code, /Lit is in dev mode/, 'the bundle uses lit\'s production build');
    for (const chunk of [{ name: 'the entry', code }, ...lazy]) {
      assert.doesNotMatch(chunk.code, /instant-?shopping/i, `${chunk.name}: the OSM-only entry carries no Instant Shopping code`);
    }
  });
});
