// @ts-check
// Plain JavaScript, not TypeScript: astro.config.mjs loads Candor's side of a build through this
// module, and the first TypeScript file a process loads costs it some 70 ms to start Node's type
// stripping where there is no compile cache (Astro keeps none in CI, where deployments build).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'candor');

/**
 * @typedef {object} Bundled
 * @property {string} key Hash of the lockfile, of where the project is and of Candor's sources the bundle was made from.
 * @property {string[]} sources Those sources, relative to the project.
 * @property {string} folder The bundle's folder under the cache: its module and the chunks it loads when asked.
 */

/**
 * A module and everything it imports, bundled into plain JavaScript, kept in node_modules/.cache/candor/
 * for as long as the sources it was made from (and the lockfile) are unchanged. A worker thread that
 * loads some 550 modules one by one, and strips the types of Candor's own, starts about 0.3 s later
 * than one that loads its bundle; the configuration's side of a build loads in half the time.
 * What the module imports only when asked (`import()`) stays in chunks of its own, loaded when asked.
 * The bundle is made when missing or stale (about as long as the start it saves); where it cannot be
 * made, the module itself is given.
 *
 * @param {URL} module
 * @param {{ shared?: string[] }} [options] `shared`: packages the process has loaded already (Astro's, in
 *   the configuration's process), which the bundle imports rather than holds a second copy of.
 * @returns {Promise<URL>}
 */
export async function bundledModule(module, { shared = [] } = {}) {
  // esbuild finds its binary from where its package is: never bundled.
  const external = ['esbuild', ...shared];
  const name = basename(fileURLToPath(module)).replace(/\.[cm]?[jt]s$/, '');
  const record = join(CACHE, `${name}.bundle.json`);
  try {
    /** @type {Bundled} */
    const bundled = JSON.parse(readFileSync(record, 'utf8'));
    const entry = join(CACHE, bundled.folder, `${name}.mjs`);
    if (bundled.key === keyOf(bundled.sources, external) && existsSync(entry)) return pathToFileURL(entry);
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
      splitting: true,
      platform: 'node',
      format: 'esm',
      outdir: CACHE,
      outExtension: { '.js': '.mjs' },
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      external,
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [sourceUrls],
      // Packages written as CommonJS (yaml) call require().
      banner: { js: "import { createRequire as candorRequire } from 'node:module'; const require = candorRequire(import.meta.url);" },
    });
    const sources = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
    // A source saved while it was bundled: the bundle may hold the text before, so the module itself is given and nothing is kept.
    if (sources.some((source) => statSync(join(ROOT, source)).mtimeMs > started + 1)) return module;
    const key = keyOf(sources, external);
    // Named by its key, and written whole under another name first: builds running at once
    // (tests) never read half a bundle, nor a record pointing at a bundle of other sources.
    const folder = `${name}-${key.slice(0, 16)}`;
    const part = join(CACHE, `${folder}.${process.pid}.${randomUUID()}.part`);
    mkdirSync(part, { recursive: true });
    for (const file of result.outputFiles) writeFileSync(join(part, basename(file.path)), file.contents);
    try {
      renameSync(part, join(CACHE, folder));
    } catch {
      // Made by another build at the same time, from the same sources.
      rmSync(part, { recursive: true, force: true });
    }
    markReplaced(record, name);
    const recordPart = `${record}.${process.pid}.${randomUUID()}.part`;
    writeFileSync(recordPart, JSON.stringify(/** @type {Bundled} */ ({ key, sources, folder })));
    renameSync(recordPart, record);
    removeOlder(name, folder);
    return pathToFileURL(join(CACHE, folder, `${name}.mjs`));
  } catch {
    return module;
  }
}

/**
 * Candor's side of a build or dev server (src/integrations/candor.ts), bundled for astro.config.mjs:
 * the bundle imports Astro, Vite and zod, which Astro has loaded.
 */
export const candorSide = () => bundledModule(new URL('../integrations/candor.ts', import.meta.url), { shared: ['astro', 'vite', 'zod'] });

/**
 * Candor's sources keep their own `import.meta.url` in the bundle, so that paths made from it (a
 * thread's module, the project's folder) still lead where they did.
 * @type {import('esbuild').Plugin}
 */
const sourceUrls = {
  name: 'candor-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.split(/[\\/]/).includes('node_modules')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      // As an expression only, not where the words stand in a string.
      const { transform } = await import('esbuild');
      const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
      return { contents: (await transform(text, { loader, define: { 'import.meta.url': JSON.stringify(pathToFileURL(args.path).href) } })).code, loader: 'js' };
    });
  },
};

/**
 * The bundle a record pointed at until now counts its age from now: a build that read the record just before may still load it.
 * @param {string} record
 * @param {string} name
 */
function markReplaced(record, name) {
  try {
    /** @type {Bundled} */
    const { folder } = JSON.parse(readFileSync(record, 'utf8'));
    const now = new Date();
    utimesSync(join(CACHE, folder, `${name}.mjs`), now, now);
  } catch {
    // No record, or its bundle is gone already.
  }
}

/**
 * Bundles of earlier sources, replaced long enough ago that no build can still be about to load them.
 * @param {string} name
 * @param {string} kept
 */
function removeOlder(name, kept) {
  for (const entry of readdirSync(CACHE)) {
    // Only this module's bundles (`load-worker-<key>`), not those of a module whose name starts with it.
    if (entry === kept || !entry.startsWith(`${name}-`) || !/^[0-9a-f]{16}(\.mjs)?$/.test(entry.slice(name.length + 1))) continue;
    const path = join(CACHE, entry);
    const module = entry.endsWith('.mjs') ? path : join(path, `${name}.mjs`);
    try {
      if (Date.now() - statSync(module).mtimeMs > 10 * 60_000) rmSync(path, { recursive: true, force: true });
    } catch {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

/**
 * @param {readonly string[]} sources
 * @param {readonly string[]} external
 */
function keyOf(sources, external) {
  const hash = createHash('sha256');
  // How bundles are made, and where the project is (the sources' URLs are in them), are part of what they are.
  hash.update(readFileSync(fileURLToPath(import.meta.url))).update(`\0${ROOT}\0${external.join('\0')}\0`);
  try {
    hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  } catch {
    hash.update('no lockfile');
  }
  for (const source of sources) hash.update(`\0${source}\0`).update(readFileSync(join(ROOT, source)));
  return hash.digest('hex');
}
