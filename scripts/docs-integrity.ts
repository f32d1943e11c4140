/**
 * `npm run docs:integrity`: writes the hashes of the last build (dist/cdn/integrity.json, from
 * `npm run build`) into the pinned snippets of README.md and docs/*.md. The docs test
 * (test/node/docs.test.ts) fails while a doc pins another hash than the build's, and names the file;
 * this only saves copying the hashes by hand. It changes hashes only: a file the docs do not pin
 * yet (a new on-demand file) is a line to add by hand, which the docs test names too.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CDN_OUT_DIR, INTEGRITY_MANIFEST } from './cdn-files.js';

const repository = fileURLToPath(new URL('..', import.meta.url));

/** A doc's pins: `<script src="…/dist/cdn/<path>" integrity="…">`, and an import map's `"…/dist/cdn/<path>": "…"`. */
const PINS = [
  /(src="[^"]*\/dist\/cdn\/([\w/-]+\.js)"\s+integrity=")([^"]*)(")/g,
  /("[^"]*\/dist\/cdn\/([\w/-]+\.js)":\s*")([^"]*)(")/g,
];

const built = new Map(Object.entries(JSON.parse(await readFile(`${CDN_OUT_DIR}/${INTEGRITY_MANIFEST}`, 'utf8')) as Record<string, string>));

/** `text` with every pin of a built file set to the build's hash, and how many changed. */
function withBuiltHashes(text: string): { text: string; updated: number } {
  let updated = 0;
  const pinBuilt = (whole: string, before: string, path: string, hash: string, after: string) => {
    const builtHash = built.get(path);
    if (builtHash === undefined || builtHash === hash) return whole;
    updated += 1;
    return `${before}${builtHash}${after}`;
  };
  return { text: PINS.reduce((current, pin) => current.replace(pin, pinBuilt), text), updated };
}

const docs = ['README.md', ...(await readdir(`${repository}docs`)).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
for (const doc of docs) {
  const { text, updated } = withBuiltHashes(await readFile(`${repository}${doc}`, 'utf8'));
  if (updated === 0) continue;
  await writeFile(`${repository}${doc}`, text);
  console.log(`${doc}: ${updated} hash${updated === 1 ? '' : 'es'} updated from dist/cdn/${INTEGRITY_MANIFEST}`);
}
