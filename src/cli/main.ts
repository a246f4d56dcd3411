#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { now } from '../core/time.ts';
import { check } from './check.ts';

const USAGE = `Usage: candor <command> [options]

Commands:
  check          Validate candor.config.yaml and every file in incidents/

Options:
  --root <dir>   The project folder (default: the current folder)
  -h, --help     Show this help`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const root = values.root ?? process.cwd();
  switch (command) {
    case 'check': {
      const result = check({ root, now: now(), env: process.env });
      (result.exitCode ? console.error : console.log)(result.output);
      return result.exitCode;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
}
