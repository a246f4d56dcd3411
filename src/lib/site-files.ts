import { join } from 'node:path';
import { type ApiContext, apiDocuments, apiEntryDocuments } from '../views/api.ts';
import { badgeSvg, componentBadge, pageBadge, shieldsEndpoint } from '../views/badge.ts';
import { eventCalendar, maintenanceCalendar } from '../views/calendar.ts';
import { FEED_TYPES, feedText } from '../views/feed.ts';
import { paths } from '../views/urls.ts';
import { SITE_FILE_ROUTES as ROUTES } from './site-file-routes.ts';
import type { Site } from './site.ts';
import type { FileWriter } from './write-files.ts';

// A site's files besides its pages: the feeds, the maintenance calendar, the API documents, the badge
// and shields endpoint of the site, of each component and of each entry. A build writes them directly
// once its pages are done: thousands of small files, each of which would otherwise cost a route's
// whole render, and routes that Vite bundles and Astro lists. A dev server serves them from routes of
// its own (src/lib/site-file-routes.ts). Made one at a time, so that a build holds each
// text only until it is written.

/** A file of a site in one of its languages, with the route a dev server serves it from. */
export interface SiteFile {
  /** That route's pattern (`/[...lang]/components/[id]/history.rss`, src/lib/site-file-routes.ts). */
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
    if (wanted(ROUTES[kind])) yield { route: ROUTES[kind], params: {}, path: paths.feed(kind), type: TYPES[kind], text: () => feedText(kind, site) };
  }
  if (wanted(ROUTES.calendar)) yield { route: ROUTES.calendar, params: {}, path: paths.calendar, type: TYPES.calendar, text: () => maintenanceCalendar(entries, config, now, base, t) };
  if (wanted(ROUTES.apiDocument)) {
    const api = apiContext(site);
    const document = ([name, body]: [string, unknown]): SiteFile => ({ route: ROUTES.apiDocument, params: { document: name }, path: paths.api(name), type: TYPES.json, text: () => JSON.stringify(body, null, 2) });
    for (const named of Object.entries(apiDocuments(api))) yield document(named);
    for (const named of apiEntryDocuments(api)) yield document(named);
  }
  if (wanted(ROUTES.eventCalendar)) {
    for (const e of entries) if (e.kind === 'maintenance') yield { route: ROUTES.eventCalendar, params: { id: e.id }, path: paths.eventCalendar(e.id), type: TYPES.calendar, text: () => eventCalendar(e, config, now, base, t) };
  }
  if (first) {
    const badge = () => pageBadge(site.board.page, t);
    if (wanted(ROUTES.badge)) yield { route: ROUTES.badge, params: {}, path: paths.badge, type: TYPES.svg, text: () => badgeSvg(badge()) };
    if (wanted(ROUTES.shields)) yield { route: ROUTES.shields, params: {}, path: paths.shields, type: TYPES.shields, text: () => JSON.stringify(shieldsEndpoint(badge())) };
  }
  const componentFeeds = { rss: ROUTES.componentRss, atom: ROUTES.componentAtom };
  for (const { id, name } of config.components) {
    for (const kind of ['rss', 'atom'] as const) {
      const route = componentFeeds[kind];
      if (wanted(route)) yield { route, params: { id }, path: paths.componentFeed(id, kind), type: TYPES[kind], text: () => feedText(kind, site, id) };
    }
    if (!first) continue;
    const badge = () => componentBadge(name, site.board.statuses.get(id) ?? 'operational', t);
    if (wanted(ROUTES.componentBadge)) yield { route: ROUTES.componentBadge, params: { id }, path: paths.componentBadge(id), type: TYPES.svg, text: () => badgeSvg(badge()) };
    if (wanted(ROUTES.componentShields)) yield { route: ROUTES.componentShields, params: { id }, path: paths.componentShields(id), type: TYPES.shields, text: () => JSON.stringify(shieldsEndpoint(badge())) };
  }
}

/** Writes the files of each language's site, the first language's at the top and the others' under their code, as their pages. */
export function writeSiteFiles(files: FileWriter, sites: readonly Site[]): void {
  for (const site of sites) for (const file of siteFiles(site)) files.write(join(site.lang ?? '', file.path), file.text());
}
