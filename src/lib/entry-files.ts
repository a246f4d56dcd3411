import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Entry } from '../core/model.ts';
import type { StatusInterval } from '../core/rules/uptime.ts';
import type { Config } from '../core/schema/config.ts';
import { threadScript } from '../core/thread-script.ts';
import type { ComponentStatus } from '../core/status.ts';
import type { Language } from '../i18n/languages.ts';
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
 * their own while the pages are rendered (writeEntryFiles): thousands of small files, each of which
 * would otherwise cost a route's whole render; a dev server serves them from their routes.
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

/** What the writing thread is given: the default language's entries (with their translations) and the rest of each site. */
export interface EntryFilesJob {
  dir: string;
  config: Config;
  now: Date;
  entries: Entry[];
  statuses: Map<string, ComponentStatus>;
  intervals: StatusInterval[];
  languages: { language: Language; lang: Language | undefined; base: string }[];
}

/**
 * Writes the entry files on a worker thread, which takes the second core while the build's own
 * thread renders the pages; resolves to the number of files.
 */
export async function writeEntryFiles(dir: string, sites: readonly Site[]): Promise<number> {
  const [first] = sites as [Site];
  const job: EntryFilesJob = { dir, config: first.config, now: first.now, entries: first.entries, statuses: first.board.statuses, intervals: first.board.uptime.intervals, languages: sites.map(({ language, lang, base }) => ({ language, lang, base })) };
  const script = await threadScript(new URL('./entry-files-worker.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    let count: number | undefined;
    worker.once('message', (n: number) => (count = n));
    worker.once('error', reject);
    worker.once('exit', (code) => (count === undefined ? reject(new Error(`The thread writing the API documents of entries stopped (code ${code}) before it was done.`)) : resolve(count)));
  });
}
