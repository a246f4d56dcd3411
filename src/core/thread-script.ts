import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'candor');

interface Bundled {
  /** Hash of the lockfile and of Candor's sources the bundle was made from. */
  key: string;
  /** Those sources, relative to the project. */
  sources: string[];
  file: string;
}

/**
 * The script a worker thread runs: its module and everything it imports bundled into one file, kept
 * in node_modules/.cache/candor/ for as long as the sources it was made from (and the lockfile)
 * are unchanged. A thread that loads some 550 modules one by one, and strips the types of Candor's
 * own, starts about 0.3 s later than one that loads the bundle. The bundle is made when missing or
 * stale (about as long as the start it saves); where it cannot be made, the thread runs the module.
 */
export async function threadScript(module: URL): Promise<URL> {
  const name = basename(fileURLToPath(module), '.ts');
  const record = join(CACHE, `${name}.json`);
  try {
    const bundled = JSON.parse(readFileSync(record, 'utf8')) as Bundled;
    if (bundled.key === keyOf(bundled.sources) && existsSync(join(CACHE, bundled.file))) return pathToFileURL(join(CACHE, bundled.file));
  } catch {
    // Not made yet, or made from other sources: made below.
  }
  try {
    const started = Date.now();
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(module)],
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      // Packages written as CommonJS (yaml) call require().
      banner: { js: "import { createRequire as candorRequire } from 'node:module'; const require = candorRequire(import.meta.url);" },
    });
    const sources = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
    // A source saved while it was bundled: the bundle may hold the text before, so the thread runs the module itself and nothing is kept.
    if (sources.some((source) => statSync(join(ROOT, source)).mtimeMs > started + 1)) return module;
    const key = keyOf(sources);
    // Named by its key, and each file written whole under another name first: builds running at
    // once (tests) never read half a file, nor a record pointing at a bundle of other sources.
    const file = `${name}-${key.slice(0, 16)}.mjs`;
    mkdirSync(CACHE, { recursive: true });
    writeWhole(join(CACHE, file), result.outputFiles[0]!.contents);
    markReplaced(record);
    writeWhole(record, JSON.stringify({ key, sources, file } satisfies Bundled));
    removeOlder(name, file);
    return pathToFileURL(join(CACHE, file));
  } catch {
    return module;
  }
}

/** The bundle a record pointed at until now counts its age from now: a build that read the record just before may still load it. */
function markReplaced(record: string): void {
  try {
    const { file } = JSON.parse(readFileSync(record, 'utf8')) as Bundled;
    const now = new Date();
    utimesSync(join(CACHE, file), now, now);
  } catch {
    // No record, or its bundle is gone already.
  }
}

/** Bundles of earlier sources, replaced long enough ago that no build can still be about to load them. */
function removeOlder(name: string, kept: string): void {
  for (const file of readdirSync(CACHE)) {
    // Only this module's bundles (`load-worker-<key>.mjs`), not those of a module whose name starts with it.
    if (file === kept || !file.startsWith(`${name}-`) || !/^[0-9a-f]{16}\.mjs$/.test(file.slice(name.length + 1))) continue;
    const path = join(CACHE, file);
    if (Date.now() - statSync(path).mtimeMs > 10 * 60_000) rmSync(path, { force: true });
  }
}

function keyOf(sources: readonly string[]): string {
  const hash = createHash('sha256');
  // How bundles are made is part of what they are.
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  try {
    hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  } catch {
    hash.update('no lockfile');
  }
  for (const source of sources) hash.update(`\0${source}\0`).update(readFileSync(join(ROOT, source)));
  return hash.digest('hex');
}

function writeWhole(file: string, contents: string | Uint8Array): void {
  const part = `${file}.${process.pid}.${randomUUID()}.part`;
  writeFileSync(part, contents);
  renameSync(part, file);
}
