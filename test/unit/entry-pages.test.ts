import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAME_ID, writeEntryPages } from '../../src/lib/entry-pages.ts';
import type { Site } from '../../src/lib/site.ts';
import { writeFiles } from '../../src/lib/write-files.ts';
import { entryFrame, entryMain } from '../../src/views/entry-page.ts';
import { FRAME_PARTS, headTags, languageNav, liveData } from '../../src/views/layout.ts';
import { files, fixtureSites } from '../helpers/sites.ts';

// A frame as Astro renders one (src/pages/[...lang]/incidents/[id]/index.astro), with its assets.
const FRAME = `<!DOCTYPE html><html lang="x"><head>${FRAME_PARTS.head}<link rel="stylesheet" href="/_astro/Base.css"></head><body><header>${FRAME_PARTS.languages}</header><main id="main">${FRAME_PARTS.main}</main><footer></footer>${FRAME_PARTS.live}<script type="module">run()</script></body></html>`;

/** An entry's page in that frame, each part put in its place: what Astro renders for it. */
function rendered(site: Site, index: number): string {
  const entry = site.entries[index]!;
  const frame = entryFrame(entry, site.now);
  return FRAME.replace(FRAME_PARTS.head, headTags(frame, site))
    .replace(FRAME_PARTS.languages, languageNav(frame, site))
    .replace(FRAME_PARTS.main, entryMain(entry, site))
    .replace(FRAME_PARTS.live, liveData(frame, site));
}

/** A build's output as Astro leaves it: each language's frame and first entry page. */
function astroOutput(sites: readonly Site[], first = (site: Site) => rendered(site, 0), frame = FRAME): string {
  const dir = mkdtempSync(join(tmpdir(), 'candor-entry-pages-'));
  for (const site of sites) {
    const under = site.lang ?? '';
    for (const [id, html] of [
      [FRAME_ID, frame],
      [site.entries[0]!.id, first(site)],
    ] as const) {
      mkdirSync(join(dir, under, 'incidents', id), { recursive: true });
      writeFileSync(join(dir, under, 'incidents', id, 'index.html'), html);
    }
  }
  return dir;
}

describe('entry pages written by the build into the frame Astro rendered', () => {
  const { sites } = fixtureSites(new Date('2026-11-24T12:00Z'));

  it('are every entry but the first in every language, each as Astro renders it; the frames are removed', async () => {
    const dir = astroOutput(sites);
    let listed: ReturnType<typeof writeEntryPages> | undefined;
    await writeFiles(dir, 0, (out) => (listed = writeEntryPages(out, sites, dir)));
    const ids = sites[0]!.entries.map((e) => e.id);
    expect(listed!.frames).toEqual([`incidents/${FRAME_ID}/`, `de/incidents/${FRAME_ID}/`, `ar/incidents/${FRAME_ID}/`]);
    expect(listed!.written).toHaveLength(3 * (ids.length - 1));
    expect(listed!.written).toContain(`ar/incidents/${ids[1]}/`);
    expect(files(dir)).toHaveLength(3 * ids.length);
    expect(existsSync(join(dir, 'incidents', FRAME_ID))).toBe(false);
    for (const [k, site] of sites.entries()) {
      for (let i = 1; i < ids.length; i++) expect(readFileSync(join(dir, site.lang ?? '', 'incidents', ids[i]!, 'index.html'), 'utf8')).toBe(rendered(sites[k]!, i));
    }
    // In the page's language, with the links to its other versions.
    const german = readFileSync(join(dir, 'de', 'incidents', ids[1]!, 'index.html'), 'utf8');
    expect(german).toContain('← Aktueller Status');
    expect(german).toContain(`hreflang="ar" href="https://fixture.example/status/ar/incidents/${ids[1]}/"`);
  });

  it('fail the build when the first page, written so, would differ from what Astro rendered', async () => {
    const dir = astroOutput(sites, (site) => rendered(site, 0).replace('<main id="main">', '<main id="main" class="wrap">'));
    await expect(writeFiles(dir, 0, (out) => writeEntryPages(out, sites, dir))).rejects.toThrow(
      new RegExp(`The page of ${sites[0]!.entries[0]!.id} written into its frame differs from Astro's, at character \\d+: "><p><a`),
    );
  });

  it('fail the build when the frame lacks the place of a part', async () => {
    const dir = astroOutput(sites, undefined, FRAME.replace(FRAME_PARTS.live, ''));
    await expect(writeFiles(dir, 0, (out) => writeEntryPages(out, sites, dir))).rejects.toThrow(`holds ${FRAME_PARTS.live} nowhere`);
  });
});
