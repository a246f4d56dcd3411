import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAME_ID, writeEntryPages } from '../../src/lib/entry-pages.ts';
import type { Site } from '../../src/lib/site.ts';
import { writingThread } from '../../src/lib/write-files.ts';
import { summarize } from '../../src/views/entries.ts';
import { entryFrame, entryMain } from '../../src/views/entry-page.ts';
import { FRAME_PARTS, headTags, languageNav, liveData } from '../../src/views/layout.ts';
import { files, fixtureSites } from '../helpers/sites.ts';

// A frame as Astro renders one (src/pages/[...lang]/incidents/[id]/index.astro), with its assets.
const FRAME = `<!DOCTYPE html><html lang="x"><head>${FRAME_PARTS.head}<link rel="stylesheet" href="/_astro/Base.css"></head><body><header>${FRAME_PARTS.languages}</header><main id="main">${FRAME_PARTS.main}</main><footer></footer>${FRAME_PARTS.live}<script type="module">run()</script></body></html>`;

/** An entry's page in that frame, each part put in its place: what Astro renders for it. */
function rendered(site: Site, index: number): string {
  const entry = site.entries[index]!;
  const summary = summarize(entry, site.now);
  const frame = entryFrame(summary);
  return FRAME.replace(FRAME_PARTS.head, headTags(frame, site))
    .replace(FRAME_PARTS.languages, languageNav(frame, site))
    .replace(FRAME_PARTS.main, entryMain(summary, site))
    .replace(FRAME_PARTS.live, liveData(frame, site));
}

/** The entries Astro renders in each language: the newest incident and the newest maintenance. */
const samples = (site: Site) => [site.entries.findIndex((e) => e.kind === 'incident'), site.entries.findIndex((e) => e.kind === 'maintenance')];

/** A build's output as Astro leaves it: each language's frame and the pages of its samples. */
function astroOutput(sites: readonly Site[], page = rendered, frame = FRAME): string {
  const dir = mkdtempSync(join(tmpdir(), 'candor-entry-pages-'));
  for (const site of sites) {
    const under = site.lang ?? '';
    const pages: [string, string][] = [[FRAME_ID, frame], ...samples(site).map((i): [string, string] => [site.entries[i]!.id, page(site, i)])];
    for (const [id, html] of pages) {
      mkdirSync(join(dir, under, 'incidents', id), { recursive: true });
      writeFileSync(join(dir, under, 'incidents', id, 'index.html'), html);
    }
  }
  return dir;
}

describe('entry pages written by the build into the frame Astro rendered', () => {
  const { sites } = fixtureSites(new Date('2026-11-24T12:00Z'));

  it('are every entry but the two Astro rendered in every language, each as Astro renders it; the frames are removed', async () => {
    const dir = astroOutput(sites);
    let listed: ReturnType<typeof writeEntryPages> | undefined;
    await writingThread().write(dir, (out) => (listed = writeEntryPages(out, sites, dir)));
    const ids = sites[0]!.entries.map((e) => e.id);
    expect(listed!.frames).toEqual([`incidents/${FRAME_ID}/`, `de/incidents/${FRAME_ID}/`, `ar/incidents/${FRAME_ID}/`]);
    const [incident, maintenance] = samples(sites[0]!);
    expect(incident).toBeGreaterThanOrEqual(0);
    expect(maintenance).toBeGreaterThanOrEqual(0);
    expect(listed!.written).toHaveLength(3 * (ids.length - 2));
    expect(listed!.written).not.toContain(`incidents/${ids[maintenance!]}/`);
    const other = ids.findIndex((_, i) => i !== incident && i !== maintenance);
    expect(listed!.written).toContain(`ar/incidents/${ids[other]}/`);
    expect(files(dir)).toHaveLength(3 * ids.length);
    expect(existsSync(join(dir, 'incidents', FRAME_ID))).toBe(false);
    for (const [k, site] of sites.entries()) {
      for (let i = 0; i < ids.length; i++) expect(readFileSync(join(dir, site.lang ?? '', 'incidents', ids[i]!, 'index.html'), 'utf8')).toBe(rendered(sites[k]!, i));
    }
    // In the page's language, with the links to its other versions.
    const german = readFileSync(join(dir, 'de', 'incidents', ids[other]!, 'index.html'), 'utf8');
    expect(german).toContain('← Aktueller Status');
    expect(german).toContain(`hreflang="ar" href="https://fixture.example/status/ar/incidents/${ids[other]}/"`);
  });

  it('fail the build, keeping the frame, when a page Astro rendered, written so, would differ (a maintenance page too)', async () => {
    const [, maintenance] = samples(sites[0]!);
    const id = sites[0]!.entries[maintenance!]!.id;
    const dir = astroOutput(sites, (site, i) => (site.entries[i]!.kind === 'maintenance' ? rendered(site, i).replace('<main id="main">', '<main id="main" class="wrap">') : rendered(site, i)));
    await expect(writingThread().write(dir, (out) => writeEntryPages(out, sites, dir))).rejects.toThrow(new RegExp(`The page of ${id} written into its frame differs from Astro's, at character \\d+: "><p><a`));
    expect(existsSync(join(dir, 'incidents', FRAME_ID, 'index.html'))).toBe(true);
  });

  it('fail the build when the frame lacks the place of a part', async () => {
    const dir = astroOutput(sites, undefined, FRAME.replace(FRAME_PARTS.live, ''));
    await expect(writingThread().write(dir, (out) => writeEntryPages(out, sites, dir))).rejects.toThrow(`holds ${FRAME_PARTS.live} nowhere`);
  });

  it('are cut at places no text of the configuration can hold', () => {
    // Astro writes a '"' of any text or attribute as &quot;, so a link in the configuration cannot make a second place.
    for (const place of Object.values(FRAME_PARTS)) expect(place).toContain('"');
  });
});
