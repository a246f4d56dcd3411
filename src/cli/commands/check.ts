import { loadProject } from '../../core/load.ts';
import { formatAnnotations, formatReport } from '../report.ts';

export interface CheckOptions {
  root: string;
  now: Date;
  env: Record<string, string | undefined>;
}

/** Validates the configuration and every file; exit code 1 when there is any error. */
export function check({ root, now, env }: CheckOptions): { exitCode: number; output: string } {
  const { problems, files } = loadProject(root, now);
  let output = formatReport(problems.list, files);
  if (env['GITHUB_ACTIONS'] === 'true' && problems.list.length) output = `${formatAnnotations(problems.list)}\n${output}`;
  return { exitCode: problems.errors.length ? 1 : 0, output };
}
