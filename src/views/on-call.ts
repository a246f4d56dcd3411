import type { Entry, Incident, Maintenance } from '../core/model.ts';
import { incidentStatus, isActiveIncident } from '../core/rules/incident.ts';
import { maintenanceStatus } from '../core/rules/maintenance.ts';
import { ownersOf } from '../core/rules/owners.ts';
import { isLeftOpen, promiseState } from '../core/rules/promises.ts';
import type { Config } from '../core/schema/config.ts';
import { DAY } from '../core/time.ts';
import { INCIDENT_STATUS_LABEL, MAINTENANCE_STATUS_LABEL } from './labels.ts';

/** What the on-call needs about one open incident or maintenance. */
export interface OnCallEntry {
  id: string;
  title: string;
  kind: Entry['kind'];
  status: string;
  started: string;
  lastUpdate: string | null;
  minutesSinceLastUpdate: number | null;
  promise: { due: string; minutesUntilDue: number; state: 'ahead' | 'due-soon' | 'overdue' } | null;
  /** Maintenance: the window, and whether it is over with no Completed update. */
  window?: { from: string; until: string; leftOpen: boolean };
  owners: string[];
  command: string;
}

export interface OnCallStatus {
  now: string;
  incidents: OnCallEntry[];
  maintenance: OnCallEntry[];
}

/** The command that posts the next update (or closes a window left open), for the on-call to copy. */
export function nextUpdateCommand(entry: Entry, leftOpen = false): string {
  if (entry.kind === 'incident') return `npm run candor -- update ${entry.id} --status update -m "…" --next-update 30`;
  return leftOpen ? `npm run candor -- resolve ${entry.id} -m "…"` : `npm run candor -- update ${entry.id} --status update -m "…"`;
}

const minutes = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 60_000);

/**
 * `candor status`: open incidents, maintenance in progress, left open or coming within the horizon;
 * for each, the time since the last update, the promise and how long until it is due, the owners,
 * and the command that posts the next update.
 */
export function onCallStatus(entries: readonly Entry[], config: Config, now: Date): OnCallStatus {
  const lead = config.communication.reminder_lead_minutes * 60_000;
  const horizon = now.getTime() + config.maintenance.horizon_days * DAY;
  const common = (e: Entry) => {
    const latest = e.updates.find((u) => u.at <= now);
    return { id: e.id, title: e.title, kind: e.kind, lastUpdate: latest?.at.toISOString() ?? null, minutesSinceLastUpdate: latest ? minutes(latest.at, now) : null, owners: ownersOf(e, config), command: nextUpdateCommand(e, e.kind === 'maintenance' && isLeftOpen(e, now)) };
  };
  const incidents = entries
    .filter((e): e is Incident => e.kind === 'incident' && !e.draft && isActiveIncident(e, now))
    .map((i): OnCallEntry => {
      const state = promiseState(i, now, lead);
      const due = state?.due ?? (i.nextUpdate && i.nextUpdate > now ? i.nextUpdate : undefined);
      const promise = due ? { due: due.toISOString(), minutesUntilDue: minutes(now, due) || 0, state: state?.state ?? ('ahead' as const) } : null;
      return { ...common(i), status: INCIDENT_STATUS_LABEL[incidentStatus(i, now) ?? 'investigating'], started: i.started.toISOString(), promise };
    });
  const maintenance = entries
    .filter((e): e is Maintenance => e.kind === 'maintenance' && !e.draft && e.updates.some((u) => u.at <= now))
    .filter((m) => {
      const s = maintenanceStatus(m, now);
      return s === 'in_progress' || s === 'verifying' || isLeftOpen(m, now) || (s === 'scheduled' && m.scheduledFor.getTime() <= horizon);
    })
    .sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime())
    .map((m): OnCallEntry => ({
      ...common(m),
      status: isLeftOpen(m, now) ? 'Window over' : MAINTENANCE_STATUS_LABEL[maintenanceStatus(m, now)],
      started: m.scheduledFor.toISOString(),
      promise: null,
      window: { from: m.scheduledFor.toISOString(), until: m.scheduledUntil.toISOString(), leftOpen: isLeftOpen(m, now) },
    }));
  return { now: now.toISOString(), incidents, maintenance };
}
