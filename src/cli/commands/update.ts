import { addUpdate, setNextUpdate } from '../../authoring/files.ts';
import { formatDuration } from '../../core/rules/incident.ts';
import { fillTemplate, readTemplate, TEMPLATE_FOR_STATUS } from '../../authoring/templates.ts';
import type { Entry } from '../../core/model.ts';
import { parseEntry } from '../../core/parse.ts';
import { Problems } from '../../core/problems.ts';
import type { Config } from '../../core/schema/config.ts';
import { INCIDENT_UPDATE_WORDS, MAINTENANCE_UPDATE_WORDS } from '../../core/status.ts';
import { type CliContext, findEntry, parseWhen, requireConfig, UsageError } from '../context.ts';
import { flagOrAsk, required, type WriteFlags } from '../flags.ts';
import { writeChange } from '../write.ts';
import { namesOf, promiseText } from './new.ts';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function readEntry(ctx: CliContext, config: Config, id: string): { entry: Entry; text: string; file: string } {
  const found = findEntry(ctx, id);
  const problems = new Problems();
  const entry = parseEntry({ file: found.file, id, text: found.text }, { componentIds: config.components.map((c) => c.id) }, problems);
  if (!entry) throw new UsageError(`${found.file} does not pass the check yet; fix it first (candor check lists its problems).`);
  return { entry, text: found.text, file: found.file };
}


/** `candor update <id>`: a new update on top of the timeline; `candor resolve <id>` is the last one. */
export async function addUpdateCommand(ctx: CliContext, id: string | undefined, flags: WriteFlags, resolve = false): Promise<number> {
  const config = requireConfig(ctx);
  if (!id) throw new UsageError(`Which incident? Give its id: candor ${resolve ? 'resolve' : 'update'} <id>.`);
  const { entry, text, file } = readEntry(ctx, config, id);
  const words = entry.kind === 'incident' ? INCIDENT_UPDATE_WORDS : MAINTENANCE_UPDATE_WORDS;
  const end = entry.kind === 'incident' ? 'resolved' : 'completed';
  const word = (
    resolve
      ? end
      : await flagOrAsk(ctx, flags.status, 'status', (p) =>
          p.select({ message: 'Status', initialValue: 'update', options: Object.keys(words).map((w) => ({ value: w, label: capitalize(w) })) }),
        )
  ).toLowerCase();
  if (!Object.hasOwn(words, word)) throw new UsageError(`--status must be one of: ${Object.keys(words).map(capitalize).join(', ')}.`);
  const at = parseWhen(flags.at, ctx, 'at');
  // Only incidents promise a next update.
  const promises = entry.kind === 'incident' && word !== end;
  const nextFlag = promises ? (flags['next-update'] ?? (ctx.prompter ? await ctx.prompter.text({ message: 'Next update in how many minutes? (empty: no new promise)', initialValue: '30' }) : undefined)) : undefined;
  const asked = nextFlag === undefined || nextFlag.trim() === '' ? undefined : nextFlag === 'none' ? null : parseWhen(nextFlag.trim(), ctx, 'next-update');
  // Any new update keeps the standing promise, early or late; a new promise replaces it.
  const fulfilled = entry.kind === 'incident' && entry.nextUpdate !== undefined;
  const next = asked !== undefined ? asked : fulfilled && word !== end ? null : undefined;
  const template = TEMPLATE_FOR_STATUS[entry.kind][word];
  const values = {
    title: entry.title,
    components: namesOf(config, entry.components.map((c) => c.id)) || 'our services',
    next_update: promiseText(config, next ?? undefined, at),
    duration: entry.kind === 'incident' ? formatDuration(at.getTime() - entry.started.getTime()) : undefined,
    site: config.site.name,
  };
  const message =
    flags.message ??
    (template ? fillTemplate(readTemplate(ctx.root, template), values) : await flagOrAsk(ctx, undefined, 'message', (p) => p.text({ message: 'Message for customers', validate: required('a message') })));
  let updated = addUpdate(text, capitalize(word), at, message);
  if (next !== undefined) updated = setNextUpdate(updated, next);
  const verb = resolve ? (entry.kind === 'incident' ? 'Resolve' : 'Complete') : capitalize(word);
  await writeChange(ctx, config, { file, id, text: updated, kind: 'entry', summary: `${verb}: ${entry.title}` }, flags.pr ?? false);
  return 0;
}
