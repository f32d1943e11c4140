/**
 * The emulator's browser-side stand-ins for Klarna's SDKs (`browser-sdk/` for Instant Shopping's
 * `lib.js`, `web-sdk/` for the Web SDK's `klarna.mjs`), each bundled into one script that defines a
 * global of the stand-in's exports. `npm run build` writes each bundle next to this module, which
 * the published package serves. Run from the sources (the demo, the tests) there is none yet, so
 * it is bundled on first use by vite, the project's own bundler: a development dependency that
 * the published package never loads.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface StandIn {
  /** Its folder beside this module, holding `index.ts`. */
  folder: string;
  /** The global the bundle defines, holding the stand-in's exports. */
  name: string;
  /** The bundle's file name beside this module once built. */
  file: string;
  /** What it stands in for, for an error message. */
  title: string;
}

const bundles = new Map<string, Promise<string>>();

/** The stand-in's bundled code: the built file, or bundled now (once per process; a failure is retried). */
export function standInCode(standIn: StandIn): Promise<string> {
  let code = bundles.get(standIn.file);
  if (!code) {
    code = builtOrBundled(standIn);
    bundles.set(standIn.file, code);
    code.catch(() => bundles.delete(standIn.file));
  }
  return code;
}

async function builtOrBundled(standIn: StandIn): Promise<string> {
  try {
    return await readFile(new URL(`./${standIn.file}`, import.meta.url), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return bundleStandIn(standIn);
  }
}

/** Bundles the stand-in's folder into one script that defines its global (`npm run build` writes it to dist). */
export async function bundleStandIn(standIn: StandIn): Promise<string> {
  const { build } = await import('vite');
  const entry = fileURLToPath(new URL(`./${standIn.folder}/index.ts`, import.meta.url));
  const result = await build({
    configFile: false,
    root: fileURLToPath(new URL(`./${standIn.folder}/`, import.meta.url)),
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      lib: { entry, formats: ['iife'], name: standIn.name, fileName: () => standIn.file },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((output) => ('output' in output ? output.output : [])).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`Bundling the emulated ${standIn.title} produced no code.`);
  return chunk.code;
}
