import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEntryFiles } from '../../src/lib/entry-files.ts';
import { writingThread } from '../../src/lib/write-files.ts';
import { files, fixtureSites } from '../helpers/sites.ts';

describe("entries' API documents and calendar events, written by the build", () => {
  it('are in every language, each under its code, in its words', async () => {
    // The browser tests' site, in English, German and Arabic.
    const { sites } = fixtureSites(new Date('2026-11-24T12:00Z'));
    const dir = mkdtempSync(join(tmpdir(), 'candor-entry-files-'));
    const count = await writingThread().write(dir, (files) => writeEntryFiles(files, sites));
    const written = files(dir);
    expect(written).toHaveLength(count);
    const ids = sites[0]!.entries.map((e) => e.id);
    for (const under of ['', 'de/', 'ar/']) for (const id of ids) expect(written).toContain(`${under}api/v2/incidents/${id}.json`);
    expect(JSON.parse(readFileSync(join(dir, 'api/v2/incidents/2026-11-24-api-errors.json'), 'utf8')).incident.name).toBe('Elevated API error rates');
    expect(JSON.parse(readFileSync(join(dir, 'de/api/v2/incidents/2026-11-24-api-errors.json'), 'utf8')).incident.name).toBe('Erhöhte Fehlerraten der API');
    // A maintenance has its calendar event; an incident has none.
    expect(written).toContain('ar/incidents/2026-11-24-db-maintenance/calendar.ics');
    expect(readFileSync(join(dir, 'incidents/2026-11-24-db-maintenance/calendar.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    expect(written).not.toContain('incidents/2026-11-24-api-errors/calendar.ics');
  });
});
