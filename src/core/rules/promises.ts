import type { Incident, Maintenance } from '../model.ts';
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
 * Every promise an incident made: each update's `<!-- candor: next update by … -->`, and the
 * frontmatter's `next_update` (the promise in force) as the newest update's when it carries none.
 */
export function promisesOf(incident: Incident, now: Date): { madeAt: Date; due: Date }[] {
  const posted = updatesAt(incident.updates, now);
  const made = posted.flatMap((u) => (u.promise ? [{ madeAt: u.at, due: u.promise }] : []));
  const latest = posted[0];
  // The promise in force belongs to the newest update, unless an update recorded it.
  const inForce = incident.nextUpdate;
  if (inForce && latest && !made.some((p) => p.due.getTime() === inForce.getTime())) made.push({ madeAt: latest.at, due: inForce });
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

export function promiseState(incident: Incident, now: Date, leadMs: number): { due: Date; state: PromiseState } | undefined {
  if (!incident.nextUpdate || resolvedAt(incident, now)) return undefined;
  const latest = updatesAt(incident.updates, now)[0];
  // An update posted since the promise was made keeps it; the frontmatter is the promise in force.
  if (!latest || latest.at >= incident.nextUpdate) return undefined;
  if (now >= incident.nextUpdate) return { due: incident.nextUpdate, state: 'overdue' };
  if (now.getTime() >= incident.nextUpdate.getTime() - leadMs) return { due: incident.nextUpdate, state: 'due-soon' };
  return undefined;
}

/** Maintenance whose window is over with no `Completed` (or `Cancelled`) update: the team owes customers the close. */
export function isLeftOpen(m: Maintenance, now: Date): boolean {
  return now >= m.scheduledUntil && updatesAt(m.updates, now).length > 0 && !updatesAt(m.updates, now).some((u) => u.status === 'completed' || u.status === 'cancelled');
}
