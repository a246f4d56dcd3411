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
    maxConcurrency: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
