import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addUpdate, type ComponentEffect, type FieldChanges, setFields, translationFile, updateBlock, withPromise } from '../../authoring/files.ts';
import { fillTemplate, readTemplate, TEMPLATE_FOR_STATUS, type TemplateValues } from '../../authoring/templates.ts';
import { type Language } from '../../i18n/languages.ts';
import { duration, translator } from '../../i18n/translate.ts';
import { chooseLanguages, perLanguage, translatedInto, translatedMessages, translationPath } from '../languages.ts';
import { componentNames } from '../../core/config.ts';
import type { Entry } from '../../core/model.ts';
import { parseEntry, parseTranslation, QUIET_MARKER } from '../../core/parse.ts';
import { formatProblem, Problems } from '../../core/problems.ts';
import type { Config } from '../../core/schema/config.ts';
import { ENDING_STATUSES, IMPACTS, INCIDENT_COMPONENT_STATUSES, type IncidentComponentStatus, INCIDENT_UPDATE_WORDS, MAINTENANCE_UPDATE_WORDS, statusLabel } from '../../core/status.ts';
import { formatUtc } from '../../core/time.ts';
import { askPromise, type CliContext, confirmOrRefuse, findEntry, oneOf, parseWhen, requireConfig, sensibleTime, UsageError } from '../context.ts';
import { flagOrAsk, type WriteFlags } from '../flags.ts';
import { composeMessage, confirmWrite, indent } from '../message.ts';
import { type Change, writeChange } from '../write.ts';
import { namesOf, promiseText } from './new.ts';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function readEntry(ctx: CliContext, config: Config, id: string): { entry: Entry; text: string; file: string } {
  const found = findEntry(ctx, id);
  const problems = new Problems();
  const entry = parseEntry({ file: found.file, id, text: found.text }, { componentIds: config.components.map((c) => c.id) }, problems);
  if (!entry) throw new UsageError(`${found.file} does not pass the check yet; fix it first (candor check lists its problems).`);
  return { entry, text: found.text, file: found.file };
}

/** What a component's recovery is written as: it stays on the incident, affected until `at`. */
const RECOVERED = ['operational', 'resolved'] as const;

/**
 * `-c api=major_outage` sets how the incident affects a component; `-c api=operational` (or
 * `=resolved`) records that it has recovered at the update's time, so its downtime until then still counts.
 */
function componentChanges(config: Config, entry: Entry, given: string[] | undefined, at: Date): Record<string, ComponentEffect> {
  if (!given?.length) return {};
  if (entry.kind !== 'incident') throw new UsageError('--component changes the components of an incident; to change those of maintenance, edit its components: line.');
  const ids = config.components.map((c) => c.id);
  return Object.fromEntries(
    given.map((g) => {
      const [rawId, rawStatus, extra] = g.split('=').map((s) => s.trim());
      if (!rawId || !rawStatus || extra !== undefined) throw new UsageError(`--component ${g}: write it as id=status, such as api=partial_outage, or api=operational when it has recovered.`);
      const id = oneOf(rawId, ids, 'Component');
      const status = oneOf(rawStatus, [...INCIDENT_COMPONENT_STATUSES, ...RECOVERED], `The status of ${id}`);
      if (!(RECOVERED as readonly string[]).includes(status)) return [id, status];
      const affected = entry.components.find((c) => c.id === id);
      if (!affected) throw new UsageError(`--component ${g}: ${id} is not affected by this incident, so it cannot recover.`);
      if (affected.recovered) throw new UsageError(`--component ${g}: ${id} already recovered at ${formatUtc(affected.recovered)}.`);
      return [id, { status: affected.status, recovered: at }];
    }),
  );
}

/** What the field changes mean to customers, one line each. */
function describeChanges(config: Config, entry: Entry, changes: FieldChanges, at: Date): string[] {
  const names = componentNames(config);
  const lines: string[] = [];
  for (const [id, effect] of Object.entries(changes.components ?? {})) {
    const was = entry.components.find((c) => c.id === id)?.status;
    const wasText = was ? statusLabel(was).toLowerCase() : undefined;
    if (typeof effect === 'string') lines.push(`${names.get(id)}: ${wasText ? `${wasText} → ` : ''}${statusLabel(effect as IncidentComponentStatus).toLowerCase()}`);
    else lines.push(`${names.get(id)}: recovered at ${formatUtc(effect.recovered)} (was ${wasText})`);
  }
  if (changes.impact !== undefined) lines.push(`Impact: ${changes.impact ?? 'derived from the components'}`);
  if (changes.nextUpdate) lines.push(`Next update promised by ${promiseText(config, changes.nextUpdate, at, config.site.languages[0] as Language)}`);
  if (changes.nextUpdate === null) lines.push('No next-update time is shown any more');
  return lines;
}

/** `candor update <id>`: a new update on top of the timeline; `candor resolve <id>` is the last one. */
export async function addUpdateCommand(ctx: CliContext, id: string | undefined, flags: WriteFlags, resolve = false): Promise<number> {
  const config = requireConfig(ctx);
  if (!id) throw new UsageError(`Which incident? Give its id: candor ${resolve ? 'resolve' : 'update'} <id>.`);
  const { entry, text, file } = readEntry(ctx, config, id);
  const ended = entry.updates.find((u) => (ENDING_STATUSES[entry.kind] as readonly string[]).includes(u.status));
  if (ended && flags.at === undefined) {
    throw new UsageError(
      `${id} was ${ended.label.toLowerCase()} at ${formatUtc(ended.at)}: nothing comes after that. For a new problem, open a new ${entry.kind === 'incident' ? 'incident (candor new incident)' : 'maintenance (candor new maintenance)'}; to add an update that was missed, give --at with its time.`,
    );
  }
  const words = Object.keys(entry.kind === 'incident' ? INCIDENT_UPDATE_WORDS : MAINTENANCE_UPDATE_WORDS);
  const end = entry.kind === 'incident' ? 'resolved' : 'completed';
  const word = resolve
    ? end
    : oneOf(
        await flagOrAsk(ctx, flags.status, 'status', (p) => p.select({ message: 'Status', initialValue: 'update', options: words.map((w) => ({ value: w, label: capitalize(w) })) })),
        words,
        `The ${entry.kind} status`,
      );
  if (entry.kind !== 'incident' && (flags['next-update'] !== undefined || flags.impact !== undefined)) {
    throw new UsageError(`--${flags.impact !== undefined ? 'impact' : 'next-update'} is for incidents; ${id} is maintenance.`);
  }
  const at = parseWhen(flags.at, ctx, 'at');
  await sensibleTime(ctx, at, 'at', 'past', 'customers would not see the update until then.');
  const begins = entry.kind === 'incident' ? entry.started : entry.updates[entry.updates.length - 1]!.at;
  if (at < begins) await confirmOrRefuse(ctx, `--at ${formatUtc(at)} is before the ${entry.kind} began (${formatUtc(begins)}): it would move its start${entry.kind === 'incident' ? ', its duration and the uptime' : ''}.`);
  const components = componentChanges(config, entry, flags.component, at);
  const impact = flags.impact === undefined ? undefined : flags.impact === 'derived' ? null : oneOf(flags.impact, IMPACTS, 'The impact');

  // Only an open incident promises a next update. Any new update keeps the standing promise, early or
  // late, so it is removed unless a new one is made; the Resolved update leaves it as the record.
  // A missed update, dated before the latest one, leaves the promise to the latest.
  const latest = entry.updates[0]!;
  const promises = entry.kind === 'incident' && word !== end && !ended && at >= latest.at;
  if (!promises && flags['next-update'] !== undefined) {
    throw new UsageError(`--next-update: ${word === end ? `a ${capitalize(end)} update makes no promise` : ended ? `${id} has ended` : `this update is dated before the latest one (${formatUtc(latest.at)}), whose promise stands`}; leave it out.`);
  }
  let next: Date | null | undefined;
  if (promises) next = (await askPromise(ctx, flags['next-update'], entry.title)) ?? (entry.nextUpdate !== undefined ? null : undefined);

  const postmortem = word === 'resolved' && (flags.postmortem ?? (ctx.prompter ? await ctx.prompter.confirm({ message: 'Promise customers a post-mortem?', initialValue: false }) : false));
  if (flags.postmortem !== undefined && word !== 'resolved') throw new UsageError('--postmortem promises a post-mortem in the Resolved update of an incident.');
  const template = TEMPLATE_FOR_STATUS[entry.kind][word];
  // The message names the components still affected; at the end, or once none is, all that were.
  const touched = [...new Set([...entry.components.map((c) => c.id), ...Object.keys(components)])];
  const affected = touched.filter((c) => (components[c] !== undefined ? typeof components[c] === 'string' : !entry.components.find((e) => e.id === c)?.recovered));
  const given = perLanguage(flags.translation, 'translation');
  // An entry already translated is kept in step: its languages get this update too, unless the responder says otherwise.
  const translated = translatedInto(ctx, config, file);
  const languages = await chooseLanguages(ctx, config, flags.language, new Map([['--translation', [...given.keys()]]]), translated);
  // A translation the update cannot go into is said before anything is asked or written.
  for (const language of languages.filter((l) => translated.includes(l))) {
    const path = translationPath(file, language);
    const problems = new Problems();
    parseTranslation({ file: path, id, text: readFileSync(join(ctx.root, path), 'utf8') }, language, problems);
    if (problems.errors.length) throw new UsageError(`${path} does not pass the check, so this update cannot go into it; nothing was written.\n${problems.errors.map(formatProblem).join('\n')}\nFix it, or post this update without translations with --language none.`);
  }
  const values = (language: Language): TemplateValues => ({
    title: entry.title,
    components: namesOf(config, word === end || affected.length === 0 ? touched : affected, language, 'template.ourServices'),
    next_update: promiseText(config, next ?? undefined, at, language),
    duration: entry.kind === 'incident' ? duration(translator(language), at.getTime() - entry.started.getTime()) : undefined,
    site: config.site.name,
    postmortem,
  });
  let message = await composeMessage(ctx, {
    flag: flags.message,
    template: template ? () => fillTemplate(readTemplate(ctx.root, template, config.site.languages[0] as Language), values(config.site.languages[0] as Language)) : undefined,
    templateName: template,
    editName: `${id}-update.md`,
    edit: flags.edit,
  });
  const texts = await translatedMessages(ctx, languages, { given, messageGiven: flags.message !== undefined, template, values, editName: (l) => `${id}-update.${l}.md`, edit: flags.edit });

  const label = capitalize(word);
  if (flags.quiet) message = `${QUIET_MARKER}\n${message}`;
  const changes: FieldChanges = { components, ...(impact !== undefined ? { impact } : {}), ...(next !== undefined ? { nextUpdate: next } : {}) };
  const effects = describeChanges(config, entry, changes, at);
  const shown = `${updateBlock(label, at, message)}${effects.length ? `\n${effects.join('\n')}\n` : ''}`;
  const translations = [...texts].map(([language, m]): Change => {
    const path = translationPath(file, language);
    const base = existsSync(join(ctx.root, path)) ? readFileSync(join(ctx.root, path), 'utf8') : undefined;
    const apply = base === undefined ? () => translationFile(undefined, label, at, m) : (current: string) => addUpdate(current, label, at, m);
    return { file: path, id, kind: 'translation', language, summary: '', base, apply, replayable: base !== undefined };
  });
  await confirmWrite(ctx, [`${file} gets this update:\n${indent(shown.trimEnd())}`, ...translations.map((c) => `${c.file} gets:\n${indent(updateBlock(label, at, texts.get(c.language!)!).trimEnd())}`)].join('\n\n'));
  const verb = resolve ? (entry.kind === 'incident' ? 'Resolve' : 'Complete') : label;
  /** On a colleague's newer version, the promise is theirs to keep when they posted later or promised anew. */
  const onTopOf = (current: string): FieldChanges => {
    const theirs = parseEntry({ file, id, text: current }, { componentIds: config.components.map((c) => c.id) }, new Problems());
    if (theirs?.kind !== 'incident') return changes;
    const later = theirs.updates.some((u) => u.at > at);
    const renewed = changes.nextUpdate === null && theirs.nextUpdate?.getTime() !== (entry.kind === 'incident' ? entry.nextUpdate?.getTime() : undefined);
    if (!later && !renewed) return changes;
    const { nextUpdate: _, ...rest } = changes;
    return rest;
  };
  // The promise is recorded in the update too (invisible to readers), for the record of promises kept.
  const written = withPromise(message, next);
  const apply = (current: string) => setFields(addUpdate(current, label, at, written), current === text ? changes : onTopOf(current));
  await writeChange(ctx, config, [{ file, id, kind: 'entry', summary: `${verb}: ${entry.title}`, base: text, apply, replayable: true }, ...translations], flags.pr ?? false);
  if (!ctx.prompter) ctx.out(`Posted at ${formatUtc(at)}:\n${indent(shown.trimEnd())}${[...texts].map(([language, m]) => `\n\nIn ${language}:\n${indent(m)}`).join('')}`);
  return 0;
}
