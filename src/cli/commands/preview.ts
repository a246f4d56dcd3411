import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previewChange, renderPreview } from '../../authoring/preview.ts';
import { CONFIG_FILE } from '../../core/config.ts';
import { INCIDENTS_DIR, loadProject } from '../../core/load.ts';
import { formatProblem } from '../../core/problems.ts';
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

/** `candor preview [--base REV]`: what customers will see after the change in the working tree. */
export function preview(ctx: CliContext, base = 'HEAD'): number {
  const after = loadProject(ctx.root, ctx.now);
  if (!after.project) {
    ctx.err(after.problems.errors.map(formatProblem).join('\n'));
    ctx.err('\nThe change does not pass the check, so there is nothing to preview yet.');
    return 1;
  }
  const before = projectAt(ctx.root, base, ctx.now);
  ctx.out(renderPreview(previewChange(before, after.project, ctx.now, after.problems.warnings)));
  return 0;
}
