import { defineConfig } from 'vitest/config';

const json = process.env['CANDOR_VITEST_JSON'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
