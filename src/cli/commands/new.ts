import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { incidentFile, maintenanceFile, makeId } from '../../authoring/files.ts';
import { componentNames } from '../../core/config.ts';
import { formatDuration } from '../../core/rules/incident.ts';
import { fillTemplate, listNames, readTemplate, TEMPLATE_FOR_STATUS } from '../../authoring/templates.ts';
import { ID_PATTERN, RESERVED_IDS, suggestId } from '../../core/ids.ts';
import { INCIDENTS_DIR } from '../../core/read.ts';
import type { Config } from '../../core/schema/config.ts';
import { type ComponentStatus, deriveImpact, IMPACTS, INCIDENT_COMPONENT_STATUSES, statusLabel } from '../../core/status.ts';
import { formatUtc } from '../../core/time.ts';
import { formatIn, DATE_TIME, TIME } from '../../views/format.ts';
import { askPromise, type CliContext, editInEditor, incidentFiles, oneOf, ownersFor, parseWhen, requireConfig, sensibleTime, UsageError } from '../context.ts';
import { flagOrAsk, required, type WriteFlags } from '../flags.ts';
import { composeMessage, confirmWrite, indent } from '../message.ts';
import { newFileChange, writeChange } from '../write.ts';

const NEW_INCIDENT_STATUSES = { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring' } as const;

/** "API and Dashboard": the components' names as a sentence says them. */
export function namesOf(config: Config, ids: readonly string[]): string {
  const names = componentNames(config);
  return listNames(ids.map((id) => names.get(id) ?? id));
}

/** "14:35 UTC" for a promise today, the full date otherwise. */
export function promiseText(config: Config, next: Date | undefined, now: Date): string | undefined {
  if (!next) return undefined;
  const clock = { timeZone: 'UTC', locale: config.site.locale };
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
  const names = namesOf(config, Object.keys(components));
  const template = TEMPLATE_FOR_STATUS.incident[status]!;
  const filled = () => fillTemplate(readTemplate(ctx.root, template), { title, components: names || 'some of our services', next_update: promiseText(config, nextUpdate, at), site: config.site.name });
  // --edit opens the whole file below; otherwise the message is composed (and, in a terminal, reviewed).
  const message = flags.edit ? (flags.message ?? filled()) : await composeMessage(ctx, { flag: flags.message, template: filled, templateName: template, editName: `${id}.md` });
  let text = incidentFile({ title, components, impact: impact === 'derived' ? undefined : impact, nextUpdate, owners: ownersFor(ctx, flags.owner), draft: flags.draft, status: NEW_INCIDENT_STATUSES[status], at, message });
  if (flags.edit) text = editInEditor(ctx, text, `${id}.md`);
  await confirmWrite(ctx, `${INCIDENTS_DIR}/${id}.md will read:\n${indent(text.trimEnd())}`);
  await writeChange(ctx, config, newFileChange(`${INCIDENTS_DIR}/${id}.md`, id, 'entry', text, `Incident: ${title}`), flags.pr ?? false);
  if (!ctx.prompter) ctx.out(`Customers will read:\n${indent(message)}`);
  return 0;
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
  const filled = () => fillTemplate(readTemplate(ctx.root, 'maintenance-announcement'), { title, components: namesOf(config, components) || 'our services', window, duration: formatDuration(end.getTime() - start.getTime()), site: config.site.name });
  const message = flags.edit ? (flags.message ?? filled()) : await composeMessage(ctx, { flag: flags.message, template: filled, templateName: 'maintenance-announcement', editName: `${id}.md` });
  let text = maintenanceFile({ title, components, from: start, until: end, owners: ownersFor(ctx, flags.owner), draft: flags.draft, at, message });
  if (flags.edit) text = editInEditor(ctx, text, `${id}.md`);
  await confirmWrite(ctx, `${INCIDENTS_DIR}/${id}.md will read:\n${indent(text.trimEnd())}`);
  await writeChange(ctx, config, newFileChange(`${INCIDENTS_DIR}/${id}.md`, id, 'entry', text, `Maintenance: ${title}`), flags.pr ?? false);
  if (!ctx.prompter) ctx.out(`Customers will read:\n${indent(message)}`);
  return 0;
}
