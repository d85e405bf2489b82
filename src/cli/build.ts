// `npm run build`: the bot compiled to JavaScript in dist/ (tsc with tsconfig.build.json, type
// checked), then bundled with the packages it uses into dist/app/ (esbuild), so that `npm start`
// runs plain node on a few files instead of transforming TypeScript and resolving a thousand
// modules at every start. `--if-stale` (npm start's prestart) builds only when the sources differ from those of
// the last build: a fingerprint of every source file's path and content is kept beside it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** What the built bot is made of: tsconfig.build.json's `include` (src/cli too, which it leaves out), the configurations, and the packages the bundle holds. */
export const BUILD_SOURCES = [
  'src',
  'dialogs',
  'bench/echoBot.ts',
  'bench/floorBot.ts',
  'bench/referenceServer.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];
/** The folders the build writes; dist/ also holds the Teams package, which a build leaves alone. */
const OUTPUT_FOLDERS = ['src', 'dialogs', 'bench', 'app'];
/** What `npm start` runs: the bot and its packages in one bundle (chunks loaded later beside it). */
export const BUNDLED_BOT = 'dist/app/index.js';
/** Loaded from node_modules at run time: a native addon cannot be bundled. */
const NOT_BUNDLED = ['@resvg/resvg-js'];
/** Beside the build: the fingerprint of the sources it was built from. */
export const FINGERPRINT_FILE = '.build-fingerprint';

async function filesUnder(root: string, entry: string): Promise<string[]> {
  const path = join(root, entry);
  const entries = await readdir(path, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!entries) return [entry];
  const nested = await Promise.all(entries.map((child) => filesUnder(root, join(entry, child.name))));
  return nested.flat();
}

/** A hash of the path and content of every file the build is made of, under `root`. */
export async function sourcesFingerprint(root: string, sources: readonly string[] = BUILD_SOURCES): Promise<string> {
  const files = (await Promise.all(sources.map((source) => filesUnder(root, source)))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/ was built from the sources as they are now under `root`. */
export async function buildIsCurrent(root: string, outDir = join(root, 'dist'), sources: readonly string[] = BUILD_SOURCES): Promise<boolean> {
  const built = await readFile(join(outDir, FINGERPRINT_FILE), 'utf8').catch(() => undefined);
  return built === (await sourcesFingerprint(root, sources));
}

/** Compiles the bot into dist/; throws with tsc's output when it does not compile. */
export async function build(root = REPO_ROOT): Promise<void> {
  const outDir = join(root, 'dist');
  const fingerprint = await sourcesFingerprint(root);
  // A file removed from the sources must not linger in dist/.
  await Promise.all(OUTPUT_FOLDERS.map((folder) => rm(join(outDir, folder), { recursive: true, force: true })));
  await rm(join(outDir, FINGERPRINT_FILE), { force: true });
  let tsc: string;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw new Error('the build needs the TypeScript compiler, a dev dependency: run `npm ci` (with dev dependencies) first');
  }
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`the sources do not compile:\n${compiled.stdout}${compiled.stderr}`);
  await bundle(root, outDir);
  await writeFile(join(outDir, FINGERPRINT_FILE), fingerprint);
}

/** Bundles the compiled bot; chart libraries and chrono, loaded on first use, stay chunks or packages of their own. */
async function bundle(root: string, outDir: string): Promise<void> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import(pathToFileURL(createRequire(join(root, 'package.json')).resolve('esbuild')).href);
  } catch {
    throw new Error('the build needs esbuild, a dev dependency: run `npm ci` (with dev dependencies) first');
  }
  await esbuild.build({
    entryPoints: [join(outDir, 'src', 'index.js')],
    outdir: join(outDir, 'app'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: NOT_BUNDLED,
    // The packages written as CommonJS call require(), which an ES module lacks.
    banner: { js: "import { createRequire as createBundleRequire } from 'node:module'; const require = createBundleRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'error',
  });
}

/** Builds unless dist/ is current; true when it built. */
export async function buildIfStale(root = REPO_ROOT): Promise<boolean> {
  if (await buildIsCurrent(root)) return false;
  await build(root);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const onlyIfStale = process.argv.includes('--if-stale');
  const begun = Date.now();
  try {
    if (onlyIfStale && !(await buildIfStale())) process.exit(0);
    if (!onlyIfStale) await build();
    console.log(`Enlace compiled to dist/ in ${Date.now() - begun} ms`);
  } catch (error) {
    console.error(`Enlace cannot be built: ${(error as Error).message}`);
    process.exit(1);
  }
}
