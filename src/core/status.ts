// Status words and their order: plain data and functions, safe to bundle into the browser.

/** Component statuses, worst first: the order every "worst of" rule uses. */
export const COMPONENT_STATUSES = [
  'major_outage',
  'partial_outage',
  'degraded_performance',
  'under_maintenance',
  'operational',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** What an incident may say a component suffers while it lasts. */
export const INCIDENT_COMPONENT_STATUSES = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
export type IncidentComponentStatus = (typeof INCIDENT_COMPONENT_STATUSES)[number];

/** Maintenance puts components under maintenance, or (given as a map) states a harsher status. */
export const MAINTENANCE_COMPONENT_STATUSES = ['under_maintenance', ...INCIDENT_COMPONENT_STATUSES] as const;

export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Status words of incident update headings, and the status each one means. */
export const INCIDENT_UPDATE_WORDS = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  update: 'update',
  resolved: 'resolved',
} as const;
export type IncidentUpdateStatus = keyof typeof INCIDENT_UPDATE_WORDS;
export type IncidentStatus = Exclude<IncidentUpdateStatus, 'update'>;

/** Status words of maintenance update headings. */
export const MAINTENANCE_UPDATE_WORDS = {
  scheduled: 'scheduled',
  'in progress': 'in_progress',
  verifying: 'verifying',
  update: 'update',
  completed: 'completed',
  cancelled: 'cancelled',
} as const;
export type MaintenanceUpdateStatus = (typeof MAINTENANCE_UPDATE_WORDS)[keyof typeof MAINTENANCE_UPDATE_WORDS];
export type MaintenanceStatus = Exclude<MaintenanceUpdateStatus, 'update'>;

/** The statuses that end an incident or a maintenance: nothing comes after them. */
export const ENDING_STATUSES = { incident: ['resolved'], maintenance: ['completed', 'cancelled'] } as const;


export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst = COMPONENT_STATUSES.length - 1;
  for (const s of statuses) worst = Math.min(worst, COMPONENT_STATUSES.indexOf(s));
  return COMPONENT_STATUSES[worst]!;
}

export function impactRank(i: Impact): number {
  return IMPACTS.indexOf(i);
}

/** SPEC: critical if any major_outage, major if partial_outage, minor if degraded_performance, else none. */
export function deriveImpact(statuses: Iterable<ComponentStatus>): Impact {
  switch (worstStatus(statuses)) {
    case 'major_outage':
      return 'critical';
    case 'partial_outage':
      return 'major';
    case 'degraded_performance':
      return 'minor';
    default:
      return 'none';
  }
}

const LABELS: Record<ComponentStatus, string> = {
  operational: 'Operational',
  under_maintenance: 'Under maintenance',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};
export function statusLabel(s: ComponentStatus): string {
  return LABELS[s];
}
