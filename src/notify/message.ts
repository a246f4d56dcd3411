import { componentNames } from '../core/config.ts';
import type { Entry } from '../core/model.ts';
import { resolvedAt } from '../core/rules/incident.ts';
import type { Config } from '../core/schema/config.ts';
import type { ComponentStatus } from '../core/status.ts';
import { summarize } from '../views/entries.ts';
import { DATE_TIME, dayKey, formatIn, relativeTime, TIME } from '../views/format.ts';
import { nextUpdateCommand } from '../views/on-call.ts';
import { ownersOf } from '../core/rules/owners.ts';
import { absolute, paths } from '../views/urls.ts';
import type { EventCategory, EventType, NotificationEvent } from './events.ts';

/**
 * One message, before any channel renders it: the page's own words (title, status word, the update's
 * text, the affected components, the promise) and the link to the update on the site.
 */
export interface Message {
  key: string;
  type: EventType;
  category: EventCategory;
  entryId: string;
  kind: Entry['kind'];
  title: string;
  /** The status word as the page shows it, or "Post-mortem", "Reminder". */
  label: string;
  /** `[Identified] Elevated API error rates`. */
  headline: string;
  /** Plain text, paragraphs separated by a blank line. */
  text: string;
  /** Short facts under the text: affected components, the window, the next-update promise. */
  facts: Fact[];
  /** Absolute link to the update's anchor (or the post-mortem) on the site. */
  url: string;
  at: Date;
  tone: ComponentStatus;
  componentIds: string[];
  site: { name: string; url: string };
  /** Team reminders: the owners, whom channels that can mention people (GitHub) mention. */
  mention: string[];
}

export interface Fact {
  name: string;
  value: string;
}

/** The facts as lines: "Affected: API, Dashboard". */
export function factLines(message: Message): string[] {
  return message.facts.map((f) => `${f.name}: ${f.value}`);
}

/** The message for an event, as of `now` (the promise shown is the one in force now). */
export function messageOf(event: NotificationEvent, config: Config, now: Date): Message {
  const { entry } = event;
  const clock = { timeZone: config.site.time_zone, locale: config.site.locale };
  const when = (d: Date) => formatIn(clock, d, DATE_TIME);
  const link = (path: string) => absolute(config.site.url, config.site.base, path);
  const names = componentNames(config);
  const summary = summarize(entry, event.at);
  const facts: Fact[] = [];
  const affected = entry.components.map((c) => names.get(c.id) ?? c.id);
  if (affected.length) facts.push({ name: entry.kind === 'maintenance' ? 'Under maintenance' : 'Affected', value: affected.join(', ') });
  if (event.category === 'team' && ownersOf(entry, config).length) facts.push({ name: 'Owners', value: ownersOf(entry, config).join(', ') });
  if (entry.kind === 'maintenance') facts.push({ name: 'Window', value: `${when(entry.scheduledFor)} to ${dayKey(entry.scheduledFor, clock.timeZone) === dayKey(entry.scheduledUntil, clock.timeZone) ? formatIn(clock, entry.scheduledUntil, TIME) : when(entry.scheduledUntil)}` });

  let label = summary.statusLabel;
  let text: string;
  let url = link(paths.incident(entry.id));
  switch (event.type) {
    case 'update': {
      const update = event.update!;
      label = update.label;
      text = update.text;
      url = link(paths.update(entry.id, update.anchor));
      // The promise belongs to the newest update; it is shown while it is still ahead and unresolved.
      const newest = entry.updates.find((u) => u.at <= now);
      if (entry.kind === 'incident' && entry.nextUpdate && newest === update && entry.nextUpdate > now && !resolvedAt(entry, now)) facts.push({ name: 'Next update', value: `by ${when(entry.nextUpdate)}` });
      break;
    }
    case 'postmortem':
      label = 'Post-mortem';
      text = `The post-mortem of "${entry.title}" is published: what happened, why, how it was fixed, and what will stop it happening again.`;
      url = link(paths.postmortem(entry.id));
      break;
    case 'reminder':
      label = 'Reminder';
      text = `Scheduled maintenance begins in ${event.hours} ${event.hours === 1 ? 'hour' : 'hours'}.\n\n${summary.latest?.text ?? ''}`.trim();
      break;
    case 'start':
      label = 'In progress';
      text = 'The maintenance window has begun.';
      break;
    case 'end':
      label = 'Completed';
      text = 'The maintenance window has ended.';
      break;
    case 'promise-due-soon':
    case 'promise-overdue': {
      const overdue = event.type === 'promise-overdue';
      label = overdue ? 'Next update overdue' : `Next update due ${relativeTime(event.due!, now, 'en')}`;
      text = `${ownersText(entry, config)}customers were promised the next update on "${entry.title}" by ${when(event.due!)}${overdue ? `, ${relativeTime(event.due!, now, 'en')}; the page shows it as overdue` : ''}. Post it now:\n\n${nextUpdateCommand(entry)}`;
      break;
    }
    case 'left-open':
      label = 'Left open';
      text = `${ownersText(entry, config)}the window of "${entry.title}" ended at ${when(event.due!)} and no Completed update says so. Close it:\n\n${nextUpdateCommand(entry, true)}`;
      break;
  }
  return {
    key: event.key,
    type: event.type,
    category: event.category,
    entryId: entry.id,
    kind: entry.kind,
    title: entry.title,
    label,
    headline: `[${label}] ${entry.title}`,
    text,
    facts,
    url,
    at: event.at,
    tone: event.type === 'end' || label === 'Resolved' || label === 'Completed' ? 'operational' : summary.tone,
    componentIds: entry.components.map((c) => c.id),
    mention: event.category === 'team' ? ownersOf(entry, config) : [],
    site: { name: config.site.name, url: link(paths.home) },
  };
}

/** "@alice, @brightpay/oncall: ", or nothing when nobody is named. */
function ownersText(entry: Entry, config: Config): string {
  const owners = ownersOf(entry, config);
  return owners.length ? `${owners.join(', ')}: ` : '';
}


/**
 * `text` cut at a word so that it fits `max` (as `measure` counts), with an ellipsis; the text itself
 * when it fits. Channels add "Read more" and the link after it.
 */
export function cutAtWord(text: string, max: number, measure: (s: string) => number = graphemes): string {
  return cutToFit(text, (s) => measure(s) <= max);
}

/** The longest start of `text`, cut at a word and ended with "…", for which `fits` holds ("" if none does). */
export function cutToFit(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    if (!fits(`${out}${segment}…`)) break;
    out += segment;
  }
  out = out.trimEnd().replace(/[,;:.\-–—]+$/u, '');
  // A single word longer than the room: cut it by grapheme.
  if (out === '') {
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
      if (!fits(`${out}${segment}…`)) break;
      out += segment;
    }
  }
  return out === '' && !fits('…') ? '' : `${out}…`;
}

/** User-perceived characters, as Bluesky counts them. */
export function graphemes(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
  return n;
}
