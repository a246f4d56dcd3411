import type { TestProject } from 'vitest/node';
import { buildFixtureSite } from './fixtures/build-fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ of the browser tests' fixture site (base path /status/). */
    fixtureSite: string;
  }
}

/** Builds the browser tests' site once, before any test file runs, so that no two builds overlap. */
export default function setup(project: TestProject) {
  project.provide('fixtureSite', buildFixtureSite().outDir);
}
