import type { Entry, Incident, Maintenance, Update } from '../core/model.ts';
import { incidentDuration, incidentStatus, isPromiseBroken, resolvedAt } from '../core/rules/incident.ts';
import { maintenanceStatus } from '../core/rules/maintenance.ts';
import { type ComponentStatus, type IncidentStatus, type MaintenanceStatus, worstStatus } from '../core/status.ts';
import { INCIDENT_STATUS_LABEL, INDICATOR_TONE, MAINTENANCE_STATUS_LABEL } from './labels.ts';

/** What every list of incidents and maintenance shows about one entry at `now`. */
export interface EntrySummary {
  entry: Entry;
  /** The status at `now`: an incident's or a maintenance's, as the catalogues name it. */
  status: IncidentStatus | MaintenanceStatus;
  /** Status word in English, as notifications write it: "Identified", "In progress". */
  statusLabel: string;
  /** The status used for the icon and colour. */
  tone: ComponentStatus;
  /** Latest update posted by `now` (the announcement for maintenance not yet started). */
  latest: Update | undefined;
  /** Updates posted by `now`, newest first. */
  posted: Update[];
  /** Incident duration so far, or the maintenance window's length. */
  durationMs: number;
  resolved: Date | undefined;
  promiseBroken: boolean;
}

export function summarize(entry: Entry, now: Date): EntrySummary {
  const posted = entry.updates.filter((u) => u.at <= now);
  if (entry.kind === 'incident') return summarizeIncident(entry, posted, now);
  return summarizeMaintenance(entry, posted, now);
}

function summarizeIncident(i: Incident, posted: Update[], now: Date): EntrySummary {
  const status = incidentStatus(i, now) ?? 'investigating';
  // The worst component status; with no component, the colour of the incident's impact (never the
  // all-clear green while it is open).
  const tone = i.components.length ? worstStatus(i.components.map((c) => c.status)) : i.impact === 'none' ? 'degraded_performance' : INDICATOR_TONE[i.impact];
  return {
    entry: i,
    status,
    statusLabel: INCIDENT_STATUS_LABEL[status],
    tone: status === 'resolved' ? 'operational' : tone,
    latest: posted[0],
    posted,
    durationMs: incidentDuration(i, now),
    resolved: resolvedAt(i, now),
    promiseBroken: isPromiseBroken(i, now),
  };
}

function summarizeMaintenance(m: Maintenance, posted: Update[], now: Date): EntrySummary {
  const status = maintenanceStatus(m, now);
  return {
    entry: m,
    status,
    statusLabel: MAINTENANCE_STATUS_LABEL[status],
    tone: status === 'completed' || status === 'cancelled' ? 'operational' : 'under_maintenance',
    latest: posted[0],
    posted,
    durationMs: m.scheduledUntil.getTime() - m.scheduledFor.getTime(),
    resolved: undefined,
    promiseBroken: false,
  };
}
