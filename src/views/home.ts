import { startOf } from '../core/entries.ts';
import type { Entry } from '../core/model.ts';
import { maintenanceStatus } from '../core/rules/maintenance.ts';
import { activeEntries, componentStatuses, groupStatus, pageStatus, type PageStatus } from '../core/rules/status.ts';
import { dayBounds, type Uptime, uptimes } from '../core/rules/uptime.ts';
import type { ComponentConfig, Config, GroupConfig } from '../core/schema/config.ts';
import type { ComponentStatus } from '../core/status.ts';
import { DAY } from '../core/time.ts';
import { type EntrySummary, summarize } from './entries.ts';
import { monthKey } from './format.ts';
import { HISTORY_PAGE_SIZE } from './history.ts';
import { fitting } from './lists.ts';
import { href, paths } from './urls.ts';

export interface ComponentRow {
  component: ComponentConfig;
  status: ComponentStatus;
  uptime: Uptime;
}

export interface GroupRow {
  group: GroupConfig;
  status: ComponentStatus;
  uptime: Uptime;
  components: ComponentRow[];
}

export type Row = ({ kind: 'group' } & GroupRow) | ({ kind: 'component' } & ComponentRow);

export interface StatusBoard {
  page: PageStatus;
  rows: Row[];
  statuses: Map<string, ComponentStatus>;
  uptime: ReturnType<typeof uptimes>;
}

/**
 * Components by group, in configuration order, each with status and uptime. A group stands where its
 * first member is; components shown only when degraded are left out while operational.
 */
export function statusBoard(entries: readonly Entry[], config: Config, now: Date): StatusBoard {
  const statuses = componentStatuses(entries, config, now);
  const uptime = uptimes(entries, config, now);
  const visible = config.components.filter((c) => !c.only_show_if_degraded || statuses.get(c.id) !== 'operational');
  const rows: Row[] = [];
  const placed = new Set<string>();
  for (const c of visible) {
    const row: ComponentRow = { component: c, status: statuses.get(c.id)!, uptime: uptime.components.get(c.id)! };
    if (c.group === undefined) {
      rows.push({ kind: 'component', ...row });
    } else if (!placed.has(c.group)) {
      placed.add(c.group);
      const group = config.groups.find((g) => g.id === c.group)!;
      const members = visible.filter((m) => m.group === group.id).map((m) => ({ component: m, status: statuses.get(m.id)!, uptime: uptime.components.get(m.id)! }));
      rows.push({ kind: 'group', group, status: groupStatus(group.id, config, statuses), uptime: uptime.groups.get(group.id)!, components: members });
    }
  }
  return { page: pageStatus(entries, config, now), rows, statuses, uptime };
}

export interface HistoryDay {
  /** Start of the day in the configured zone. */
  day: Date;
  entries: EntrySummary[];
  /** How many of them the home page lists by their titles; a link leads to the rest. */
  shown: number;
}

/**
 * What the home page lists in full, so that it stays small at any size and density of history: the
 * first few active entries as cards, the next as lines of a compact list, and a count of the rest
 * with a link to where they are listed (none is hidden); each recent day's entries as titles, a few
 * per day, with a link to the history for the rest (as each day's details in a bar, on the home
 * page and a component's). A line costs some 20 bytes gzip with titles that repeat their words, some
 * 100 with titles of varied words: a busy history (80 incidents open, 100 windows in progress and 300
 * ahead, fifty incidents a day) whose titles ran to 60 to 120 characters of English made a home page
 * of 28.6 KB with fifty lines a section and five titles a day, 18.4 KB with these counts and titles.
 */
export const HOME_LIMITS = { cards: 5, lines: 20, perDay: 3, detailedLinks: 150 };
/** Characters of titles a section's lines and a recent day's titles show at most (src/views/lists.ts). */
export const HOME_TITLE_CHARS = { lines: HOME_LIMITS.lines * 60, perDay: HOME_LIMITS.perDay * 60 };

/** The links of a bar's day in its details, for `entries` that day: a few of them, then one to the rest in the history. */
const dayLinks = (entries: number): number => Math.min(entries, HOME_LIMITS.perDay) + (entries > HOME_LIMITS.perDay ? 1 : 0);

/**
 * Whether the home page's uptime bars carry each day's details (keyboard popovers with the day's
 * incidents). Past `HOME_LIMITS.detailedLinks` links in all bars' days together, they show the days'
 * colours only and link to each component's page, where the details are. (Counting days instead let
 * a history of a hundred incidents a day put thousands of links on the page.)
 */
export function detailedBars(board: StatusBoard): boolean {
  const rows = board.rows.flatMap((r) => (r.kind === 'group' ? r.components : [r]));
  return rows.reduce((n, r) => n + r.uptime.days.reduce((links, d) => links + dayLinks(d.entries.length), 0), 0) <= HOME_LIMITS.detailedLinks;
}

/** The last `days` days, newest first, each with the incidents and maintenance that began on it. */
export function recentDays(entries: readonly Entry[], timeZone: string, now: Date, days = 14): HistoryDay[] {
  const bounds = dayBounds(now, timeZone, days);
  const out: HistoryDay[] = [];
  for (let k = days - 1; k >= 0; k--) {
    const [start, end] = [bounds[k]!, bounds[k + 1]!];
    const onDay = entries.filter((e) => startOf(e) >= start && startOf(e) < end && startOf(e) <= now);
    const summaries = onDay.map((e) => summarize(e, now));
    out.push({ day: start, entries: summaries, shown: fitting(summaries, HOME_LIMITS.perDay, HOME_TITLE_CHARS.perDay, (s) => s.entry.title) });
  }
  return out;
}

/** Entries shown as cards, the next as compact lines, and the rest, counted, with a link to where they are listed. */
export interface Listed {
  cards: EntrySummary[];
  more: EntrySummary[];
  rest: EntrySummary[];
}

/**
 * The address of the history page (entries begun by `now`, newest first, as the history pages them)
 * and month that list the entry `id`, under `base`: its first page for one it does not list.
 */
export function historyHref(base: string, entries: readonly Entry[], id: string, now: Date, timeZone: string): string {
  const listed = historyIndex(entries, now).get(id);
  if (!listed) return href(base, paths.history());
  return `${href(base, paths.history(Math.floor(listed.index / HISTORY_PAGE_SIZE) + 1))}#month-${monthKey(startOf(listed.entry), timeZone)}`;
}

/** Entry ids in the history's order, newest first; those it does not list (not begun by `now`) last, as they came. */
export function inHistoryOrder(ids: readonly string[], entries: readonly Entry[], now: Date): string[] {
  const index = historyIndex(entries, now);
  const at = (id: string) => index.get(id)?.index ?? Number.MAX_SAFE_INTEGER;
  return [...ids].sort((a, b) => at(a) - at(b));
}

type HistoryIndex = Map<string, { index: number; entry: Entry }>;
const indexes = new WeakMap<readonly Entry[], { now: number; index: HistoryIndex }>();

/**
 * Each entry begun by `now`, by id, with its place in the history's list: worked out once for a
 * site's entries, for the bars of a busy history ask on every day of every component's page.
 */
function historyIndex(entries: readonly Entry[], now: Date): HistoryIndex {
  const known = indexes.get(entries);
  if (known?.now === now.getTime()) return known.index;
  const index: HistoryIndex = new Map();
  for (const entry of entries) if (startOf(entry).getTime() <= now.getTime()) index.set(entry.id, { index: index.size, entry });
  indexes.set(entries, { now: now.getTime(), index });
  return index;
}

export interface HomeView {
  board: StatusBoard;
  active: Listed;
  maintenanceNow: Listed;
  maintenanceUpcoming: Listed;
  recent: HistoryDay[];
}

const listed = (all: EntrySummary[]): Listed => {
  const { cards } = HOME_LIMITS;
  const lines = fitting(all.slice(cards), HOME_LIMITS.lines, HOME_TITLE_CHARS.lines, (s) => s.entry.title);
  return { cards: all.slice(0, cards), more: all.slice(cards, cards + lines), rest: all.slice(cards + lines) };
};

export function homeView(entries: readonly Entry[], config: Config, now: Date, board = statusBoard(entries, config, now)): HomeView {
  const { incidents, maintenance } = activeEntries(entries, now);
  const horizon = now.getTime() + config.maintenance.horizon_days * DAY;
  const upcoming = entries
    .filter((e) => e.kind === 'maintenance' && maintenanceStatus(e, now) === 'scheduled' && e.scheduledFor.getTime() <= horizon && e.scheduledFor > now)
    .sort((a, b) => startOf(a).getTime() - startOf(b).getTime());
  return {
    board,
    active: listed(incidents.map((i) => summarize(i, now))),
    maintenanceNow: listed(maintenance.map((m) => summarize(m, now))),
    maintenanceUpcoming: listed(upcoming.map((m) => summarize(m, now))),
    recent: recentDays(entries, config.site.time_zone, now),
  };
}
