import { componentNames } from '../core/config.ts';
import type { Entry, Incident, Maintenance, Update } from '../core/model.ts';
import { incidentStatus, saysStatus } from '../core/rules/incident.ts';
import { maintenanceStatus } from '../core/rules/maintenance.ts';
import { activeEntries, PAGE_DESCRIPTIONS, pageStatus, type Indicator } from '../core/rules/status.ts';
import type { StatusInterval } from '../core/rules/uptime.ts';
import type { Config } from '../core/schema/config.ts';
import { type ComponentStatus, type Impact, type IncidentStatus, type MaintenanceStatus, worstStatus } from '../core/status.ts';
import { isoTime as iso } from '../core/time.ts';
import { type ApiCommunication, apiCommunication } from './record.ts';
import { absolute, paths } from './urls.ts';

/**
 * The Atlassian Statuspage public API v2, with its field names and value sets, so that existing
 * Statuspage clients read Candor unchanged. Ids are Candor ids. Objects are plain data, serialized
 * with JSON.stringify by the endpoints.
 */

export interface ApiPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface ApiComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Member ids, on groups only. */
  components?: string[];
}

/** Statuspage has no cancelled maintenance: it reads as completed, with `cancelled: true` beside it. */
type ApiMaintenanceStatus = Exclude<MaintenanceStatus, 'cancelled'>;
const statuspageStatus = (s: MaintenanceStatus): ApiMaintenanceStatus => (s === 'cancelled' ? 'completed' : s);

export interface ApiAffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface ApiIncidentUpdate {
  id: string;
  status: IncidentStatus | ApiMaintenanceStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: ApiAffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: string | null;
  tweet_id: string | null;
}

export interface ApiIncident {
  id: string;
  name: string;
  status: IncidentStatus | ApiMaintenanceStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: Impact | 'maintenance';
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: ApiIncidentUpdate[];
  components: ApiComponent[];
  /** Maintenance only. */
  scheduled_for?: string;
  scheduled_until?: string;
  /** Cancelled maintenance only. */
  cancelled?: true;
  /** Incidents, unless `site.show_promise_record: false`: the record of promises kept (Candor's own field). */
  candor_communication?: ApiCommunication;
}

export interface ApiStatus {
  indicator: Indicator;
  description: string;
}

/** Recent incidents and maintenance in the list endpoints, as Statuspage does. */
export const API_LIST_LIMIT = 50;

export interface ApiContext {
  config: Config;
  /** Base path of the pages its links lead to: the language's (`/de/` for German). */
  base: string;
  now: Date;
  /** Each component's status now. */
  statuses: ReadonlyMap<string, ComponentStatus>;
  /** Status intervals of the recent past, for each component's `updated_at`. */
  intervals: readonly StatusInterval[];
  /** Every published entry, newest first. */
  entries: readonly Entry[];
}

/** A stable page id: the status site's host name. */
function pageId(config: Config): string {
  return new URL(config.site.url).host;
}

export function apiPage(ctx: ApiContext): ApiPage {
  const { site } = ctx.config;
  return { id: pageId(ctx.config), name: site.name, url: absolute(site.url, ctx.base, paths.home), time_zone: site.time_zone, updated_at: iso(ctx.now) };
}

/** Components and groups in configuration order; a group stands before its first member. */
export function apiComponents(ctx: ApiContext): ApiComponent[] {
  const { config, statuses, intervals, entries, now } = ctx;
  const firstEntry = entries.reduce<Date | undefined>((min, e) => {
    const t = e.updates[e.updates.length - 1]?.at;
    return t && (!min || t < min) ? t : min;
  }, undefined);
  const createdAt = (since?: Date) => iso(since ?? firstEntry ?? now);
  const changedAt = (ids: readonly string[], fallback: string) => {
    let last = -Infinity;
    for (const i of intervals) {
      if (!ids.includes(i.component)) continue;
      if (i.from <= now.getTime()) last = Math.max(last, i.from);
      if (i.to < now.getTime()) last = Math.max(last, i.to);
    }
    return Number.isFinite(last) ? iso(new Date(last)) : fallback;
  };
  const out: ApiComponent[] = [];
  const groupsPlaced = new Set<string>();
  const base = { page_id: pageId(config), showcase: true };
  for (const c of config.components) {
    if (c.group !== undefined && !groupsPlaced.has(c.group)) {
      groupsPlaced.add(c.group);
      const g = config.groups.find((x) => x.id === c.group)!;
      const members = config.components.filter((m) => m.group === g.id);
      const created = createdAt(members.map((m) => m.since).filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0]);
      out.push({
        id: g.id,
        name: g.name,
        status: worstStatus(members.map((m) => statuses.get(m.id) ?? 'operational')),
        created_at: created,
        updated_at: changedAt(members.map((m) => m.id), created),
        position: out.length + 1,
        description: g.description ?? null,
        ...base,
        showcase: false,
        start_date: null,
        group_id: null,
        group: true,
        only_show_if_degraded: false,
        components: members.map((m) => m.id),
      });
    }
    const created = createdAt(c.since);
    out.push({
      id: c.id,
      name: c.name,
      status: statuses.get(c.id) ?? 'operational',
      created_at: created,
      updated_at: changedAt([c.id], created),
      position: out.length + 1,
      description: c.description ?? null,
      ...base,
      start_date: c.since ? iso(c.since).slice(0, 10) : null,
      group_id: c.group ?? null,
      group: false,
      only_show_if_degraded: c.only_show_if_degraded,
    });
  }
  return out;
}

/**
 * The status each posted update stands for, oldest first: "Update" carries the status in force when
 * it was posted. One pass, for an entry may have thousands of updates.
 */
function updateStatuses(e: Entry, posted: readonly Update[]): Map<Update, IncidentStatus | ApiMaintenanceStatus> {
  const statuses = new Map<Update, IncidentStatus | ApiMaintenanceStatus>();
  let explicit: Update | undefined;
  for (let k = posted.length - 1; k >= 0; k--) {
    const u = posted[k]!;
    if (saysStatus(u)) explicit = u;
    if (e.kind === 'incident') statuses.set(u, (explicit?.status as IncidentStatus | undefined) ?? 'investigating');
    else statuses.set(u, statuspageStatus(maintenanceStatus(e, u.at, explicit as Maintenance['updates'][number] | undefined)));
  }
  return statuses;
}

export function apiIncident(e: Entry, ctx: ApiContext, components: readonly ApiComponent[] = apiComponents(ctx)): ApiIncident {
  const { config, now } = ctx;
  const posted = e.updates.filter((u) => u.at <= now);
  const first = posted[posted.length - 1] ?? e.updates[e.updates.length - 1]!;
  const names = componentNames(config);
  const id = e.id;
  const statuses = updateStatuses(e, posted);
  const updates: ApiIncidentUpdate[] = posted.map((u) => ({
    id: `${id}-${u.anchor}`,
    status: statuses.get(u)!,
    body: u.text,
    incident_id: id,
    created_at: iso(u.at),
    updated_at: iso(u.at),
    display_at: iso(u.at),
    affected_components: u === first ? e.components.map((c) => ({ code: c.id, name: names.get(c.id) ?? c.id, old_status: 'operational', new_status: c.status })) : null,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  }));
  const common = {
    id,
    name: e.title,
    created_at: iso(first.at),
    updated_at: iso(posted[0]?.at ?? first.at),
    shortlink: absolute(config.site.url, ctx.base, paths.incident(id)),
    page_id: pageId(config),
    incident_updates: updates,
    components: components.filter((c) => !c.group && e.components.some((x) => x.id === c.id)),
  };
  if (e.kind === 'incident') return incidentFields(e, ctx, common);
  return maintenanceFields(e, ctx, common);
}

type Common = Pick<ApiIncident, 'id' | 'name' | 'created_at' | 'updated_at' | 'shortlink' | 'page_id' | 'incident_updates' | 'components'>;

function incidentFields(i: Incident, ctx: ApiContext, common: Common): ApiIncident {
  const posted = i.updates.filter((u) => u.at <= ctx.now);
  const monitoring = posted.filter((u) => u.status === 'monitoring').pop();
  const resolved = posted.find((u) => u.status === 'resolved');
  return {
    ...common,
    status: incidentStatus(i, ctx.now) ?? 'investigating',
    monitoring_at: monitoring ? iso(monitoring.at) : null,
    resolved_at: resolved ? iso(resolved.at) : null,
    impact: i.impact,
    started_at: iso(i.started),
    ...(ctx.config.site.show_promise_record ? { candor_communication: apiCommunication(i, ctx.now) } : {}),
  };
}

function maintenanceFields(m: Maintenance, ctx: ApiContext, common: Common): ApiIncident {
  const status = maintenanceStatus(m, ctx.now);
  const posted = m.updates.filter((u) => u.at <= ctx.now);
  const ended = status === 'completed' || status === 'cancelled';
  const endUpdate = posted.find((u) => u.status === 'completed' || u.status === 'cancelled');
  const resolvedAt = ended ? (endUpdate?.at ?? m.scheduledUntil) : undefined;
  const verifying = posted.filter((u) => u.status === 'verifying').pop();
  return {
    ...common,
    status: statuspageStatus(status),
    monitoring_at: verifying ? iso(verifying.at) : null,
    resolved_at: resolvedAt ? iso(resolvedAt) : null,
    impact: 'maintenance',
    started_at: iso(m.scheduledFor),
    scheduled_for: iso(m.scheduledFor),
    scheduled_until: iso(m.scheduledUntil),
    ...(status === 'cancelled' ? { cancelled: true as const } : {}),
  };
}

/** Entries with an update posted by now: the API lists them, each with its own document. */
const shownEntries = (ctx: ApiContext) => ctx.entries.filter((e) => e.updates.some((u) => u.at <= ctx.now));

/** The documents of `/api/v2/` that list and summarise, keyed by their path under it. */
export function apiDocuments(ctx: ApiContext): Record<string, unknown> {
  const page = apiPage(ctx);
  const components = apiComponents(ctx);
  const now = pageStatus(ctx.entries, ctx.config, ctx.now);
  const status: ApiStatus = { indicator: now.indicator, description: PAGE_DESCRIPTIONS[now.state] };
  const shown = shownEntries(ctx);
  const incidents = shown.filter((e): e is Incident => e.kind === 'incident');
  const maintenance = shown.filter((e): e is Maintenance => e.kind === 'maintenance');
  const active = activeEntries(ctx.entries, ctx.now);
  const toApi = (e: Entry) => apiIncident(e, ctx, components);
  const upcoming = maintenance.filter((m) => maintenanceStatus(m, ctx.now) === 'scheduled').sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
  const unresolved = active.incidents.map(toApi);
  const activeMaintenance = active.maintenance.map(toApi);
  return {
    summary: { page, components, incidents: unresolved, scheduled_maintenances: [...activeMaintenance, ...upcoming.map(toApi)], status },
    status: { page, status },
    components: { page, components },
    incidents: { page, incidents: incidents.slice(0, API_LIST_LIMIT).map(toApi) },
    'incidents/unresolved': { page, incidents: unresolved },
    'scheduled-maintenances': { page, scheduled_maintenances: maintenance.slice(0, API_LIST_LIMIT).map(toApi) },
    'scheduled-maintenances/upcoming': { page, scheduled_maintenances: upcoming.map(toApi) },
    'scheduled-maintenances/active': { page, scheduled_maintenances: activeMaintenance },
  };
}

/** The document of each entry, `incidents/<id>` under `/api/v2/`, one at a time (a build writes thousands). */
export function* apiEntryDocuments(ctx: ApiContext): Generator<[name: string, document: unknown]> {
  const page = apiPage(ctx);
  const components = apiComponents(ctx);
  for (const e of shownEntries(ctx)) yield [`incidents/${e.id}`, { page, incident: apiIncident(e, ctx, components) }];
}
