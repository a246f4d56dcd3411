import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { sitemapFiles } from '../../src/views/sitemap.ts';
import { xmlErrors } from '../helpers/xml.ts';

/** What a search engine reads from a sitemap file: its root element's name and namespace, and every <loc>. */
function read(xml: string): { root: string; namespace: string; locs: string[] } {
  expect(xmlErrors(xml)).toEqual([]);
  const parser = new SaxesParser({ xmlns: true });
  const read = { root: '', namespace: '', locs: [] as string[] };
  let inLoc = false;
  parser.on('opentag', (tag) => {
    if (!read.root) Object.assign(read, { root: tag.local, namespace: tag.uri });
    inLoc = tag.local === 'loc';
  });
  parser.on('text', (text) => {
    if (inLoc) read.locs.push(text);
  });
  parser.on('closetag', () => {
    inLoc = false;
  });
  parser.write(xml).close();
  return read;
}

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

describe('the sitemap', () => {
  // Page names as a build gives them: under the base path, the home page "".
  const pages = [
    '', 'history/', 'history/2/', 'history/10/', 'incidents/2026-11-24-api-errors/', 'incidents/2026-11-24-api-errors/postmortem/',
    'incidents/2013-03-17-entry-1125/', 'incidents/2013-03-17-entry-99/', 'de/', 'de/history/3/', 'components/api/', 'maintenance/', 'subscribe/', '404/',
  ];

  it('lists every page but the not-found one under the base path, numbers by value, whatever order the build gives them in', () => {
    const files = sitemapFiles('https://status.example.com', '/status', pages);
    expect([...files.keys()].sort()).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    const index = read(files.get('sitemap-index.xml')!);
    expect(index).toEqual({ root: 'sitemapindex', namespace: NAMESPACE, locs: ['https://status.example.com/status/sitemap-0.xml'] });
    const { root, namespace, locs } = read(files.get('sitemap-0.xml')!);
    expect([root, namespace]).toEqual(['urlset', NAMESPACE]);
    expect(locs).toEqual([
      'https://status.example.com/status/',
      'https://status.example.com/status/components/api/',
      'https://status.example.com/status/de/',
      'https://status.example.com/status/de/history/3/',
      'https://status.example.com/status/history/',
      'https://status.example.com/status/history/2/',
      'https://status.example.com/status/history/10/',
      'https://status.example.com/status/incidents/2013-03-17-entry-99/',
      'https://status.example.com/status/incidents/2013-03-17-entry-1125/',
      'https://status.example.com/status/incidents/2026-11-24-api-errors/',
      'https://status.example.com/status/incidents/2026-11-24-api-errors/postmortem/',
      'https://status.example.com/status/maintenance/',
      'https://status.example.com/status/subscribe/',
    ]);
    fc.assert(
      fc.property(fc.shuffledSubarray(pages, { minLength: pages.length }), (order) => {
        expect(sitemapFiles('https://status.example.com', '/status', order)).toEqual(files);
      }),
      { numRuns: 20 },
    );
  });

  it('splits a large site into files of at most the limit, each listed by the index, no page lost or repeated', () => {
    const many = Array.from({ length: 7 }, (_, k) => `incidents/entry-${k}/`);
    const files = sitemapFiles('https://status.example.com', '/', [...many, many[0]!, '404/'], 3);
    expect(read(files.get('sitemap-index.xml')!).locs).toEqual(['https://status.example.com/sitemap-0.xml', 'https://status.example.com/sitemap-1.xml', 'https://status.example.com/sitemap-2.xml']);
    const parts = [0, 1, 2].map((n) => read(files.get(`sitemap-${n}.xml`)!).locs);
    expect(parts.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(parts.flat()).toEqual(many.map((page) => `https://status.example.com/${page}`));
  });

  it('escapes what XML must: a path with "&" and "<" stays well-formed and reads back as written', () => {
    const files = sitemapFiles('https://status.example.com', '/', ['a&b/', 'x<y>/']);
    expect(files.get('sitemap-0.xml')).toContain('&amp;');
    expect(read(files.get('sitemap-0.xml')!).locs).toEqual(['https://status.example.com/a&b/', 'https://status.example.com/x%3Cy%3E/']);
  });
});
