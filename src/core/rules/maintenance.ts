import type { Maintenance } from '../model.ts';
import type { MaintenanceStatus } from '../status.ts';
import { latestAt, saysStatus } from './incident.ts';

/**
 * A maintenance's status at `at`. From the window: scheduled before `scheduled_for`, in progress
 * inside it, completed after `scheduled_until`. An explicit update overrides the window when it was
 * posted after the window's last boundary passed: `In progress` posted early starts it early,
 * `Completed` ends it whenever posted, `Cancelled` calls it off (before or during the window), `Verifying` holds it open, and `In progress` posted after
 * the window's end declares an overrun. `explicit`: the latest update posted by `at` that says a status,
 * where the caller knows it already.
 */
export function maintenanceStatus(m: Maintenance, at: Date, explicit = latestAt(m.updates, at, saysStatus)): MaintenanceStatus {
  const fromWindow: MaintenanceStatus = at < m.scheduledFor ? 'scheduled' : at < m.scheduledUntil ? 'in_progress' : 'completed';
  if (!explicit) return fromWindow;
  const status = explicit.status as MaintenanceStatus;
  if (status === 'completed' || status === 'cancelled' || status === 'verifying') return status;
  const lastBoundary = at >= m.scheduledUntil ? m.scheduledUntil : at >= m.scheduledFor ? m.scheduledFor : undefined;
  return lastBoundary === undefined || explicit.at >= lastBoundary ? status : fromWindow;
}

/** In progress or verifying: the components are under maintenance. */
export function isActiveMaintenance(m: Maintenance, at: Date): boolean {
  const s = maintenanceStatus(m, at);
  return s === 'in_progress' || s === 'verifying';
}

/** The times at which `maintenanceStatus` can change: the window's ends and each update. */
export function maintenanceChangePoints(m: Maintenance): Date[] {
  return [m.scheduledFor, m.scheduledUntil, ...m.updates.map((u) => u.at)];
}
