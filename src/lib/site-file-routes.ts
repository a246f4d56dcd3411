/**
 * The patterns of the routes a dev server serves a site's files besides its pages from (feeds,
 * calendars, API documents, badges: src/lib/site-files.ts), each under src/dev-routes/site-file.ts,
 * which finds the file by the pattern and its parameters. A build writes those files itself and has
 * no route for them (src/integrations/site-build.ts injects these in a dev server only).
 */
export const SITE_FILE_ROUTES = {
  rss: '/[...lang]/history.rss',
  atom: '/[...lang]/history.atom',
  calendar: '/[...lang]/maintenance.ics',
  apiDocument: '/[...lang]/api/v2/[...document].json',
  eventCalendar: '/[...lang]/incidents/[id]/calendar.ics',
  badge: '/badge.svg',
  shields: '/shields.json',
  componentRss: '/[...lang]/components/[id]/history.rss',
  componentAtom: '/[...lang]/components/[id]/history.atom',
  componentBadge: '/components/[id]/badge.svg',
  componentShields: '/components/[id]/shields.json',
} as const;
