import sitemap, { type SitemapOptions } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/**
 * @astrojs/sitemap, handed the pages already in the order it writes them. It sorts the URLs with
 * `localeCompare(…, 'en', { numeric: true })`, which makes a collator for each comparison: half a
 * second of a 10,000-incident build. Sorted input costs its sort one comparison a page, and the
 * sitemap is the same.
 */
export function sortedSitemap(options: SitemapOptions): AstroIntegration {
  const integration = sitemap(options);
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  const collator = new Intl.Collator('en', { numeric: true });
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': (params) => done({ ...params, pages: [...params.pages].sort((a, b) => collator.compare(a.pathname, b.pathname)) }),
    },
  };
}
