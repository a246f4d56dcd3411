import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseInParallel } from '../core/load-parallel.ts';
import { writeEntryFiles } from '../lib/entry-files.ts';
import { allSites, startBuild } from '../lib/site.ts';

/**
 * The build's ends: as soon as a build is configured it starts reading and parsing the incidents
 * on worker threads, which goes on while Astro starts and bundles the pages (they take the result
 * over, src/lib/site.ts); once the pages are written, it writes each entry's API document and
 * calendar event from the same site. A dev server parses on demand and serves those from routes.
 */
export function siteBuild(root: string): AstroIntegration {
  return {
    name: 'candor-site-build',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') startBuild(root, parseInParallel(root, { background: true }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const written = await writeEntryFiles(fileURLToPath(dir), await allSites());
        logger.info(`${written} API documents and calendar events of entries written.`);
      },
    },
  };
}
