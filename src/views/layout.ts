import type { Config } from '../core/schema/config.ts';
import { COMPONENT_STATUSES } from '../core/status.ts';
import { type Language, LANGUAGES } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translate.ts';
import type { LiveState } from './live.ts';
import { attribute, escapeText, statusIcon } from './markup.ts';
import { absolute, href, paths } from './urls.ts';

// The parts of a page's frame (src/layouts/Base.astro) that differ from page to page of one kind, as
// functions: a build writes most incident pages itself into the frame Astro renders once per
// language (src/lib/entry-pages.ts), with these same parts.

/** What the frame says of its page. */
export interface PageFrame {
  /** The page's own title; the site name is appended. */
  title?: string | undefined;
  description?: string | undefined;
  /** Site path of this page, for the canonical URL and the same page in the site's other languages. */
  path: string;
  /**
   * Not every language has this page (the one 404 page, an entry's later pages of updates): the page
   * each language offers instead. Others are offered in each language.
   */
  elsewhere?: string;
  /** The page shows statuses that maintenance windows change: carry the states ahead for the browser. */
  live?: boolean;
  /** A component page's own feeds, offered beside the site's. */
  componentFeeds?: { name: string; rss: string; atom: string } | undefined;
}

/** The site in the page's language, as the frame needs it (a site from `getSite` is one). */
export interface FrameSite {
  config: Config;
  t: Translator;
  /** Base path of this language's pages. */
  base: string;
  language: Language;
  languages: { language: Language; base: string }[];
  live: LiveState[];
}

/**
 * Where each part goes in the frame a build renders once per language (src/lib/entry-pages.ts). The
 * quotes keep them out of anything else on the page: Astro writes a '"' of any text or attribute as `&quot;`.
 */
export const FRAME_PARTS = { head: '<!--"candor:head"-->', languages: '<!--"candor:languages"-->', main: '<!--"candor:main"-->', live: '<!--"candor:live"-->' } as const;

export const siteTitle = ({ config, t }: FrameSite) => t('site.title', { site: config.site.name });

/** Each language's version of this page (or of the page offered instead); none for a site of one language. */
function versions({ path, elsewhere }: PageFrame, { languages }: FrameSite) {
  return languages.length > 1 ? languages.map((l) => ({ ...l, path: elsewhere ?? path })) : [];
}

/** The head's elements that describe the page: title, summary, canonical URL, its versions, feeds and icon. */
export function headTags(frame: PageFrame, site: FrameSite): string {
  const { config, base, t } = site;
  const { title, description, path, componentFeeds } = frame;
  const translated = frame.elsewhere === undefined;
  const { site: s } = config;
  const name = siteTitle(site);
  const fullTitle = title ? `${title} · ${name}` : name;
  const summary = description ?? s.description ?? t('site.description', { site: s.name });
  const canonical = absolute(s.url, base, path);
  const others = versions(frame, site);
  let tags = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeText(fullTitle)}</title><meta name="description"${attribute('content', summary)}><link rel="canonical"${attribute('href', canonical)}>`;
  if (translated) for (const v of others) tags += `<link rel="alternate"${attribute('hreflang', v.language)}${attribute('href', absolute(s.url, v.base, v.path))}>`;
  if (translated && others.length > 0) tags += `<link rel="alternate" hreflang="x-default"${attribute('href', absolute(s.url, others[0]!.base, path))}>`;
  tags += `<meta property="og:type" content="website"><meta property="og:site_name"${attribute('content', name)}><meta property="og:title"${attribute('content', fullTitle)}><meta property="og:description"${attribute('content', summary)}><meta property="og:url"${attribute('content', canonical)}><meta name="twitter:card" content="summary"><meta name="color-scheme" content="light dark"><meta name="generator" content="Candor">`;
  tags += `<link rel="alternate" type="application/rss+xml"${attribute('title', `${name} (RSS)`)}${attribute('href', href(base, paths.feed('rss')))}><link rel="alternate" type="application/atom+xml"${attribute('title', `${name} (Atom)`)}${attribute('href', href(base, paths.feed('atom')))}>`;
  if (componentFeeds) {
    tags += `<link rel="alternate" type="application/rss+xml"${attribute('title', `${componentFeeds.name} (RSS)`)}${attribute('href', componentFeeds.rss)}><link rel="alternate" type="application/atom+xml"${attribute('title', `${componentFeeds.name} (Atom)`)}${attribute('href', componentFeeds.atom)}>`;
  }
  if (s.logo) tags += `<link rel="icon"${attribute('href', href(s.base, s.logo))}>`;
  return tags;
}

/** The header's links to this page in the site's other languages; nothing for a site of one language. */
export function languageNav(frame: PageFrame, site: FrameSite): string {
  const others = versions(frame, site);
  if (others.length === 0) return '';
  const items = others.map(
    (v) => `<li><a${attribute('href', href(v.base, v.path))}${attribute('lang', v.language)}${attribute('hreflang', v.language)}${attribute('aria-current', v.language === site.language && v.path === frame.path ? 'page' : undefined)}>${escapeText(LANGUAGES[v.language].name)}</a></li>`,
  );
  return `<nav class="languages"${attribute('aria-label', site.t('nav.languages'))}><ul>${items.join('')}</ul></nav>`;
}

/** The states the page's script moves it through, and the icons it swaps in; nothing for a page that does not move. */
export function liveData({ live = false }: PageFrame, site: FrameSite): string {
  if (!live || site.live.length === 0) return '';
  // JSON in a script element: '<' is escaped so no text can close the element.
  const json = JSON.stringify(site.live).replace(/</g, '\\u003c');
  return `<script type="application/json" id="candor-live">${json}</script><template id="candor-icons">${COMPONENT_STATUSES.map(statusIcon).join('')}</template>`;
}
