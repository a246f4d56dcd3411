import { parseArgs } from 'node:util';
import { loadConfig } from '../core/read.ts';
import { didYouMean, Problems } from '../core/problems.ts';
import { siteNow } from '../core/time.ts';
import { addUpdateCommand } from './commands/update.ts';
import { check } from './commands/check.ts';
import { newIncident, newMaintenance } from './commands/new.ts';
import { newPostmortem } from './commands/postmortem.ts';
import { comment, postSavedComment, preview } from './commands/preview.ts';
import { type CliContext, UsageError } from './context.ts';
import { COMMENT_FLAGS, NOTIFY_FLAGS, REPORT_FLAGS, WRITE_FLAGS, type WriteFlags } from './flags.ts';
import { notify } from './commands/notify.ts';
import { status } from './commands/status.ts';
import { report } from './commands/report.ts';
import { Cancelled } from './prompts.ts';
import { TemplateError } from '../authoring/templates.ts';

export const USAGE = `Usage: candor <command> [options]

Commands:
  new incident         Open an incident          (--title, -c id=status, --status, --impact,
                                                   --next-update <minutes|time>, --message)
  new maintenance      Announce maintenance      (--title, --start, --end, -c id, --message)
  update <id>          Post an update            (--status, --message, --next-update <minutes|time|none>,
                                                   -c id=status or id=operational, --impact,
                                                   --quiet: on the site and feeds, pushed to no channel)
  resolve <id>         Resolve an incident or complete maintenance (--message, --postmortem to promise one)
  postmortem <id>      Write the post-mortem draft, with the timeline filled in (and its translations,
                       --language); --publish publishes it
  preview              What customers will see after the change in the working tree (--base <rev>)
  check                Validate candor.config.yaml and every file in incidents/
  status               For the on-call: open incidents and maintenance, time since the last update,
                       each promise and when it is due, owners, the command to post next (--json)
  report               Time to first update, promises kept, post-mortems and maintenance notice over
                       the last 90 days and the last year (--json)
  comment              In GitHub Actions: the preview in the job summary and on the pull request
                       (--base <rev> --pr-number <n>; needs GITHUB_TOKEN and GITHUB_REPOSITORY);
                       --save <folder> keeps it for a trusted workflow, which posts it with
                       --from <folder> --head-sha <sha>
  notify               Send every update that went live to the channels in notifications:, once
                       (--dry-run shows what would be sent now; --built-at <time> leaves what the
                       deployed site does not show yet; --ledger <file> instead of the ledger
                       branch; secrets from the environment)

Options for the writing commands:
  --at <time>          Time of the update (default: now, in UTC)
  --id <id>            The new file's id (default: the date and the title)
  --draft              Keep it out of the published site
  --edit               Open the text in $EDITOR before it is saved
  --owner <handles>    Who communicates, for new entries (default: GITHUB_ACTOR, git config github.user,
                       else communication.owners)
  --yes                Write a time that would be refused as odd (in the future, days away, before the start)
  --pr                 Commit it to a new branch and open a pull request (needs GITHUB_TOKEN)
  -l, --language <code>  Also write it in another of site.languages (repeatable, or de,fr): the
                       incident's translation, <id>.<code>.md, from the templates in that language;
                       an update goes into every translation the incident already has
  --translation <code>=<text>        The update's text in that language (instead of its template)
  --translation-title <code>=<title> A new entry's title in that language
  --root <dir>         The project folder (default: the current folder)

Without a flag that a command needs, it asks, when run in a terminal, and shows what it will
write before writing it.`;

/** The flags each command uses; any other is an error, never silently ignored. */
const COMMAND_FLAGS: Record<string, readonly string[]> = {
  'new incident': ['title', 'component', 'status', 'impact', 'message', 'next-update', 'owner', 'at', 'id', 'draft', 'edit', 'pr', 'yes', 'language', 'translation', 'translation-title'],
  'new maintenance': ['title', 'component', 'message', 'start', 'end', 'owner', 'at', 'id', 'draft', 'edit', 'pr', 'yes', 'language', 'translation', 'translation-title'],
  update: ['status', 'message', 'next-update', 'component', 'impact', 'postmortem', 'at', 'edit', 'pr', 'yes', 'quiet', 'language', 'translation'],
  resolve: ['message', 'component', 'impact', 'postmortem', 'at', 'edit', 'pr', 'yes', 'quiet', 'language', 'translation'],
  postmortem: ['publish', 'edit', 'pr', 'language'],
  preview: ['base'],
  check: [],
  comment: ['base', 'pr-number', 'save', 'from', 'head-sha'],
  notify: ['dry-run', 'ledger', 'built-at'],
  status: ['json'],
  report: ['json'],
};

/** Runs one CLI invocation; returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...WRITE_FLAGS, ...COMMENT_FLAGS, ...NOTIFY_FLAGS, ...REPORT_FLAGS, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    const unknown = /Unknown option '--?([^']+)'/.exec((e as Error).message)?.[1];
    const known = [...Object.keys(WRITE_FLAGS), ...Object.keys(COMMENT_FLAGS), ...Object.keys(NOTIFY_FLAGS), ...Object.keys(REPORT_FLAGS), 'root', 'help'];
    ctx.err(`${(e as Error).message}${unknown ? didYouMean(unknown, known).replace(/"([^"]+)"/, '"--$1"') : ''}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, arg] = positionals;
  if (values.help || !command) {
    (values.help ? ctx.out : ctx.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const name = command === 'new' && (arg === 'incident' || arg === 'maintenance') ? `new ${arg}` : command;
  const allowed = COMMAND_FLAGS[name];
  const unused = allowed ? Object.keys(values).filter((f) => f !== 'root' && f !== 'help' && !allowed.includes(f)) : [];
  if (unused.length) {
    ctx.err(`candor ${name} does not use ${unused.map((f) => `--${f}`).join(', ')}: nothing was done.${allowed!.length ? ` Its options: ${allowed!.map((f) => `--${f}`).join(', ')}.` : ''}`);
    return 2;
  }
  const c: CliContext = { ...ctx, root: values.root ?? ctx.root, yes: values.yes };
  const flags = values as WriteFlags;
  try {
    switch (command) {
      case 'check': {
        const result = await check({ root: c.root, now: atSiteMoment(c).now, env: c.env });
        (result.exitCode ? c.err : c.out)(result.output);
        return result.exitCode;
      }
      case 'new':
        if (arg === 'incident') return await newIncident(c, flags);
        if (arg === 'maintenance') return await newMaintenance(c, flags);
        throw new UsageError(`What is new? "candor new incident" or "candor new maintenance".${arg ? didYouMean(arg, ['incident', 'maintenance']) : ''}`);
      case 'update':
        return await addUpdateCommand(c, arg, flags);
      case 'resolve':
        return await addUpdateCommand(c, arg, flags, true);
      case 'postmortem':
        return await newPostmortem(c, arg, flags);
      case 'preview':
        return preview(atSiteMoment(c), values.base);
      case 'comment': {
        // In the trusted workflow: post what the pull request's run saved, as data.
        if (values.from !== undefined) {
          if (!values['head-sha']) throw new UsageError('candor comment --from <folder> needs --head-sha <the commit the pull request run checked>.');
          return await postSavedComment(c, values.from, values['head-sha']);
        }
        const issue = Number(values['pr-number']);
        if (!values.base || !Number.isInteger(issue) || issue <= 0) throw new UsageError('candor comment needs --base <revision> and --pr-number <number>.');
        return await comment(atSiteMoment(c), values.base, issue, values.save);
      }
      case 'report':
        return report(atSiteMoment(c), values.json ?? false);
      case 'status':
        return status(atSiteMoment(c), values.json ?? false);
      case 'notify':
        return await notify(c, { dryRun: values['dry-run'], ledger: values.ledger, builtAt: values['built-at'] });
      default:
        c.err(`Unknown command "${command}".${didYouMean(command, Object.keys(COMMAND_FLAGS).map((k) => k.split(' ')[0]!))}\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof Cancelled || e instanceof TemplateError) {
      c.err(e.message);
      return 1;
    }
    throw e;
  }
}

/** The commands that show the site (check, preview, comment) see it at its moment: `site.as_of` when set. */
function atSiteMoment(c: CliContext): CliContext {
  const asOf = loadConfig(c.root, new Problems())?.site.as_of;
  return { ...c, now: siteNow(asOf, c.env, c.now) };
}
