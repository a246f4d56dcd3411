import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { incidentFile, maintenanceFile, makeId, translationFile } from '../../authoring/files.ts';
import { componentNames } from '../../core/config.ts';
import { fillTemplate, listNames, readTemplate, TEMPLATE_FOR_STATUS, type TemplateName, type TemplateValues } from '../../authoring/templates.ts';
import { type Language, localeFor } from '../../i18n/languages.ts';
import { duration, translator } from '../../i18n/translate.ts';
import { chooseLanguages, perLanguage, translatedMessages, translatedTitle, translationPath } from '../languages.ts';
import { ID_PATTERN, RESERVED_IDS, suggestId } from '../../core/ids.ts';
import { INCIDENTS_DIR } from '../../core/read.ts';
import { parseEntry } from '../../core/parse.ts';
import { Problems } from '../../core/problems.ts';
import type { Config } from '../../core/schema/config.ts';
import { type ComponentStatus, deriveImpact, IMPACTS, INCIDENT_COMPONENT_STATUSES, statusLabel } from '../../core/status.ts';
import { formatUtc } from '../../core/time.ts';
import { formatIn, DATE_TIME, TIME } from '../../views/format.ts';
import { askPromise, type CliContext, editInEditor, incidentFiles, oneOf, ownersFor, parseWhen, requireConfig, sensibleTime, UsageError } from '../context.ts';
import { flagOrAsk, required, type WriteFlags } from '../flags.ts';
import { composeMessage, confirmWrite, indent } from '../message.ts';
import { type Change, newFileChange, writeChange } from '../write.ts';

const NEW_INCIDENT_STATUSES = { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring' } as const;

/** "the API and the Dashboard": the components' names as a sentence in `language` says them, else `none` in its words. */
export function namesOf(config: Config, ids: readonly string[], language: Language, none: 'template.someServices' | 'template.ourServices'): string {
  const names = componentNames(config);
  return listNames(ids.map((id) => names.get(id) ?? id), language) || translator(language)(none);
}

/** "14:35 UTC" for a promise today, the full date otherwise, written the way of `language`. */
export function promiseText(config: Config, next: Date | undefined, now: Date, language: Language): string | undefined {
  if (!next) return undefined;
  const clock = { timeZone: 'UTC', locale: localeFor(language, config.site.locale) };
  return next.toISOString().slice(0, 10) === now.toISOString().slice(0, 10) ? formatIn(clock, next, TIME) : formatIn(clock, next, DATE_TIME);
}

function refuseExisting(ctx: CliContext, id: string) {
  if (!ID_PATTERN.test(id) || RESERVED_IDS.includes(id)) {
    throw new UsageError(`"${id}" cannot be an incident id: use lowercase letters, digits and hyphens, such as "${suggestId(id)}".`);
  }
  if (incidentFiles(ctx.root).has(id) || existsSync(join(ctx.root, INCIDENTS_DIR, `${id}.md`))) {
    throw new UsageError(`There is already an incident "${id}": nothing was written. Add an update to it with "candor update ${id}", or choose another --id.`);
  }
}

export async function newIncident(ctx: CliContext, flags: WriteFlags): Promise<number> {
  const config = requireConfig(ctx);
  const title = await flagOrAsk(ctx, flags.title, 'title', (p) => p.text({ message: 'Title (what customers notice)', placeholder: 'Elevated error rates on the API', validate: required('a title') }));
  const components = await askComponents(ctx, config, flags.component);
  const status = oneOf(
    flags.status ??
      (ctx.prompter ? await ctx.prompter.select({ message: 'Status', initialValue: 'investigating', options: Object.entries(NEW_INCIDENT_STATUSES).map(([value, label]) => ({ value, label })) }) : 'investigating'),
    Object.keys(NEW_INCIDENT_STATUSES) as (keyof typeof NEW_INCIDENT_STATUSES)[],
    'The status of a new incident',
  );
  const impact =
    flags.impact !== undefined
      ? oneOf(flags.impact, ['derived', ...IMPACTS], 'The impact')
      : ctx.prompter && Object.keys(components).length > 0
        ? await ctx.prompter.select({
            message: 'Impact',
            initialValue: 'derived',
            options: [
              { value: 'derived', label: `From the components (${deriveImpact(Object.values(components) as ComponentStatus[])})` },
              ...IMPACTS.map((i) => ({ value: i, label: i })),
            ],
          })
        : undefined;
  const nextUpdate = await askPromise(ctx, flags['next-update']);
  const at = parseWhen(flags.at, ctx, 'at');
  await sensibleTime(ctx, at, 'at', 'past', 'customers would not see the incident until then.');
  const id = flags.id ?? makeId(at, title, 'incident');
  refuseExisting(ctx, id);
  const first = config.site.languages[0] as Language;
  const translation = await translationsOf(ctx, config, flags);
  const titles = await translation.titles(title);
  const values = (language: Language): TemplateValues => ({
    title: titles.get(language) ?? title,
    components: namesOf(config, Object.keys(components), language, 'template.someServices'),
    next_update: promiseText(config, nextUpdate, at, language),
    site: config.site.name,
  });
  const template = TEMPLATE_FOR_STATUS.incident[status]!;
  translation.check(id, template);
  const filled = () => fillTemplate(readTemplate(ctx.root, template, first), values(first));
  // --edit opens the whole file below; otherwise the message is composed (and, in a terminal, reviewed).
  const message = flags.edit ? (flags.message ?? filled()) : await composeMessage(ctx, { flag: flags.message, template: filled, templateName: template, editName: `${id}.md` });
  let text = incidentFile({ title, components, impact: impact === 'derived' ? undefined : impact, nextUpdate, owners: ownersFor(ctx, flags.owner), draft: flags.draft, status: NEW_INCIDENT_STATUSES[status], at, message });
  if (flags.edit) text = editInEditor(ctx, text, `${id}.md`);
  const texts = await translation.messages(template, values, id);
  await writeEntry(ctx, config, flags, newFileChange(`${INCIDENTS_DIR}/${id}.md`, id, 'entry', text, `Incident: ${title}`), message, texts, titles, { label: NEW_INCIDENT_STATUSES[status], at });
  return 0;
}

/** What a new entry is written in besides the site's first language, from the flags or the responder's answers. */
async function translationsOf(ctx: CliContext, config: Config, flags: WriteFlags) {
  const given = perLanguage(flags.translation, 'translation');
  const givenTitles = perLanguage(flags['translation-title'], 'translation-title');
  const languages = await chooseLanguages(ctx, config, flags.language, new Map([['--translation', [...given.keys()]], ['--translation-title', [...givenTitles.keys()]]]));
  return {
    async titles(original: string): Promise<Map<Language, string>> {
      const titles = new Map<Language, string>();
      for (const language of languages) {
        const title = await translatedTitle(ctx, language, givenTitles, original);
        if (title) titles.set(language, title);
      }
      return titles;
    },
    /** What would stop the translations, said before the responder writes anything: a file left from before, a missing template. */
    check(id: string, template: TemplateName) {
      for (const language of languages) {
        const file = translationPath(`${INCIDENTS_DIR}/${id}.md`, language);
        if (existsSync(join(ctx.root, file))) throw new UsageError(`${file} is already there, with no incident "${id}": a translation left from before? Nothing was written. Remove it, or choose another --id.`);
        if (!given.has(language)) readTemplate(ctx.root, template, language, `pass the text with --translation ${language}="…", or write no translation now with --language none`);
      }
    },
    messages: (template: TemplateName, values: (language: Language) => TemplateValues, id: string) =>
      translatedMessages(ctx, languages, { given, messageGiven: flags.message !== undefined, template, values, editName: (l) => `${id}.${l}.md`, edit: flags.edit }),
  };
}

/**
 * Writes a new entry with its translations, after showing them in a terminal. Each translation's
 * heading is the entry's first update's, as written (an --edit may have changed its time or status);
 * an entry that does not parse is refused as it is written, with every text kept.
 */
async function writeEntry(ctx: CliContext, config: Config, flags: WriteFlags, entry: Change, message: string, texts: ReadonlyMap<Language, string>, titles: ReadonlyMap<Language, string>, heading: { label: string; at: Date }): Promise<void> {
  const text = entry.apply('');
  const update = parseEntry({ file: entry.file, id: entry.id, text }, { componentIds: config.components.map((c) => c.id) }, new Problems())?.updates.at(-1) ?? heading;
  const translations = [...texts].map(([language, m]) => ({ ...newFileChange(translationPath(entry.file, language), entry.id, 'translation', translationFile(titles.get(language), update.label, update.at, m), entry.summary), language }));
  await confirmWrite(ctx, [entry, ...translations].map((c) => `${c.file} will read:\n${indent(c.apply('').trimEnd())}`).join('\n\n'));
  await writeChange(ctx, config, [entry, ...translations], flags.pr ?? false);
  if (!ctx.prompter) ctx.out(`Customers will read:\n${indent(message)}${[...texts].map(([language, m]) => `\n\nIn ${language}:\n${indent(m)}`).join('')}`);
}

/** `--component api=partial_outage` (repeatable), or a pick-list and a status for each. */
async function askComponents(ctx: CliContext, config: Config, given: string[] | undefined): Promise<Record<string, string>> {
  const ids = config.components.map((c) => c.id);
  if (given) {
    return Object.fromEntries(
      given.map((g) => {
        const [id, status, extra] = g.split('=').map((s) => s.trim());
        if (!id || !status || extra !== undefined) throw new UsageError(`--component ${g}: write it as id=status, such as api=partial_outage (statuses: ${INCIDENT_COMPONENT_STATUSES.join(', ')}).`);
        return [oneOf(id, ids, 'Component'), oneOf(status, INCIDENT_COMPONENT_STATUSES, `The status of ${id}`)];
      }),
    );
  }
  if (!ctx.prompter) return {};
  const picked = await ctx.prompter.multiselect({ message: 'Affected components (space to pick, enter when done)', options: config.components.map((c) => ({ value: c.id, label: c.name })) });
  const out: Record<string, string> = {};
  for (const id of picked) {
    const name = config.components.find((c) => c.id === id)!.name;
    out[id] = await ctx.prompter.select({
      message: `How is ${name} affected?`,
      initialValue: 'degraded_performance',
      options: INCIDENT_COMPONENT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
    });
  }
  return out;
}

export async function newMaintenance(ctx: CliContext, flags: WriteFlags): Promise<number> {
  const config = requireConfig(ctx);
  const title = await flagOrAsk(ctx, flags.title, 'title', (p) => p.text({ message: 'Title', placeholder: 'Database upgrade', validate: required('a title') }));
  const start = parseWhen(await flagOrAsk(ctx, flags.start, 'start', (p) => p.text({ message: 'Starts at (UTC)', placeholder: '2026-12-01 02:00 UTC', validate: required('a start time') })), ctx, 'start');
  const end = parseWhen(await flagOrAsk(ctx, flags.end, 'end', (p) => p.text({ message: 'Ends at (UTC)', placeholder: '2026-12-01 04:00 UTC', validate: required('an end time') })), ctx, 'end');
  // Emergency maintenance may already have started; a window that is over is not announced.
  await sensibleTime(ctx, end, 'end', 'future', 'a window that is over cannot be announced.');
  const ids = config.components.map((c) => c.id);
  const components = flags.component
    ? flags.component.map((c) => oneOf(c, ids, 'Component'))
    : ctx.prompter
      ? await ctx.prompter.multiselect({ message: 'Components under maintenance', options: config.components.map((c) => ({ value: c.id, label: c.name })) })
      : [];
  const at = parseWhen(flags.at, ctx, 'at');
  await sensibleTime(ctx, at, 'at', 'past', 'customers would not see the announcement until then.');
  const window = `${formatUtc(start)} – ${start.toISOString().slice(0, 10) === end.toISOString().slice(0, 10) ? formatUtc(end).slice(11) : formatUtc(end)}`;
  const id = flags.id ?? makeId(start, title, 'maintenance');
  refuseExisting(ctx, id);
  const first = config.site.languages[0] as Language;
  const translation = await translationsOf(ctx, config, flags);
  const titles = await translation.titles(title);
  const values = (language: Language): TemplateValues => ({
    title: titles.get(language) ?? title,
    components: namesOf(config, components, language, 'template.ourServices'),
    window,
    duration: duration(translator(language), end.getTime() - start.getTime()),
    site: config.site.name,
  });
  translation.check(id, 'maintenance-announcement');
  const filled = () => fillTemplate(readTemplate(ctx.root, 'maintenance-announcement', first), values(first));
  const message = flags.edit ? (flags.message ?? filled()) : await composeMessage(ctx, { flag: flags.message, template: filled, templateName: 'maintenance-announcement', editName: `${id}.md` });
  let text = maintenanceFile({ title, components, from: start, until: end, owners: ownersFor(ctx, flags.owner), draft: flags.draft, at, message });
  if (flags.edit) text = editInEditor(ctx, text, `${id}.md`);
  const texts = await translation.messages('maintenance-announcement', values, id);
  await writeEntry(ctx, config, flags, newFileChange(`${INCIDENTS_DIR}/${id}.md`, id, 'entry', text, `Maintenance: ${title}`), message, texts, titles, { label: 'Scheduled', at });
  return 0;
}
