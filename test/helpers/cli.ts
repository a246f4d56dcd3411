import { execFileSync } from 'node:child_process';
import type { Option, Prompter } from '../../src/cli/prompts.ts';
import { runCli } from '../../src/cli/run.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** The questions asked, in order. */
  asked: string[];
}

/**
 * Runs the CLI in a project folder at a fixed time; `answers` script the questions it asks (as a
 * terminal would be answered; a function is called when its question comes), and a question with no
 * answer left fails the test.
 */
export async function runIn(root: string, args: string[], options: { now?: string; env?: Record<string, string>; answers?: unknown[] } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const answers = [...(options.answers ?? [])];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected question: ${message}`);
    const answer = answers.shift();
    // A function answers at the moment of the question: it can act as a colleague would meanwhile.
    return Promise.resolve(typeof answer === 'function' ? answer() : answer);
  };
  const prompter: Prompter | undefined = options.answers
    ? {
        text: (o) => next(o.message) as Promise<string>,
        select: <T extends string>(o: { message: string; options: Option<T>[] }) => next(o.message) as Promise<T>,
        multiselect: <T extends string>(o: { message: string; options: Option<T>[] }) => next(o.message) as Promise<T[]>,
        confirm: (o) => next(o.message) as Promise<boolean>,
      }
    : undefined;
  const code = await runCli([...args, '--root', root], {
    root,
    now: new Date(options.now ?? '2026-11-24T12:35:00Z'),
    env: options.env ?? {},
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    prompter,
  });
  if (answers.length) throw new Error(`answers left unused: ${JSON.stringify(answers)}`);
  return { code, out: out.join('\n'), err: err.join('\n'), asked };
}

/** Runs git in `root` as a test author. */
export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}
