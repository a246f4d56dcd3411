import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import type { Config } from '../core/schema/config.ts';
import { buildFor } from '../lib/build-slot.ts';
import { absolute } from '../views/urls.ts';

/**
 * Files a static host and search engines read from the site's root: `CNAME` for a custom domain on
 * GitHub Pages, the sitemap of every page, and `robots.txt` pointing at it. (@astrojs/sitemap would
 * write the same sitemap, at a tenth of a small site's build: loading it and its stream pipeline.)
 */
export function pagesFiles(config: Config, root: string): AstroIntegration {
  return {
    name: 'candor-pages-files',
    hooks: {
      'astro:build:done': async ({ dir, pages }) => {
        // Imported when the pages are done (whose feeds have loaded the XML writer), not while Astro is configured.
        const { SITEMAP_INDEX, sitemapFiles } = await import('../views/sitemap.ts');
        const { url, base, domain } = config.site;
        if (domain) writeFileSync(new URL('CNAME', dir), `${domain}\n`);
        // Astro's pages but the entry pages' frames, and the entry pages the build wrote itself (src/integrations/site-build.ts, before this).
        const slot = buildFor(root);
        if (slot && !slot.pages) throw new Error('The sitemap was to be written before the entry pages: candor-site-build must come before candor-pages-files.');
        const { written = [], frames = [] } = slot?.pages ?? {};
        const listed = pages.map((p) => p.pathname).filter((p) => !frames.includes(p));
        for (const [name, text] of sitemapFiles(url, base, [...listed, ...written])) writeFileSync(new URL(name, dir), text);
        writeFileSync(new URL('robots.txt', dir), `User-agent: *\nAllow: /\n\nSitemap: ${absolute(url, base, SITEMAP_INDEX)}\n`);
      },
    },
  };
}
