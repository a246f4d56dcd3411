import type { Entry, Update } from '../core/model.ts';
import type { Problem } from '../core/problems.ts';
import { componentStatuses, pageStatus, type PageStatus } from '../core/rules/status.ts';
import type { Config } from '../core/schema/config.ts';
import { type ComponentStatus, statusLabel } from '../core/status.ts';
import { formatUtc } from '../core/time.ts';

export interface ProjectState {
  config: Config;
  entries: readonly Entry[];
}

export interface ComponentChange {
  id: string;
  name: string;
  before: ComponentStatus;
  after: ComponentStatus;
}

export interface NewUpdate {
  entry: Entry;
  update: Update;
  /** true when the update existed before and its text changed. */
  edited: boolean;
  /** Dated after now: customers see it only from then on. */
  pending: boolean;
}

/** What customers will see after a change: the one function behind `candor preview` and the PR comment. */
export interface Preview {
  banner: { before: PageStatus | undefined; after: PageStatus };
  components: ComponentChange[];
  updates: NewUpdate[];
  /** Entries that the change removes (their pages and feed items disappear). */
  removed: string[];
  /** Maintenance whose window the change moves without a new update: calendars would not hear of it. */
  silentlyMoved: Entry[];
  problems: Problem[];
}

const published = (entries: readonly Entry[]) => entries.filter((e) => !e.draft);

export function previewChange(before: ProjectState | undefined, after: ProjectState, now: Date, problems: Problem[] = []): Preview {
  const afterEntries = published(after.entries);
  const beforeEntries = before ? published(before.entries) : [];
  const statusBefore = before ? componentStatuses(beforeEntries, before.config, now) : new Map<string, ComponentStatus>();
  const statusAfter = componentStatuses(afterEntries, after.config, now);
  const components: ComponentChange[] = after.config.components
    .map((c) => ({ id: c.id, name: c.name, before: statusBefore.get(c.id) ?? 'operational', after: statusAfter.get(c.id)! }))
    .filter((c) => c.before !== c.after);
  const old = new Map(beforeEntries.map((e) => [e.id, new Map(e.updates.map((u) => [u.anchor, u.markdown]))]));
  const updates: NewUpdate[] = [];
  for (const e of afterEntries) {
    for (const u of e.updates) {
      const was = old.get(e.id)?.get(u.anchor);
      if (was !== u.markdown) updates.push({ entry: e, update: u, edited: was !== undefined, pending: u.at > now });
    }
  }
  updates.sort((a, b) => b.update.at.getTime() - a.update.at.getTime());
  const ids = new Set(afterEntries.map((e) => e.id));
  const windowOf = (e: Entry | undefined) => (e?.kind === 'maintenance' ? `${e.scheduledFor.getTime()}-${e.scheduledUntil.getTime()}` : undefined);
  const beforeById = new Map(beforeEntries.map((e) => [e.id, e]));
  const silentlyMoved = afterEntries.filter((e) => {
    const was = windowOf(beforeById.get(e.id));
    return was !== undefined && was !== windowOf(e) && !updates.some((u) => u.entry === e && !u.edited && !u.pending);
  });
  return {
    banner: { before: before ? pageStatus(beforeEntries, before.config, now) : undefined, after: pageStatus(afterEntries, after.config, now) },
    components,
    updates,
    removed: beforeEntries.filter((e) => !ids.has(e.id)).map((e) => e.id),
    silentlyMoved,
    problems,
  };
}

/** One problem as a Markdown list item, for the preview and the pull-request comment. */
export function problemLine(x: Problem): string {
  return `- ${x.severity === 'error' ? '❌' : '⚠️'} \`${x.file}:${x.line}\` ${x.message} ${x.hint}`;
}

/** The preview as Markdown: printed by the CLI, posted as the pull-request comment. */
export function renderPreview(p: Preview): string {
  const out: string[] = ['### What customers will see after this change', ''];
  const banner = p.banner.before && p.banner.before.description !== p.banner.after.description ? `${p.banner.before.description} → **${p.banner.after.description}**` : `**${p.banner.after.description}** (unchanged)`;
  out.push(`**Banner:** ${banner}`, '');
  if (p.components.length) {
    out.push('| Component | Before | After |', '|---|---|---|');
    for (const c of p.components) out.push(`| ${c.name} | ${statusLabel(c.before)} | **${statusLabel(c.after)}** |`);
    out.push('');
  } else out.push('No component changes status.', '');
  for (const { entry, update, edited, pending } of p.updates) {
    out.push(`#### ${entry.title}: ${update.label}, ${formatUtc(update.at)}${edited ? ' (edited)' : ''}${pending ? ' (dated in the future: shown from then on)' : ''}`, '', ...update.markdown.split('\n').map((l) => `> ${l}`), '');
  }
  if (p.updates.length === 0) out.push('No new or edited update.', '');
  for (const id of p.removed) out.push(`⚠️ Removes \`${id}\`: its page, feed items and API entry disappear.`, '');
  for (const e of p.silentlyMoved) {
    out.push(`⚠️ Moves the window of “${e.title}” without a new update: calendars and feed readers will not hear of it. Add an \`Update\` saying when it now takes place.`, '');
  }
  const errors = p.problems.filter((x) => x.severity === 'error');
  const warnings = p.problems.filter((x) => x.severity === 'warning');
  if (errors.length || warnings.length) {
    out.push(`**Check:** ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`, '');
    for (const x of [...errors, ...warnings]) out.push(problemLine(x));
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
