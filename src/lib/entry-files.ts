import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dayBounds, type StatusInterval, statusIntervals } from '../core/rules/uptime.ts';
import type { StatusBoard } from '../views/home.ts';
import { type ApiContext, apiEntryDocuments } from '../views/api.ts';
import { eventCalendar } from '../views/calendar.ts';
import { paths } from '../views/urls.ts';
import type { Site } from './site.ts';

/** What the API documents of a site are made from. */
export function apiContext({ config, base, now, entries, board }: Site): ApiContext {
  let intervals = recent.get(board);
  if (!intervals) recent.set(board, (intervals = statusIntervals(entries, dayBounds(now, config.site.time_zone)[0]!, now)));
  return { config, base, now, entries, statuses: board.statuses, intervals };
}

// Statuses over time are the same in every language: computed once per build, keyed by its board.
const recent = new WeakMap<StatusBoard, StatusInterval[]>();

/**
 * The files each entry has besides its page: its API document (by its name under `/api/v2/`) and,
 * for maintenance, its calendar event (by entry id). A build writes them directly
 * (src/integrations/site-build.ts): thousands of small files, each of which would otherwise cost a
 * route's whole render; a dev server serves them from their routes.
 */
export function entryFiles(site: Site): { api: Map<string, string>; calendars: Map<string, string> } {
  const api = new Map(Object.entries(apiEntryDocuments(apiContext(site))).map(([name, body]) => [name, JSON.stringify(body, null, 2)]));
  const calendars = new Map(site.entries.flatMap((e) => (e.kind === 'maintenance' ? [[e.id, eventCalendar(e, site.config, site.now, site.base, site.t)] as const] : [])));
  return { api, calendars };
}

/** Writes the entry files of each language's site under `dir` (the build's output), sixteen at a time. */
export async function writeEntryFiles(dir: string, sites: readonly Site[]): Promise<number> {
  const files = sites.flatMap((site) => {
    // The default language's files at the top, the others' under their code, as their pages.
    const under = site.lang ?? '';
    const { api, calendars } = entryFiles(site);
    return [...[...api].map(([name, text]) => ({ path: join(under, paths.api(name)), text })), ...[...calendars].map(([id, text]) => ({ path: join(under, paths.eventCalendar(id)), text }))];
  });
  let next = 0;
  const writer = async () => {
    while (next < files.length) {
      const { path, text } = files[next++]!;
      const file = join(dir, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  };
  await Promise.all(Array.from({ length: 16 }, writer));
  return files.length;
}
