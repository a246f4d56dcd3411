import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forComment, previewChange, problemLine, renderPreview } from '../../authoring/preview.ts';
import { loadProject } from '../../core/load.ts';
import { CONFIG_FILE, INCIDENTS_DIR } from '../../core/read.ts';
import { githubEnv, octokit, splitRepository } from '../../github/client.ts';
import { upsertPreviewComment } from '../../github/comment.ts';
import { type CliContext, UsageError } from '../context.ts';

/** The project as it is at a git revision, or undefined when there is none (a first commit). */
export function projectAt(root: string, revision: string, now: Date) {
  const dir = mkdtempSync(join(tmpdir(), 'candor-base-'));
  try {
    const archive = spawnSync('sh', ['-c', `git archive --format=tar "$1" -- "$2" "$3" 2>/dev/null | tar -x -C "$4"`, 'sh', revision, CONFIG_FILE, INCIDENTS_DIR, dir], { cwd: root });
    if (archive.status !== 0) return undefined;
    return loadProject(dir, now).project;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The preview of the change in the working tree against `base`, as Markdown; when the change does not
 * pass the check, the problems instead.
 */
export function previewMarkdown(ctx: CliContext, base: string): { ok: boolean; markdown: string } {
  const after = loadProject(ctx.root, ctx.now);
  if (!after.project) {
    const list = after.problems.errors.map(problemLine).join('\n');
    return { ok: false, markdown: `### This change does not pass the check\n\nNothing will be published until these are fixed:\n\n${list}\n` };
  }
  const before = projectAt(ctx.root, base, ctx.now);
  return { ok: true, markdown: renderPreview(previewChange(before, after.project, ctx.now, after.problems.warnings)) };
}

/** `candor preview [--base REV]`: what customers will see after the change in the working tree. */
export function preview(ctx: CliContext, base = 'HEAD'): number {
  const { ok, markdown } = previewMarkdown(ctx, base);
  (ok ? ctx.out : ctx.err)(markdown);
  return ok ? 0 : 1;
}

/** GitHub refuses a comment longer than this. */
const COMMENT_LIMIT = 60_000;

/**
 * `candor comment --base REV --pr-number N`: the preview in the job summary, and as one comment on the
 * pull request, updated in place on each push. Exit 1 when the change does not pass the check. With
 * `--save <folder>` (the pull request's own run, with a read-only token), the comment and the pull
 * request's number are kept there for the trusted workflow that posts them.
 */
export async function comment(ctx: CliContext, base: string, issue: number, save?: string): Promise<number> {
  const { ok, markdown: raw } = previewMarkdown(ctx, base);
  const markdown = forComment(raw);
  const summary = ctx.env['GITHUB_STEP_SUMMARY'];
  if (summary) appendFileSync(summary, `${markdown}\n`);
  if (save !== undefined) {
    mkdirSync(save, { recursive: true });
    writeFileSync(join(save, 'comment.md'), markdown);
    writeFileSync(join(save, 'pr-number'), String(issue));
    ctx.out(`Saved the preview comment in ${save}/ for the workflow that posts it.`);
    return ok ? 0 : 1;
  }
  const gh = githubEnv(ctx.env);
  if (!gh.token || !gh.repository) {
    ctx.err('No GITHUB_TOKEN or GITHUB_REPOSITORY: the preview is only in the job summary.');
  } else {
    await post(ctx, gh, issue, markdown);
  }
  return ok ? 0 : 1;
}

async function post(ctx: CliContext, gh: ReturnType<typeof githubEnv>, issue: number, markdown: string): Promise<void> {
  const result = await upsertPreviewComment(octokit(gh), gh.repository!, issue, markdown);
  if (result.outcome === 'forbidden') ctx.err(result.message);
  else ctx.out(`${result.outcome === 'created' ? 'Posted' : 'Updated'} the preview comment on #${issue}.`);
}

/**
 * `candor comment --from <folder> --head-sha <sha>`: runs in the trusted workflow, with the default
 * branch's code and a token that can comment, and treats what the pull request's run saved as data:
 * the number must name an open pull request whose head is the commit that run checked, and the text
 * is sanitized again and cut to GitHub's limit.
 */
export async function postSavedComment(ctx: CliContext, folder: string, headSha: string): Promise<number> {
  const gh = githubEnv(ctx.env);
  if (!gh.token || !gh.repository) throw new UsageError('candor comment --from needs GITHUB_TOKEN and GITHUB_REPOSITORY.');
  const number = readFileSync(join(folder, 'pr-number'), 'utf8').trim();
  if (!/^[1-9]\d{0,9}$/.test(number)) throw new UsageError(`The saved pull request number is not a number: nothing was posted.`);
  const { owner, repo } = splitRepository(gh.repository);
  const { data: pull } = await octokit(gh).rest.pulls.get({ owner, repo, pull_number: Number(number) });
  if (pull.head.sha !== headSha) throw new UsageError(`Pull request #${number} is not at ${headSha} (its head is ${pull.head.sha}): nothing was posted.`);
  let markdown = forComment(readFileSync(join(folder, 'comment.md'), 'utf8'));
  if (markdown.length > COMMENT_LIMIT) markdown = `${markdown.slice(0, COMMENT_LIMIT)}\n\n… (cut: the full preview is in the pull request run's summary)\n`;
  await post(ctx, gh, Number(number), markdown);
  return 0;
}
