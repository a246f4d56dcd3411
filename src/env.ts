import { loadConfig } from './core/read.ts';
import { Problems } from './core/problems.ts';
import { siteNow } from './core/time.ts';

const root = process.env['CANDOR_ROOT'] || process.cwd();
let clock: Date | undefined;

/** Build settings from the environment, shared by astro.config.mjs and the pages (src/lib/site.ts). */
export const buildEnv = {
  /** The project folder with candor.config.yaml and incidents/ (tests build fixture folders). */
  root,
  /** The moment the site shows (`CANDOR_NOW`, `site.as_of` or the clock), read once per module copy. */
  get now(): Date {
    return (clock ??= siteNow(() => loadConfig(root, new Problems())?.site.as_of));
  },
  drafts: process.env['CANDOR_DRAFTS'] === 'true',
};
