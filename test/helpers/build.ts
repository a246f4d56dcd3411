import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './project.ts';

/**
 * A test's time for each build it runs, beside its other work: a build takes some 5 s on a quiet
 * 2-core machine and 30 s beside a CPU hog. Every test that builds takes it: Vitest fails a test
 * that ran longer than its time even when a build blocked its thread all along.
 */
export const timeFor = (builds: number, otherwise = 30_000) => otherwise + builds * 60_000;

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/** The variable naming the test run's folder for built sites (test/global-setup.ts). */
export const BUILDS_FOLDER = 'CANDOR_TEST_BUILDS';

/** The command, options and output folder of a build of a project folder (see buildSite). */
function buildCommand(projectRoot: string, env: Record<string, string>) {
  const scratch = process.env[BUILDS_FOLDER] ?? join(ROOT, 'test', '.tmp');
  mkdirSync(scratch, { recursive: true });
  const outDir = join(mkdtempSync(join(scratch, 'dist-')), 'dist');
  const args = [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir];
  return { args, outDir, options: { cwd: ROOT, env: { ...process.env, CANDOR_ROOT: projectRoot, ASTRO_TELEMETRY_DISABLED: '1', ...env } } };
}

/**
 * Builds the site of a project folder with `astro build`, as the README's command does, into a folder
 * of its own under test/.tmp/. Inside the repository, Astro keeps each build's server chunks in its
 * output folder (outside, it would use .astro/ for every build), so that two builds can run at once.
 */
export function buildSite(projectRoot: string, env: Record<string, string> = {}): BuildResult {
  const { args, outDir, options } = buildCommand(projectRoot, env);
  const r = spawnSync(process.execPath, args, { ...options, encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}

/** buildSite, while this thread goes on (the test setup's builds run side by side). */
export function buildSiteAside(projectRoot: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const { args, outDir, options } = buildCommand(projectRoot, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, options);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, outDir }));
  });
}
