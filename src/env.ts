import { now } from './core/time.ts';

/** Build settings from the environment, shared by astro.config.mjs and the content loader. */
export const buildEnv = {
  /** The project folder with candor.config.yaml and incidents/ (tests build fixture folders). */
  root: process.env['CANDOR_ROOT'] || process.cwd(),
  now: now(),
  drafts: process.env['CANDOR_DRAFTS'] === 'true',
};
