/** Site paths: the public contract of SPEC "What the build produces". Prefix them with `href`. */
export const paths = {
  home: '/',
  incident: (id: string) => `/incidents/${id}/`,
  update: (id: string, anchor: string) => `/incidents/${id}/#${anchor}`,
  /** Page `page` of an entry's updates (src/views/timeline-pages.ts): the first is the entry's own page. */
  updates: (id: string, page: number) => (page === 1 ? `/incidents/${id}/` : `/incidents/${id}/updates/${page}/`),
  postmortem: (id: string) => `/incidents/${id}/postmortem/`,
  history: (page = 1) => (page === 1 ? '/history/' : `/history/${page}/`),
  component: (id: string) => `/components/${id}/`,
  maintenance: (page = 1) => (page === 1 ? '/maintenance/' : `/maintenance/${page}/`),
  subscribe: '/subscribe/',
  feed: (kind: 'rss' | 'atom') => `/history.${kind}`,
  componentFeed: (id: string, kind: 'rss' | 'atom') => `/components/${id}/history.${kind}`,
  calendar: '/maintenance.ics',
  eventCalendar: (id: string) => `/incidents/${id}/calendar.ics`,
  api: (name: string) => `/api/v2/${name}.json`,
  badge: '/badge.svg',
  componentBadge: (id: string) => `/components/${id}/badge.svg`,
  shields: '/shields.json',
  componentShields: (id: string) => `/components/${id}/shields.json`,
  widget: '/widget.js',
};

/** Prefixes a site path with the base path (GitHub project pages), with exactly one slash between. */
export function href(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** An absolute URL on the site, for canonical links and feeds. */
export function absolute(siteUrl: string, base: string, path: string): string {
  const local = href(base, path);
  // Paths of ids and anchors need no escaping: joined to the site's origin, as URL would (thousands a build).
  if (SAFE_PATH.test(local)) return `${originOf(siteUrl)}${local}`;
  return new URL(local, siteUrl).toString();
}

const SAFE_PATH = /^\/(?!.*\/\.)[\w\-./#]*$/;
const origins = new Map<string, string>();
function originOf(siteUrl: string): string {
  let origin = origins.get(siteUrl);
  if (origin === undefined) origins.set(siteUrl, (origin = new URL(siteUrl).origin));
  return origin;
}
