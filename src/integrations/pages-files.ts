import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import type { Config } from '../core/schema/config.ts';

/**
 * Files a static host reads from the site's root: `CNAME` for a custom domain on GitHub Pages, and
 * `robots.txt` pointing at the sitemap.
 */
export function pagesFiles(config: Config): AstroIntegration {
  return {
    name: 'candor-pages-files',
    hooks: {
      'astro:build:done': ({ dir }) => {
        if (config.site.domain) writeFileSync(new URL('CNAME', dir), `${config.site.domain}\n`);
        const sitemap = new URL(`${config.site.base.replace(/\/+$/, '')}/sitemap-index.xml`, config.site.url);
        writeFileSync(new URL('robots.txt', dir), `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
      },
    },
  };
}
