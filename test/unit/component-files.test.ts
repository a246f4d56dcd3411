import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { componentFilePaths, writeComponentFiles } from '../../src/lib/component-files.ts';
import { writingThread } from '../../src/lib/write-files.ts';
import { files, fixtureSites } from '../helpers/sites.ts';

describe("components' feeds, badges and shields endpoints, written by the build", () => {
  it('are in every language for the feeds, once at the top for badges, each feed of its own entries in its words', async () => {
    const { sites } = fixtureSites(new Date('2026-11-24T12:00Z'));
    const dir = mkdtempSync(join(tmpdir(), 'candor-component-files-'));
    const ids = sites[0]!.config.components.map((c) => c.id);
    const count = await writingThread().write(dir, (files) => writeComponentFiles(files, sites));
    const expected = ids.flatMap((id) => [
      ...['', 'de/', 'ar/'].flatMap((under) => [`${under}components/${id}/history.rss`, `${under}components/${id}/history.atom`]),
      `components/${id}/badge.svg`,
      `components/${id}/shields.json`,
    ]);
    expect(files(dir)).toEqual(expected.sort());
    expect(count).toBe(expected.length);

    const read = (path: string) => readFileSync(join(dir, path), 'utf8');
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

describe("components' files in a dev server", () => {
  it('are served from one route per kind of file: feeds in every language, badges in the first, each with its media type', () => {
    const { sites } = fixtureSites(new Date('2026-11-24T12:00Z'));
    const ids = sites[0]!.config.components.map((c) => c.id);
    const types = { 'history.rss': 'application/rss+xml; charset=utf-8', 'history.atom': 'application/atom+xml; charset=utf-8', 'badge.svg': 'image/svg+xml', 'shields.json': 'application/json' };
    for (const [file, type] of Object.entries(types)) {
      for (const site of sites) {
        const paths = componentFilePaths(site, file);
        const expected = file.startsWith('history.') || site.lang === undefined ? ids : [];
        expect(paths.map((p) => p.params.id), `${site.language} ${file}`).toEqual(expected);
        for (const { props } of paths) expect(props.type).toBe(type);
      }
    }
    const [api] = componentFilePaths(sites[1]!, 'history.atom');
    expect(parseFeed(api!.props.text).title).toBe('Status von Fixture Co: Public API');
  });
});
