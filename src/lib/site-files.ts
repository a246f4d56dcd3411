import { join } from 'node:path';
import { type ApiContext, apiDocuments, apiEntryDocuments } from '../views/api.ts';
import { badgeSvg, componentBadge, pageBadge, shieldsEndpoint } from '../views/badge.ts';
import { eventCalendar, maintenanceCalendar } from '../views/calendar.ts';
import { FEED_TYPES, feedText } from '../views/feed.ts';
import { paths } from '../views/urls.ts';
import type { Site } from './site.ts';
import type { FileWriter } from './write-files.ts';

// A site's files besides its pages: the feeds, the maintenance calendar, the API documents, the badge
// and shields endpoint of the site, of each component and of each entry. A build writes them directly
// once its pages are done: thousands of small files, each of which would otherwise cost a route's
// whole render, and routes that Vite bundles and Astro lists. A dev server serves them from routes of
// its own (src/dev-routes/, siteFileRoute in site.ts). Made one at a time, so that a build holds each
// text only until it is written.

/** A file of a site in one of its languages, with the route a dev server serves it from. */
export interface SiteFile {
  /** That route's pattern under src/dev-routes/ (`[...lang]/components/[id]/history.rss`). */
  route: string;
  /** The route's parameters but the language: `{ id: 'api' }`. */
  params: Record<string, string>;
  /** Its path from the language's root: `/components/api/history.rss`. */
  path: string;
  type: string;
  text(): string;
}

const TYPES = { ...FEED_TYPES, json: 'application/json; charset=utf-8', shields: 'application/json', svg: 'image/svg+xml', calendar: 'text/calendar; charset=utf-8' } as const;

/** What the API documents of a site are made from: statuses now and over the days the uptime counts, as the board has them. */
function apiContext({ config, base, now, entries, board }: Site): ApiContext {
  return { config, base, now, entries, statuses: board.statuses, intervals: board.uptime.intervals };
}

/**
 * Every file of the site in its language, or those of one route (`only`, for a dev server's request):
 * in each language its feeds, calendars and API documents, and in its first language only (they are
 * the same in every language, at the site's top) the badges and shields endpoints.
 */
export function* siteFiles(site: Site, only?: string): Generator<SiteFile> {
  const wanted = (route: string) => only === undefined || only === route;
  const first = site.lang === undefined;
  const { entries, config, now, base, t } = site;
  for (const kind of ['rss', 'atom'] as const) {
    const route = `[...lang]/history.${kind}`;
    if (wanted(route)) yield { route, params: {}, path: paths.feed(kind), type: TYPES[kind], text: () => feedText(kind, site) };
  }
  if (wanted('[...lang]/maintenance.ics')) yield { route: '[...lang]/maintenance.ics', params: {}, path: paths.calendar, type: TYPES.calendar, text: () => maintenanceCalendar(entries, config, now, base, t) };
  const documents = '[...lang]/api/v2/[...document].json';
  if (wanted(documents)) {
    const api = apiContext(site);
    const document = ([name, body]: [string, unknown]): SiteFile => ({ route: documents, params: { document: name }, path: paths.api(name), type: TYPES.json, text: () => JSON.stringify(body, null, 2) });
    for (const named of Object.entries(apiDocuments(api))) yield document(named);
    for (const named of apiEntryDocuments(api)) yield document(named);
  }
  const calendars = '[...lang]/incidents/[id]/calendar.ics';
  if (wanted(calendars)) {
    for (const e of entries) if (e.kind === 'maintenance') yield { route: calendars, params: { id: e.id }, path: paths.eventCalendar(e.id), type: TYPES.calendar, text: () => eventCalendar(e, config, now, base, t) };
  }
  if (first) {
    const badge = () => pageBadge(site.board.page, t);
    if (wanted('badge.svg')) yield { route: 'badge.svg', params: {}, path: paths.badge, type: TYPES.svg, text: () => badgeSvg(badge()) };
    if (wanted('shields.json')) yield { route: 'shields.json', params: {}, path: paths.shields, type: TYPES.shields, text: () => JSON.stringify(shieldsEndpoint(badge())) };
  }
  for (const { id, name } of config.components) {
    for (const kind of ['rss', 'atom'] as const) {
      const route = `[...lang]/components/[id]/history.${kind}`;
      if (wanted(route)) yield { route, params: { id }, path: paths.componentFeed(id, kind), type: TYPES[kind], text: () => feedText(kind, site, id) };
    }
    if (!first) continue;
    const badge = () => componentBadge(name, site.board.statuses.get(id) ?? 'operational', t);
    if (wanted('components/[id]/badge.svg')) yield { route: 'components/[id]/badge.svg', params: { id }, path: paths.componentBadge(id), type: TYPES.svg, text: () => badgeSvg(badge()) };
    if (wanted('components/[id]/shields.json')) yield { route: 'components/[id]/shields.json', params: { id }, path: paths.componentShields(id), type: TYPES.shields, text: () => JSON.stringify(shieldsEndpoint(badge())) };
  }
}

/** Writes the files of each language's site, the first language's at the top and the others' under their code, as their pages. */
export function writeSiteFiles(files: FileWriter, sites: readonly Site[]): void {
  for (const site of sites) for (const file of siteFiles(site)) files.write(join(site.lang ?? '', file.path), file.text());
}
