import type { AffectedComponent, Incident, Update } from '../model.ts';
import type { IncidentStatus, IncidentUpdateStatus } from '../status.ts';

/** The components an entry affects at `at`: those not yet recovered. */
export function affectedAt<C extends AffectedComponent>(components: readonly C[], at: Date): C[] {
  return components.filter((c) => !c.recovered || c.recovered > at);
}

/** Updates posted at or before `at`, newest first. */
export function updatesAt<U extends Update>(updates: readonly U[], at: Date): U[] {
  return updates.filter((u) => u.at <= at);
}

/**
 * The latest update posted at or before `at` that `test` accepts (updates are newest first): without
 * copying the list, as the status of each of thousands of updates asks.
 */
export function latestAt<U extends Update>(updates: readonly U[], at: Date, test: (u: U) => boolean): U | undefined {
  for (const u of updates) if (u.at <= at && test(u)) return u;
  return undefined;
}

/** An update that says a status of its own: `Update` carries the status before it. */
export const saysStatus = (u: Update): boolean => u.status !== 'update';

/**
 * An incident's status is the status of its latest update; `Update` carries the status before it.
 * Before its first update an incident is not yet known (undefined).
 */
export function incidentStatus(incident: Incident, at: Date): IncidentStatus | undefined {
  // Newest first: anything posted by `at` if its first update was.
  const first = incident.updates.at(-1);
  if (!first || first.at > at) return undefined;
  return (latestAt(incident.updates, at, saysStatus)?.status as Exclude<IncidentUpdateStatus, 'update'> | undefined) ?? 'investigating';
}

/** When the incident was resolved, as known at `at` (undefined while unresolved). */
export function resolvedAt(incident: Incident, at: Date): Date | undefined {
  return latestAt(incident.updates, at, (u) => u.status === 'resolved')?.at;
}

/**
 * Whether the incident affects customers at `at`: started, an update posted, none of them resolving it.
 * One pass over the updates: the status board, badges, the API, live states and `candor status` ask it
 * of every entry of the history.
 */
export function isActiveIncident(incident: Incident, at: Date): boolean {
  if (incident.started > at) return false;
  let posted = false;
  for (const u of incident.updates) {
    if (u.at > at) continue;
    if (u.status === 'resolved') return false;
    posted = true;
  }
  return posted;
}

/** Duration in milliseconds: resolution (or `at`, while unresolved) minus `started`. */
export function incidentDuration(incident: Incident, at: Date): number {
  const end = resolvedAt(incident, at) ?? at;
  return Math.max(0, end.getTime() - incident.started.getTime());
}

/** A `next_update` promise in the past on an unresolved incident is broken, and shown as overdue. */
export function isPromiseBroken(incident: Incident, at: Date): boolean {
  return incident.nextUpdate !== undefined && incident.nextUpdate < at && resolvedAt(incident, at) === undefined;
}

/** "1 h 35 min", "2 d 4 h", "12 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
