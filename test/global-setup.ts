import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildFixtureSite, FIXTURE_ALL_CLEAR } from './fixtures/build-fixture.ts';
import { BUILDS_FOLDER } from './helpers/build.ts';
import { ROOT } from './helpers/project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ of the browser tests' fixture site (base path /status/). */
    fixtureSite: string;
    /** The same site built when all was well. */
    allClearSite: string;
    /** The same site in two languages: English at /status/ and Arabic (right to left) under /status/ar/. */
    twoLanguageSite: string;
  }
}

/**
 * Gives the run folders of its own, removed when it ends: one for every temporary folder its tests make
 * (the system's, for the tests' threads and what they start), and one under test/.tmp/ for the sites
 * they build. Then builds the browser tests' sites once, side by side, before any test file runs.
 */
export default async function setup(project: TestProject) {
  const temporary = mkdtempSync(join(tmpdir(), 'candor-test-'));
  mkdirSync(join(ROOT, 'test', '.tmp'), { recursive: true });
  const builds = mkdtempSync(join(ROOT, 'test', '.tmp', 'run-'));
  process.env['TMPDIR'] = temporary;
  process.env[BUILDS_FOLDER] = builds;
  const [site, allClear, twoLanguages] = await Promise.all([buildFixtureSite(), buildFixtureSite(FIXTURE_ALL_CLEAR), buildFixtureSite(undefined, ['en', 'ar'])]);
  project.provide('fixtureSite', site.outDir);
  project.provide('allClearSite', allClear.outDir);
  project.provide('twoLanguageSite', twoLanguages.outDir);
  return () => {
    rmSync(temporary, { recursive: true, force: true });
    rmSync(builds, { recursive: true, force: true });
  };
}
