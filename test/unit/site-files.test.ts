import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { SITE_FILE_ROUTES } from '../../src/lib/site-file-routes.ts';
import { siteFiles, writeSiteFiles } from '../../src/lib/site-files.ts';
import { writingThread } from '../../src/lib/write-files.ts';
import { files, fixtureSites } from '../helpers/sites.ts';

// The browser tests' site, in English, German and Arabic.
const { sites } = fixtureSites(new Date('2026-11-24T12:00Z'));

describe("a site's files besides its pages, written by the build", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-site-files-'));
  const count = await writingThread().write(dir, (files) => writeSiteFiles(files, sites));
  const written = files(dir);
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');

  it('are in every language, each under its code, but the badges, which are once at the top', () => {
    expect(written).toHaveLength(count);
    const ids = sites[0]!.entries.map((e) => e.id);
    const components = sites[0]!.config.components.map((c) => c.id);
    for (const under of ['', 'de/', 'ar/']) {
      for (const file of ['history.rss', 'history.atom', 'maintenance.ics', 'api/v2/summary.json', 'api/v2/status.json', 'api/v2/incidents/unresolved.json']) expect(written).toContain(`${under}${file}`);
      for (const id of ids) expect(written).toContain(`${under}api/v2/incidents/${id}.json`);
      for (const id of components) expect(written).toEqual(expect.arrayContaining([`${under}components/${id}/history.rss`, `${under}components/${id}/history.atom`]));
    }
    for (const id of components) expect(written).toEqual(expect.arrayContaining([`components/${id}/badge.svg`, `components/${id}/shields.json`]));
    expect(written.filter((path) => /(badge\.svg|shields\.json)$/.test(path))).toEqual(['badge.svg', ...components.flatMap((id) => [`components/${id}/badge.svg`, `components/${id}/shields.json`]), 'shields.json'].sort());
  });

  it("give entries their API documents in the language's words, and maintenance, not incidents, its calendar event", () => {
    expect(JSON.parse(read('api/v2/incidents/2026-11-24-api-errors.json')).incident.name).toBe('Elevated API error rates');
    expect(JSON.parse(read('de/api/v2/incidents/2026-11-24-api-errors.json')).incident.name).toBe('Erhöhte Fehlerraten der API');
    expect(written).toContain('ar/incidents/2026-11-24-db-maintenance/calendar.ics');
    expect(read('incidents/2026-11-24-db-maintenance/calendar.ics')).toMatch(/^BEGIN:VCALENDAR/);
    expect(written).not.toContain('incidents/2026-11-24-api-errors/calendar.ics');
  });

  it("give each component feeds of its own entries, in the language's words, and a badge of its status now", () => {
    // The API's feeds carry the API errors and not the search outage, in English and in German.
    const english = parseFeed(read('components/api/history.atom'));
    expect(english.title).toBe('Fixture Co status: Public API');
    const urls = english.items.map((i) => i.url!);
    expect(urls.some((url) => url.includes('/incidents/2026-11-24-api-errors/'))).toBe(true);
    expect(urls.some((url) => url.includes('search-outage'))).toBe(false);
    const german = parseFeed(read('de/components/api/history.rss'));
    expect(german.items.map((i) => i.url)).toEqual(english.items.map((i) => i.url!.replace('/status/', '/status/de/')));
    expect(german.items[0]!.title).toContain('Erhöhte Fehlerraten der API');
    expect(parseFeed(read('components/search/history.rss')).items.some((i) => i.url!.includes('2026-11-20-search-outage'))).toBe(true);

    // A badge names the component and its status now; its shields.io endpoint says the same.
    expect(read('components/api/badge.svg')).toMatch(/^<svg[^>]*>[\s\S]*Public API[\s\S]*partial outage/);
    expect(JSON.parse(read('components/api/shields.json'))).toEqual({ schemaVersion: 1, label: 'Public API', message: 'partial outage', color: expect.any(String) });
  });
});

describe("a site's files in a dev server", () => {
  it("each come from one of the dev server's routes, and every route serves some", () => {
    const served = new Set(sites.flatMap((site) => [...siteFiles(site)].map((f) => f.route)));
    expect([...served].sort()).toEqual(Object.values(SITE_FILE_ROUTES).sort());
  });

  it('have their media types, and the paths their routes give them', () => {
    const types = { 'history.rss': 'application/rss+xml; charset=utf-8', 'history.atom': 'application/atom+xml; charset=utf-8', 'badge.svg': 'image/svg+xml', 'shields.json': 'application/json', '.ics': 'text/calendar; charset=utf-8', '.json': 'application/json; charset=utf-8' };
    for (const site of sites) {
      for (const file of siteFiles(site)) {
        const [, type] = Object.entries(types).find(([end]) => file.path.endsWith(end))!;
        expect(file.type, file.path).toBe(type);
        // The route's pattern, its parameters put in, is the file's path.
        const path = file.route.replace('/[...lang]', '').replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => file.params[name]!);
        expect(path).toBe(file.path);
      }
    }
  });
});
