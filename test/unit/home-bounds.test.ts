import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../scripts/lib/generate.ts';
import { loadProject } from '../../src/core/load.ts';
import { activeEntries } from '../../src/core/rules/status.ts';
import { HISTORY_PAGE_SIZE } from '../../src/views/history.ts';
import { detailedBars, HOME_LIMITS, HOME_TITLE_CHARS, historyHref, homeView } from '../../src/views/home.ts';
import { ROOT } from '../helpers/project.ts';

const NOW = new Date('2026-11-24T12:00Z');

describe('the home page stays small at any density of history', () => {
  it('on a busy history (9 entries a day, 50 open), shows 5 active incidents in full, the next as lines and counts the rest, a few titles a day, and plain bars', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'candor-busy-')), 'p');
    generateProject(root, 1500, NOW, 7, { perDay: 9, open: 50 });
    const { project, problems } = loadProject(root, NOW);
    expect(project, problems.errors.map((e) => e.message).join('\n')).toBeDefined();
    const view = homeView(project!.entries, project!.config, NOW);
    expect(view.active.cards).toHaveLength(HOME_LIMITS.cards);
    // Every open incident is on the page, in full, as a line or counted with a link: none is hidden.
    const open = activeEntries(project!.entries, NOW).incidents.length;
    expect(open).toBeGreaterThan(40);
    expect(view.active.more).toHaveLength(HOME_LIMITS.lines);
    expect(view.active.cards.length + view.active.more.length + view.active.rest.length).toBe(open);
    expect(view.recent.some((d) => d.entries.length > HOME_LIMITS.perDay)).toBe(true);
    expect(detailedBars(view.board)).toBe(false);
  });

  it('with hundreds of incidents open at once, lists the first in full and as lines, and counts the rest, which the history lists from where the link leads', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'candor-open-')), 'p');
    generateProject(root, 1000, NOW, 5, { perDay: 20, open: 400 });
    const { project } = loadProject(root, NOW);
    const view = homeView(project!.entries, project!.config, NOW);
    const open = activeEntries(project!.entries, NOW).incidents;
    expect(open.length).toBeGreaterThan(HOME_LIMITS.cards + HOME_LIMITS.lines + 100);
    expect(view.active.cards).toHaveLength(HOME_LIMITS.cards);
    expect(view.active.more).toHaveLength(HOME_LIMITS.lines);
    // None is hidden: each is a card, a line or one of the rest the page counts, in the history's order.
    expect([...view.active.cards, ...view.active.more, ...view.active.rest].map((s) => s.entry)).toEqual(open);
    const past = project!.entries.filter((e) => (e.kind === 'incident' ? e.started : e.scheduledFor) <= NOW);
    const first = view.active.rest[0]!.entry;
    const [, page = '1'] = /^\/history\/(?:(\d+)\/)?#month-\d{4}-\d{2}$/.exec(historyHref('/', project!.entries, first.id, NOW, 'UTC'))!;
    // The page the link leads to lists the first of the rest; the others follow it in the history.
    expect(past.slice((Number(page) - 1) * HISTORY_PAGE_SIZE, Number(page) * HISTORY_PAGE_SIZE)).toContain(first);
    for (const s of view.active.rest.slice(1)) expect(past.indexOf(s.entry)).toBeGreaterThan(past.indexOf(first));
  });

  it('shows plain bars for a hundred incidents a day, though they fall on a few days (their details would be thousands of links)', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'candor-dense-')), 'p');
    generateProject(root, 500, NOW, 11, { perDay: 100, open: 1 });
    const { project } = loadProject(root, NOW);
    const view = homeView(project!.entries, project!.config, NOW);
    const rows = view.board.rows.flatMap((r) => (r.kind === 'group' ? r.components : [r]));
    const days = rows.flatMap((r) => r.uptime.days.filter((d) => d.entries.length > 0));
    // Fewer days with incidents than a quiet quarter has: their incidents are what make the details large.
    expect(days.length).toBeLessThan(100);
    expect(days.reduce((n, d) => n + d.entries.length, 0)).toBeGreaterThan(1000);
    expect(detailedBars(view.board)).toBe(false);
  });

  it('keeps each day\'s details in the bars of an ordinary history (the example)', () => {
    const { project } = loadProject(ROOT, new Date('2026-11-24T12:30Z'));
    const view = homeView(project!.entries, project!.config, new Date('2026-11-24T12:30Z'));
    expect(detailedBars(view.board)).toBe(true);
    expect(view.active.more).toEqual([]);
  });
});

describe('the link to the rest of a busy day', () => {
  it('leads to the history page and month that list it', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'candor-busy-')), 'p');
    generateProject(root, 300, NOW, 3, { perDay: 9 });
    const { project } = loadProject(root, NOW);
    const view = homeView(project!.entries, project!.config, NOW);
    const day = view.recent.find((d) => d.entries.length > HOME_LIMITS.perDay)!;
    const entry = day.entries[HOME_LIMITS.perDay]!.entry;
    const [, page = '1', anchor] = /^\/history\/(?:(\d+)\/)?#(.+)$/.exec(historyHref('/', project!.entries, entry.id, NOW, 'UTC'))!;
    const place = { page: Number(page), anchor };
    const past = project!.entries.filter((e) => (e.kind === 'incident' ? e.started : e.scheduledFor) <= NOW);
    const onPage = past.slice((place.page - 1) * HISTORY_PAGE_SIZE, place.page * HISTORY_PAGE_SIZE);
    expect(onPage).toContain(entry);
    expect(place.anchor).toMatch(/^month-\d{4}-\d{2}$/);
  });

  it('lists fewer by their titles when the titles are long, counting the rest as ever', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'candor-long-titles-')), 'p');
    generateProject(root, 1000, NOW, 5, { perDay: 20, open: 100 });
    const { project } = loadProject(root, NOW);
    const entries = project!.entries.map((e) => ({ ...e, title: `${e.title}, affecting requests in every region while the team works on a fix` }));
    const view = homeView(entries, project!.config, NOW);
    const open = activeEntries(entries, NOW).incidents;
    expect(view.active.more.length).toBeLessThan(HOME_LIMITS.lines);
    expect(view.active.more.reduce((n, s) => n + s.entry.title.length, 0)).toBeLessThanOrEqual(HOME_TITLE_CHARS.lines);
    expect([...view.active.cards, ...view.active.more, ...view.active.rest].map((s) => s.entry.id)).toEqual(open.map((e) => e.id));
    const busyDay = view.recent.find((d) => d.entries.length > HOME_LIMITS.perDay)!;
    expect(busyDay.shown).toBeLessThan(HOME_LIMITS.perDay);
    expect(busyDay.entries.slice(0, busyDay.shown).reduce((n, s) => n + s.entry.title.length, 0)).toBeLessThanOrEqual(HOME_TITLE_CHARS.perDay);
  });
});
