import { formatProblem, type Problem, sortProblems } from '../core/problems.ts';

/** The check's report: every problem with file, line and fix, then one summary line. */
export function formatReport(problems: readonly Problem[], files: number): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const warnings = sorted.length - errors;
  const lines = sorted.map(formatProblem);
  const checked = `${files} file${files === 1 ? '' : 's'}`;
  if (sorted.length === 0) return `✓ Checked ${checked}: no problems.`;
  lines.push('', `${errors ? '✗' : '✓'} Checked ${checked}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** GitHub Actions workflow commands, so problems show inline on the pull request's changed lines. */
export function formatAnnotations(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map((p) => {
      const props = [`file=${escapeProperty(p.file)}`, `line=${p.line}`];
      if (p.column !== undefined) props.push(`col=${p.column}`);
      props.push(`title=${escapeProperty(`Candor: ${p.severity}`)}`);
      return `::${p.severity} ${props.join(',')}::${escapeData(`${p.message}\nFix: ${p.hint}`)}`;
    })
    .join('\n');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
