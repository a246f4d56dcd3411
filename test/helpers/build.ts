import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './project.ts';

/**
 * A test's time for each build it runs, beside its other work: a build takes some 5 s on a quiet
 * 2-core machine and 30 s beside a CPU hog. (A build blocks its test's thread, so only a test that
 * goes on after it, asynchronously, can run out of time.)
 */
export const timeFor = (builds: number, otherwise = 30_000) => otherwise + builds * 60_000;

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
