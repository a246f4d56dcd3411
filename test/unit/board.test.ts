import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/model.ts';
import { configSchema } from '../../src/core/schema/config.ts';
import { translator } from '../../src/i18n/translate.ts';
import { type BoardContext, statusBoardMarkup, uptimeBar } from '../../src/views/board.ts';
import { HOME_LIMITS, statusBoard } from '../../src/views/home.ts';
import { makeIncident } from '../helpers/entries.ts';
import { attributes, elements, type Element, find, findAll, text } from '../helpers/fragment.ts';
import { config } from '../helpers/project.ts';

// The home page's status board and a component page's bar, read back the way a browser parses them.

const now = new Date('2026-11-24T12:00:00Z');
const ctx = (titles = new Map<string, string>(), entries: Entry[] = []): BoardContext => ({ t: translator('en'), base: '/status/', clock: { timeZone: 'UTC', locale: 'en-US' }, titles, entries, now });
const only = (html: string): Element => {
  const [first, ...rest] = elements(html);
  expect(rest).toEqual([]);
  return first!;
};
const hasClass = (name: string) => (e: Element) => (attributes(e).class ?? '').split(' ').includes(name);

describe('the status board', () => {
  it('shows groups open with their status and uptime, and each component linked to its page with its status and bar, in configuration order', () => {
    const outage = makeIncident({ api: 'partial_outage' }, [['Investigating', '2026-11-24T11:00Z']], {}, 'api-errors');
    const board = only(statusBoardMarkup(statusBoard([outage], config, now), ctx(new Map([['api-errors', 'API errors']]))));
    expect(attributes(board).class).toBe('board');
    const groups = findAll(board, (e) => e.tagName === 'details');
    expect(groups.map((g) => [attributes(g)['data-group'], 'open' in attributes(g)])).toEqual([['core', true], ['data', true]]);
    expect(text(find(groups[0]!, (e) => e.tagName === 'summary')!)).toBe('CorePartial outage · 99.99% uptime');
    const rows = findAll(board, hasClass('row'));
    expect(rows.map((r) => attributes(r)['data-component'])).toEqual(['api', 'web', 'database', 'search', 'email']);
    const api = rows[0]!;
    const name = find(api, (e) => e.tagName === 'a')!;
    expect([text(name), attributes(name).href]).toEqual(['API', '/status/components/api/']);
    expect(text(find(api, hasClass('status'))!)).toBe('Partial outage');
    // A quiet board's bars open each day's details; today's names the incident and links to it.
    const today = findAll(api, hasClass('day')).at(-1)!;
    const button = find(today, (e) => e.tagName === 'button')!;
    const details = find(today, (e) => 'popover' in attributes(e))!;
    expect(attributes(button).popovertarget).toBe(attributes(details).id);
    expect(attributes(details).id).toBe('up-api-20261124');
    const link = find(details, (e) => e.tagName === 'a')!;
    expect([text(link), attributes(link).href]).toEqual(['API errors', '/status/incidents/api-errors/']);
  });

  it('writes any name and description as text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (component, group, description) => {
        fc.pre(component.trim() === component && group.trim() === group && description.trim() === description);
        const named = configSchema.parse({ site: config.site, components: [{ id: 'api', name: component, group: 'core', description }], groups: [{ id: 'core', name: group }] });
        const board = only(statusBoardMarkup(statusBoard([], named, now), ctx()));
        expect(text(find(board, (e) => e.tagName === 'summary')!).startsWith(group)).toBe(true);
        expect(text(find(board, (e) => e.tagName === 'a')!)).toBe(component);
        expect(text(find(board, hasClass('desc'))!)).toBe(description);
        expect(attributes(find(board, (e) => e.tagName === 'ol')!)['aria-label']).toBe(`${component}: status of each of the last 90 days`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('an uptime bar', () => {
  const uptime = statusBoard([makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-20T11:00Z'], ['Investigating', '2026-11-20T10:00Z']], {}, 'down')], config, now).uptime.components.get('api')!;

  it('describes every one of its 90 days, and only the days with incidents open details', () => {
    const bar = only(uptimeBar(uptime, { name: 'API', idPrefix: 'up-api' }, ctx()));
    const days = findAll(bar, hasClass('day'));
    expect(days).toHaveLength(90);
    expect(days.filter((d) => find(d, (e) => e.tagName === 'button'))).toHaveLength(1);
    const down = days.find((d) => find(d, (e) => e.tagName === 'button'))!;
    expect(attributes(down).class).toBe('day tone-major_outage');
    expect(text(find(down, hasClass('sr'))!)).toBe('Nov 20, 2026: Major outage 1 h');
    expect(text(find(bar, hasClass('uptime-legend'))!)).toContain('99.95% uptime');
  });

  it("lists a busy day's newest incidents in its details, and links to where the history lists the rest of the day", () => {
    // Forty incidents on one day, more than a history page holds: the sixth newest is on its first page, the oldest on its second.
    const day = Array.from({ length: 40 }, (_, k) => {
      const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 10, k + minutes)).toISOString();
      return makeIncident({ api: 'partial_outage' }, [['Resolved', at(30)], ['Investigating', at(0)]], {}, `busy-${k}`);
    }).reverse();
    const busy = statusBoard(day, config, now).uptime.components.get('api')!;
    const bar = only(uptimeBar(busy, { name: 'API', idPrefix: 'up-api' }, ctx(new Map(), day)));
    const details = findAll(bar, (e) => 'popover' in attributes(e));
    expect(details).toHaveLength(1);
    const links = findAll(details[0]!, (e) => e.tagName === 'a');
    const newest = Array.from({ length: HOME_LIMITS.perDay }, (_, k) => `/status/incidents/busy-${39 - k}/`);
    expect(links.slice(0, -1).map((a) => attributes(a).href)).toEqual(newest);
    expect([text(links.at(-1)!), attributes(links.at(-1)!).href]).toEqual([`${40 - HOME_LIMITS.perDay} more that day in the history`, '/status/history/#month-2026-11']);
  });

  it('is colours only, linking to the page that has the details, where a busy history would make the home page too large', () => {
    const bar = only(uptimeBar(uptime, { name: 'API', idPrefix: 'up-api', linkTo: '/status/components/api/' }, ctx()));
    const link = find(bar, hasClass('bar-link'))!;
    expect(attributes(link).href).toBe('/status/components/api/');
    expect(attributes(find(link, (e) => e.tagName === 'ol')!)['aria-hidden']).toBe('true');
    expect(findAll(bar, (e) => e.tagName === 'button')).toEqual([]);
    expect(text(find(link, hasClass('sr'))!)).toBe('API: 99.95% uptime in 90 days, 1 day with incidents. Each day on its page.');
  });
});
