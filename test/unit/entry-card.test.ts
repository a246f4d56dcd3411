import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.ts';
import { googleCalendarLink } from '../../src/views/calendar.ts';
import { configSchema } from '../../src/core/schema/config.ts';
import { type EntryContext, entryCard } from '../../src/views/entry-card.ts';
import { summarize } from '../../src/views/entries.ts';
import { makeIncident, makeMaintenance } from '../helpers/entries.ts';
import { attributes, elements, type Element, find, findAll, text } from '../helpers/fragment.ts';
import { config } from '../helpers/project.ts';

// An entry's card as the history, home, maintenance and component pages list it, read back the way a
// browser parses it.

const now = new Date('2026-11-24T12:00:00Z');
const site: EntryContext = { config, t: translator('en'), base: '/status/', clock: { timeZone: 'UTC', locale: 'en-US' }, now };

function card(html: string): Element {
  const [article, ...rest] = elements(html);
  expect(rest).toEqual([]);
  expect(article!.tagName).toBe('article');
  return article!;
}
const byClass = (root: Element, name: string) => findAll(root, (e) => (attributes(e).class ?? '').split(' ').includes(name));

describe('an entry card', () => {
  const open = makeIncident({ api: 'partial_outage' }, [['Identified', '2026-11-24T11:30Z'], ['Investigating', '2026-11-24T11:00Z']], { impact: 'major', next_update: '2026-11-24T11:45Z' }, 'api-errors');

  it('shows an open incident: its title linked to its page, status, impact, start, latest update and the overdue promise', () => {
    const article = card(entryCard(summarize(open, now), site));
    expect(attributes(article)).toEqual({ class: 'card tone-partial_outage', 'data-entry': 'api-errors' });
    const link = find(article, (e) => e.tagName === 'a')!;
    expect(attributes(link).href).toBe('/status/incidents/api-errors/');
    expect(text(link)).toBe('api-errors');
    expect(text(find(article, (e) => attributes(e).class === 'meta')!)).toBe('IdentifiedMajor impactStarted 1 hour ago');
    expect(text(byClass(article, 'latest')[0]!)).toBe('Latest: Identified, 30 minutes ago');
    expect(text(byClass(article, 'prose')[0]!)).toBe('Text of the identified update.');
    const promise = byClass(article, 'promise')[0]!;
    expect(attributes(promise)['data-next-update']).toBe('overdue');
    expect(text(promise)).toBe('Next update was due Nov 24, 2026, 11:45 UTC and is overdue.');
    // An incident's status is not one a maintenance window changes on the page.
    expect(findAll(article, (e) => 'data-live' in attributes(e))).toEqual([]);
    const kept = card(entryCard(summarize(open, new Date('2026-11-24T11:40Z')), { ...site, now: new Date('2026-11-24T11:40Z') }));
    expect(attributes(byClass(kept, 'promise')[0]!)['data-next-update']).toBe('promised');
    expect(text(byClass(kept, 'promise')[0]!)).toBe('Next update by Nov 24, 2026, 11:45 UTC.');
  });

  it('in a history list shows no update text, and a resolved incident how long it lasted and no promise', () => {
    expect(byClass(card(entryCard(summarize(open, now), site, { showBody: false })), 'body')).toEqual([]);
    const resolved = makeIncident({ api: 'degraded_performance' }, [['Resolved', '2026-11-24T11:30Z'], ['Investigating', '2026-11-24T10:00Z']], { impact: 'minor', next_update: '2026-11-24T11:45Z' }, 'over');
    const article = card(entryCard(summarize(resolved, now), site, { showBody: false }));
    expect(attributes(article).class).toBe('card tone-operational');
    expect(text(find(article, (e) => attributes(e).class === 'meta')!)).toBe('ResolvedMinor impactLasted 1 h 30 min');
    expect(byClass(article, 'promise')).toEqual([]);
  });

  it('reads back any title as text, one card each', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        const article = card(entryCard(summarize({ ...open, title }, now), site));
        expect(text(find(article, (e) => e.tagName === 'a')!)).toBe(title);
      }),
    );
    const hostile = `<script>alert("x")</script> & 'y'`;
    const html = entryCard(summarize({ ...open, title: hostile }, now), site);
    expect(html).not.toContain('<script>');
    expect(text(find(card(html), (e) => e.tagName === 'h3')!)).toBe(hostile);
  });

  it('marks a title and an update shown in the first language for want of a translation', () => {
    const summary = summarize({ ...open, titleFallback: 'en' as const }, now);
    const article = card(entryCard({ ...summary, latest: { ...summary.latest!, fallback: 'en' } }, { ...site, t: translator('de') }));
    expect(attributes(find(article, (e) => e.tagName === 'h3')!).lang).toBe('en');
    expect(text(byClass(article, 'untranslated')[0]!)).toBe('Noch nicht übersetzt; hier auf Englisch.');
    expect(attributes(byClass(article, 'prose')[0]!).lang).toBe('en');
  });

  it('shows a maintenance window, the components by name and links that add it to a calendar until it is over', () => {
    const m = makeMaintenance(['2026-11-24T11:00Z', '2026-11-24T14:00Z'], ['database', 'search'], [['In progress', '2026-11-24T11:00Z'], ['Scheduled', '2026-11-17T09:00Z']], 'db-failover');
    const article = card(entryCard(summarize(m, now), site));
    expect(attributes(article).class).toBe('card tone-under_maintenance');
    expect(attributes(find(article, (e) => 'data-live' in attributes(e))!)['data-live']).toBe('entry:db-failover');
    expect(text(byClass(article, 'window')[0]!)).toBe('Nov 24, 2026, 11:00 UTC – 14:00 UTC (3 h)');
    expect(text(byClass(article, 'affects')[0]!)).toBe('Affects: Database, Search');
    expect(text(byClass(article, 'add-to-calendar')[0]!)).toBe('Add to calendar: .ics file · Google Calendar');
    const links = findAll(byClass(article, 'add-to-calendar')[0]!, (e) => e.tagName === 'a').map(attributes);
    expect(links).toEqual([
      { href: '/status/incidents/db-failover/calendar.ics', download: 'db-failover.ics' },
      { href: googleCalendarLink(m, config, '/status/'), rel: 'noopener' },
    ]);
    expect(links[1]!.href).toContain('&dates=');
    expect(byClass(card(entryCard(summarize(m, now), site, { showBody: false })), 'add-to-calendar')).toEqual([]);
    expect(byClass(card(entryCard(summarize(m, new Date('2026-11-24T15:00Z')), { ...site, now: new Date('2026-11-24T15:00Z') })), 'add-to-calendar')).toEqual([]);
  });

  it('names the components a maintenance affects as text, whatever their configured names hold', () => {
    const m = makeMaintenance(['2026-11-24T11:00Z', '2026-11-24T14:00Z'], ['api'], [['Scheduled', '2026-11-17T09:00Z']], 'm');
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), (name) => {
        const named = configSchema.parse({ site: { name: 'X', url: 'https://x.example' }, components: [{ id: 'api', name }] });
        const article = card(entryCard(summarize(m, now), { ...site, config: named }));
        expect(text(byClass(article, 'affects')[0]!)).toBe(`Affects: ${named.components[0]!.name}`);
      }),
      { numRuns: 200 },
    );
  });
});
