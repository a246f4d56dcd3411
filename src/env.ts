/** Build settings from the environment, shared by astro.config.mjs and the pages (src/lib/site.ts). */
export const buildEnv = {
  /** The project folder with candor.config.yaml and incidents/ (tests build fixture folders). */
  root: process.env['CANDOR_ROOT'] || process.cwd(),
  drafts: process.env['CANDOR_DRAFTS'] === 'true',
};
