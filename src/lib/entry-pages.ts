import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Entry } from '../core/model.ts';
import { summarize } from '../views/entries.ts';
import { entryFrame, entryMain, updatesFrame, updatesMain } from '../views/entry-page.ts';
import { FRAME_PARTS, headTags, languageNav, liveData, type PageFrame } from '../views/layout.ts';
import { timelinePages } from '../views/timeline-pages.ts';
import { paths } from '../views/urls.ts';
import { buildWritesFiles } from './build-slot.ts';
import type { Site } from './site.ts';
import type { FileWriter } from './write-files.ts';

// Astro spends about a millisecond of its own on every page it renders, besides the page's text: at
// 10,000 incidents, some 10 s of the build. So a build has Astro render, in each language, the frame
// of an entry page (the layout, with the place of each of a page's own parts) and the pages of the
// newest incident and maintenance, and writes the other entries' pages itself: the frame with each
// page's parts, made by the same functions the layout and the page use (src/views/layout.ts,
// src/views/entry-page.ts). Those two pages, which Astro rendered, must come out the same when
// written so, byte for byte, or the build fails. A dev server renders every entry's page.

/** The frame's id, which no entry has (a file whose name starts with "_" is not an entry). */
export const FRAME_ID = '_frame';

/**
 * The entries whose pages Astro renders in a build, held against the same pages written into the
 * frame: the newest incident and the newest maintenance, whose pages differ in more than their text
 * (the live states of a maintenance page).
 */
function samples(entries: readonly Entry[]): Entry[] {
  const incident = entries.find((e) => e.kind === 'incident');
  const maintenance = entries.find((e) => e.kind === 'maintenance');
  return [incident, maintenance].filter((e): e is Entry => e !== undefined);
}

/** The paths of a language's entry pages: in a build the frame and the samples, in a dev server every entry. */
export function entryPagePaths(site: Site, all = !buildWritesFiles()) {
  const rendered = all ? site.entries : samples(site.entries);
  const pages: { params: { id: string }; props: { entry?: Entry } }[] = rendered.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
  if (!all) pages.push({ params: { id: FRAME_ID }, props: {} });
  return pages;
}

/**
 * The paths of a language's further pages of updates (src/views/timeline-pages.ts): from the second,
 * for the few entries whose updates are too many or too long for one page. A build writes them into
 * the frame with the entry pages; a dev server renders them (src/dev-routes/updates-page.astro).
 */
export function updatesPagePaths(site: Site) {
  return site.entries.flatMap((entry) => {
    // All its updates fitting on one page, those posted do: most entries are not summarized here.
    if (timelinePages(entry.updates).length === 1) return [];
    const summary = summarize(entry, site.now);
    const pages = timelinePages(summary.posted).length;
    return Array.from({ length: pages - 1 }, (_, k) => ({ params: { id: entry.id, page: String(k + 2) }, props: { summary, page: k + 2 } }));
  });
}

/** A page in the frame's parts (the text around each part's place), as Astro would render it in the layout. */
function inFrame(frame: readonly string[], f: PageFrame, main: string, site: Site): string {
  return frame[0] + headTags(f, site) + frame[1] + languageNav(f, site) + frame[2] + main + frame[3] + liveData(f, site) + frame[4];
}

/** An entry's page in the frame. */
function entryPage(frame: readonly string[], entry: Entry, site: Site): string {
  const summary = summarize(entry, site.now);
  return inFrame(frame, entryFrame(summary), entryMain(summary, site), site);
}

/** The frame Astro rendered into `folder` (under `dir`), cut at the places of a page's parts. */
function cutFrame(dir: string, folder: string): string[] {
  const html = readFileSync(join(dir, folder, 'index.html'), 'utf8');
  const frame: string[] = [];
  let from = 0;
  for (const place of [FRAME_PARTS.head, FRAME_PARTS.languages, FRAME_PARTS.main, FRAME_PARTS.live]) {
    const at = html.indexOf(place, from);
    const where = `The frame of entry pages (${folder})`;
    if (at === -1) throw new Error(`${where} holds ${place} nowhere: src/layouts/Base.astro must put in each of FRAME_PARTS (src/views/layout.ts).`);
    if (html.indexOf(place, at + 1) !== -1) throw new Error(`${where} holds ${place} more than once, where the layout writes it once.`);
    frame.push(html.slice(from, at));
    from = at + place.length;
  }
  frame.push(html.slice(from));
  return frame;
}

/** A page's path as Astro lists the pages it built: `de/incidents/<id>/`. */
const listed = (path: string) => path.replace(/^\/+/, '');

/**
 * Writes the page of every entry but the samples of each language's site, and the further pages of
 * updates of any (src/views/timeline-pages.ts), under `dir`, where Astro
 * rendered the frames and the samples, once the samples written into the frame come out as Astro
 * rendered them, and removes the frames: gives the paths of the pages
 * written and of the frames removed, as Astro lists its own.
 */
export function writeEntryPages(files: FileWriter, sites: readonly Site[], dir: string): { written: string[]; frames: string[] } {
  const written: string[] = [];
  const frames: string[] = [];
  for (const site of sites) {
    const under = site.lang ?? '';
    const folder = join(under, paths.incident(FRAME_ID));
    const frame = cutFrame(dir, folder);
    const held = samples(site.entries);
    for (const entry of held) {
      const rendered = readFileSync(join(dir, under, paths.incident(entry.id), 'index.html'), 'utf8');
      const made = entryPage(frame, entry, site);
      if (made === rendered) continue;
      let at = 0;
      while (made[at] === rendered[at]) at++;
      throw new Error(
        `The page of ${entry.id} written into its frame differs from Astro's, at character ${at}: "${made.slice(at, at + 80)}" instead of "${rendered.slice(at, at + 80)}". Something of src/layouts/Base.astro outside FRAME_PARTS depends on the page: make it one of the parts (src/views/layout.ts). The frame is kept in ${folder}.`,
      );
    }
    rmSync(join(dir, folder), { recursive: true, force: true });
    frames.push(listed(folder));
    for (const entry of site.entries) {
      if (held.includes(entry)) continue;
      const path = join(under, paths.incident(entry.id));
      files.write(join(path, 'index.html'), entryPage(frame, entry, site));
      written.push(listed(path));
    }
    for (const { props: { summary, page } } of updatesPagePaths(site)) {
      const path = join(under, paths.updates(summary.entry.id, page));
      files.write(join(path, 'index.html'), inFrame(frame, updatesFrame(summary, page, site), updatesMain(summary, page, site), site));
      written.push(listed(path));
    }
  }
  return { written, frames };
}
