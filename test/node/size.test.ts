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

// The architecture issue's goal is 12.5 KB, and 11 KB in the long run. Until the code is there,
// this ceiling keeps the entry from growing back (13100 B when it was set: +69 B for hydration
// safety, `defer-hydration` and custom states instead of a reflected `state` attribute).
const GOAL_GZIP = 12.5 * 1024;
const CEILING_GZIP = 12.8 * 1024;

describe('bundle size', () => {
  it(`keeps klarna-elements/osm-placement (lit bundled) under ${CEILING_GZIP / 1024} KB gzip, on the way to ${GOAL_GZIP / 1024} KB`, async () => {
    const { gzip, code, lazy } = await bundle('src/osm-placement/index.ts');
    assert.ok(gzip <= CEILING_GZIP, `the OSM-only bundle is ${(gzip / 1024).toFixed(2)} KB gzip, over its ceiling of ${CEILING_GZIP / 1024} KB`);
    assert.doesNotMatch(code, /Lit is in dev mode/, 'the bundle uses lit\'s production build');
    for (const chunk of [{ name: 'the entry', code }, ...lazy]) {
      assert.doesNotMatch(chunk.code, /instant-?shopping/i, `${chunk.name}: the OSM-only entry carries no Instant Shopping code`);
    }
  });
});
