import { now } from './core/time.ts';

let clock: Date | undefined;

/**
 * Build settings from the environment, shared by astro.config.mjs and the content loader. Vite
 * loads this module more than once in a build, so astro.config.mjs fixes the clock in
 * `CANDOR_NOW` and every copy reads the same moment.
 */
export const buildEnv = {
  /** The project folder with candor.config.yaml and incidents/ (tests build fixture folders). */
  root: process.env['CANDOR_ROOT'] || process.cwd(),
  get now(): Date {
    return (clock ??= now());
  },
  drafts: process.env['CANDOR_DRAFTS'] === 'true',
};
