import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseInParallel } from '../core/load-parallel.ts';
import { writeEntryFiles, writeEntryFilesNow } from '../lib/entry-files.ts';
import { allSites, startBuild } from '../lib/site.ts';

/** Entries' files (entries × languages) from which a thread of their own writes them. */
const ON_A_THREAD = 1_000;

/**
 * The build's ends: as soon as a build is configured it starts reading and parsing the incidents
 * on worker threads, which goes on while Astro starts and bundles the pages (they take the result
 * over, src/lib/site.ts); once the site is made, each entry's API document and calendar event are
 * written from it, on a thread of their own while the pages are rendered when there are many, else
 * after the pages. A dev server parses on demand and serves those from routes.
 */
export function siteBuild(root: string): AstroIntegration {
  let outDir: URL;
  let writing: Promise<number | undefined> | undefined;
  return {
    name: 'candor-site-build',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') startBuild(root, parseInParallel(root, { background: true }));
      },
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:start': () => {
        writing = undefined;
      },
      // Astro empties the output folder before it sets up the bundling (viteBuild in Astro's
      // core/build/static-build.js), so nothing written into it from here on is lost.
      'astro:build:setup': () => {
        if (writing) return;
        // A thread costs its start and its modules' loading: for a few hundred files the build's own thread is quicker.
        writing = allSites().then((sites) => (sites[0]!.entries.length * sites.length < ON_A_THREAD ? undefined : writeEntryFiles(fileURLToPath(outDir), sites)));
        // Bad content fails the build through the pages, with the check's messages.
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        const written = (await writing) ?? writeEntryFilesNow(fileURLToPath(outDir), await allSites());
        logger.info(`${written} API documents and calendar events of entries written.`);
      },
    },
  };
}
