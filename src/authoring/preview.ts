import type { AffectedComponent, Entry, Postmortem, Update } from '../core/model.ts';
import { isPublished } from '../core/rules/postmortem.ts';
import type { Problem } from '../core/problems.ts';
import { componentStatuses, PAGE_DESCRIPTIONS, pageStatus, type PageStatus } from '../core/rules/status.ts';
import type { Config } from '../core/schema/config.ts';
import { componentNames } from '../core/config.ts';
import { type ComponentStatus, statusLabel } from '../core/status.ts';
import { formatUtc } from '../core/time.ts';
import { type NotificationNotice, notificationNotices } from '../notify/preview.ts';

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

/** A change to an entry that is not in an update's text: a new entry, a field, an update taken out, a post-mortem. */
export interface EntryChange {
  entry: Entry;
  what: string;
}

/** What customers will see after a change: the one function behind `candor preview` and the PR comment. */
export interface Preview {
  banner: { before: PageStatus | undefined; after: PageStatus };
  components: ComponentChange[];
  updates: NewUpdate[];
  /** New entries, changed fields, removed updates and post-mortems, entry by entry. */
  changes: EntryChange[];
  /** Entries that the change removes (their pages and feed items disappear). */
  removed: string[];
  /** Maintenance whose window the change moves without a new update: calendars would not hear of it. */
  silentlyMoved: Entry[];
  /** What the deploy will push to the notification channels. */
  notifications: NotificationNotice[];
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
  // An update is edited when its text or its status word changes (Resolved → Update reopens an incident).
  const shown = (u: Update) => `${u.label}\n${u.markdown}`;
  const old = new Map(beforeEntries.map((e) => [e.id, new Map(e.updates.map((u) => [u.anchor, shown(u)]))]));
  const updates: NewUpdate[] = [];
  for (const e of afterEntries) {
    for (const u of e.updates) {
      const was = old.get(e.id)?.get(u.anchor);
      if (was !== shown(u)) updates.push({ entry: e, update: u, edited: was !== undefined, pending: u.at > now });
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
    changes: afterEntries.flatMap((e) => entryChanges(beforeById.get(e.id), e, after.config, now, before !== undefined)),
    removed: beforeEntries.filter((e) => !ids.has(e.id)).map((e) => e.id),
    silentlyMoved,
    notifications: notificationNotices(beforeEntries, afterEntries, after.config, now),
    problems,
  };
}

/** What customers see of a post-mortem now: nothing yet (a draft, or dated later), or the published page. */
function postmortemState(pm: Postmortem | undefined, now: Date): 'draft' | 'scheduled' | 'published' | undefined {
  if (!pm) return undefined;
  if (pm.draft || !pm.published) return 'draft';
  return isPublished(pm, now) ? 'published' : 'scheduled';
}

/** Everything customers will notice of one entry besides the text of new and edited updates. */
function entryChanges(was: Entry | undefined, e: Entry, config: Config, now: Date, hadBase: boolean): EntryChange[] {
  const out: EntryChange[] = [];
  const add = (what: string) => out.push({ entry: e, what });
  if (!was) {
    if (hadBase) add(`New ${e.kind}: its page, feed items and API entry appear.`);
  } else {
    const anchors = new Set(e.updates.map((u) => u.anchor));
    for (const u of was.updates) if (!anchors.has(u.anchor)) add(`Removes the update "${u.label}, ${formatUtc(u.at)}": its text and feed item disappear.`);
    const names = componentNames(config);
    const effects = (x: Entry) => new Map(x.components.map((c) => [c.id, c]));
    const [a, b] = [effects(was), effects(e)];
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      const from = a.get(id), to = b.get(id);
      const name = names.get(id) ?? id;
      const label = (c: AffectedComponent) => statusLabel(c.status).toLowerCase();
      if (!to) add(`${name} is no longer listed as affected (was ${label(from!)}).`);
      else if (!from) add(`${name} is now listed as affected: ${label(to)}.`);
      else if (from.status !== to.status) add(`${name}: ${label(from)} → ${label(to)}.`);
      if (to?.recovered && to.recovered.getTime() !== from?.recovered?.getTime()) add(`${name} recovered at ${formatUtc(to.recovered)}.`);
      else if (from?.recovered && to && !to.recovered) add(`${name} is affected again (it had recovered at ${formatUtc(from.recovered)}).`);
    }
    if (e.kind === 'incident' && was.kind === 'incident') {
      if (e.started.getTime() !== was.started.getTime()) add(`Start: ${formatUtc(was.started)} → ${formatUtc(e.started)}: the duration and the uptime change.`);
      if (e.impact !== was.impact) add(`Impact: ${was.impact} → ${e.impact}.`);
      const [p, q] = [was.nextUpdate?.getTime(), e.nextUpdate?.getTime()];
      if (p !== q) add(e.nextUpdate ? `Next update promised by ${formatUtc(e.nextUpdate)}${was.nextUpdate ? ` (was ${formatUtc(was.nextUpdate)})` : ''}.` : `No next-update time is shown any more (was ${formatUtc(was.nextUpdate!)}).`);
    }
    if (e.title !== was.title) add(`Title: "${was.title}" → "${e.title}".`);
  }
  const [pmWas, pm] = [was?.postmortem, e.postmortem];
  const [stateWas, state] = [postmortemState(pmWas, now), postmortemState(pm, now)];
  const edited = pm?.markdown !== pmWas?.markdown || pm?.title !== pmWas?.title;
  if (state === 'draft' && (stateWas !== 'draft' || edited)) add(`A post-mortem draft is waiting (${pm!.file}): customers do not see it until it is published (candor postmortem ${e.id} --publish).`);
  else if (state === 'scheduled' && (stateWas !== 'scheduled' || edited)) add(`The post-mortem is dated ${formatUtc(pm!.published!)}: customers see it from then on.`);
  else if (state === 'published' && stateWas !== 'published') add(`Publishes the post-mortem, dated ${formatUtc(pm!.published!)}: the incident page links to it and feeds announce it.`);
  else if (state === 'published' && edited) add('Edits the published post-mortem.');
  if (state === 'published' && stateWas === 'published' && pm!.published!.getTime() !== pmWas!.published!.getTime()) add(`The post-mortem's publication date: ${formatUtc(pmWas!.published!)} → ${formatUtc(pm!.published!)}.`);
  if (stateWas === 'published' && state !== 'published') add(`Takes the published post-mortem down${pm ? '' : ' (removes its file)'}: its page and feed item disappear.`);
  else if (stateWas !== undefined && state === undefined) add('Removes the post-mortem draft.');
  return out;
}

/**
 * The preview as a pull-request comment quotes what anyone wrote in the pull request: it must not
 * notify people (@mentions, also of teams) nor carry raw HTML. A word joiner after "@" keeps the text
 * as it reads; "<" is shown, not parsed.
 */
export function forComment(markdown: string): string {
  return markdown.replace(/@(?!\u2060)/g, '@\u2060').replace(/</g, '&lt;');
}

/** One problem as a Markdown list item, for the preview and the pull-request comment. */
export function problemLine(x: Problem): string {
  return `- ${x.severity === 'error' ? '❌' : '⚠️'} \`${x.file}:${x.line}\` ${x.message} ${x.hint}`;
}

/** The preview as Markdown: printed by the CLI, posted as the pull-request comment. */
export function renderPreview(p: Preview): string {
  const out: string[] = ['### What customers will see after this change', ''];
  const [before, after] = [p.banner.before && PAGE_DESCRIPTIONS[p.banner.before.state], PAGE_DESCRIPTIONS[p.banner.after.state]];
  const banner = before && before !== after ? `${before} → **${after}**` : `**${after}** (unchanged)`;
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
  if (p.changes.length) {
    out.push('**Also changes:**', '');
    for (const c of p.changes) out.push(`- “${c.entry.title}”: ${c.what}`);
    out.push('');
  }
  if (p.notifications.length) {
    out.push('**Notifications** (pushed once the site is deployed; an edit of a published update pushes nothing):', '');
    for (const n of p.notifications) {
      out.push(`${n.headline}, ${formatUtc(n.at)}${n.pending ? ' (pushed when it goes live)' : ''}:`, '');
      for (const c of n.channels) {
        if (c.skipped) out.push(`- \`${c.id}\`: not pushed (${c.skipped})`);
        else out.push(`- \`${c.id}\`:`, '', ...c.text!.split('\n').map((l) => `  > ${l}`), '');
      }
      out.push('');
    }
  }
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
