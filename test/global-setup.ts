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

/** Builds the browser tests' sites once, before any test file runs, so that no two builds overlap. */
export default function setup(project: TestProject) {
  project.provide('fixtureSite', buildFixtureSite().outDir);
  project.provide('allClearSite', buildFixtureSite(FIXTURE_ALL_CLEAR).outDir);
  project.provide('twoLanguageSite', buildFixtureSite(undefined, ['en', 'ar']).outDir);
}
