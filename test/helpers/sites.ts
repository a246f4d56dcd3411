import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadProject } from '../../src/core/load.ts';
import { inLanguage, type Site, siteOf } from '../../src/lib/site.ts';
import { ROOT } from './project.ts';

/** The browser tests' site (test/fixtures/site) at `now`, in each of its languages (English, German, Arabic), as a build's pages have it. */
export function fixtureSites(now: Date): { root: string; sites: Site[] } {
  const root = join(ROOT, 'test/fixtures/site');
  const site = siteOf(loadProject(root, now), now, false);
  return { root, sites: [site, ...site.languages.slice(1).map(({ language }) => inLanguage(site, language))] };
}

/** Every file under `dir`, by its path there, sorted. */
export const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(dir, join(d.parentPath, d.name))).sort();
