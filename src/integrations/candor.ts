import type { AstroIntegration } from 'astro';
import { CandorContentError, Problems } from '../core/problems.ts';
import { loadConfig } from '../core/read.ts';
import type { Config } from '../core/schema/config.ts';
import { buildEnv } from '../env.ts';
import { pagesFiles } from './pages-files.ts';
import { siteBuild } from './site-build.ts';

/**
 * Candor's side of a build or dev server of the project at `root`, for astro.config.mjs: its
 * configuration, checked (any error stops the build here, with every problem found), and the
 * integrations that read and write the rest.
 */
export function candor(root = buildEnv.root): { config: Config; integrations: AstroIntegration[] } {
  const problems = new Problems();
  const config = loadConfig(root, problems);
  if (!config) throw new CandorContentError(problems.errors);
  return { config, integrations: [siteBuild(root, { config, problems: problems.list }), pagesFiles(config, root)] };
}
