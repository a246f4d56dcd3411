import XMLBuilder from 'fast-xml-builder';
import { componentNames } from '../core/config.ts';
import type { Entry, Update } from '../core/model.ts';
import { isPublished } from '../core/rules/postmortem.ts';
import { isoTime } from '../core/time.ts';
import type { Config } from '../core/schema/config.ts';
import { htmlLang } from '../i18n/languages.ts';
import { type Translator, translator } from '../i18n/translate.ts';
import { absolute, paths } from './urls.ts';

/** Feeds carry the newest items only, so that they stay small at any size of history. */
export const FEED_LIMIT = 100;

/** One feed item: an update, or a published post-mortem. */
export interface FeedItem {
  /** Incident URL + "#" + the update's anchor: stable when the update's text is edited. */
  guid: string;
  link: string;
  title: string;
  date: Date;
  /** Rendered and sanitized HTML. */
  html: string;
  /** Plain text, for readers that show a summary. */
  summary: string;
  /** Names of the affected components. */
  categories: string[];
}

/** Which feed: the site's or a component's, in which of the site's languages (by default its first, at `/`). */
export interface FeedOptions {
  componentId?: string | undefined;
  t?: Translator;
  /** Base path of the language's pages, for links. */
  base?: string;
}

function inLanguage(config: Config, { t = translator(config.site.languages[0]!), base = config.site.base }: FeedOptions) {
  return { t, url: (path: string) => absolute(config.site.url, base, path) };
}

/** A feed item in waiting: listed by its date alone, its link made only when it is needed. */
interface Candidate {
  date: Date;
  entry: Entry;
  update?: Update;
  guid?: string;
  /** The item, made when a feed first takes it: the site's feed and its components' share it. */
  item?: FeedItem;
}

// Every update and post-mortem of a history, newest first, sorted once for all of a site's feeds in
// a language (its own and each component's, which takes the newest that affect it): a history of
// thousands of updates costs one sort, not one per feed, and not thousands of URLs and titles; an
// item is made once for all the feeds that carry it. Kept per history, configuration (the items'
// categories are its component names), moment, language and base path.
const sorted = new WeakMap<readonly Entry[], WeakMap<Config, Map<string, Candidate[]>>>();

/** A candidate's link, which is also its id in the feed: made once. */
const linkOf = (c: Candidate, url: (path: string) => string) => (c.guid ??= url(c.update ? paths.update(c.entry.id, c.update.anchor) : paths.postmortem(c.entry.id)));

/** The candidates of `entries` at `now`, for items of `config` in `language` with links made by `url`. */
function candidates(entries: readonly Entry[], config: Config, now: Date, language: string, url: (path: string) => string): Candidate[] {
  let byConfig = sorted.get(entries);
  if (!byConfig) sorted.set(entries, (byConfig = new WeakMap()));
  let byKey = byConfig.get(config);
  if (!byKey) byConfig.set(config, (byKey = new Map()));
  // Titles differ by language, links by its base path: a list for each.
  const key = `${now.getTime()}|${language}|${url('/')}`;
  let list = byKey.get(key);
  if (list) return list;
  list = [];
  for (const e of entries) {
    for (const u of e.updates) if (u.at <= now) list.push({ date: u.at, entry: e, update: u });
    if (isPublished(e.postmortem, now)) list.push({ date: e.postmortem.published, entry: e });
  }
  list.sort((a, b) => b.date.getTime() - a.date.getTime() || linkOf(a, url).localeCompare(linkOf(b, url)));
  byKey.set(key, list);
  return list;
}

/**
 * Every update posted by `now` and every post-mortem published by then, newest first, at most
 * `FEED_LIMIT`. With `componentId`, only entries that affect that component.
 */
export function feedItems(entries: readonly Entry[], config: Config, now: Date, options: FeedOptions = {}): FeedItem[] {
  const { componentId } = options;
  const names = componentNames(config);
  const { t, url } = inLanguage(config, options);
  const all = candidates(entries, config, now, t.language, url);
  const chosen: Candidate[] = [];
  for (const c of all) {
    if (chosen.length === FEED_LIMIT) break;
    if (componentId === undefined || c.entry.components.some((comp) => comp.id === componentId)) chosen.push(c);
  }
  return chosen.map((c) => (c.item ??= itemOf(c, names, t, url)));
}

function itemOf(c: Candidate, names: ReadonlyMap<string, string>, t: Translator, url: (path: string) => string): FeedItem {
  const e = c.entry;
  const categories = e.components.map((comp) => names.get(comp.id) ?? comp.id);
  const link = linkOf(c, url);
  return c.update
    ? { guid: link, link, title: `[${t('word.updateStatus', { status: c.update.status })}] ${e.title}`, date: c.date, html: c.update.html, summary: c.update.text, categories }
    : { guid: link, link, title: `[${t('postmortem.label')}] ${e.title}`, date: c.date, html: e.postmortem!.html, summary: t('feed.postmortemSummary', { title: e.title }), categories };
}

export interface FeedMeta {
  title: string;
  description: string;
  /** The page the feed follows (home or component page), absolute. */
  link: string;
  /** The feed's own URLs, absolute. */
  rss: string;
  atom: string;
  updated: Date;
  language: string;
}

export function feedMeta(config: Config, now: Date, options: FeedOptions = {}): FeedMeta {
  const component = config.components.find((c) => c.id === options.componentId);
  const page = component ? paths.component(component.id) : paths.home;
  const feed = (kind: 'rss' | 'atom') => (component ? paths.componentFeed(component.id, kind) : paths.feed(kind));
  const { t, url } = inLanguage(config, options);
  const site = config.site.name;
  return {
    title: component ? t('feed.componentTitle', { site, component: component.name }) : t('site.title', { site }),
    description: component ? t('feed.componentDescription', { site, component: component.name }) : t('feed.description', { site }),
    link: url(page),
    rss: url(feed('rss')),
    atom: url(feed('atom')),
    updated: now,
    language: htmlLang(t.language, config.site.locale),
  };
}

/** Text for feed fields that readers treat as HTML (titles, summaries): escaped, so it stays text. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Both feeds are written by an XML serializer, which escapes every text and attribute: a name with
// "<" or "&", or an update with "]]>", can never make a feed that readers drop. Each element is on a
// line of its own and none is indented, so that an item's XML is the same wherever it stands: an
// update in the site's feed and in the feeds of the components it affects is written once a format.
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '', processEntities: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
/** Where a feed's items go: an element no text can make (the serializer escapes "<" in text). */
const ITEMS = { element: 'candor-items', written: '<candor-items/>\n' };

/** A feed's document with its items, each item's XML made once per format. */
function withItems(document: Record<string, unknown>, items: readonly FeedItem[], made: WeakMap<FeedItem, string>, itemXml: (i: FeedItem) => string): string {
  const written = xml.build(document) as string;
  const at = written.indexOf(ITEMS.written);
  if (at === -1) throw new Error('A feed was written without the place of its items.');
  let list = '';
  for (const i of items) {
    let x = made.get(i);
    if (x === undefined) made.set(i, (x = itemXml(i)));
    list += x;
  }
  return DECLARATION + written.slice(0, at) + list + written.slice(at + ITEMS.written.length);
}

const rssItems = new WeakMap<FeedItem, string>();
const atomEntries = new WeakMap<FeedItem, string>();

/** RSS 2.0, with the full HTML of each update in content:encoded. */
export function rss(meta: FeedMeta, items: readonly FeedItem[]): string {
  const document = {
    rss: {
      '@version': '2.0',
      '@xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      channel: {
        title: meta.title,
        link: meta.link,
        description: meta.description,
        language: meta.language,
        lastBuildDate: (items[0]?.date ?? meta.updated).toUTCString(),
        generator: 'Candor',
        'atom:link': { '@href': meta.rss, '@rel': 'self', '@type': 'application/rss+xml' },
        [ITEMS.element]: '',
      },
    },
  };
  return withItems(document, items, rssItems, (i) =>
    xml.build({
      item: {
        title: escapeHtml(i.title),
        link: i.link,
        guid: { '@isPermaLink': 'true', '#text': i.guid },
        pubDate: i.date.toUTCString(),
        description: escapeHtml(i.summary),
        'content:encoded': i.html,
        category: i.categories,
      },
    }),
  );
}

/** Atom 1.0. Titles and summaries are HTML, escaped: readers that take any title as HTML still show the words. */
export function atom(meta: FeedMeta, items: readonly FeedItem[]): string {
  const document = {
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xml:lang': meta.language,
      id: meta.atom,
      title: { '@type': 'text', '#text': meta.title },
      subtitle: { '@type': 'text', '#text': meta.description },
      updated: isoTime(items[0]?.date ?? meta.updated),
      generator: 'Candor',
      link: [
        { '@rel': 'alternate', '@type': 'text/html', '@href': meta.link },
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': meta.atom },
        { '@rel': 'alternate', '@type': 'application/rss+xml', '@href': meta.rss },
      ],
      [ITEMS.element]: '',
    },
  };
  return withItems(document, items, atomEntries, (i) =>
    xml.build({
      entry: {
        id: i.guid,
        title: { '@type': 'html', '#text': escapeHtml(i.title) },
        link: { '@rel': 'alternate', '@href': i.link },
        published: isoTime(i.date),
        updated: isoTime(i.date),
        summary: { '@type': 'html', '#text': escapeHtml(i.summary) },
        content: { '@type': 'html', '#text': i.html },
        category: i.categories.map((name) => ({ '@term': name, '@label': name })),
      },
    }),
  );
}

type FeedSite = { entries: readonly Entry[]; config: Config; now: Date; t: Translator; base: string };

export const FEED_TYPES = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8' } as const;

/** A language's feed, the site's or a component's. */
export function feedText(kind: 'rss' | 'atom', site: FeedSite, componentId?: string): string {
  const options = { componentId, t: site.t, base: site.base };
  const meta = feedMeta(site.config, site.now, options);
  const items = feedItems(site.entries, site.config, site.now, options);
  return kind === 'rss' ? rss(meta, items) : atom(meta, items);
}

