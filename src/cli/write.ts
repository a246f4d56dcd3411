import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isSnapshot } from '../core/config.ts';
import { parseEntry, parsePostmortem } from '../core/parse.ts';
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
  text: string;
  kind: 'entry' | 'postmortem';
  /** One line for the commit and the pull request: "Acknowledge: Elevated API error rates". */
  summary: string;
}

/**
 * Checks a file the way `candor check` will, with the site shown at `shown`: a command never writes
 * what the check would refuse.
 */
function validateChange(change: Change, config: Config, shown: Date): void {
  const problems = new Problems();
  const src = { file: change.file, id: change.id, text: change.text };
  const entry = change.kind === 'entry' ? parseEntry(src, { componentIds: config.components.map((c) => c.id) }, problems) : undefined;
  const postmortem = change.kind === 'postmortem' ? parsePostmortem(src, problems) : undefined;
  if (problems.errors.length) throw new UsageError(`Nothing was written: ${change.file} would not pass the check.\n${problems.errors.map(formatProblem).join('\n')}`);
  const pending = (entry?.updates.some((u) => u.at > shown) ?? false) || (postmortem !== undefined && postmortem.published > shown);
  if (pending && isSnapshot(config, shown)) {
    throw new UsageError(`Nothing was written: the site is a snapshot at ${formatUtc(shown)} (site.as_of in candor.config.yaml), so customers would never see this. Remove that line for a live status page, then run the command again.`);
  }
}

/** Validates, writes, and with `pr` opens a pull request with the file. */
export async function writeChange(ctx: CliContext, config: Config, change: Change, pr: boolean): Promise<void> {
  validateChange(change, config, siteNow(config.site.as_of, ctx.env, ctx.now));
  const path = join(ctx.root, change.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, change.text);
  ctx.out(`Wrote ${change.file}`);
  if (!pr) {
    ctx.out('Commit it and open a pull request (or run the command again with --pr).');
    return;
  }
  const gh = githubEnv(ctx.env);
  if (!gh.token) throw new UsageError(`The file is written, but no pull request was opened: --pr needs a GitHub token in GITHUB_TOKEN (or GH_TOKEN) with permission to push and open pull requests.`);
  const repository = gh.repository ?? originRepository(ctx.root);
  if (!repository) throw new UsageError('The file is written, but no pull request was opened: set GITHUB_REPOSITORY=owner/name, or run inside a clone of the GitHub repository.');
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 13);
  const url = await openPullRequest(octokit(gh), {
    repository,
    branch: `candor/${change.id}-${stamp}`,
    title: change.summary,
    body: `${change.summary}\n\nWritten with \`candor\`. The check runs on this pull request and shows what customers will see.`,
    files: [{ path: change.file, content: change.text }],
  });
  ctx.out(`Opened ${url}`);
}

function originRepository(root: string): string | undefined {
  const r = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? repositoryFromRemote(r.stdout) : undefined;
}
