import type { Entry, Maintenance } from '../core/model.ts';
import { isActiveIncident } from '../core/rules/incident.ts';
import { isActiveMaintenance } from '../core/rules/maintenance.ts';
import { componentStatuses, groupStatus, pageStatus } from '../core/rules/status.ts';
import type { Config } from '../core/schema/config.ts';
import type { ComponentStatus } from '../core/status.ts';
import { DAY } from '../core/time.ts';
import type { Translator } from '../i18n/translate.ts';
import { summarize } from './entries.ts';
import { INDICATOR_TONE } from './labels.ts';

/** What one status element shows: its colour/icon and its words. */
export interface LiveStatus {
  tone: ComponentStatus;
  label: string;
}

/**
 * What changes on a page at `at`, as the rules will have it then, for the browser to switch to
 * between builds: the statuses that differ from the state before (the first state's, from the page
 * as built). Keys of `statuses` match the `data-live` attributes of the page: `banner`,
 * `component:<id>`, `group:<id>`, `entry:<id>`.
 */
export interface LiveState {
  at: string;
  indicator: string;
  statuses: Record<string, LiveStatus>;
}

/**
 * Days ahead in which the windows that open move pages. The deploy workflow rebuilds the site every
 * 15 minutes: the states only bridge builds that come late, and a year of weekly windows on every
 * page would make each one megabytes.
 */
export const LIVE_DAYS = 14;

/**
 * Openings and closings a page carries at most: some hundreds of windows in the next two weeks would
 * otherwise weigh on every page (a hundred changes are some 2 KB gzip).
 */
export const LIVE_CHANGES = 100;

/**
 * The changes a page will go through as maintenance windows open and close before the next build,
 * each holding only what changes (so that they grow with the windows, not with their square): those
 * of the windows open now and of those that open in the next LIVE_DAYS, soonest first, as long as
 * they make at most LIVE_CHANGES. Only the windows move things: updates are frozen as posted at
 * build time, so the page never shows a state whose words customers cannot read yet. Empty when
 * nothing will change.
 */
export function liveStates(entries: readonly Entry[], config: Config, now: Date, t: Translator): LiveState[] {
  const until = now.getTime() + LIVE_DAYS * DAY;
  // A window that moves the page closes in the states too, however late; one left out shows as built
  // (and, if it is open now, stays so). An incident moves nothing but by its updates.
  const windows = entries
    .filter((e): e is Maintenance => e.kind === 'maintenance' && e.scheduledUntil > now && e.scheduledFor.getTime() <= until && e.updates.some((u) => u.at <= now))
    .sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
  const moves = new Set<string>();
  let counted = 0;
  for (const w of windows) {
    const points = w.scheduledFor > now ? 2 : 1;
    if (counted + points > LIVE_CHANGES) break;
    moves.add(w.id);
    counted += points;
  }
  // Updates are frozen as posted, so an entry settled by now (an incident resolved, maintenance over)
  // stays settled at every later moment: only the others can move a status, and only they are copied.
  const frozen = entries
    .filter((e) => moves.has(e.id) || (e.kind === 'incident' ? isActiveIncident(e, now) : isActiveMaintenance(e, now)))
    .map((e) => ({ ...e, updates: e.updates.filter((u) => u.at <= now) }) as Entry);
  const moving = frozen.filter((e): e is Maintenance => e.kind === 'maintenance' && moves.has(e.id));
  const points = [...new Set(moving.flatMap((m) => [m.scheduledFor, m.scheduledUntil]).map((d) => d.getTime()).filter((d) => d > now.getTime()))].sort((a, b) => a - b);
  if (points.length === 0) return [];
  const state = (at: Date): LiveState => {
    const page = pageStatus(frozen, config, at);
    const components = componentStatuses(frozen, config, at);
    const statuses: Record<string, LiveStatus> = { banner: { tone: INDICATOR_TONE[page.indicator], label: t('banner.state', { state: page.state }) } };
    for (const [id, s] of components) statuses[`component:${id}`] = { tone: s, label: t('word.componentStatus', { status: s }) };
    for (const g of config.groups) {
      const s = groupStatus(g.id, config, components);
      statuses[`group:${g.id}`] = { tone: s, label: t('word.componentStatus', { status: s }) };
    }
    for (const m of moving) {
      const s = summarize(m, at);
      statuses[`entry:${m.id}`] = { tone: s.tone, label: t('word.maintenanceStatus', { status: s.status }) };
    }
    return { at: at.toISOString(), indicator: page.indicator, statuses };
  };
  const changes: LiveState[] = [];
  let before = state(now);
  for (const point of points) {
    const after = state(new Date(point));
    const changed: Record<string, LiveStatus> = {};
    for (const [key, status] of Object.entries(after.statuses)) {
      const was = before.statuses[key];
      if (was?.tone !== status.tone || was.label !== status.label) changed[key] = status;
    }
    // Each indicator has a tone of its own, so the banner is among the changes whenever the indicator (which the browser sets with it) changes.
    if (Object.keys(changed).length > 0) changes.push({ at: after.at, indicator: after.indicator, statuses: changed });
    before = after;
  }
  return changes;
}
