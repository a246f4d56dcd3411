import XMLBuilder from 'fast-xml-builder';
import { absolute } from './urls.ts';

/** URLs per sitemap file: the protocol allows 50,000 (and 50 MB); a site of more has several, listed by the index. */
export const URLS_PER_SITEMAP = 45_000;

/** The file robots.txt names: it lists the sitemap's files. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true });
const byPath = new Intl.Collator('en', { numeric: true });

/**
 * The sitemap of a site's pages, given by their paths under its base as a build names them (`""` for
 * the home page, `history/2/`, `404/`): every page but the not-found one, in the order of their
 * paths with numbers by value (history page 2 before page 10), in files of at most `perFile` URLs,
 * with the index that lists them. File name → text.
 */
export function sitemapFiles(siteUrl: string, base: string, pages: readonly string[], perFile = URLS_PER_SITEMAP): Map<string, string> {
  const urls = [...new Set(pages)]
    .filter((page) => page.replace(/^\/+|\/+$/g, '') !== '404')
    .sort(byPath.compare)
    .map((page) => absolute(siteUrl, base, page));
  const files = new Map<string, string>();
  const index: { loc: string }[] = [];
  for (let from = 0, n = 0; from < urls.length || n === 0; from += perFile, n++) {
    const name = `sitemap-${n}.xml`;
    files.set(name, DECLARATION + xml.build({ urlset: { '@xmlns': NAMESPACE, url: urls.slice(from, from + perFile).map((loc) => ({ loc })) } }));
    index.push({ loc: absolute(siteUrl, base, name) });
  }
  files.set(SITEMAP_INDEX, DECLARATION + xml.build({ sitemapindex: { '@xmlns': NAMESPACE, sitemap: index } }));
  return files;
}
