import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInParallel } from '../../src/core/load-parallel.ts';
import { writeEntryFilesNow } from '../../src/lib/entry-files.ts';
import { writeEntryFilesOnThread } from '../../src/lib/entry-files-thread.ts';
import { files, fixtureSites } from '../helpers/sites.ts';

describe("entries' API documents and calendar events", () => {
  it('are the same written on a thread of their own (a large site) as on the build\'s thread, in every language', async () => {
    // The browser tests' site, in English, German and Arabic.
    const now = new Date('2026-11-24T12:00Z');
    const { root, sites } = fixtureSites(now);

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
