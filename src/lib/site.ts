import type { APIRoute, GetStaticPaths } from 'astro';
import { isSnapshot } from '../core/config.ts';
import type { LoadResult } from '../core/assemble.ts';
import { publishedEntry } from '../core/entries.ts';
import { entryIn } from '../core/translations.ts';
import type { Entry } from '../core/model.ts';
import { CandorContentError } from '../core/problems.ts';
import type { Config } from '../core/schema/config.ts';
import { buildEnv } from '../env.ts';
import { buildFor } from './build-slot.ts';
import { writeEntryPages } from './entry-pages.ts';
import { siteFiles, writeSiteFiles } from './site-files.ts';
import { writingThread } from './write-files.ts';
import { type Language, localeFor } from '../i18n/languages.ts';
import { type Translator, translator } from '../i18n/translate.ts';
import type { Clock } from '../views/format.ts';
import { href } from '../views/urls.ts';
import { type StatusBoard, statusBoard } from '../views/home.ts';
import { type LiveState, liveStates } from '../views/live.ts';

export interface Site {
  config: Config;
  /** Published incidents and maintenance, newest first. */
  entries: Entry[];
  now: Date;
  /** Base path of this language's pages: the site's, then `/<lang>` for all but the default language. */
  base: string;
  clock: Clock;
  /** Entry id → title, for links from uptime days. */
  titles: Map<string, string>;
  /** Status and uptime of every component and group at `now`, computed once per build. */
  board: StatusBoard;
  /** The states pages move through as maintenance windows open and close before the next build. */
  live: LiveState[];
  /** The language of this site's pages and its interface text. */
  language: Language;
  /** Its pages' `lang` route parameter, and the folder they are in: none for the default language. */
  lang: Language | undefined;
  t: Translator;
  /** Every language of the site, the default (at `/`) first, with the base path of its pages. */
  languages: { language: Language; base: string }[];
}

/**
 * The site's data for pages, made once per build or dev server from the project the configuration's
 * side loaded (src/integrations/site-build.ts; the same parser and rules as the check): the published
 * entries, the validated configuration and the clock. Any error fails the build with the check's
 * messages: bad input never produces a site.
 *
 * `lang` is a page's `lang` parameter: none for the default language, a code for the others.
 */
export function getSite(lang?: string): Promise<Site> {
  const slot = buildFor(buildEnv.root);
  if (!slot) throw new Error('No project to show: the pages are rendered without the candor-site-build integration (astro.config.mjs).');
  if (slot.build && !slot.writeFiles) {
    // Started as the pages first ask for the site, so that it is ready by the time they are done.
    const thread = writingThread();
    slot.stopWriting = thread.stop;
    slot.writeFiles = async (dir) => {
      const sites = await allSites();
      return thread.write(dir, (files) => {
        slot.pages = writeEntryPages(files, sites, dir);
        writeSiteFiles(files, sites);
      });
    };
  }
  const site = (slot.site ??= slot.loaded().then((loaded) => siteOf(loaded, slot.now, slot.drafts)));
  if (lang === undefined) return site;
  const sites = (slot.languages ??= new Map());
  let translated = sites.get(lang);
  if (!translated) sites.set(lang, (translated = site.then((s) => inLanguage(s, lang))));
  return translated;
}

/** The site in each of its languages, the default first. */
export async function allSites(): Promise<Site[]> {
  const { languages } = await getSite();
  return Promise.all(languages.map(({ language }, k) => getSite(k === 0 ? undefined : language)));
}

/** The site in another of its languages: its pages under `/<lang>/`, their words from its catalogue. */
export function inLanguage(site: Site, lang: string): Site {
  const other = site.languages.find((l) => l.language === lang);
  if (!other) throw new Error(`"${lang}" is not one of the site's languages (${site.languages.map((l) => l.language).join(', ')}).`);
  const t = translator(other.language);
  const clock = { ...site.clock, locale: localeFor(other.language, site.config.site.locale) };
  const entries = site.entries.map((e) => entryIn(e, other.language, site.language));
  return {
    ...site,
    language: other.language,
    lang: other.language,
    base: other.base,
    clock,
    t,
    entries,
    titles: new Map(entries.map((e) => [e.id, e.title])),
    live: isSnapshot(site.config, site.now) ? [] : liveStates(entries, site.config, site.now, t),
  };
}

/** The site of a project at `now`, in its first language, drafts shown or not. */
export function siteOf({ project, problems }: LoadResult, now: Date, drafts: boolean): Site {
  if (!project) throw new CandorContentError(problems.errors);
  const { config } = project;
  // Newest first, as loading gives them.
  const [language, ...others] = config.site.languages as [Language, ...Language[]];
  const t = translator(language);
  const entries = project.entries.map((e) => publishedEntry(e, now, drafts)).filter((e): e is Entry => e !== undefined);
  return {
    config,
    entries,
    now,
    base: config.site.base,
    clock: { timeZone: config.site.time_zone, locale: localeFor(language, config.site.locale) },
    titles: new Map(entries.map((e) => [e.id, e.title])),
    board: statusBoard(entries, config, now),
    // A snapshot (`site.as_of`) stays at its moment in the visitor's browser too.
    live: isSnapshot(config, now) ? [] : liveStates(entries, config, now, t),
    language,
    lang: undefined,
    t,
    languages: [{ language, base: config.site.base }, ...others.map((other) => ({ language: other, base: href(config.site.base, other) }))],
  };
}

type StaticPath = { params: Record<string, string | undefined>; props?: Record<string, unknown> };

/**
 * The static paths of a route in every language of the site: those `pathsOf` gives for each
 * language's site, with the `lang` parameter (none for the default language, at `/`).
 */
export async function inEveryLanguage(pathsOf: (site: Site) => StaticPath[] | Promise<StaticPath[]>) {
  const all = await Promise.all((await allSites()).map(async (site) => (await pathsOf(site)).map((path) => ({ ...path, params: { ...path.params, lang: site.lang } }))));
  return all.flat();
}

/** The static paths of a page that exists once per language. */
export const languagePaths = () => inEveryLanguage(() => [{ params: {} }]);

/** One static path per component, with the component as a prop: for /components/<id>/… routes. */
const componentPathsOf = (site: Site) => site.config.components.map((component) => ({ params: { id: component.id }, props: { component } }));

/** For a component's page, in every language. */
export const componentPathsInEveryLanguage = () => inEveryLanguage(componentPathsOf);

/**
 * A dev server's route of the site's files besides its pages (src/dev-routes/site-file.ts, under each
 * pattern of src/lib/site-file-routes.ts), which a build writes directly (src/lib/site-files.ts): each
 * found by the route's pattern and parameters, and served with its media type.
 */
export const siteFileRoute = {
  getStaticPaths: (({ routePattern }) => inEveryLanguage((site) => [...siteFiles(site, routePattern)].map(({ params }) => ({ params })))) satisfies GetStaticPaths,
  // Found by its parameters, not given as props: a route without any (`/badge.svg`) has no static paths.
  GET: (async ({ params, routePattern }) => {
    for (const file of siteFiles(await getSite(params['lang']), routePattern)) {
      if (Object.entries(file.params).every(([name, value]) => params[name] === value)) return new Response(file.text(), { headers: { 'content-type': file.type } });
    }
    return new Response(null, { status: 404 });
  }) satisfies APIRoute,
};
