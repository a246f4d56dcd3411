import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ParsedProject } from '../core/assemble.ts';
import { parseInParallel } from '../core/load-parallel.ts';
import { buildEnv } from '../env.ts';
import { buildFor, startBuild } from '../lib/build-slot.ts';
import { writeEntryFilesOnThread } from '../lib/entry-files-thread.ts';

/** From this many files, entries' API documents and calendar events are written on a thread of their own. */
const FILES_FOR_A_WRITING_THREAD = 1000;

/**
 * The build's ends: as soon as a build is configured it starts reading and parsing the incidents
 * on worker threads, which goes on while Astro starts and bundles the pages (they take the result
 * over, src/lib/site.ts); once parsed, each entry's API document and calendar event are written on a
 * thread of their own while the pages are rendered, or, for a small history, by the build's thread
 * once the pages are done, from their own sites: a thread loading the code to make them cost a
 * 100-incident build more than writing its hundred files. Each component's feeds, badge and shields
 * endpoint are written by the build's thread once the pages are done (on the thread, the feed and
 * badge code would cost a large history's build more memory). A dev server parses on demand and
 * serves all of those from routes.
 */
export function siteBuild(root: string): AstroIntegration {
  let outDir: URL;
  let parsed: Promise<ParsedProject> | undefined;
  let writing: Promise<number | undefined> | undefined;
  return {
    name: 'candor-site-build',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        parsed = parseInParallel(root, { background: true });
        startBuild(root, parsed);
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
        if (writing || !parsed) return;
        writing = parsed.then((p) => (p.sources.jobs.length >= FILES_FOR_A_WRITING_THREAD ? writeEntryFilesOnThread(fileURLToPath(outDir), { root, now: buildEnv.now, parsed: p }) : undefined));
        // Bad content fails the build through the pages, with the check's messages.
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!writing) throw new Error('The API documents and calendar events of entries were never written: the build was not set up (astro:build:setup).');
        const onThread = await writing;
        const here = await buildFor(root)?.writeFiles?.(fileURLToPath(outDir), { entries: onThread === undefined });
        if (here === undefined) throw new Error("The files of entries and components were never written: no page asked for the site.");
        logger.info(`${(onThread ?? 0) + here} API documents and calendar events of entries, feeds, badges and shields endpoints of components written.`);
      },
    },
  };
}
