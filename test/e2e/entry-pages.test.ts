import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { files } from '../helpers/sites.ts';

// A build has Astro render two entry pages of each language and writes the others itself
// (src/lib/entry-pages.ts): a visitor, a search engine and the browser script must not tell them apart.
const dist = inject('fixtureSite');
const all = files(dist);
const pages = all.filter((f) => f.endsWith('index.html'));
const entryPages = pages.filter((f) => /^(?:(?:de|ar)\/)?incidents\/[^/]+\/index\.html$/.test(f));

/** The frame's assets: the stylesheet link and the page script, as Astro put them into the home page. */
function assets(html: string) {
  return { style: /<link rel="stylesheet" href="[^"]+">/.exec(html)?.[0], script: /<script type="module">[^]*?<\/script><\/body><\/html>$/.exec(html)?.[0] };
}

describe('entry pages, most of them written by the build itself', () => {
  it('exist for every entry in every language, and no frame is left behind', () => {
    const ids = all.filter((f) => /^api\/v2\/incidents\/[^/]+\.json$/.test(f)).map((f) => f.slice('api/v2/incidents/'.length, -'.json'.length))
      .filter((name) => name !== 'unresolved');
    expect(ids.length).toBeGreaterThan(10);
    for (const under of ['', 'de/', 'ar/']) for (const id of ids) expect(pages).toContain(`${under}incidents/${id}/index.html`);
    expect(entryPages).toHaveLength(3 * ids.length);
    expect(all.filter((f) => f.includes('_frame'))).toEqual([]);
  });

  it('carry the frame of every other page: its stylesheet and script, its canonical URL and its versions in the other languages', () => {
    const home = assets(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect(home.style).toBeDefined();
    expect(home.script).toBeDefined();
    for (const page of entryPages) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(assets(html), page).toEqual(home);
      const path = `/status/${page.slice(0, -'index.html'.length)}`.replace(/^\/status\/(de|ar)\//, '/status/');
      // Each language's version of this very page, the current one marked.
      expect(html).toContain(`<a href="/status/de${path.slice('/status'.length)}" lang="de" hreflang="de"`);
      expect(html).toContain(`<link rel="canonical" href="https://fixture.example${'/status/' + page.slice(0, -'index.html'.length)}">`);
    }
  });

  it('are all in the sitemap, which lists every page of the site and nothing else', () => {
    const listed = [...readFileSync(join(dist, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>https:\/\/fixture\.example\/status\/([^<]*)<\/loc>/g)].map((m) => `${m[1]}index.html`);
    expect(listed.sort()).toEqual([...pages].sort());
  });
});
