import type { AstroIntegration } from 'astro';
import type { Config } from '../core/schema/config.ts';
import { siteNow } from '../core/time.ts';

/**
 * One moment for a whole build: Vite loads the configuration and the pages in modules of their own, and
 * each would read the clock at another time. A dev server keeps reading the real clock.
 */
export function buildClock(config: Config): AstroIntegration {
  return {
    name: 'candor-build-clock',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') process.env['CANDOR_NOW'] = siteNow(config.site.as_of).toISOString();
      },
    },
  };
}
