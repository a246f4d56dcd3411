import type { Entry } from '../core/model.ts';
import type { Uptime } from '../core/rules/uptime.ts';
import type { Translator } from '../i18n/translate.ts';
import { DATE, formatIn, type Clock } from './format.ts';
import { type ComponentRow, detailedBars, HOME_LIMITS, historyHref, inHistoryOrder, type StatusBoard } from './home.ts';
import { attribute, componentStatusLabel, escapeText, message } from './markup.ts';
import { href, paths } from './urls.ts';
import { describeDay, formatUptime } from './uptime.ts';

// The status board of the home page (groups and component rows, each with its 90-day bar) and a
// component page's bar: functions rather than components for the reason markup.ts gives, 90 days
// in each of some fifteen bars.

/** What the board and bars are written with, in a page's language (a site from `getSite` is one). */
export interface BoardContext {
  t: Translator;
  /** Base path of the page's language. */
  base: string;
  clock: Clock;
  /** Titles of the incidents and maintenance a day may link to. */
  titles: ReadonlyMap<string, string>;
  /** The published entries, newest first, at the site's moment: where the history lists a day's further incidents. */
  entries: readonly Entry[];
  now: Date;
}

export interface BarOptions {
  /** The component's or group's name, for the bar's label. */
  name: string;
  /** Unique per page: prefixes the ids of the day details. */
  idPrefix: string;
  /** Colours only, the bar a link to this page (the home page of a busy history): see detailedBars. */
  linkTo?: string | undefined;
}

/** A 90-day uptime bar with its legend: each day's details open from it, unless it only links to `linkTo`. */
export function uptimeBar(uptime: Uptime, { name, idPrefix, linkTo }: BarOptions, { t, base, clock, titles, entries, now }: BoardContext): string {
  const ratio = formatUptime(uptime.ratio, t);
  let bar: string;
  if (linkTo) {
    const incidentDays = uptime.days.filter((d) => d.entries.length > 0).length;
    const days = uptime.days.map((day) => `<li${attribute('class', `day tone-${day.worst}`)}></li>`).join('');
    bar = `<a class="bar-link"${attribute('href', linkTo)}><ol class="bar" aria-hidden="true">${days}</ol><span class="sr">${escapeText(t('uptime.barSummary', { name, uptime: ratio, days: incidentDays }))}</span></a>`;
  } else {
    const days = uptime.days.map((day) => {
      const date = formatIn(clock, day.start, DATE);
      const described = describeDay(day, t);
      const label = `<span class="sr">${escapeText(`${date}: ${described}`)}</span>`;
      const tone = attribute('class', `day tone-${day.worst}`);
      if (!day.entries.length) return `<li${tone}>${label}</li>`;
      const id = `${idPrefix}-${day.date.replace(/-/g, '')}`;
      // Newest first, as the history lists them: a few titles, then a link to where the history lists the rest.
      const ordered = inHistoryOrder(day.entries, entries, now);
      const shown = ordered.slice(0, HOME_LIMITS.perDay);
      const rest = ordered.slice(shown.length);
      const links =
        shown.map((e) => `<li><a${attribute('href', href(base, paths.incident(e)))}>${escapeText(titles.get(e) ?? e)}</a></li>`).join('') +
        (rest.length > 0 ? `<li><a${attribute('href', historyHref(base, entries, rest[0]!, now, clock.timeZone))}>${escapeText(t('home.moreThatDay', { count: rest.length }))}</a></li>` : '');
      return `<li${tone}><button type="button"${attribute('popovertarget', id)}>${label}</button><div popover${attribute('id', id)} class="day-detail"><p><strong>${escapeText(name)}, ${escapeText(date)}</strong><br>${escapeText(described)}</p><ul>${links}</ul></div></li>`;
    });
    bar = `<ol class="bar"${attribute('aria-label', t('uptime.barLabel', { name }))}>${days.join('')}</ol>`;
  }
  const period = `<span class="legend-30">${escapeText(t('uptime.legendPeriod'))}</span>`;
  const legend = `<p class="uptime-legend"><span><span class="legend-90">${escapeText(t('uptime.since90'))}</span><span class="legend-30">${escapeText(t('uptime.since30'))}</span></span><span>${message(t, 'uptime.legend', { period }, { uptime: ratio })}</span><span>${escapeText(t('uptime.today'))}</span></p>`;
  return `<div class="uptime">${bar}${legend}</div>`;
}

/** A component's row of the board: its name linking to its page, its status and its bar. */
function componentRow({ component: c, status, uptime }: ComponentRow, detailed: boolean, ctx: BoardContext): string {
  const page = href(ctx.base, paths.component(c.id));
  const head = `<div class="row-head"><span class="name"><a${attribute('href', page)}>${escapeText(c.name)}</a></span>${componentStatusLabel(status, ctx.t, `component:${c.id}`)}</div>`;
  const description = c.description ? `<p class="desc">${escapeText(c.description)}</p>` : '';
  return `<div class="row"${attribute('data-component', c.id)}>${head}${description}${uptimeBar(uptime, { name: c.name, idPrefix: `up-${c.id}`, linkTo: detailed ? undefined : page }, ctx)}</div>`;
}

/** The home page's board: groups (open, with their status and mean uptime) and components in configuration order. */
export function statusBoardMarkup(board: StatusBoard, ctx: BoardContext): string {
  const detailed = detailedBars(board);
  const { t } = ctx;
  const rows = board.rows.map((row) => {
    if (row.kind === 'component') return componentRow(row, detailed, ctx);
    const uptime = `<span class="muted"> · ${escapeText(t('uptime.ofGroup', { uptime: formatUptime(row.uptime.ratio, t) }))}</span>`;
    const summary = `<summary><span class="row-head"><span class="name">${escapeText(row.group.name)}</span><span>${componentStatusLabel(row.status, t, `group:${row.group.id}`)}${uptime}</span></span></summary>`;
    return `<details class="group" open${attribute('data-group', row.group.id)}>${summary}${row.components.map((c) => componentRow(c, detailed, ctx)).join('')}</details>`;
  });
  return `<div class="board">${rows.join('')}</div>`;
}
