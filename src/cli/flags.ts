import { UsageError, type CliContext } from './context.ts';
import type { Prompter } from './prompts.ts';

/** Flags shared by the writing commands. */
export const WRITE_FLAGS = {
  title: { type: 'string' },
  component: { type: 'string', multiple: true, short: 'c' },
  status: { type: 'string', short: 's' },
  impact: { type: 'string' },
  message: { type: 'string', short: 'm' },
  'next-update': { type: 'string', short: 'n' },
  at: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  id: { type: 'string' },
  draft: { type: 'boolean' },
  edit: { type: 'boolean' },
  pr: { type: 'boolean' },
  postmortem: { type: 'boolean' },
  publish: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  quiet: { type: 'boolean' },
  owner: { type: 'string' },
  language: { type: 'string', multiple: true, short: 'l' },
  translation: { type: 'string', multiple: true },
  'translation-title': { type: 'string', multiple: true },
} as const;

/** Flags of the preview and the pull-request comment. */
export const COMMENT_FLAGS = {
  base: { type: 'string' },
  'pr-number': { type: 'string' },
  save: { type: 'string' },
  from: { type: 'string' },
  'head-sha': { type: 'string' },
} as const;

/** Flags of `candor notify`. */
export const NOTIFY_FLAGS = {
  'dry-run': { type: 'boolean' },
  ledger: { type: 'string' },
  'built-at': { type: 'string' },
} as const;

/** Flags of `candor status` and `candor report`. */
export const REPORT_FLAGS = {
  json: { type: 'boolean' },
} as const;

export type WriteFlags = {
  title?: string | undefined;
  component?: string[] | undefined;
  status?: string | undefined;
  impact?: string | undefined;
  message?: string | undefined;
  'next-update'?: string | undefined;
  at?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  id?: string | undefined;
  draft?: boolean | undefined;
  edit?: boolean | undefined;
  pr?: boolean | undefined;
  postmortem?: boolean | undefined;
  publish?: boolean | undefined;
  yes?: boolean | undefined;
  quiet?: boolean | undefined;
  owner?: string | undefined;
  language?: string[] | undefined;
  translation?: string[] | undefined;
  'translation-title'?: string[] | undefined;
};

/** A flag's value, else the answer to a question, else (with no one to ask) a clear error. */
export async function flagOrAsk<T>(ctx: CliContext, value: T | undefined, flag: string, ask: (p: Prompter) => Promise<T>): Promise<T> {
  if (value !== undefined) return value;
  if (ctx.prompter) return ask(ctx.prompter);
  throw new UsageError(`Missing --${flag}. Give it, or run the command in a terminal to be asked.`);
}

export const required = (what: string) => (v: string) => (v.trim() === '' ? `Enter ${what}.` : undefined);
