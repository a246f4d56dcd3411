import type { Incident, Maintenance } from '../model.ts';
import { DAY } from '../time.ts';
import { resolvedAt, updatesAt } from './incident.ts';

/** One next-update promise, and whether the next update came by then. */
export interface KeptPromise {
  /** The update that made it. */
  madeAt: Date;
  due: Date;
  /** The first update after it, when one came (by now). */
  nextAt?: Date;
  /** `kept`: an update came by the due time; `broken`: none did; `open`: not yet due, no update since. */
  state: 'kept' | 'broken' | 'open';
}

/** An incident's communication, computed from its file: what the public record shows. */
export interface CommunicationRecord {
  /** From `started` to the first public update. */
  firstUpdateMs: number;
  promises: KeptPromise[];
  kept: number;
  /** Promises that are due (kept or broken); open ones are not counted yet. */
  due: number;
  /** The longest time without an update while unresolved (until now, while it still is). */
  longestSilenceMs: number;
}

/**
 * Every promise an incident made by `now`: each posted update's `<!-- candor: next update by … -->`,
 * and the frontmatter's `next_update` (the promise in force) when no update recorded it, as the
 * newest posted update's that is not the resolution (a file written by hand).
 */
export function promisesOf(incident: Incident, now: Date): { madeAt: Date; due: Date }[] {
  const posted = updatesAt(incident.updates, now);
  const made = posted.flatMap((u) => (u.promise ? [{ madeAt: u.at, due: u.promise }] : []));
  const inForce = incident.nextUpdate;
  // Recorded by any update, even one dated later (not posted yet): then it is not a promise yet.
  const recorded = inForce !== undefined && incident.updates.some((u) => u.promise?.getTime() === inForce.getTime());
  const maker = posted.find((u) => u.status !== 'resolved');
  if (inForce && !recorded && maker) made.push({ madeAt: maker.at, due: inForce });
  return made.sort((a, b) => a.madeAt.getTime() - b.madeAt.getTime());
}

/** Whether each promise was kept: an update (any, including the resolution) came after it by its due time. */
export function communicationRecord(incident: Incident, now: Date): CommunicationRecord {
  const chronological = updatesAt(incident.updates, now).slice().reverse();
  const promises = promisesOf(incident, now).map((p): KeptPromise => {
    const next = chronological.find((u) => u.at > p.madeAt);
    const state = next && next.at <= p.due ? 'kept' : now >= p.due ? 'broken' : 'open';
    return { ...p, ...(next ? { nextAt: next.at } : {}), state };
  });
  const first = chronological[0];
  const end = resolvedAt(incident, now) ?? now;
  let longest = 0;
  let last = incident.started;
  for (const u of chronological) {
    if (u.at > end) break;
    longest = Math.max(longest, u.at.getTime() - last.getTime());
    last = u.at > last ? u.at : last;
  }
  longest = Math.max(longest, end.getTime() - last.getTime());
  return {
    firstUpdateMs: first ? Math.max(0, first.at.getTime() - incident.started.getTime()) : Math.max(0, now.getTime() - incident.started.getTime()),
    promises,
    kept: promises.filter((p) => p.state === 'kept').length,
    due: promises.filter((p) => p.state !== 'open').length,
    longestSilenceMs: longest,
  };
}

/** Where an open promise stands for the on-call: due soon (within `leadMs`), overdue, or neither. */
export type PromiseState = 'due-soon' | 'overdue';

export function promiseState(incident: Incident, now: Date, leadMs: number): { madeAt: Date; due: Date; state: PromiseState } | undefined {
  if (resolvedAt(incident, now)) return undefined;
  // The promise in force is the newest one made; any update posted after it keeps it.
  const current = promisesOf(incident, now).at(-1);
  if (!current || updatesAt(incident.updates, now).some((u) => u.at > current.madeAt)) return undefined;
  // A promise long past is the incident's own problem (the check warns), not a reminder any more.
  if (now.getTime() - current.due.getTime() > REMIND_DAYS * DAY) return undefined;
  if (now >= current.due) return { ...current, state: 'overdue' };
  if (now.getTime() >= current.due.getTime() - leadMs) return { ...current, state: 'due-soon' };
  return undefined;
}

/** Reminders stop this many days after a promise or a window's end: the team has heard by then. */
const REMIND_DAYS = 30;

/** Maintenance whose window is over with no `Completed` (or `Cancelled`) update: the team owes customers the close. */
export function isLeftOpen(m: Maintenance, now: Date): boolean {
  return now >= m.scheduledUntil && now.getTime() - m.scheduledUntil.getTime() <= REMIND_DAYS * DAY && updatesAt(m.updates, now).length > 0 && !updatesAt(m.updates, now).some((u) => u.status === 'completed' || u.status === 'cancelled');
}
