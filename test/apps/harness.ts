/**
 * Real apps built from the packed tarball, as a new user would make them: `npm pack` of what
 * `npm run build` wrote (`npm run test:node` builds first), then each app in test/apps/<name>/ copied to node_modules/.cache/apps/<name>/ and
 * installed with npm from the registry (npm's cache keeps reruns quick), the library from the
 * tarball, never a link to src/.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
const repository = resolve(import.meta.dirname, '../..');
/**
 * Outside the repository, as a user's app is: inside it, Next.js takes the repository's lockfile
 * for its workspace root, and an app under node_modules/ is read as a dependency. One folder per
 * checkout, so two checkouts on one machine do not share it.
 */
export const APPS_DIR = join(tmpdir(), `klarna-elements-apps-${createHash('sha256').update(repository).digest('hex').slice(0, 8)}`);

/**
 * The registry as it stood on this day: an app takes only versions published by then. A version
 * published the day before a run reached CI's registry with its own dependencies missing (vue
 * 3.5.47 without @vue/runtime-core 3.5.47: ETARGET), and a new release is not what these tests
 * are about. Move the day on on purpose, with a green run, to test newer frameworks.
 */
const REGISTRY_AS_OF = '2026-11-24';

let packed: Promise<string> | undefined;

/** Packs the built library once per process; the file name carries its content hash, so npm installs a changed one. */
export function packLibrary(): Promise<string> {
  packed ??= (async () => {
    await mkdir(APPS_DIR, { recursive: true });
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', APPS_DIR], { cwd: repository, maxBuffer: 16 * 1024 * 1024 });
    const file = join(APPS_DIR, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
    const hash = createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 12);
    const named = join(APPS_DIR, `klarna-elements-${hash}.tgz`);
    for (const old of await readdir(APPS_DIR)) if (/^klarna-elements-[0-9a-f]{12}\.tgz$/.test(old)) await rm(join(APPS_DIR, old));
    await rename(file, named);
    return named;
  })();
  return packed;
}

export interface InstallOptions {
  /** Whether the packed library is a dependency; default true. */
  library?: boolean;
  /**
   * Files of test/apps/shared/ the app holds as its own, by where they go in it
   * (`{ 'app/shop.ts': 'shop.ts' }`): the product several apps sell, written once.
   */
  shared?: Record<string, string>;
}

/**
 * test/apps/<name>/ as an app of its own, with `dependencies` from npm and the packed library; its
 * files are copied fresh each time, its node_modules kept between runs.
 */
export async function installApp(name: string, dependencies: Record<string, string>, options: InstallOptions = {}): Promise<string> {
  const tarball = await packLibrary();
  const dir = join(APPS_DIR, name);
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir)) if (entry !== 'node_modules' && entry !== 'package-lock.json') await rm(join(dir, entry), { recursive: true, force: true });
  await cp(join(repository, 'test/apps', name), dir, { recursive: true });
  for (const [destination, source] of Object.entries(options.shared ?? {})) {
    await cp(join(repository, 'test/apps/shared', source), join(dir, destination));
  }
  const library = options.library === false ? {} : { 'klarna-elements': `file:../${tarball.split('/').pop()}` };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: `klarna-elements-app-${name}`, private: true, type: 'module', dependencies: { ...dependencies, ...library } }, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `--before=${REGISTRY_AS_OF}`], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  return dir;
}

/** Runs a command in an app; rejects with its output when it fails. */
export async function runIn(dir: string, command: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false' } });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${dir}:\n${stdout}${stderr}`.slice(0, 8000), { cause: error });
  }
}
