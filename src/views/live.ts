import type { Entry } from '../core/model.ts';
import { isActiveIncident } from '../core/rules/incident.ts';
import { isActiveMaintenance } from '../core/rules/maintenance.ts';
import { componentStatuses, groupStatus, pageStatus } from '../core/rules/status.ts';
import type { Config } from '../core/schema/config.ts';
import type { ComponentStatus } from '../core/status.ts';
import type { Translator } from '../i18n/translate.ts';
import { summarize } from './entries.ts';
import { INDICATOR_TONE } from './labels.ts';

/** What one status element shows: its colour/icon and its words. */
export interface LiveStatus {
  tone: ComponentStatus;
  label: string;
}

/**
 * The page as the rules will have it at `at`, for the browser to switch to between builds. Keys of
 * `statuses` match the `data-live` attributes of the page: `banner`, `component:<id>`, `group:<id>`,
 * `entry:<id>`.
 */
export interface LiveState {
  at: string;
  indicator: string;
  statuses: Record<string, LiveStatus>;
}

/**
 * The states a page will pass through as maintenance windows open and close before the next build.
 * Only the windows move things: updates are frozen as posted at build time, so the page never shows
 * a state whose words customers cannot read yet. Empty when nothing will change.
 */
export function liveStates(entries: readonly Entry[], config: Config, now: Date, t: Translator): LiveState[] {
  // Updates are frozen as posted, so an entry settled by now (an incident resolved, maintenance over)
  // stays settled at every later moment: only the others can move a status, and only they are copied.
  const frozen = entries
    .filter((e) => (e.kind === 'incident' ? e.started > now || isActiveIncident(e, now) : e.scheduledUntil > now || isActiveMaintenance(e, now)))
    .map((e) => ({ ...e, updates: e.updates.filter((u) => u.at <= now) }) as Entry);
  const upcoming = frozen.filter((e) => e.kind === 'maintenance' && e.scheduledUntil > now && e.updates.length > 0);
  const points = [...new Set(upcoming.flatMap((m) => (m.kind === 'maintenance' ? [m.scheduledFor, m.scheduledUntil] : [])).filter((d) => d > now).map((d) => d.getTime()))].sort((a, b) => a - b);
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
    for (const m of upcoming) {
      const s = summarize(m, at);
      statuses[`entry:${m.id}`] = { tone: s.tone, label: t('word.maintenanceStatus', { status: s.status }) };
    }
    return { at: at.toISOString(), indicator: page.indicator, statuses };
  };
  const states = [state(now), ...points.map((p) => state(new Date(p)))];
  return states.filter((s, k) => k === 0 || JSON.stringify(s.statuses) !== JSON.stringify(states[k - 1]!.statuses));
}
