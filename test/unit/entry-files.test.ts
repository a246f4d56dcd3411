import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import { translator } from '../../src/i18n/translate.ts';
import { loadProject } from '../../src/core/load.ts';
import { entryIn } from '../../src/core/translations.ts';
import { parseInParallel } from '../../src/core/load-parallel.ts';
import { writeEntryFilesNow } from '../../src/lib/entry-files.ts';
import { writeEntryFilesOnThread } from '../../src/lib/entry-files-thread.ts';
import type { Site } from '../../src/lib/site.ts';
import { statusBoard } from '../../src/views/home.ts';
import { ROOT } from '../helpers/project.ts';

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(dir, join(d.parentPath, d.name))).sort();

describe("entries' API documents and calendar events", () => {
  it('are the same written on a thread of their own (a large site) as on the build\'s thread, in every language', async () => {
    // The browser tests' site, in English, German and Arabic.
    const now = new Date('2026-11-24T12:00Z');
    const root = join(ROOT, 'test/fixtures/site');
    const { project } = loadProject(root, now);
    const { config, entries } = project!;
    const board = statusBoard(entries, config, now);
    const [first, ...others] = config.site.languages as [Language, ...Language[]];
    const site = (language: Language, lang: Language | undefined): Site =>
      ({ config, now, board, language, lang, t: translator(language), base: lang ? `${config.site.base}/${lang}` : config.site.base, entries: lang ? entries.map((e) => entryIn(e, lang, first)) : entries }) as Site;
    const sites = [site(first, undefined), ...others.map((l) => site(l, l))];

    const here = mkdtempSync(join(tmpdir(), 'candor-entry-files-'));
    const there = mkdtempSync(join(tmpdir(), 'candor-entry-files-'));
    const count = writeEntryFilesNow(here, sites);
    // The thread makes its sites from the build's parse, as the pages do.
    expect(await writeEntryFilesOnThread(there, { root, now, parsed: await parseInParallel(root) })).toBe(count);
    expect(files(there)).toEqual(files(here));
    for (const file of files(here)) expect(readFileSync(join(there, file), 'utf8'), file).toBe(readFileSync(join(here, file), 'utf8'));
    // Each language's under its code, with its words.
    expect(files(here)).toContain('de/api/v2/incidents/2026-11-24-api-errors.json');
    expect(JSON.parse(readFileSync(join(there, 'de/api/v2/incidents/2026-11-24-api-errors.json'), 'utf8')).incident.name).toBe('Erhöhte Fehlerraten der API');
    expect(files(here)).toContain('ar/incidents/2026-11-24-db-maintenance/calendar.ics');
  });
});
