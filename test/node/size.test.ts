/**
 * Size budget of the OSM-only entry with lit bundled (sizes are deterministic, so this may be
 * asserted; times never are). The goal is 10 KB gzip; until the code gets there, the ceiling
 * below keeps it from growing. Lower it whenever the bundle shrinks: `npm run bench` prints the size.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundle } from '../bench/bundle.js';

const GOAL_GZIP = 10 * 1024;
// 12.5 KB until page-level configuration (a @lit/context consumer, +0.5 KB) came into the element.
const CEILING_GZIP = 13 * 1024;

describe('bundle size', () => {
  it(`keeps klarna-elements/osm-placement (lit bundled) under ${CEILING_GZIP / 1024} KB gzip, on the way to ${GOAL_GZIP / 1024} KB`, async () => {
    const { gzip, code } = await bundle('src/osm-placement/index.ts');
    assert.ok(gzip <= CEILING_GZIP, `the OSM-only bundle is ${(gzip / 1024).toFixed(2)} KB gzip, over its ceiling of ${CEILING_GZIP / 1024} KB`);
    assert.doesNotMatch(code, /Lit is in dev mode/, 'the bundle uses lit\'s production build');
    assert.doesNotMatch(code, /instant-?shopping/i, 'the OSM-only entry carries no Instant Shopping code');
  });
});
