/** Build settings from the environment, shared by the build's configuration (src/integrations/candor.ts) and the pages (src/lib/site.ts). */
export const buildEnv = {
  /** The project folder with candor.config.yaml and incidents/ (tests build fixture folders). */
  root: process.env['CANDOR_ROOT'] || process.cwd(),
  drafts: process.env['CANDOR_DRAFTS'] === 'true',
};
