import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadProject } from '../../src/core/load.ts';
import { entryIn } from '../../src/core/translations.ts';
import { type Language, localeFor } from '../../src/i18n/languages.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { Site } from '../../src/lib/site.ts';
import { statusBoard } from '../../src/views/home.ts';
import { liveStates } from '../../src/views/live.ts';
import { ROOT } from './project.ts';

/** The browser tests' site (test/fixtures/site) at `now`, in each of its languages (English, German, Arabic), as the pages have it. */
export function fixtureSites(now: Date): { root: string; sites: Site[] } {
  const root = join(ROOT, 'test/fixtures/site');
  const { project } = loadProject(root, now);
  const { config, entries } = project!;
  const board = statusBoard(entries, config, now);
  const [first, ...others] = config.site.languages as [Language, ...Language[]];
  const baseOf = (lang: Language | undefined) => (lang ? `${config.site.base}/${lang}` : config.site.base);
  const languages = [first, ...others].map((language, k) => ({ language, base: baseOf(k === 0 ? undefined : language) }));
  const site = (language: Language, lang: Language | undefined): Site => {
    const inLanguage = lang ? entries.map((e) => entryIn(e, lang, first)) : entries;
    const t = translator(language);
    return {
      config,
      now,
      board,
      language,
      lang,
      t,
      base: baseOf(lang),
      entries: inLanguage,
      clock: { timeZone: config.site.time_zone, locale: localeFor(language, config.site.locale) },
      titles: new Map(inLanguage.map((e) => [e.id, e.title])),
      live: liveStates(inLanguage, config, now, t),
      languages,
    };
  };
  return { root, sites: [site(first, undefined), ...others.map((l) => site(l, l))] };
}

/** Every file under `dir`, by its path there, sorted. */
export const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(dir, join(d.parentPath, d.name))).sort();
