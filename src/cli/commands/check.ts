import { randomUUID } from 'node:crypto';
import { loadInParallel } from '../../core/load-parallel.ts';
import { formatAnnotations, formatReport } from '../report.ts';

export interface CheckOptions {
  root: string;
  now: Date;
  env: Record<string, string | undefined>;
}

/** Validates the configuration and every file (a thread per 400 files, up to one per core); exit code 1 when there is any error. */
export async function check({ root, now, env }: CheckOptions): Promise<{ exitCode: number; output: string }> {
  const { problems, files } = await loadInParallel(root, now);
  let output = formatReport(problems.list, files);
  if (env['GITHUB_ACTIONS'] === 'true') {
    // The report quotes the files; a line of theirs that starts with "::" must not become a workflow
    // command. Between stop-commands and its token (unguessable, made per run), none is read.
    const token = randomUUID();
    const annotations = problems.list.length ? `${formatAnnotations(problems.list)}\n` : '';
    output = `${annotations}::stop-commands::${token}\n${output}\n::${token}::`;
  }
  return { exitCode: problems.errors.length ? 1 : 0, output };
}
