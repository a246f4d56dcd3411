import { templateTextIn } from '../core/template-text.ts';
import { type CliContext, editInEditor, UsageError } from './context.ts';
import { required } from './flags.ts';
import { Cancelled } from './prompts.ts';

export interface MessageSource {
  /** `--message`, when given: written as it is. */
  flag: string | undefined;
  /** The template's text, filled in (read only when it is used); undefined when the status has none. */
  template: (() => string) | undefined;
  /** The template's name, for messages. */
  templateName?: string | undefined;
  /** A file name for $EDITOR, so that it highlights Markdown. */
  editName: string;
  /** `--edit`: open the text in $EDITOR before it is used. */
  edit?: boolean | undefined;
  /** How the text is given on the command line, for messages: `--message` unless said. */
  flagName?: string | undefined;
  /** The language the text is written in, when it is a translation: "Deutsch (German)". */
  language?: string | undefined;
}

/** "  | line" for each line: the text as customers will read it, set apart in the terminal. */
export const indent = (text: string) => text.split('\n').map((l) => `  │ ${l}`).join('\n');

/**
 * The message for customers. `--message` is taken as given. In a terminal the template's text is
 * shown, filled in, to post, edit in $EDITOR, or replace: canned text is never written unseen, and
 * guidance in double braces must be replaced. Without a terminal the template's text is used when it
 * needs nothing more from a human.
 */
export async function composeMessage(ctx: CliContext, source: MessageSource): Promise<string> {
  if (source.edit) {
    const edited = editInEditor(ctx, source.flag ?? source.template?.() ?? '', source.editName).trim();
    if (edited === '') throw new UsageError('The message is empty: nothing was written.');
    return edited;
  }
  if (source.flag !== undefined) return source.flag;
  const p = ctx.prompter;
  if (!p) {
    if (source.template === undefined) throw new UsageError(`Missing ${source.flagName ?? '--message'}. Give it, or run the command in a terminal to be asked.`);
    const filled = source.template();
    const guidance = templateTextIn(filled);
    if (guidance) throw new UsageError(`Nothing was written: the ${source.templateName ?? ''} template asks you to write ${guidance}. Give the whole text with ${source.flagName ?? '--message'}, use --edit, or run the command in a terminal.`);
    return filled;
  }
  const what = source.language ? `Message for customers in ${source.language}` : 'Message for customers';
  if (source.template === undefined) return p.text({ message: what, validate: required('a message') });
  const editor = ctx.env['VISUAL'] || ctx.env['EDITOR'];
  let text = source.template();
  for (;;) {
    const guidance = templateTextIn(text);
    ctx.out(`\nThe message customers will read${source.language ? ` in ${source.language}` : ''}${guidance ? ' (replace the text in double braces)' : ''}:\n${indent(text)}\n`);
    const choice = await p.select({
      message: guidance ? 'It still has text in double braces for you to replace' : 'Message',
      initialValue: guidance ? (editor ? 'edit' : 'write') : 'post',
      options: [
        ...(guidance ? [] : [{ value: 'post' as const, label: 'Post this text' }]),
        ...(editor ? [{ value: 'edit' as const, label: `Edit it in ${editor.split(' ')[0]}` }] : []),
        { value: 'write' as const, label: 'Write it here instead (one paragraph)' },
        { value: 'cancel' as const, label: 'Cancel' },
      ],
    });
    if (choice === 'post') return text;
    if (choice === 'cancel') throw new Cancelled();
    text = choice === 'edit' ? editInEditor(ctx, text, source.editName).trim() : await p.text({ message: what, initialValue: text.replace(/\n+/g, ' '), validate: required('a message') });
    if (text.trim() === '') throw new UsageError('The message is empty: nothing was written.');
  }
}

/** In a terminal: shows what will be written and asks before writing. */
export async function confirmWrite(ctx: CliContext, what: string): Promise<void> {
  if (!ctx.prompter) return;
  ctx.out(`\n${what}\n`);
  if (!(await ctx.prompter.confirm({ message: 'Write it?', initialValue: true }))) throw new Cancelled();
}
