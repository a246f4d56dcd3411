import type { Entry, Maintenance, Update } from '../core/model.ts';
import { isPublished } from '../core/rules/postmortem.ts';
import { isLeftOpen, promiseState } from '../core/rules/promises.ts';
import type { Config } from '../core/schema/config.ts';
import { HOUR } from '../core/time.ts';
import { updateAnchor } from '../core/parse.ts';

/** What a channel can be told: an update, a published post-mortem, or a maintenance moment by the clock. */
export type EventType = 'update' | 'postmortem' | 'reminder' | 'start' | 'end' | TeamEventType;

/** What the team is reminded of: a next-update promise due soon or overdue, a window left open. */
export type TeamEventType = 'promise-due-soon' | 'promise-overdue' | 'left-open';

/** The `events:` choice of a channel that an event belongs to. */
export type EventCategory = 'incidents' | 'maintenance' | 'postmortems' | 'team';

export interface NotificationEvent {
  /**
   * The event's name in the ledger, stable across edits of the text: the entry id, then the update's
   * anchor (its time), `postmortem`, or for the clock `reminder-<hours>h`, `start` and `end` with
   * the moment of the window they belong to (a window that moves gets them anew).
   */
  key: string;
  type: EventType;
  category: EventCategory;
  entry: Entry;
  update?: Update;
  /** When it happened: the update's time, the publication, the clock moment. */
  at: Date;
  /** Posted with `<!-- candor: quiet -->`: on the site and feeds only. */
  quiet: boolean;
  /** A reminder's lead, in hours. */
  hours?: number;
  /** Team reminders: the promise's due time. */
  due?: Date;
}

const ENDED = new Set(['completed', 'cancelled']);
const UNDER_WAY = new Set(['in_progress', 'verifying', 'completed', 'cancelled']);

/**
 * Every event that has happened by `now` among published entries (drafts excluded by the caller),
 * oldest first. Whether a channel is told of it is for the plan to decide (ledger, age, filters).
 */
export function notificationEvents(entries: readonly Entry[], config: Config, now: Date): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  for (const entry of entries) {
    if (entry.draft) continue;
    const category: EventCategory = entry.kind === 'incident' ? 'incidents' : 'maintenance';
    for (const update of entry.updates) {
      if (update.at > now) continue;
      events.push({ key: `${entry.id}#${update.anchor}`, type: 'update', category, entry, update, at: update.at, quiet: update.quiet === true });
    }
    if (isPublished(entry.postmortem, now)) {
      events.push({ key: `${entry.id}#postmortem`, type: 'postmortem', category: 'postmortems', entry, at: entry.postmortem.published, quiet: false });
    }
    if (entry.kind === 'maintenance') events.push(...clockEvents(entry, config, now));
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
}

/**
 * Maintenance moments that come by the clock, with no commit: a reminder before the window (when it
 * was announced before the reminder was due, and the window has not begun), its start (unless an
 * update already said it is under way, completed or called off) and its end (unless an update closed
 * it, or it is held open by Verifying or an overrun).
 */
function clockEvents(m: Maintenance, config: Config, now: Date): NotificationEvent[] {
  const posted = m.updates.filter((u) => u.at <= now);
  if (posted.length === 0) return [];
  const announced = posted[posted.length - 1]!.at;
  const base = { category: 'maintenance' as const, entry: m, quiet: false };
  const events: NotificationEvent[] = [];
  const underWay = posted.some((u) => UNDER_WAY.has(u.status));
  if (!underWay && now < m.scheduledFor) {
    for (const hours of new Set(config.notify.maintenance_reminders_hours)) {
      const at = new Date(m.scheduledFor.getTime() - hours * HOUR);
      if (at <= now && announced < at) events.push({ ...base, key: `${m.id}#reminder-${hours}h-${moment(m.scheduledFor)}`, type: 'reminder', at, hours });
    }
  }
  if (!underWay && m.scheduledFor <= now) events.push({ ...base, key: `${m.id}#start-${moment(m.scheduledFor)}`, type: 'start', at: m.scheduledFor });
  const latest = posted.find((u) => u.status !== 'update');
  const heldOpen = latest !== undefined && (latest.status === 'verifying' || (latest.status === 'in_progress' && latest.at >= m.scheduledUntil));
  if (!posted.some((u) => ENDED.has(u.status)) && !heldOpen && m.scheduledUntil <= now) {
    events.push({ ...base, key: `${m.id}#end-${moment(m.scheduledUntil)}`, type: 'end', at: m.scheduledUntil });
  }
  return events;
}

/** `2026-12-01-0200`, as in update anchors. */
const moment = (at: Date) => updateAnchor(at).slice('update-'.length);

/**
 * What the team should be told now, once per promise and state: each unresolved incident whose
 * promise is due within `communication.reminder_lead_minutes` or past, and each maintenance whose
 * window ended with no Completed update. Keys name the promise (or window) and the state.
 */
export function teamEvents(entries: readonly Entry[], config: Config, now: Date): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  const lead = config.communication.reminder_lead_minutes * 60_000;
  for (const entry of entries) {
    if (entry.draft) continue;
    const base = { category: 'team' as const, entry, quiet: false, at: now };
    if (entry.kind === 'incident') {
      const promise = promiseState(entry, now, lead);
      if (promise) events.push({ ...base, key: `${entry.id}#promise-${moment(promise.madeAt)}-${moment(promise.due)}-${promise.state}`, type: `promise-${promise.state}`, due: promise.due });
    } else if (isLeftOpen(entry, now)) {
      events.push({ ...base, key: `${entry.id}#left-open-${moment(entry.scheduledUntil)}`, type: 'left-open', due: entry.scheduledUntil });
    }
  }
  return events;
}
