import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isSnapshot } from '../core/config.ts';
import { parseEntry, parsePostmortem, parsePostmortemTranslation, parseTranslation } from '../core/parse.ts';
import type { Language } from '../i18n/languages.ts';
import { formatProblem, Problems } from '../core/problems.ts';
import type { Config } from '../core/schema/config.ts';
import { formatUtc, siteNow } from '../core/time.ts';
import { githubEnv, octokit, repositoryFromRemote } from '../github/client.ts';
import { openPullRequest } from '../github/pull-request.ts';
import { type CliContext, UsageError } from './context.ts';

export interface Change {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  id: string;
  kind: 'entry' | 'postmortem' | 'translation' | 'postmortem-translation';
  /** A translation's language. */
  language?: Language | undefined;
  /** One line for the commit and the pull request: "Acknowledge: Elevated API error rates". */
  summary: string;
  /** The file as the command read it; undefined for a new file. */
  base: string | undefined;
  /** The new text of the file, made from the file as it is (a new file ignores it). */
  apply: (current: string) => string;
  /**
   * True when the change is one new update (and its field changes) that can be put on top of a
   * colleague's newer version of the file; false for a whole-file edit, which is refused instead.
   */
  replayable: boolean;
}

/** A file the command creates: refused at writing time if someone else created it meanwhile. */
export function newFileChange(file: string, id: string, kind: Change['kind'], text: string, summary: string): Change {
  return { file, id, kind, summary, base: undefined, apply: () => text, replayable: false };
}

/**
 * Checks a file the way `candor check` will, with the site shown at `shown`: a command never writes
 * what the check would refuse.
 */
function problemsOf(change: Change, text: string, config: Config, shown: Date): string | undefined {
  const { file, id, kind } = change;
  const problems = new Problems();
  const src = { file, id, text };
  const entry = kind === 'entry' ? parseEntry(src, { componentIds: config.components.map((c) => c.id) }, problems) : undefined;
  const postmortem = kind === 'postmortem' ? parsePostmortem(src, problems) : undefined;
  if (kind === 'translation') parseTranslation(src, change.language!, problems);
  if (kind === 'postmortem-translation') parsePostmortemTranslation(src, change.language!, problems);
  if (problems.errors.length) return `Nothing was written: ${file} would not pass the check.\n${problems.errors.map(formatProblem).join('\n')}`;
  const pending = (entry?.updates.some((u) => u.at > shown) ?? false) || (postmortem?.published !== undefined && postmortem.published > shown);
  if (pending && isSnapshot(config, shown)) {
    return `Nothing was written: the site is a snapshot at ${formatUtc(shown)} (site.as_of in candor.config.yaml), so customers would never see this. Remove that line for a live status page, then run the command again.`;
  }
  return undefined;
}

/** Keeps the responder's text when it cannot be written, so that nothing they typed is lost. */
function keep(change: Change, text: string): string {
  const path = join(tmpdir(), `candor-${change.id}${change.language ? `.${change.language}` : ''}-${Date.now()}.md`);
  writeFileSync(path, text);
  return path;
}

/**
 * Writes the whole file at once: a reader (another candor command, the check, an editor) sees the old
 * text or the new, never a half-written file. A new file is linked into place only if none is there.
 */
function writeAtomically(path: string, text: string, create: boolean): void {
  const temporary = join(dirname(path), `.${basename(path)}.candor-${process.pid}`);
  writeFileSync(temporary, text);
  try {
    if (create) linkSync(temporary, path);
    else renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * One writer at a time per file, across processes: a lock file beside it (a dotfile, which the check
 * never reads). A lock left by a process that died is taken over after ten seconds.
 */
async function lock(path: string): Promise<() => void> {
  const lockPath = join(dirname(path), `.${basename(path)}.candor-lock`);
  for (let waited = 0; ; waited += 25) {
    try {
      closeSync(openSync(lockPath, 'wx'));
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        // A write takes milliseconds: a lock this old was left by a command that was killed.
        if (Date.now() - statSync(lockPath).mtimeMs > 10_000) rmSync(lockPath, { force: true });
      } catch {
        // Released meanwhile.
      }
      if (waited > 30_000) throw new UsageError(`Nothing was written: another candor command has been writing ${basename(path)} for 30 s. If none is running, delete ${lockPath}.`);
      await sleep(25);
    }
  }
}

/**
 * Validates and writes the changes (an entry and its translations, say) together, re-reading each
 * file just before writing (under a lock): when someone changed one meanwhile, a new update goes on
 * top of their version and anything else is refused with the responder's text kept; if the check
 * refuses any file, none is written and every text is kept. With `pr`, the same is done against the
 * default branch, in one pull request.
 */
export async function writeChange(ctx: CliContext, config: Config, changes: Change | readonly Change[], pr: boolean): Promise<void> {
  const all = Array.isArray(changes) ? (changes as readonly Change[]) : [changes as Change];
  const [first] = all as [Change];
  const shown = siteNow(config.site.as_of, ctx.env, ctx.now);
  // What --pr needs is known before anything is written: a command run again would post the update twice.
  const gh = githubEnv(ctx.env);
  const repository = pr ? (gh.repository ?? originRepository(ctx.root)) : undefined;
  if (pr && !gh.token) throw new UsageError('Nothing was written: --pr needs a GitHub token in GITHUB_TOKEN (or GH_TOKEN) with permission to push and open pull requests. Set it, or leave out --pr and commit the files yourself.');
  if (pr && !repository) throw new UsageError('Nothing was written: --pr needs the repository; set GITHUB_REPOSITORY=owner/name, or run inside a clone of the GitHub repository.');
  const releases: (() => void)[] = [];
  const texts: string[] = [];
  try {
    // Locked in one order, so two commands writing the same files never wait for each other forever.
    for (const change of [...all].sort((a, b) => a.file.localeCompare(b.file))) {
      const path = join(ctx.root, change.file);
      mkdirSync(dirname(path), { recursive: true });
      releases.push(await lock(path));
    }
    try {
      for (const change of all) texts.push(nextText(ctx, change, config, shown));
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      // Whichever file is refused, everything the responder wrote for this command is kept.
      const kept = all.map((change) => ({ change, path: keep(change, change.apply(change.base ?? '')) }));
      if (kept.length === 1) throw new UsageError(e.withKept(kept[0]!.path));
      throw new UsageError(`${e.reason}\nYour texts are kept in:\n${kept.map(({ change, path }) => `  ${change.file}: ${path}`).join('\n')}`);
    }
    all.forEach((change, k) => writeAtomically(join(ctx.root, change.file), texts[k]!, change.base === undefined));
  } finally {
    for (const release of releases) release();
  }
  for (const change of all) ctx.out(`Wrote ${change.file}`);
  if (!pr || !repository) {
    ctx.out(`Commit ${all.length > 1 ? 'them' : 'it'} and open a pull request (or run the command again with --pr).`);
    return;
  }
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 13);
  const url = await openPullRequest(octokit(gh), {
    repository,
    branch: `candor/${first.id}-${stamp}`,
    title: first.summary,
    body: `${first.summary}\n\nWritten with \`candor\`. The check runs on this pull request and shows what customers will see.`,
    files: all.map((change, k) => ({ path: change.file, build: (remote: string | undefined) => onDefaultBranch(change, texts[k]!, remote, repository, config, shown) })),
  });
  ctx.out(`Opened ${url}`);
}

/** A change that cannot be written: why, and how to say so once the responder's text is kept at `kept`. */
class Refused extends Error {
  readonly reason: string;
  readonly withKept: (kept: string) => string;
  constructor(reason: string, withKept: (kept: string) => string) {
    super(reason);
    this.reason = reason;
    this.withKept = withKept;
  }
}

/** The file's text after the change, on top of what is there now (under its lock). */
function nextText(ctx: CliContext, change: Change, config: Config, shown: Date): string {
  const path = join(ctx.root, change.file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  let text: string;
  if (current === change.base) text = change.apply(change.base ?? '');
  else if (current !== undefined && change.base !== undefined && change.replayable) {
    text = change.apply(current);
    ctx.err(`Note: ${change.file} changed since this command read it (someone else's edit); your update goes on top of their version.`);
  } else {
    const what = current === undefined ? 'was deleted' : change.base === undefined ? 'was created by someone else' : 'was changed by someone else';
    const reason = `Nothing was written: ${change.file} ${what} while you were writing, and writing now would undo their change.`;
    throw new Refused(reason, (kept) => `${reason} Your text is kept in ${kept}: run the command again, or merge it by hand.`);
  }
  const refused = problemsOf(change, text, config, shown);
  if (refused) throw new Refused(refused, (kept) => `${refused}\nYour text is kept in ${kept}.`);
  return text;
}

/** The change as it goes onto the default branch, which may hold updates this clone has not seen. */
function onDefaultBranch(change: Change, local: string, remote: string | undefined, repository: string, config: Config, shown: Date): string {
  if (remote === undefined || remote === local) return local;
  const conflict = `The file is written here, but no pull request was opened: ${change.file} on ${repository}'s default branch`;
  if (change.base === undefined) throw new UsageError(`${conflict} already exists, with other content. Pull, then choose another --id.`);
  if (remote === change.base) return local;
  if (!change.replayable) throw new UsageError(`${conflict} has changes this clone does not have. Pull (git pull), then run the command again.`);
  const text = change.apply(remote);
  const refused = problemsOf(change, text, config, shown);
  if (refused) throw new UsageError(`${conflict} has changes this clone does not have, and your update does not fit on top of them:\n${refused}\nPull (git pull), then run the command again.`);
  return text;
}

function originRepository(root: string): string | undefined {
  const r = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? repositoryFromRemote(r.stdout) : undefined;
}
