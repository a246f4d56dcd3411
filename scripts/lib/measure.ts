import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ELEMENT_NODE, parse, walkSync } from 'ultrahtml';
import { isOtherSiteUrl } from '../../src/core/origin.ts';

/** Budgets of the speed issue: the home page's HTML, CSS and JS together, gzipped; and any one page. */
export const HOME_BUDGET_BYTES = 20 * 1024;
export const PAGE_BUDGET_BYTES = 50 * 1024;

export interface SiteReport {
  home: { total: number; files: { path: string; raw: number; gzip: number }[] };
  /** The largest HTML page, gzipped. */
  largest: { path: string; gzip: number };
  /** Every resource a page would load from another origin. */
  foreign: { file: string; url: string }[];
}

/** Attributes that make the browser fetch something on its own (links a visitor clicks do not count). */
const FETCHING: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  iframe: ['src'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
};
const FETCHING_LINKS = new Set(['stylesheet', 'icon', 'preload', 'modulepreload', 'prefetch', 'manifest', 'apple-touch-icon', 'preconnect', 'dns-prefetch']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
}

/** The URLs an HTML page makes the browser fetch by itself. */
export function fetchedUrls(html: string): string[] {
  const urls: string[] = [];
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const attrs = node.attributes as Record<string, string>;
    const name = String(node.name).toLowerCase();
    if (name === 'link' && (attrs['rel'] ?? '').split(/\s+/).some((r) => FETCHING_LINKS.has(r.toLowerCase()))) urls.push(attrs['href'] ?? '');
    for (const attr of FETCHING[name] ?? []) {
      const v = attrs[attr];
      if (v) urls.push(...(attr === 'srcset' ? v.split(',').map((s) => s.trim().split(/\s+/)[0]!) : [v]));
    }
    if (attrs['style']) urls.push(...cssUrls(attrs['style']));
  });
  return urls.filter(Boolean);
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*['"]?([^'")]+)/g), ...css.matchAll(/@import\s+['"]([^'"]+)/g)].map((m) => m[1]!);
}


/** Measures the built site in `dist`: the home page's transfer size and every foreign request. */
export function measureSite(dist: string): SiteReport {
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const homeFiles = [{ path: 'index.html', body: home }];
  for (const url of fetchedUrls(home)) {
    if (isOtherSiteUrl(url) || !/\.(css|js)$/.test(url)) continue;
    const path = url.replace(/^\/+/, '').split('/').slice(-2).join('/');
    const found = files(dist).find((f) => f.endsWith(path));
    if (found) homeFiles.push({ path: relative(dist, found), body: readFileSync(found, 'utf8') });
  }
  const measured = homeFiles.map((f) => ({ path: f.path, raw: Buffer.byteLength(f.body), gzip: gzipSync(f.body).length }));

  const foreign: SiteReport['foreign'] = [];
  let largest = { path: '', gzip: 0 };
  for (const file of files(dist)) {
    const ext = extname(file);
    const body = ext === '.html' || ext === '.css' || ext === '.js' ? readFileSync(file, 'utf8') : '';
    if (ext === '.html') {
      const gzip = gzipSync(body).length;
      if (gzip > largest.gzip) largest = { path: relative(dist, file), gzip };
    }
    const urls = ext === '.html' ? fetchedUrls(body) : ext === '.css' ? cssUrls(body) : [];
    for (const url of urls) if (isOtherSiteUrl(url)) foreign.push({ file: relative(dist, file), url });
  }
  return { home: { total: measured.reduce((s, f) => s + f.gzip, 0), files: measured }, largest, foreign };
}
