// The CLI as this process runs it: its arguments, terminal and exit code.
import { now } from '../core/time.ts';
import { terminalPrompter } from './prompts.ts';
import { runCli } from './run.ts';

try {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env['CI'] !== 'true';
  process.exitCode = await runCli(process.argv.slice(2), {
    root: process.cwd(),
    now: now(),
    env: process.env,
    out: (t) => console.log(t),
    err: (t) => console.error(t),
    prompter: interactive ? terminalPrompter : undefined,
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
}
