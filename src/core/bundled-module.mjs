// @ts-check
// Plain JavaScript, not TypeScript: astro.config.mjs loads Candor's side of a build through this
// module, and the first TypeScript file a process loads costs it some 70 ms to start Node's type
// stripping where there is no compile cache (Astro keeps none in CI, where deployments build).
import { createHash, randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'candor');
/**
 * How long what no record points to any more (a replaced bundle, a half-written one) is kept: a build
 * that read a record just before it was replaced may still be loading the bundle it named.
 */
const KEPT_MS = 10 * 60_000;

/**
 * @typedef {object} Bundled
 * @property {string} module The module bundled, relative to the project.
 * @property {string} key Hash of the sources the bundle was made from, the lockfile, the TypeScript settings, the bundling code, where the project is and the packages left out.
 * @property {string[]} sources Those sources, relative to the project.
 * @property {string} folder The bundle's folder under the cache.
 * @property {string[]} files Its files: the module and the chunks it loads when asked.
 */

/**
 * A module and everything it imports, bundled into plain JavaScript, kept in node_modules/.cache/candor/
 * for as long as the sources it was made from (and the lockfile) are unchanged. A worker thread that
 * loads some 550 modules one by one, and strips the types of Candor's own, starts about 0.3 s later
 * than one that loads its bundle; without a compile cache, the configuration's side of a build
 * loads in half the time. What the module imports only when asked (`import()`) stays in chunks of
 * its own, loaded when asked. The bundle is made when missing, incomplete or stale (about as long as
 * the start it saves); where it cannot be made, the module itself is given.
 *
 * @param {URL} module
 * @param {{ shared?: string[] | 'all' }} [options] `shared`: packages the bundle imports rather than holds
 *   a copy of: those the process has loaded already (Astro's, in the configuration's process), or `'all'`.
 * @returns {Promise<URL>}
 */
export async function bundledModule(module, { shared = [] } = {}) {
  // What stays outside the bundle, which is part of its key. esbuild finds its binary from where its package is: never bundled.
  /** @type {import('esbuild').BuildOptions} */
  const outside = shared === 'all' ? { packages: 'external' } : { external: ['esbuild', ...shared] };
  const external = JSON.stringify(outside);
  const path = fileURLToPath(module);
  const name = basename(path).replace(/\.[cm]?[jt]s$/, '');
  const from = relative(ROOT, path);
  // A record for each module of each project folder: modules of the same name, and checkouts that share node_modules, keep their own.
  const record = join(CACHE, `${name}.${hashOf(`${ROOT}\0${from}`).slice(0, 8)}.bundle.json`);
  const made = readRecord(record);
  if (made?.module === from && isCurrent(made, external)) return entryOf(made, name);
  try {
    // A cache that cannot be written (node_modules of another user) is not worth bundling for.
    mkdirSync(CACHE, { recursive: true });
    accessSync(CACHE, constants.W_OK);
  } catch {
    return module;
  }
  try {
    /** @type {Map<string, Buffer>} */
    const texts = new Map();
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [path],
      absWorkingDir: ROOT,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      outdir: CACHE,
      outExtension: { '.js': '.mjs' },
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      ...outside,
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [candorSources(texts)],
      // Packages written as CommonJS (yaml) call require().
      banner: { js: "import { createRequire as candorRequire } from 'node:module'; const require = candorRequire(import.meta.url);" },
    });
    const sources = Object.keys(result.metafile.inputs).filter((input) => !isPackage(input));
    // The key of the very bytes bundled: a source saved while it was bundled makes the next build's key differ.
    const key = keyOf(sources, external, texts);
    const folder = `${name}-${key.slice(0, 16)}`;
    const files = result.outputFiles.map((file) => basename(file.path));
    place(folder, files, (part) => {
      for (const file of result.outputFiles) writeFileSync(join(part, basename(file.path)), file.contents);
    });
    if (made) markReplaced(made.folder);
    /** @type {Bundled} */
    const bundled = { module: from, key, sources, folder, files };
    writeWhole(record, JSON.stringify(bundled));
    removeStale();
    return entryOf(bundled, name);
  } catch {
    return module;
  }
}

/** The parsing thread (src/core/load-worker.ts), bundled for the threads that parse: src/core/load-parallel.ts. */
export const PARSING_THREAD = new URL('./load-worker.ts', import.meta.url);
export const parsingThread = () => bundledModule(PARSING_THREAD);

/**
 * Candor's side of a build or dev server (src/integrations/candor.ts), bundled for astro.config.mjs:
 * the bundle imports Astro, Vite and zod, which Astro has loaded.
 */
export const CANDOR_SIDE = new URL('../integrations/candor.ts', import.meta.url);
export const candorSide = () => bundledModule(CANDOR_SIDE, { shared: ['astro', 'vite', 'zod'] });

/** The one module of Candor's own that the pages import. */
export const PAGES_MODULE = new URL('../lib/pages.ts', import.meta.url);

/**
 * The pages' side of a build (src/lib/pages.ts), bundled for them (src/integrations/site-build.ts). Its
 * packages are loaded from their own files, as when Vite bundled it: badge-maker's tables of letter
 * widths (0.9 MB) are read as JSON rather than compiled as JavaScript.
 */
export const pagesSide = () => bundledModule(PAGES_MODULE, { shared: 'all' });

/**
 * @param {Bundled} bundled
 * @param {string} name
 */
const entryOf = (bundled, name) => pathToFileURL(join(CACHE, bundled.folder, `${name}.mjs`));

/**
 * Whether a bundle is still that of its sources as they are, and whole. A source since removed makes it stale.
 * @param {Bundled} made
 * @param {string} external What stays outside the bundle.
 */
function isCurrent(made, external) {
  try {
    return made.key === keyOf(made.sources, external) && made.files.every((file) => existsSync(join(CACHE, made.folder, file)));
  } catch {
    return false;
  }
}

/** @param {string} path */
const isPackage = (path) => path.split(/[\\/]/).includes('node_modules');

/**
 * A record as this code writes it, or none.
 * @param {string} record
 * @returns {Bundled | undefined}
 */
function readRecord(record) {
  try {
    const r = JSON.parse(readFileSync(record, 'utf8'));
    const strings = (/** @type {unknown} */ list) => Array.isArray(list) && list.every((s) => typeof s === 'string');
    return typeof r.module === 'string' && typeof r.key === 'string' && typeof r.folder === 'string' && strings(r.sources) && strings(r.files) ? r : undefined;
  } catch {
    return undefined;
  }
}

/** What `import.meta.resolve` becomes in a source, which then runs unbundled: a name no source holds. */
const UNBUNDLABLE = `candorUnbundlable_${randomUUID().replaceAll('-', '')}`;

/** @type {Record<string, import('esbuild').Loader>} */
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.json': 'json' };

/**
 * Reads each of Candor's sources once, for the bundle and for its key (in `texts`, by absolute path).
 * Each keeps its own `import.meta.url`, `dirname` and `filename`, so that paths made from them (a
 * thread's module, the project's folder) still lead where they did.
 * @param {Map<string, Buffer>} texts
 * @returns {import('esbuild').Plugin}
 */
function candorSources(texts) {
  return {
    name: 'candor-sources',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$|\.json$/ }, async (args) => {
        const loader = LOADERS[extname(args.path)];
        if (args.namespace !== 'file' || isPackage(args.path) || !loader) return undefined;
        const bytes = readFileSync(args.path);
        texts.set(args.path, bytes);
        const text = bytes.toString('utf8');
        if (!text.includes('import.meta.')) return { contents: bytes, loader };
        // Replaced as expressions only, not where the words stand in a string; imports that are not
        // types are kept as they are (verbatimModuleSyntax, as tsconfig.json and Node's type stripping).
        const define = {
          'import.meta.url': JSON.stringify(pathToFileURL(args.path).href),
          'import.meta.dirname': JSON.stringify(dirname(args.path)),
          'import.meta.filename': JSON.stringify(args.path),
          'import.meta.resolve': UNBUNDLABLE,
        };
        const { code } = await build.esbuild.transform(text, { loader, define, tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } } });
        // A module resolved from where the source is would be resolved from the cache.
        if (code.includes(UNBUNDLABLE)) return { errors: [{ text: `${args.path} resolves modules from where it is (import.meta.resolve): it runs as it is.` }] };
        return { contents: code, loader: 'js' };
      });
    },
  };
}

/**
 * @param {readonly string[]} sources Relative to the project.
 * @param {string} external What stays outside the bundle.
 * @param {Map<string, Buffer>} [texts] The sources as bundled, by absolute path; otherwise as they are now.
 */
function keyOf(sources, external, texts) {
  const hash = createHash('sha256');
  // How bundles are made, and where the project is (the sources' URLs are in them), are part of what they are.
  hash.update(readFileSync(fileURLToPath(import.meta.url))).update(`\0${ROOT}\0${external}\0`);
  for (const settings of ['package-lock.json', 'tsconfig.json']) {
    try {
      hash.update(readFileSync(join(ROOT, settings)));
    } catch {
      hash.update(`no ${settings}`);
    }
    hash.update('\0');
  }
  for (const source of sources) {
    const path = resolve(ROOT, source);
    hash.update(`\0${source}\0`).update(texts?.get(path) ?? readFileSync(path));
  }
  return hash.digest('hex');
}

/** @param {string} text */
const hashOf = (text) => createHash('sha256').update(text).digest('hex');

/**
 * Puts a bundle's folder in the cache whole: written under another name first, so that builds running
 * at once (tests) never load half a bundle. A folder of that name made by another build from the same
 * sources is kept if it is complete, and replaced if it is not (a chunk removed by hand).
 * @param {string} folder
 * @param {readonly string[]} files
 * @param {(part: string) => void} write
 */
function place(folder, files, write) {
  const target = join(CACHE, folder);
  const part = partOf(target);
  mkdirSync(part, { recursive: true });
  write(part);
  try {
    renameSync(part, target);
    return;
  } catch {
    if (files.every((file) => existsSync(join(target, file)))) {
      rmSync(part, { recursive: true, force: true });
      return;
    }
  }
  // Moved aside rather than removed: a build may be loading from it. It is removed with the stale.
  renameSync(target, partOf(target));
  renameSync(part, target);
}

/** @param {string} path */
const partOf = (path) => `${path}.${process.pid}.${randomUUID()}.part`;

/**
 * @param {string} file
 * @param {string} text
 */
function writeWhole(file, text) {
  const part = partOf(file);
  writeFileSync(part, text);
  renameSync(part, file);
}

/**
 * A bundle no record points to any more counts its age from now: a build that read the record just before may still load it.
 * @param {string} folder
 */
function markReplaced(folder) {
  try {
    const now = new Date();
    utimesSync(join(CACHE, folder), now, now);
  } catch {
    // Gone already.
  }
}

/**
 * Removes from the cache what no record points to and has not changed for KEPT_MS: bundles replaced,
 * bundles of sources given up, the halves of writes that never finished, and the records of modules
 * that are gone, with their bundles.
 */
function removeStale() {
  const entries = readdirSync(CACHE);
  /** @type {Set<string>} */
  const kept = new Set();
  for (const entry of entries) {
    const made = entry.endsWith('.bundle.json') ? readRecord(join(CACHE, entry)) : undefined;
    // The record of a module since removed (or moved) goes too, with its bundle.
    if (made && existsSync(join(ROOT, made.module))) kept.add(entry).add(made.folder);
  }
  for (const entry of entries) {
    if (kept.has(entry)) continue;
    const path = join(CACHE, entry);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEPT_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
}
