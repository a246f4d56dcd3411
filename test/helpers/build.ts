import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './project.ts';

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * Builds the site of a project folder with `astro build`, as the README's command does, into a folder
 * of its own under test/.tmp/. Inside the repository, Astro keeps each build's server chunks in its
 * output folder (outside, it would use .astro/ for every build), so that two builds can run at once.
 */
export function buildSite(projectRoot: string, env: Record<string, string> = {}): BuildResult {
  const scratch = join(ROOT, 'test', '.tmp');
  mkdirSync(scratch, { recursive: true });
  const outDir = join(mkdtempSync(join(scratch, 'dist-')), 'dist');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, CANDOR_ROOT: projectRoot, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}
