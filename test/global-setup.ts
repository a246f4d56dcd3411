import type { TestProject } from 'vitest/node';
import { buildFixtureSite, FIXTURE_ALL_CLEAR } from './fixtures/build-fixture.ts';

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

/** Builds the browser tests' sites once, side by side (each in a folder of its own), before any test file runs. */
export default async function setup(project: TestProject) {
  const [site, allClear, twoLanguages] = await Promise.all([buildFixtureSite(), buildFixtureSite(FIXTURE_ALL_CLEAR), buildFixtureSite(undefined, ['en', 'ar'])]);
  project.provide('fixtureSite', site.outDir);
  project.provide('allClearSite', allClear.outDir);
  project.provide('twoLanguageSite', twoLanguages.outDir);
}
