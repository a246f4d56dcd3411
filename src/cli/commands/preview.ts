import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forComment, previewChange, problemLine, renderPreview } from '../../authoring/preview.ts';
import { CONFIG_FILE } from '../../core/config.ts';
import { INCIDENTS_DIR, loadProject } from '../../core/load.ts';
import { githubEnv, octokit } from '../../github/client.ts';
import { upsertPreviewComment } from '../../github/comment.ts';
import type { CliContext } from '../context.ts';

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

/**
 * `candor comment --base REV --pr-number N`: the preview in the job summary, and as one comment on the
 * pull request, updated in place on each push. Exit 1 when the change does not pass the check.
 */
export async function comment(ctx: CliContext, base: string, issue: number): Promise<number> {
  const { ok, markdown: raw } = previewMarkdown(ctx, base);
  const markdown = forComment(raw);
  const summary = ctx.env['GITHUB_STEP_SUMMARY'];
  if (summary) appendFileSync(summary, `${markdown}\n`);
  const gh = githubEnv(ctx.env);
  if (!gh.token || !gh.repository) {
    ctx.err('No GITHUB_TOKEN or GITHUB_REPOSITORY: the preview is only in the job summary.');
  } else {
    const result = await upsertPreviewComment(octokit(gh), gh.repository, issue, markdown);
    if (result.outcome === 'forbidden') ctx.err(result.message);
    else ctx.out(`${result.outcome === 'created' ? 'Posted' : 'Updated'} the preview comment on #${issue}.`);
  }
  return ok ? 0 : 1;
}
