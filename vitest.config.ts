import { defineConfig } from 'vitest/config';

const json = process.env['CANDOR_VITEST_JSON'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Two files at a time on two cores (Vitest keeps one core free by default): the browser tests
    // wait on Chromium and the build tests on Astro (each build in a folder of its own, see
    // test/helpers/build.ts). Within a file, tests marked concurrent (the accessibility checks) run two at a time.
    maxWorkers: 2,
    // Each file in the worker of the files before it, with the modules they loaded: no test here
    // changes a shared module or the process's state, and loading them afresh for every one of some
    // fifty small files cost a second each.
    isolate: false,
    maxConcurrency: 2,
    testTimeout: 30_000,
    // A page's scripts may take seconds to act on a loaded machine (Vitest waits 1 s by default);
    // a poll that never holds still fails, at its test's own timeout at the latest.
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 180_000,
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
