import { join } from 'node:path';
import { type ApiContext, apiEntryDocuments } from '../views/api.ts';
import { eventCalendar } from '../views/calendar.ts';
import { paths } from '../views/urls.ts';
import type { Site } from './site.ts';
import type { FileWriter } from './write-files.ts';

/** What the API documents of a site are made from: statuses now and over the days the uptime counts, as the board has them. */
export function apiContext({ config, base, now, entries, board }: Site): ApiContext {
  return { config, base, now, entries, statuses: board.statuses, intervals: board.uptime.intervals };
}

// The files each entry has besides its page: its API document (by its name under `/api/v2/`) and,
// for maintenance, its calendar event (by entry id). A build writes them directly once its pages
// are done: thousands of small files, each of which would otherwise cost a route's whole render; a
// dev server serves them from their routes. Made one at a time, so that a build holds each text only
// until it is written.

/** Each entry's API document, by its name under `/api/v2/`. */
export function* entryDocuments(site: Site): Generator<[name: string, text: string]> {
  for (const [name, body] of apiEntryDocuments(apiContext(site))) yield [name, JSON.stringify(body, null, 2)];
}

/** Each maintenance's calendar event, by its id. */
export function* entryCalendars(site: Site): Generator<[id: string, text: string]> {
  for (const e of site.entries) if (e.kind === 'maintenance') yield [e.id, eventCalendar(e, site.config, site.now, site.base, site.t)];
}

/** Writes the entry files of each language's site, the default language's at the top and the others' under their code, as their pages. */
export function writeEntryFiles(files: FileWriter, sites: readonly Site[]): void {
  for (const site of sites) {
    const under = site.lang ?? '';
    for (const [name, text] of entryDocuments(site)) files.write(join(under, paths.api(name)), text);
    for (const [id, text] of entryCalendars(site)) files.write(join(under, paths.eventCalendar(id)), text);
  }
}
