import type { AstroIntegration } from 'astro';
import { parseInParallel } from '../core/load-parallel.ts';
import { handOver } from '../lib/parse-ahead.ts';

/**
 * Starts reading and parsing the incidents on worker threads as soon as a build is configured, so
 * that it goes on while Astro starts and bundles the pages; the pages take the result over
 * (src/lib/site.ts). A dev server parses on demand instead.
 */
export function parseAhead(root: string): AstroIntegration {
  return {
    name: 'candor-parse-ahead',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') handOver(root, parseInParallel(root, { background: true }));
      },
    },
  };
}
