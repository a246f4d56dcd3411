import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { normalizePath, type Plugin as VitePlugin } from 'vite';
import type { LoadResult } from '../core/assemble.ts';
import { PAGES_MODULE, pagesSide } from '../core/bundled-module.mjs';
import { type LoadedConfig, parseInParallel } from '../core/load-parallel.ts';
import { formatProblem } from '../core/problems.ts';
import { siteNow } from '../core/time.ts';
import { buildEnv } from '../env.ts';
import { buildFor, startBuild } from '../lib/build-slot.ts';
import { SITE_FILE_ROUTES } from '../lib/site-file-routes.ts';

/**
 * The build's ends: as soon as a build is configured it starts reading and parsing the incidents
 * on worker threads, which goes on while Astro starts and bundles the pages, and assembles the
 * project for them (src/lib/site.ts); once the pages are done, the files the build writes directly
 * (the pages of entries but those Astro rendered, src/lib/entry-pages.ts; the feeds, calendars, API
 * documents, badges and shields endpoints of the site, its components and its entries,
 * src/lib/site-files.ts) are written by the pages' own code, from their own sites, which it leaves in
 * the build slot. A dev server loads the project when its pages first ask, renders every entry page,
 * and serves the other files from routes of their own (src/lib/site-file-routes.ts).
 */
export function siteBuild(root: string, { config, problems }: LoadedConfig): AstroIntegration {
  return {
    name: 'candor-site-build',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, injectRoute }) => {
        const build = command === 'build';
        // One moment for a whole build, fixed as it starts, for every module copy that asks (the
        // configuration's and the pages'); a dev server's is the moment its pages first ask.
        let now: Date | undefined;
        const nowOnce = () => (now ??= siteNow(config.site.as_of));
        let loaded: Promise<LoadResult> | undefined;
        const load = () =>
          (loaded ??= build
            ? parseInParallel(root, { background: true, loaded: { config, problems } }).then(async (parsed) => {
                // Imported as the parse ends, not while Astro is configured, which waits for it.
                const { assembleParsed } = await import('../core/assemble.ts');
                return warned(assembleParsed(root, nowOnce(), parsed));
              })
            : // Imported here only: a build parses on its threads.
              import('../core/load.ts').then(({ loadProject }) => warned(loadProject(root, nowOnce()))));
        if (build) {
          nowOnce();
          // A build that fails before its pages ask is not left with an unhandled rejection; the pages still see it.
          load().catch(() => {});
        }
        startBuild({
          root,
          build,
          get now() {
            return nowOnce();
          },
          drafts: buildEnv.drafts,
          loaded: load,
        });
        if (command === 'dev') {
          for (const pattern of Object.values(SITE_FILE_ROUTES)) injectRoute({ pattern, entrypoint: SITE_FILE_ROUTE });
          injectRoute({ pattern: '/[...lang]/incidents/[id]/updates/[page]', entrypoint: UPDATES_PAGE_ROUTE });
        }
        if (build) {
          // Made when the project was installed: only checked against its sources here.
          const pages = await pagesSide();
          updateConfig({ vite: { plugins: [noDependencyBundling, ...(pages.href === PAGES_MODULE.href ? [] : [pagesModuleFrom(pages)])] } });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const slot = buildFor(root);
        const written = await slot?.writeFiles?.(fileURLToPath(dir));
        if (written === undefined) throw new Error("The entry pages and the site's files were never written: no page asked for the site.");
        const pages = slot?.pages?.written.length ?? 0;
        logger.info(`${written} files written: ${pages} entry pages (Astro rendered those of the newest incident and maintenance in each language), and the feeds, calendars, API documents, badges and shields endpoints of the site, its components and its entries.`);
      },
    },
  };
}

/**
 * The route module of a site's files besides its pages, a dev server's only: injected under each
 * pattern of src/lib/site-file-routes.ts. A build writes those files itself and has no route for them
 * (Vite bundled them for no page, and Astro listed and rendered them: some 0.2 s of a 100-incident build).
 */
const SITE_FILE_ROUTE = new URL('../dev-routes/site-file.ts', import.meta.url);

/**
 * The route of an entry's further pages of updates, a dev server's only: a build writes them into the
 * frame of entry pages (src/lib/entry-pages.ts). As a route of the build, Vite bundled it for every
 * build (some 45 ms of a 100-incident build) for the few entries that have such pages.
 */
const UPDATES_PAGE_ROUTE = new URL('../dev-routes/updates-page.astro', import.meta.url);

/**
 * A build bundles no dependencies for a browser's dev server. Astro's content sync starts a dev
 * server while it builds, and that server's optimizer bundled the dev toolbar's packages (Candor's
 * toolbar is off) into node_modules/.vite whenever its record was another project's or missing, as
 * on every fresh checkout: some 0.1 s of the build, beside the parsing threads, for no output.
 */
const noDependencyBundling: VitePlugin = {
  name: 'candor:no-dependency-bundling',
  enforce: 'post',
  // The sync's server discovers none itself; asked for none (Astro asks for its toolbar's, for the
  // whole server and again for the browser's environment), it bundles none.
  config(config) {
    config.optimizeDeps = { ...config.optimizeDeps, include: [] };
  },
  configEnvironment(_name, options) {
    options.optimizeDeps = { ...options.optimizeDeps, include: [] };
  },
};

/**
 * A build's pages import Candor's code (src/lib/pages.ts) from its bundle of plain JavaScript, made once
 * for its sources (src/core/bundled-module.mjs), which Node loads as it is: Vite no longer transforms
 * and bundles its sixty modules again for every build, some 0.15 s of a 100-incident build. Where no
 * bundle could be made, Vite bundles the module's sources.
 */
function pagesModuleFrom(bundle: URL): VitePlugin {
  // As Vite gives resolved ids: with forward slashes on Windows too.
  const source = normalizePath(fileURLToPath(PAGES_MODULE));
  return {
    name: 'candor:pages-module-bundled',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name !== 'client',
    resolveId: {
      filter: { id: /(^|\/)pages\.ts$/ },
      async handler(id, importer) {
        const resolved = await this.resolve(id, importer, { skipSelf: true });
        return resolved?.id === source ? { id: bundle.href, external: true } : null;
      },
    },
  };
}

/** A loaded project, its warnings printed (a build shows them; errors stop it as the pages ask, src/lib/site.ts). */
function warned(result: LoadResult): LoadResult {
  if (result.project) for (const w of result.problems.warnings) console.warn(formatProblem(w));
  return result;
}
