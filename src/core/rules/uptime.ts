import { TZDate } from '@date-fns/tz';
import type { ComponentConfig, Config } from '../schema/config.ts';
import { COMPONENT_STATUSES, type ComponentStatus, worstStatus } from '../status.ts';
import type { Entry } from '../model.ts';
import { dayKey, MINUTE } from '../time.ts';
import { maintenanceChangePoints, maintenanceStatus } from './maintenance.ts';

export const UPTIME_DAYS = 90;
/** Partial outage minutes count at this weight; major outage minutes fully (SPEC: uptime). */
export const PARTIAL_OUTAGE_WEIGHT = 0.3;

/** A span of time in which one entry gave one component a status. */
export interface StatusInterval {
  component: string;
  status: ComponentStatus;
  from: number;
  to: number;
  entry: string;
}

type NonOperational = Exclude<ComponentStatus, 'operational'>;

export interface UptimeDay {
  /** `YYYY-MM-DD` in the configured time zone. */
  date: string;
  start: Date;
  end: Date;
  /** Worst status of the day, or `no_data` before the component's `since`. */
  worst: ComponentStatus | 'no_data';
  /** Minutes spent in each non-operational status. */
  minutes: Record<NonOperational, number>;
  /** Ids of the incidents and maintenance that touched the day. */
  entries: string[];
}

export interface Uptime {
  /** 0..1, or null when no minute is counted yet (`since` in the future). */
  ratio: number | null;
  countedMinutes: number;
  downtimeMinutes: number;
  days: UptimeDay[];
}

/**
 * The status intervals of every entry that overlaps [from, to), clipped to it. An incident runs from
 * `started` to its resolution (or `to`); maintenance runs while its status is in progress or verifying.
 */
export function statusIntervals(entries: readonly Entry[], from: Date, to: Date): StatusInterval[] {
  const out: StatusInterval[] = [];
  const lo = from.getTime(), hi = to.getTime();
  const push = (e: Entry, a: number, b: number) => {
    const s = Math.max(a, lo), t = Math.min(b, hi);
    for (const c of e.components) {
      // A component that recovered while the incident went on counts until then.
      const end = Math.min(t, c.recovered?.getTime() ?? Infinity);
      if (end > s) out.push({ component: c.id, status: c.status, from: s, to: end, entry: e.id });
    }
  };
  for (const e of entries) {
    if (e.kind === 'incident') {
      const resolved = e.updates.find((u) => u.status === 'resolved')?.at.getTime() ?? Infinity;
      push(e, e.started.getTime(), resolved);
    } else {
      const points = [...new Set(maintenanceChangePoints(e).map((d) => d.getTime()))].sort((a, b) => a - b);
      points.forEach((p, i) => {
        const status = maintenanceStatus(e, new Date(p));
        if (status === 'in_progress' || status === 'verifying') push(e, p, points[i + 1] ?? Infinity);
      });
    }
  }
  return out;
}

/** Splits [from, to) into contiguous pieces, each at the worst status of the intervals covering it. */
function timeline(intervals: readonly StatusInterval[], from: number, to: number): { from: number; to: number; status: ComponentStatus; entries: string[] }[] {
  const points = new Set([from, to]);
  for (const i of intervals) {
    if (i.from > from && i.from < to) points.add(i.from);
    if (i.to > from && i.to < to) points.add(i.to);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const pieces = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const a = sorted[k]!, b = sorted[k + 1]!;
    const covering = intervals.filter((i) => i.from <= a && i.to >= b);
    pieces.push({ from: a, to: b, status: worstStatus(covering.map((i) => i.status)), entries: covering.map((i) => i.entry) });
  }
  return pieces;
}

/**
 * Boundaries of the last `days` days in `timeZone`, oldest first: the start of each day, then the
 * start of tomorrow. Days follow the zone's clock, so a day can last 23 or 25 hours, and each starts
 * at its own midnight (or, where the clocks skip midnight, at the hour they skip to), whatever the
 * day `now` is on.
 */
export function dayBounds(now: Date, timeZone: string, days = UPTIME_DAYS): Date[] {
  const today = new TZDate(now.getTime(), timeZone);
  return Array.from({ length: days + 1 }, (_, k) => new Date(new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + k - days + 1, timeZone).getTime()));
}

/** The calendar date of each day that `bounds` start. */
function dayDates(bounds: readonly Date[], timeZone: string): string[] {
  return bounds.slice(0, -1).map((start) => dayKey(start, timeZone));
}

/**
 * Uptime of one component over the last 90 days (from `since` when later), the days' `bounds` as
 * dayBounds gives them: every minute counts at the worst status the component had then. The
 * percentage covers exactly the days the bar shows. `dates` are the days' calendar dates, the same
 * for every component (found once by `uptimes`).
 */
export function componentUptime(component: Pick<ComponentConfig, 'id' | 'since'>, intervals: readonly StatusInterval[], now: Date, timeZone: string, bounds: readonly Date[], dates: readonly string[] = dayDates(bounds, timeZone)): Uptime {
  const own = intervals.filter((i) => i.component === component.id);
  const since = component.since?.getTime() ?? -Infinity;
  const nowMs = now.getTime();
  let counted = 0, downtime = 0;
  const days: UptimeDay[] = bounds.slice(0, -1).map((start, k) => {
    const dayEnd = bounds[k + 1]!.getTime();
    const from = Math.max(start.getTime(), since);
    const to = Math.min(dayEnd, nowMs);
    const minutes: Record<NonOperational, number> = { major_outage: 0, partial_outage: 0, degraded_performance: 0, under_maintenance: 0 };
    const entries = new Set<string>();
    let worst: ComponentStatus | 'no_data' = since >= dayEnd ? 'no_data' : 'operational';
    if (to > from) {
      counted += (to - from) / MINUTE;
      const pieces = timeline(own, from, to);
      worst = worstStatus(pieces.map((p) => p.status));
      for (const p of pieces) {
        if (p.status !== 'operational') minutes[p.status] += (p.to - p.from) / MINUTE;
        p.entries.forEach((e) => entries.add(e));
      }
      downtime += minutes.major_outage + PARTIAL_OUTAGE_WEIGHT * minutes.partial_outage;
    }
    return { date: dates[k]!, start, end: new Date(dayEnd), worst, minutes, entries: [...entries] };
  });
  return { ratio: counted > 0 ? 1 - downtime / counted : null, countedMinutes: counted, downtimeMinutes: downtime, days };
}

/** Uptime of every component, and of every group as the mean of its members'; with the statuses over the days counted, which the API reports too. */
export function uptimes(entries: readonly Entry[], config: Config, now: Date): { components: Map<string, Uptime>; groups: Map<string, Uptime>; intervals: StatusInterval[] } {
  const bounds = dayBounds(now, config.site.time_zone);
  const dates = dayDates(bounds, config.site.time_zone);
  const intervals = statusIntervals(entries, bounds[0]!, now);
  const components = new Map(config.components.map((c) => [c.id, componentUptime(c, intervals, now, config.site.time_zone, bounds, dates)]));
  const groups = new Map(config.groups.map((g) => [g.id, groupUptime(config.components.filter((c) => c.group === g.id).map((c) => components.get(c.id)!))]));
  return { components, groups, intervals };
}

/** A group's uptime is the mean of its members'; its day is the worst of its members' days. */
export function groupUptime(members: readonly Uptime[]): Uptime {
  const rated = members.filter((m) => m.ratio !== null);
  const first = members[0];
  const days: UptimeDay[] = (first?.days ?? []).map((d, k) => {
    const memberDays = members.map((m) => m.days[k]!);
    const withData = memberDays.filter((x) => x.worst !== 'no_data');
    const minutes = Object.fromEntries(
      COMPONENT_STATUSES.filter((s) => s !== 'operational').map((s) => [s, Math.max(0, ...memberDays.map((x) => x.minutes[s as NonOperational]))]),
    ) as Record<NonOperational, number>;
    return {
      date: d.date,
      start: d.start,
      end: d.end,
      worst: withData.length ? worstStatus(withData.map((x) => x.worst as ComponentStatus)) : 'no_data',
      minutes,
      entries: [...new Set(memberDays.flatMap((x) => x.entries))],
    };
  });
  return {
    ratio: rated.length ? rated.reduce((sum, m) => sum + m.ratio!, 0) / rated.length : null,
    countedMinutes: Math.max(0, ...members.map((m) => m.countedMinutes)),
    downtimeMinutes: rated.length ? rated.reduce((sum, m) => sum + m.downtimeMinutes, 0) / rated.length : 0,
    days,
  };
}
