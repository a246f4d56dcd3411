import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { maintenanceStatus } from '../../src/core/rules/maintenance.ts';
import { componentStatuses } from '../../src/core/rules/status.ts';
import { configSchema } from '../../src/core/schema/config.ts';
import { contentWarnings } from '../../src/core/warnings.ts';
import { maintenanceCalendar } from '../../src/views/calendar.ts';
import { homeView } from '../../src/views/home.ts';
import { translator } from '../../src/i18n/translate.ts';
import { MAINTENANCE_LIMITS, MAINTENANCE_TEXT_CHARS, maintenancePages } from '../../src/views/maintenance-pages.ts';
import { LIVE_CHANGES, LIVE_DAYS, type LiveState, liveStates } from '../../src/views/live.ts';
import { makeIncident, makeMaintenance } from '../helpers/entries.ts';
import { config, load, parse, t } from '../helpers/project.ts';

const window: [string, string] = ['2026-12-01T02:00Z', '2026-12-01T04:00Z'];
const announced: [string, string] = ['Scheduled', '2026-11-20 09:00 UTC'];

describe('cancelled maintenance', () => {
  const cancelledEarly = makeMaintenance(window, ['database'], [['Cancelled', '2026-11-28 10:00 UTC'], announced]);
  const aborted = makeMaintenance(window, ['database'], [['Cancelled', '2026-12-01 02:30 UTC'], ['In progress', '2026-12-01 02:00 UTC'], announced]);

  it('is scheduled until cancelled, then cancelled for good', () => {
    expect(maintenanceStatus(cancelledEarly, t('2026-11-27T00:00Z'))).toBe('scheduled');
    for (const at of ['2026-11-28T10:00Z', '2026-12-01T03:00Z', '2026-12-02T00:00Z']) expect(maintenanceStatus(cancelledEarly, t(at))).toBe('cancelled');
  });

  it('never puts components under maintenance once cancelled, even inside the window', () => {
    expect(componentStatuses([cancelledEarly], config, t('2026-12-01T03:00Z')).get('database')).toBe('operational');
    expect(componentStatuses([aborted], config, t('2026-12-01T02:15Z')).get('database')).toBe('under_maintenance');
    expect(componentStatuses([aborted], config, t('2026-12-01T02:45Z')).get('database')).toBe('operational');
  });

  it('takes no update after the cancellation', () => {
    const { problems } = parse('---\ntitle: M\nscheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z\n---\n\n## Update — 2026-11-29 10:00 UTC\nx\n\n## Cancelled — 2026-11-28 10:00 UTC\ny\n\n## Scheduled — 2026-11-20 09:00 UTC\nz\n');
    expect(problems.errors.map((e) => e.message)).toEqual(['The update "Update" at 2026-11-29 10:00 UTC comes after the maintenance was cancelled at 2026-11-28 10:00 UTC (line 10).']);
  });
});

describe('maintenance warnings', () => {
  const now = t('2026-12-05T12:00Z');
  const file = (window: string, body: string) => `---\ntitle: M\n${window}\ncomponents: [database]\n---\n\n${body}`;

  it('a past window that was never updated or completed', () => {
    const { problems } = load({ 'incidents/m.md': file('scheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z', '## Scheduled — 2026-11-20 09:00 UTC\nWe will upgrade.\n') }, now);
    expect(problems.warnings.map((w) => [w.line, w.message])).toEqual([[8, 'The maintenance window ended at 2026-12-01 04:00 UTC and was never updated or completed.']]);
  });

  it('no warning once completed, or updated during the window', () => {
    const { problems } = load(
      {
        'incidents/a.md': file('scheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z', '## Completed — 2026-12-01 03:10 UTC\nDone.\n\n## Scheduled — 2026-11-20 09:00 UTC\nWe will upgrade.\n'),
        'incidents/b.md': file('scheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z', '## In progress — 2026-12-01 02:00 UTC\nStarted.\n\n## Scheduled — 2026-11-20 09:00 UTC\nWe will upgrade.\n'),
      },
      now,
    );
    expect(problems.list).toEqual([]);
  });

  it('a window longer than the configured limit', () => {
    const { problems } = load({ 'incidents/m.md': file('scheduled_for: 2026-12-20T00:00Z\nscheduled_until: 2026-12-20T14:30Z', '## Scheduled — 2026-11-20 09:00 UTC\nA long one.\n') }, now);
    expect(problems.warnings.map((w) => [w.line, w.message])).toEqual([[4, 'The maintenance window lasts 14.5 hours, longer than the 12 hours configured as the limit.']]);
  });
});

describe('maintenance settings of the configuration', () => {
  const now = t('2026-11-24T12:00Z');
  /** The test configuration with `maintenance:` set as a user would write it in candor.config.yaml. */
  const withSettings = (maintenance: Record<string, number>) => configSchema.parse({ ...config, maintenance });
  /** A window of `hours` starting `days` after now, announced well ahead. */
  const windowOf = (id: string, days: number, hours: number) => {
    const from = new Date(now.getTime() + days * 86_400_000);
    const until = new Date(from.getTime() + hours * 3_600_000);
    return makeMaintenance([from.toISOString(), until.toISOString()], ['database'], [['Scheduled', '2026-10-01 09:00 UTC']], id);
  };
  const tooLong = (entries: ReturnType<typeof windowOf>[], settings: Record<string, number>) =>
    contentWarnings(entries, withSettings(settings), now)
      .filter((w) => w.message.startsWith('The maintenance window lasts'))
      .map((w) => w.message);

  it('max_window_hours: a window longer than a custom limit warns, one under it does not', () => {
    // 4 h and 2 h are both under the default 12 h: only the custom limit of 3 h can make the first warn.
    expect(tooLong([windowOf('long', 10, 4)], { max_window_hours: 3 })).toEqual(['The maintenance window lasts 4 hours, longer than the 3 hours configured as the limit.']);
    expect(tooLong([windowOf('short', 10, 2)], { max_window_hours: 3 })).toEqual([]);
    // 20 h is over the default 12 h: a limit raised to 24 h lets it pass, and 25 h still warns.
    expect(tooLong([windowOf('day', 10, 20)], { max_window_hours: 24 })).toEqual([]);
    expect(tooLong([windowOf('over-a-day', 10, 25)], { max_window_hours: 24 })).toEqual(['The maintenance window lasts 25 hours, longer than the 24 hours configured as the limit.']);
  });

  it('horizon_days: the home page shows upcoming maintenance within a custom horizon and hides what lies beyond it', () => {
    const upcoming = (entries: ReturnType<typeof windowOf>[], settings: Record<string, number>) =>
      homeView(entries, withSettings(settings), now).maintenanceUpcoming.cards.map((s) => s.entry.id);
    const soon = windowOf('in-2-days', 2, 1);
    const later = windowOf('in-5-days', 5, 1);
    const far = windowOf('in-20-days', 20, 1);
    const farther = windowOf('in-40-days', 40, 1);
    // The default 7 days would show both of the first two: a horizon of 3 days shows only the nearer.
    expect(upcoming([soon, later], { horizon_days: 3 })).toEqual(['in-2-days']);
    // The default would hide a window 20 days ahead: a horizon of 30 days shows it, not one 40 days ahead.
    expect(upcoming([farther, far, soon], { horizon_days: 30 })).toEqual(['in-2-days', 'in-20-days']);
  });
});

/** Parses an iCalendar text with ical.js, as a calendar application would. */
function events(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      sequence: e.sequence,
      status: v.getFirstPropertyValue('status'),
      lastModified: (v.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
      url: v.getFirstPropertyValue('url'),
    };
  });
}

describe('the maintenance calendar', () => {
  const first = makeMaintenance(window, ['database'], [announced], 'db-upgrade');

  it('has one event per announced window, with a stable UID', () => {
    const later = makeMaintenance(['2026-12-08T02:00Z', '2026-12-08T03:00Z'], ['api'], [['Scheduled', '2026-12-30 09:00 UTC']], 'not-yet-announced');
    const [event, ...rest] = events(maintenanceCalendar([first, later], config, t('2026-11-24T12:00Z'), '/', translator('en')));
    expect(rest).toEqual([]);
    expect(event).toEqual({
      uid: 'db-upgrade@status.example.com',
      summary: 'db-upgrade',
      start: '2026-12-01T02:00:00.000Z',
      end: '2026-12-01T04:00:00.000Z',
      sequence: 0,
      status: 'CONFIRMED',
      lastModified: '2026-11-20T09:00:00.000Z',
      url: 'https://status.example.com/incidents/db-upgrade/',
    });
  });

  it('bumps SEQUENCE and LAST-MODIFIED when an update moves the window, keeping the UID', () => {
    const moved = makeMaintenance(['2026-12-02T02:00Z', '2026-12-02T04:00Z'], ['database'], [['Update', '2026-11-25 08:00 UTC'], announced], 'db-upgrade');
    const [before] = events(maintenanceCalendar([first], config, t('2026-11-26T00:00Z'), '/', translator('en')));
    const [after] = events(maintenanceCalendar([moved], config, t('2026-11-26T00:00Z'), '/', translator('en')));
    expect(after!.uid).toBe(before!.uid);
    expect(after!.sequence).toBeGreaterThan(before!.sequence);
    expect(after!.lastModified > before!.lastModified).toBe(true);
    expect(after!.start).toBe('2026-12-02T02:00:00.000Z');
  });

  it('marks a cancelled window CANCELLED instead of dropping it', () => {
    const cancelled = makeMaintenance(window, ['database'], [['Cancelled', '2026-11-28 10:00 UTC'], announced], 'db-upgrade');
    expect(events(maintenanceCalendar([cancelled], config, t('2026-11-29T00:00Z'), '/', translator('en'))).map((e) => e.status)).toEqual(['CANCELLED']);
  });

  it('gets times right across a daylight-saving change in the configured zone', () => {
    // Paris goes from +02:00 to +01:00 at 03:00 on 2026-10-25: a window from 01:30 to 04:30 local time lasts four hours.
    const dst = makeMaintenance(['2026-10-25 01:30 +02:00', '2026-10-25 04:30 +01:00'], ['database'], [['Scheduled', '2026-10-10 09:00 UTC']], 'dst');
    const [event] = events(maintenanceCalendar([dst], { ...config, site: { ...config.site, time_zone: 'Europe/Paris' } }, t('2026-10-20T00:00Z'), '/', translator('en')));
    expect(event!.start).toBe('2026-10-24T23:30:00.000Z');
    expect(event!.end).toBe('2026-10-25T03:30:00.000Z');
    expect(Date.parse(event!.end) - Date.parse(event!.start)).toBe(4 * 3_600_000);
  });
});

describe('live states for the browser', () => {
  const words = (s: LiveState) => Object.fromEntries(Object.entries(s.statuses).map(([key, status]) => [key, status.label]));

  it('give what changes on the page as each window opens and closes, from the same rules', () => {
    const m = makeMaintenance(window, ['database'], [announced], 'db');
    const states = liveStates([m], config, t('2026-11-30T00:00Z'), translator('en'));
    // The page as built shows the window scheduled and everything operational.
    expect(states.map((s) => [s.at, s.indicator, words(s)])).toEqual([
      ['2026-12-01T02:00:00.000Z', 'maintenance', { banner: 'Service Under Maintenance', 'component:database': 'Under maintenance', 'group:data': 'Under maintenance', 'entry:db': 'In progress' }],
      ['2026-12-01T04:00:00.000Z', 'none', { banner: 'All Systems Operational', 'component:database': 'Operational', 'group:data': 'Operational', 'entry:db': 'Completed' }],
    ]);
  });

  it('never show an outage hidden by maintenance, and freeze updates at build time', () => {
    const m = makeMaintenance(window, ['database'], [['Completed', '2026-12-01 03:00 UTC'], announced], 'db');
    const outage = makeIncident({ database: 'major_outage' }, [['Investigating', '2026-11-29 10:00 UTC']], {}, 'down');
    const states = liveStates([m, outage], config, t('2026-11-30T00:00Z'), translator('en'));
    // The component stays in its major outage, as built: no state changes it.
    expect(states.some((s) => 'component:database' in s.statuses)).toBe(false);
    // The Completed update is not posted yet at build time: the window alone moves the page.
    expect(states.map((s) => [s.at, s.statuses['entry:db']!.label])).toEqual([
      ['2026-12-01T02:00:00.000Z', 'In progress'],
      ['2026-12-01T04:00:00.000Z', 'Completed'],
    ]);
  });

  it('are empty when nothing is ahead', () => {
    expect(liveStates([makeIncident({}, [['Investigating', '2026-11-29 10:00 UTC']])], config, t('2026-11-30T00:00Z'), translator('en'))).toEqual([]);
  });

  it('grow with the windows of the next two weeks, not with the square of all windows ahead', () => {
    // A window every day for a year, as a weekly upgrade of several components might give.
    const year = Array.from({ length: 365 }, (_, k) => {
      const day = new Date(Date.parse('2026-12-01T02:00Z') + k * 86_400_000);
      return makeMaintenance([day.toISOString(), new Date(day.getTime() + 3_600_000).toISOString()], ['database'], [announced], `upgrade-${k}`);
    });
    const states = liveStates(year, config, t('2026-12-01T00:00Z'), translator('en'));
    // Each window of the next LIVE_DAYS days opens and closes; later ones show as built, scheduled.
    expect(states).toHaveLength(2 * LIVE_DAYS);
    expect(new Set(states.flatMap((s) => Object.keys(s.statuses).filter((k) => k.startsWith('entry:'))))).toEqual(new Set(Array.from({ length: LIVE_DAYS }, (_, k) => `entry:upgrade-${k}`)));
    // Each state names its own window and what it moves: the banner, the component and its group.
    for (const s of states) expect(Object.keys(s.statuses)).toHaveLength(4);
    expect(JSON.stringify(states).length).toBeLessThan(LIVE_DAYS * 2 * 400);
  });

  it('hold at most LIVE_CHANGES openings and closings, of the soonest windows, each of which closes too', () => {
    // A window every hour for ten days.
    const hourly = Array.from({ length: 240 }, (_, k) => {
      const from = new Date(Date.parse('2026-12-01T02:00Z') + k * 3_600_000);
      return makeMaintenance([from.toISOString(), new Date(from.getTime() + 1_800_000).toISOString()], ['database'], [announced], `hourly-${k}`);
    });
    const states = liveStates(hourly, config, t('2026-12-01T00:00Z'), translator('en'));
    expect(states).toHaveLength(LIVE_CHANGES);
    const changes = states.flatMap((s) => Object.entries(words(s)).filter(([key]) => key.startsWith('entry:')));
    expect(changes.map(([key, label]) => `${key} ${label}`)).toEqual(Array.from({ length: LIVE_CHANGES / 2 }, (_, k) => [`entry:hourly-${k} In progress`, `entry:hourly-${k} Completed`]).flat());
  });

  it('close a window that opens within the two weeks and closes after them, and leave later windows as built', () => {
    const late = makeMaintenance(['2026-12-14T23:00Z', '2026-12-15T01:00Z'], ['database'], [announced], 'late');
    const later = makeMaintenance(['2026-12-15T02:00Z', '2026-12-15T03:00Z'], ['database'], [announced], 'later');
    const states = liveStates([late, later], config, t('2026-12-01T00:00Z'), translator('en'));
    expect(states.map((s) => [s.at, words(s)])).toEqual([
      ['2026-12-14T23:00:00.000Z', { banner: 'Service Under Maintenance', 'component:database': 'Under maintenance', 'group:data': 'Under maintenance', 'entry:late': 'In progress' }],
      ['2026-12-15T01:00:00.000Z', { banner: 'All Systems Operational', 'component:database': 'Operational', 'group:data': 'Operational', 'entry:late': 'Completed' }],
    ]);
  });
});

describe('the maintenance pages', () => {
  const now = t('2026-12-01T00:00Z');
  const hour = 3_600_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const windowAt = (from: number, hours: number, id: string, updates: [string, string][] = [announced]) => makeMaintenance([at(from), at(from + hours * hour)], ['database'], updates, id);
  // In the history's order, latest begun first: 60 windows under way (begun hour by hour), 900 one a day ahead, 40 past.
  const inProgress = Array.from({ length: 60 }, (_, k) => windowAt(now.getTime() - (k + 1) * hour, 100, `running-${k}`));
  const upcoming = Array.from({ length: 900 }, (_, k) => windowAt(now.getTime() + (k + 1) * 24 * hour, 1, `ahead-${k}`));
  const past = Array.from({ length: 40 }, (_, k) => windowAt(now.getTime() - (k + 200) * hour, 1, `done-${k}`, [['Completed', at(now.getTime() - (k + 199) * hour).replace('T', ' ').slice(0, 16) + ' UTC'], announced]));
  const entries = [...[...upcoming].reverse(), ...inProgress, ...past];
  const pages = maintenancePages(entries, now);
  const ids = (list: { id: string }[]) => list.map((m) => m.id);

  it('list every window in progress and ahead once, in order, first as cards and then as lines, a bounded number per page', () => {
    const { cards, lines } = MAINTENANCE_LIMITS;
    expect(pages).toHaveLength(Math.ceil((60 - cards + 900 - cards) / lines));
    for (const p of pages) expect(p.sections.reduce((n, s) => n + s.lines.length, 0)).toBeLessThanOrEqual(lines);
    const listed = (id: string) => pages.flatMap((p) => p.sections.filter((s) => s.id === id).flatMap((s) => [...ids(s.cards), ...ids(s.lines)]));
    expect(listed('in-progress')).toEqual(ids(inProgress));
    expect(listed('upcoming')).toEqual(ids(upcoming));
    expect(ids(pages[0]!.sections[1]!.cards)).toEqual(ids(upcoming.slice(0, cards)));
    // Past windows are in the history: the page shows the latest only, and on the first page alone.
    expect(ids(pages[0]!.past)).toEqual(ids(past.slice(0, cards)));
    expect(pages.slice(1).every((p) => p.past.length === 0 && p.sections.every((s) => s.cards.length === 0))).toBe(true);
  });

  it('count on each page the windows of a section that the next pages list', () => {
    for (const [k, p] of pages.entries()) {
      for (const s of p.sections) {
        const after = pages.slice(k + 1).flatMap((q) => q.sections.filter((r) => r.id === s.id)).reduce((n, r) => n + r.lines.length, 0);
        expect(s.later).toBe(after);
      }
    }
    expect(pages[0]!.sections.map((s) => s.id)).toEqual(['in-progress', 'upcoming']);
    expect(pages.at(-1)!.sections.every((s) => s.later === 0)).toBe(true);
  });

  it('send the link of each section to the page where it goes on, past pages the other section fills', () => {
    // 900 windows under way fill the pages after the first; the few ahead go on only on the last.
    const crowded = [...[...upcoming.slice(0, 30)].reverse(), ...Array.from({ length: 900 }, (_, k) => windowAt(now.getTime() - (k + 1) * 60_000, 100, `busy-${k}`))];
    const many = maintenancePages(crowded, now);
    expect(many.length).toBeGreaterThan(2);
    for (const [k, p] of many.entries()) {
      for (const s of p.sections) {
        if (s.later === 0) {
          expect(s.laterPage).toBeUndefined();
          continue;
        }
        const there = many[s.laterPage! - 1]!.sections.find((r) => r.id === s.id);
        expect(s.laterPage!).toBeGreaterThan(k + 1);
        // The page linked lists the section's next window first, and no page between lists any of it.
        expect(there?.lines.length).toBeGreaterThan(0);
        expect(many.slice(k + 1, s.laterPage! - 1).every((q) => !q.sections.some((r) => r.id === s.id))).toBe(true);
      }
    }
    expect(many[0]!.sections.find((s) => s.id === 'upcoming')!.laterPage).toBe(many.length);
  });

  it('hold fewer windows when their titles are long, each still listed once, in order, with the links to where each section goes on', () => {
    const long = (k: number) => `Planned upgrade ${k} of the primary database cluster, its replicas and the connection poolers in every region`;
    const titled = upcoming.map((m, k) => ({ ...m, title: long(k) }));
    const paged = maintenancePages([...titled].reverse(), now);
    const onePage = maintenancePages(upcoming.slice().reverse(), now);
    expect(paged.length).toBeGreaterThan(onePage.length);
    expect(paged[0]!.sections[1]!.cards.reduce((n, m) => n + m.title.length, 0)).toBeLessThanOrEqual(MAINTENANCE_TEXT_CHARS.cards);
    for (const p of paged) {
      const lines = p.sections.flatMap((q) => q.lines);
      expect(lines.reduce((n, m) => n + m.title.length, 0)).toBeLessThanOrEqual(MAINTENANCE_TEXT_CHARS.lines);
    }
    expect(paged.flatMap((p) => p.sections.flatMap((q) => [...ids(q.cards), ...ids(q.lines)]))).toEqual(ids(titled));
    for (const [k, p] of paged.entries()) for (const q of p.sections) if (q.later > 0) expect(q.laterPage).toBe(k + 2);
  });

  it('are one page, with both sections, when nothing is in progress or ahead', () => {
    expect(maintenancePages(past, now)).toEqual([{ page: 1, pages: 1, sections: [{ id: 'in-progress', cards: [], lines: [], later: 0 }, { id: 'upcoming', cards: [], lines: [], later: 0 }], past: past.slice(0, MAINTENANCE_LIMITS.cards) }]);
  });
});
