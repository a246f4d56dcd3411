import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ApiContext, apiEntryDocuments } from '../views/api.ts';
import { eventCalendar } from '../views/calendar.ts';
import { paths } from '../views/urls.ts';
import type { Site } from './site.ts';

/** What an entry's files are made from: a site in one language, or as much of it as they need. */
export type EntryFileSource = Pick<Site, 'config' | 'base' | 'now' | 'entries' | 't' | 'lang'> & { board: { statuses: Site['board']['statuses']; uptime: Pick<Site['board']['uptime'], 'intervals'> } };

/** What the API documents of a site are made from: statuses now and over the days the uptime counts, as the board has them. */
export function apiContext({ config, base, now, entries, board }: EntryFileSource): ApiContext {
  return { config, base, now, entries, statuses: board.statuses, intervals: board.uptime.intervals };
}

/**
 * The files each entry has besides its page: its API document (by its name under `/api/v2/`) and,
 * for maintenance, its calendar event (by entry id). A build writes them directly, on a thread of
 * their own while the pages are rendered (src/lib/entry-files-thread.ts): thousands of small files,
 * each of which would otherwise cost a route's whole render; a dev server serves them from their routes.
 */
export function* entryFiles(site: EntryFileSource): Generator<{ kind: 'api'; name: string; text: string } | { kind: 'calendar'; id: string; text: string }> {
  // One at a time, so that a build holds each text only until it is written.
  for (const [name, body] of apiEntryDocuments(apiContext(site))) yield { kind: 'api', name, text: JSON.stringify(body, null, 2) };
  for (const e of site.entries) if (e.kind === 'maintenance') yield { kind: 'calendar', id: e.id, text: eventCalendar(e, site.config, site.now, site.base, site.t) };
}

/** Writes the entry files of each language's site under `dir`, the default language's at the top and the others' under their code, as their pages. */
export function writeEntryFilesNow(dir: string, sites: readonly EntryFileSource[]): number {
  const made = new Set<string>();
  let written = 0;
  const write = (path: string, text: string) => {
    const file = join(dir, path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, text);
    written++;
  };
  for (const site of sites) {
    const under = site.lang ?? '';
    for (const file of entryFiles(site)) write(join(under, file.kind === 'api' ? paths.api(file.name) : paths.eventCalendar(file.id)), file.text);
  }
  return written;
}
