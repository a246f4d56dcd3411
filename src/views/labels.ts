import type { IncidentStatus, MaintenanceStatus } from '../core/status.ts';
import type { Indicator } from '../core/rules/status.ts';

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const MAINTENANCE_STATUS_LABEL: Record<MaintenanceStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** The component status each page indicator is drawn with (icon and colour). */
export const INDICATOR_TONE: Record<Indicator, 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance'> = {
  none: 'operational',
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'under_maintenance',
};
