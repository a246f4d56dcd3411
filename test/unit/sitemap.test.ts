import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedSitemap } from '../../src/integrations/sitemap.ts';

// The sitemap integration is run as Astro runs it at the end of a build, on a list of pages in the
// order a build might give them, and its files read back.
type Hooks = Record<string, (params: Record<string, unknown>) => unknown>;
const logger = { info() {}, warn() {}, error() {}, debug() {} };
const config = { site: 'https://status.example.com', base: '/status/', trailingSlash: 'always', build: { format: 'directory' } };

async function written(integration: AstroIntegration, pathnames: string[]): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-sitemap-'));
  const hooks = integration.hooks as unknown as Hooks;
  await hooks['astro:config:done']!({ config, logger });
  await hooks['astro:routes:resolved']!({ routes: [], logger });
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages: pathnames.map((pathname) => ({ pathname })), logger });
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('the sitemap', () => {
  const pages = [
    '', 'history/', 'history/2/', 'history/10/', 'incidents/2026-11-24-api-errors/', 'incidents/2026-11-24-api-errors/postmortem/',
    'incidents/2013-03-17-entry-1125/', 'incidents/2013-03-17-entry-99/', 'de/', 'de/history/3/', 'components/api/', 'maintenance/', 'subscribe/', '404/',
  ];

  it('is what @astrojs/sitemap writes, whatever order the build gives the pages in', async () => {
    const options = { filter: (page: string) => !page.endsWith('/404/') };
    const expected = await written(sitemap(options), pages);
    expect(Object.keys(expected).sort()).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(expected['sitemap-0.xml']).not.toContain('/404/');
    // Numbers in order of their value: page 2 before page 10.
    expect(expected['sitemap-0.xml']!.indexOf('/status/history/2/')).toBeLessThan(expected['sitemap-0.xml']!.indexOf('/status/history/10/'));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(pages, { minLength: pages.length }), async (order) => {
        expect(await written(sortedSitemap(options), order)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });
});
