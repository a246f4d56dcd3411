import type { Entry, Incident, Maintenance } from '../model.ts';
import type { Config } from '../schema/config.ts';
import { type ComponentStatus, type Impact, impactRank, worstStatus } from '../status.ts';
import { affectedAt, isActiveIncident } from './incident.ts';
import { isActiveMaintenance } from './maintenance.ts';

/** Incidents unresolved at `at`, and maintenance in progress (or verifying) at `at`. */
export function activeEntries(entries: readonly Entry[], at: Date): { incidents: Incident[]; maintenance: Maintenance[] } {
  const incidents: Incident[] = [];
  const maintenance: Maintenance[] = [];
  for (const e of entries) {
    if (e.kind === 'incident' ? isActiveIncident(e, at) : isActiveMaintenance(e, at)) {
      (e.kind === 'incident' ? incidents : maintenance).push(e as never);
    }
  }
  return { incidents, maintenance };
}

/**
 * Each component's status at `at`: the worst that unresolved incidents and maintenance in
 * progress give it, else operational. Maintenance never hides an outage.
 */
export function componentStatuses(entries: readonly Entry[], config: Config, at: Date): Map<string, ComponentStatus> {
  const given = new Map<string, ComponentStatus[]>();
  const { incidents, maintenance } = activeEntries(entries, at);
  for (const e of [...incidents, ...maintenance]) {
    for (const c of affectedAt(e.components, at)) given.set(c.id, [...(given.get(c.id) ?? []), c.status]);
  }
  return new Map(config.components.map((c) => [c.id, worstStatus(given.get(c.id) ?? [])]));
}

/** A group's status is its worst member's. */
export function groupStatus(groupId: string, config: Config, statuses: ReadonlyMap<string, ComponentStatus>): ComponentStatus {
  return worstStatus(config.components.filter((c) => c.group === groupId).map((c) => statuses.get(c.id) ?? 'operational'));
}

export type Indicator = Impact | 'maintenance';

/** What the page's banner says, as the catalogues name it (`banner.state`). */
export type PageState = ComponentStatus | 'minor_outage';

export interface PageStatus {
  indicator: Indicator;
  state: PageState;
}

/** Statuspage's English description of each state, as its API says it. */
export const PAGE_DESCRIPTIONS: Record<PageState, string> = {
  operational: 'All Systems Operational',
  under_maintenance: 'Service Under Maintenance',
  degraded_performance: 'Partially Degraded Service',
  partial_outage: 'Partial System Outage',
  major_outage: 'Major Service Outage',
  minor_outage: 'Minor Service Outage',
};


/**
 * The page's indicator is the worst impact of unresolved incidents, or `maintenance` when there is
 * none and maintenance is in progress. The state follows the worst component status; an
 * unresolved incident with impact that names no component makes it at least "Minor Service Outage".
 */
export function pageStatus(entries: readonly Entry[], config: Config, at: Date): PageStatus {
  const { incidents, maintenance } = activeEntries(entries, at);
  let indicator: Indicator = 'none';
  for (const i of incidents) if (impactRank(i.impact) > impactRank(indicator as Impact)) indicator = i.impact;
  if (indicator === 'none' && maintenance.length > 0) indicator = 'maintenance';

  const worst = worstStatus(componentStatuses(entries, config, at).values());
  const unplacedImpact = incidents.some((i) => affectedAt(i.components, at).length === 0 && i.impact !== 'none');
  return { indicator, state: unplacedImpact && (worst === 'operational' || worst === 'under_maintenance') ? 'minor_outage' : worst };
}
