import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type LoadedConfig, parseInParallel } from '../core/load-parallel.ts';
import { buildFor, forgetBuild, startBuild } from '../lib/build-slot.ts';

/**
 * The build's ends: as soon as a build is configured it starts reading and parsing the incidents
 * on worker threads, which goes on while Astro starts and bundles the pages (they take the result
 * over, src/lib/site.ts); once the pages are done, the files the build writes directly (the pages of
 * entries but those Astro rendered, src/lib/entry-pages.ts; each entry's API document and calendar
 * event, each component's feeds, badge and shields endpoint) are written by the pages' own code,
 * from their own sites, which it leaves in the build slot. A dev server parses on demand and serves
 * all of those from routes.
 */
export function siteBuild(root: string, loaded: LoadedConfig): AstroIntegration {
  return {
    name: 'candor-site-build',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // A dev server started in the process of an earlier build serves every file from its routes.
        if (command !== 'build') return forgetBuild();
        startBuild(root, parseInParallel(root, { background: true, loaded }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const slot = buildFor(root);
        const written = await slot?.writeFiles?.(fileURLToPath(dir));
        if (written === undefined) throw new Error('The files of entries and components were never written: no page asked for the site.');
        const pages = slot?.pages?.written.length ?? 0;
        logger.info(`${written} files written: ${pages} entry pages (Astro rendered those of the newest incident and maintenance in each language), and the API documents and calendar events of entries, feeds, badges and shields endpoints of components.`);
      },
    },
  };
}
