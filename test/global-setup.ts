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
 * Gives the run folders of its own, removed when it ends: one for the temporary folders of its tests
 * and of the processes they start with their environment (builds, Chromium), and one under test/.tmp/
 * for the sites they build. Then builds the browser tests' sites once, side by side, before any test
 * file runs.
 */
export default async function setup(project: TestProject) {
  // Node's compile cache (Astro's command line and Candor's keep one) stays where it was, from run to run.
  process.env['NODE_COMPILE_CACHE'] ??= join(tmpdir(), 'node-compile-cache');
  const temporary = mkdtempSync(join(tmpdir(), 'candor-test-'));
  mkdirSync(join(ROOT, 'test', '.tmp'), { recursive: true });
  const builds = mkdtempSync(join(ROOT, 'test', '.tmp', 'run-'));
  process.env['TMPDIR'] = temporary;
  process.env[BUILDS_FOLDER] = builds;
  // Vitest ends the run's processes after this; one still writing (a browser a timed-out test left) may hold a folder a moment.
  const removeFolders = () => {
    for (const folder of [temporary, builds]) rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const [site, allClear, twoLanguages] = await Promise.all([buildFixtureSite(), buildFixtureSite(FIXTURE_ALL_CLEAR), buildFixtureSite(undefined, ['en', 'ar'])]);
    project.provide('fixtureSite', site.outDir);
    project.provide('allClearSite', allClear.outDir);
    project.provide('twoLanguageSite', twoLanguages.outDir);
  } catch (error) {
    removeFolders();
    throw error;
  }
  return removeFolders;
}
