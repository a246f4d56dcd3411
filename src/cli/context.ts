import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { INCIDENTS_DIR, listFiles, loadConfig } from '../core/load.ts';
import { formatProblem, Problems } from '../core/problems.ts';
import type { Config } from '../core/schema/config.ts';
import { parseTime, TIME_FORMAT_HINT } from '../core/time.ts';
import type { Prompter } from './prompts.ts';

/** What every command gets: where it works, its clock, its environment and how it talks. */
export interface CliContext {
  root: string;
  now: Date;
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Present when the CLI may ask questions (a terminal, or a test's script). */
  prompter?: Prompter | undefined;
}

/** A problem the user can fix; printed without a stack trace, exit code 1. */
export class UsageError extends Error {}

export function requireConfig(ctx: CliContext): Config {
  const problems = new Problems();
  const config = loadConfig(ctx.root, problems);
  if (!config) throw new UsageError(problems.errors.map(formatProblem).join('\n'));
  return config;
}

/** Every Markdown file under incidents/ by id (post-mortems as `<id>.postmortem`), as the check reads them. */
export function incidentFiles(root: string): Map<string, string> {
  const paths = listFiles(join(root, INCIDENTS_DIR)).filter((p) => p.endsWith('.md'));
  return new Map(paths.map((p) => [basename(p, '.md'), p]));
}

export function findEntry(ctx: CliContext, id: string): { path: string; text: string; file: string } {
  const path = incidentFiles(ctx.root).get(id);
  if (!path) throw new UsageError(`There is no incident "${id}" in ${INCIDENTS_DIR}/. The id is the file name without .md.`);
  return { path, text: readFileSync(path, 'utf8'), file: relative(ctx.root, path).split(sep).join('/') };
}

/** A time given on the command line: "now" (default), minutes from now ("+30"), or a date and time. */
export function parseWhen(value: string | undefined, ctx: CliContext, flag: string): Date {
  if (value === undefined || value === 'now') return ctx.now;
  if (/^\+?\d+$/.test(value)) return new Date(ctx.now.getTime() + Number(value.replace('+', '')) * 60_000);
  const t = parseTime(value);
  if (!t.ok) throw new UsageError(`--${flag}: ${t.reason}; ${TIME_FORMAT_HINT}, or give minutes from now such as +30.`);
  return t.date;
}

/** Lets the user edit `text` in $VISUAL or $EDITOR; returns what they saved. */
export function editInEditor(ctx: CliContext, text: string, name: string): string {
  const editor = ctx.env['VISUAL'] || ctx.env['EDITOR'];
  if (!editor) throw new UsageError('--edit needs an editor: set $EDITOR (for example EDITOR=nano).');
  const dir = mkdtempSync(join(tmpdir(), 'candor-edit-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    // $EDITOR may carry arguments ("code --wait"), so the shell reads it; the path goes in as "$1".
    const r = spawnSync('sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit', env: ctx.env as NodeJS.ProcessEnv });
    if (r.status !== 0) throw new UsageError(`The editor (${editor}) exited with status ${r.status}: nothing was written.`);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
