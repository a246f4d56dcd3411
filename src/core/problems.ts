import { closest, distance } from 'fastest-levenshtein';

export type Severity = 'error' | 'warning';

/** One thing wrong with a file: where, what, and how to fix it. Errors fail the check and the build. */
export interface Problem {
  severity: Severity;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** Always set, so every annotation points at a line: 1 for a problem with the file as a whole. */
  line: number;
  column?: number;
  message: string;
  /** How to fix it, in one sentence. */
  hint: string;
}

/** Collects every problem of a run rather than stopping at the first. */
export class Problems {
  readonly list: Problem[] = [];

  error(file: string, at: Position | undefined, message: string, hint: string): void {
    this.add('error', file, at, message, hint);
  }

  warn(file: string, at: Position | undefined, message: string, hint: string): void {
    this.add('warning', file, at, message, hint);
  }

  get errors(): Problem[] {
    return this.list.filter((p) => p.severity === 'error');
  }

  get warnings(): Problem[] {
    return this.list.filter((p) => p.severity === 'warning');
  }

  private add(severity: Severity, file: string, at: Position | undefined, message: string, hint: string) {
    // No line: the problem is with the file as a whole (its name, its folder, a missing incident), so point at its start.
    // Every problem has a column, so every annotation and editor jump lands on a place.
    const problem: Problem = { severity, file, line: at?.line ?? 1, column: at?.line === undefined ? 1 : (at.column ?? 1), message, hint };
    this.list.push(problem);
  }
}

export interface Position {
  line?: number;
  column?: number;
}

/** " Did you mean "x"?" when a known word is close enough to be the intended one, else "". */
export function didYouMean(word: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  // "major" for "major_outage": the one known word that begins with what was written.
  const begun = word.length >= 3 ? known.filter((k) => k.startsWith(word.toLowerCase())) : [];
  if (begun.length === 1) return ` Did you mean "${begun[0]}"?`;
  const best = closest(word.toLowerCase(), known as string[]);
  const d = distance(word.toLowerCase(), best);
  return d <= Math.max(2, Math.floor(best.length / 3)) ? ` Did you mean "${best}"?` : '';
}

export function sortProblems(list: readonly Problem[]): Problem[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Thrown by getSite (src/lib/site.ts) and the build's configuration (src/integrations/candor.ts): the build must not produce a site from bad input. */
export class CandorContentError extends Error {
  readonly problems: Problem[];
  /** Shown by Astro under the error instead of its own guess. */
  readonly hint = 'Fix each problem above (npm run check lists them with their fixes), then build again.';
  constructor(problems: Problem[]) {
    super(`Candor found ${problems.length} error${problems.length === 1 ? '' : 's'} in the content:\n${sortProblems(problems).map(formatProblem).join('\n')}`);
    this.name = 'CandorContentError';
    this.problems = problems;
  }

  // Astro guesses hints from toString(); the full text is in the message.
  override toString(): string {
    return `${this.name}: ${this.problems.length} problem(s)`;
  }
}

/** Text from files (names, keys, values) shown in a report: control characters as escapes, never raw. */
const shown = (s: string) => s.replace(/[\u0000-\u001F\u007F-\u009F\u202D\u202E]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function formatProblem(p: Problem): string {
  const where = [shown(p.file), p.line, p.column].filter((x) => x !== undefined).join(':');
  return `${where}: ${p.severity}: ${shown(p.message)}\n    fix: ${shown(p.hint)}`;
}
