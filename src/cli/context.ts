import { ownerHandle } from '../core/schema/time.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import type { Project } from '../core/assemble.ts';
import { loadProject } from '../core/load.ts';
import { INCIDENTS_DIR, listFiles, loadConfig } from '../core/read.ts';
import { didYouMean, formatProblem, Problems } from '../core/problems.ts';
import type { Config } from '../core/schema/config.ts';
import { DAY, formatUtc, parseTime, TIME_FORMAT_HINT } from '../core/time.ts';
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
  /** --yes: write what would otherwise be confirmed or refused as odd. */
  yes?: boolean | undefined;
}

/** A problem the user can fix; printed without a stack trace, exit code 1. */
export class UsageError extends Error {}

export function requireConfig(ctx: CliContext): Config {
  const problems = new Problems();
  const config = loadConfig(ctx.root, problems);
  if (!config) throw new UsageError(problems.errors.map(formatProblem).join('\n'));
  return config;
}

/** The project, for commands that read it whole; one that does not pass the check is refused with its errors. */
export function requireProject(ctx: CliContext): Project {
  const { project, problems } = loadProject(ctx.root, ctx.now);
  if (!project) throw new UsageError(`The project does not pass the check:\n${problems.errors.map(formatProblem).join('\n')}`);
  return project;
}

/** Every Markdown file under incidents/ by id (post-mortems as `<id>.postmortem`), as the check reads them. */
export function incidentFiles(root: string): Map<string, string> {
  const paths = listFiles(join(root, INCIDENTS_DIR), root).filter((p) => p.endsWith('.md'));
  return new Map(paths.map((p) => [basename(p, '.md'), p]));
}

export function findEntry(ctx: CliContext, id: string): { path: string; text: string; file: string } {
  const files = incidentFiles(ctx.root);
  const path = files.get(id);
  if (!path) {
    const ids = [...files.keys()].filter((k) => !k.endsWith('.postmortem'));
    throw new UsageError(`There is no incident "${id}" in ${INCIDENTS_DIR}/.${didYouMean(id, ids)} The id is the file name without .md.`);
  }
  return { path, text: readFileSync(path, 'utf8'), file: relative(ctx.root, path).split(sep).join('/') };
}

/** `value` when it is one of `known` (any case), else an error with the nearest one. */
export function oneOf<T extends string>(value: string, known: readonly T[], what: string): T {
  const key = value.trim().toLowerCase();
  const loose = (s: string) => s.replace(/[\s_-]+/g, ' ');
  const found = known.find((k) => loose(k) === loose(key));
  if (found) return found;
  const started = known.filter((k) => loose(k).startsWith(loose(key)));
  const hint = started.length === 1 ? ` Did you mean "${started[0]}"?` : didYouMean(key, known);
  throw new UsageError(`${what} "${value}" is not one of: ${known.join(', ')}.${hint}`);
}

/** A time given on the command line: "now" (default), minutes from now ("+30"), or a date and time. */
export function parseWhen(value: string | undefined, ctx: CliContext, flag: string): Date {
  if (value === undefined || value === 'now') return ctx.now;
  // Minutes from now land on a whole minute, as a promise is read ("by 14:35 UTC").
  if (/^\+?\d+$/.test(value)) return new Date(Math.ceil((ctx.now.getTime() + Number(value.replace('+', '')) * 60_000) / 60_000) * 60_000);
  const t = parseTime(value);
  if (!t.ok) throw new UsageError(`--${flag}: ${t.reason}; ${TIME_FORMAT_HINT}, or give minutes from now such as +30.`);
  return t.date;
}

/** Clocks differ by a little; a time within this of now counts as now. */
const SKEW = 60_000;

/**
 * Something odd about to be written (a time in the future, a promise days away): refused with flags,
 * confirmed in a terminal, let through by --yes. Never written silently.
 */
export async function confirmOrRefuse(ctx: CliContext, problem: string): Promise<void> {
  if (ctx.yes) return;
  if (ctx.prompter && (await ctx.prompter.confirm({ message: `${problem} Write it anyway?`, initialValue: false }))) return;
  throw new UsageError(`Nothing was written: ${problem} Check the date, the hour and the zone (times without one are UTC), or give --yes if you mean it.`);
}

/** A time that must not be in the future (an update's time) or in the past (a promise, a window's end). */
export async function sensibleTime(ctx: CliContext, t: Date, flag: string, must: 'past' | 'future', consequence: string): Promise<void> {
  const wrong = must === 'past' ? t.getTime() > ctx.now.getTime() + SKEW : t.getTime() < ctx.now.getTime() - SKEW;
  if (wrong) await confirmOrRefuse(ctx, `--${flag} ${formatUtc(t)} is in the ${must === 'past' ? 'future' : 'past'} (it is now ${formatUtc(ctx.now)}): ${consequence}`);
}

const NO_PROMISE = 'Post it without promising when the next update comes?';

/**
 * The next-update promise: `--next-update` (minutes or a time; empty or "none" for no promise), or
 * asked in a terminal until the answer makes sense. No promise is never silent: the CLI says that
 * customers will see no next-update time, and in a terminal asks whether to promise one after all.
 */
export async function askPromise(ctx: CliContext, flag: string | undefined, title?: string): Promise<Date | undefined> {
  const p = ctx.prompter;
  const none = (raw: string) => raw === '' || raw === 'none';
  const noPromise = `Note: customers will see no next-update time${title ? ` for ${title}` : ''}. Promise one with --next-update <minutes|time>.`;
  if (!p) {
    const raw = (flag ?? '').trim();
    if (none(raw)) {
      ctx.err(noPromise);
      return undefined;
    }
    const next = parseWhen(raw, ctx, 'next-update');
    const odd = oddPromise(ctx, next);
    if (odd) await confirmOrRefuse(ctx, odd);
    return next;
  }
  const validate = (v: string) => {
    if (none(v.trim())) return undefined;
    try {
      parseWhen(v.trim(), ctx, 'next-update');
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };
  let raw = flag?.trim();
  for (;;) {
    raw ??= (await p.text({ message: 'Next update in how many minutes, or at what time? (empty: no promise)', initialValue: '30', validate })).trim();
    if (none(raw)) {
      ctx.err(noPromise);
      if (await p.confirm({ message: NO_PROMISE, initialValue: false })) return undefined;
    } else {
      const next = parseWhen(raw, ctx, 'next-update');
      const odd = oddPromise(ctx, next);
      if (!odd || ctx.yes || (await p.confirm({ message: `${odd} Promise it anyway?`, initialValue: false }))) return next;
    }
    raw = undefined;
  }
}

/** What is wrong with a promise: in the past (broken at once), or days away (most likely a typo). */
function oddPromise(ctx: CliContext, next: Date): string | undefined {
  if (next.getTime() <= ctx.now.getTime()) return `--next-update ${formatUtc(next)} is in the past (it is now ${formatUtc(ctx.now)}): a promise in the past shows as broken at once.`;
  if (next.getTime() - ctx.now.getTime() > DAY) return `--next-update ${formatUtc(next)} is more than a day away: promise when you will really post next, in minutes or hours.`;
  return undefined;
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

/**
 * Who communicates for a new entry: `--owner` (handles, separated by commas or spaces), else the
 * GitHub user running it (GITHUB_ACTOR in Actions, `git config github.user` locally), else nobody
 * named (the configured `communication.owners` apply).
 */
export function ownersFor(ctx: CliContext, flag: string | undefined): string[] | undefined {
  if (flag !== undefined) {
    return flag
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((handle) => {
        const parsed = ownerHandle.safeParse(handle);
        if (!parsed.success) throw new UsageError(`--owner: "${handle}" is not a GitHub handle or team; write it like @alice or @brightpay/oncall.`);
        return parsed.data;
      });
  }
  // A bot (github-actions[bot]) or an odd git setting names nobody: the configured owners apply.
  const user = ownerHandle.safeParse(ctx.env['GITHUB_ACTOR'] || gitGithubUser(ctx.root) || '');
  return user.success ? [user.data] : undefined;
}

function gitGithubUser(root: string): string | undefined {
  const r = spawnSync('git', ['config', 'github.user'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}
