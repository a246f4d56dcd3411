import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/core/schema/config.ts';
import { translator } from '../../src/i18n/translate.ts';
import { summarize } from '../../src/views/entries.ts';
import type { EntryContext } from '../../src/views/entry-card.ts';
import { entryFacts, timeline } from '../../src/views/entry-page.ts';
import { makeIncident, makeMaintenance } from '../helpers/entries.ts';
import { attributes, elements, type Element, find, findAll, text } from '../helpers/fragment.ts';
import { config } from '../helpers/project.ts';

// An entry page's facts and timeline, read back the way a browser parses them.

const now = new Date('2026-11-24T12:00:00Z');
const site: EntryContext = { config, t: translator('en'), base: '/status/', clock: { timeZone: 'UTC', locale: 'en-US' }, now };

/** The facts as name → the text of its value, and the value elements by name. */
function facts(html: string): { read: Record<string, string>; values: Record<string, Element> } {
  const [dl, ...rest] = elements(html);
  expect(rest).toEqual([]);
  expect(attributes(dl!).class).toBe('facts');
  const children = findAll(dl!, (e) => e.tagName === 'dt' || e.tagName === 'dd');
  const read: Record<string, string> = {};
  const values: Record<string, Element> = {};
  for (let k = 0; k < children.length; k += 2) {
    expect([children[k]!.tagName, children[k + 1]!.tagName]).toEqual(['dt', 'dd']);
    read[text(children[k]!)] = text(children[k + 1]!);
    values[text(children[k]!)] = children[k + 1]!;
  }
  return { read, values };
}

describe("an entry page's facts", () => {
  it('of a resolved incident: status, impact, start, end, duration, and each component linked, one of them recovered early', () => {
    const incident = makeIncident({ api: '{ status: major_outage, recovered: 2026-11-22T10:40Z }', web: 'degraded_performance' }, [['Resolved', '2026-11-22T11:30Z'], ['Investigating', '2026-11-22T10:00Z']], {}, 'payments');
    const { read, values } = facts(entryFacts(summarize(incident, now), site));
    expect(read).toEqual({
      Status: 'Resolved',
      Impact: 'Critical',
      Started: 'Nov 22, 2026, 10:00 UTC',
      Resolved: 'Nov 22, 2026, 11:30 UTC',
      Duration: '1 h 30 min',
      Affected: 'API: Major outage, recovered Nov 22, 2026, 10:40 UTC' + 'Website: Degraded performance',
    });
    expect(attributes(values.Impact!)['data-impact']).toBe('critical');
    expect(attributes(values.Duration!)).toEqual({ 'data-duration': '' });
    const items = findAll(values.Affected!, (e) => e.tagName === 'li');
    expect(items.map((li) => attributes(li)['data-component'])).toEqual(['api', 'web']);
    expect(items.map((li) => attributes(find(li, (e) => e.tagName === 'a')!).href)).toEqual(['/status/components/api/', '/status/components/web/']);
  });

  it('of an open incident with no component, and of a maintenance window', () => {
    const open = makeIncident({}, [['Investigating', '2026-11-24T11:00Z']], { impact: 'minor' }, 'question');
    expect(facts(entryFacts(summarize(open, now), site)).read).toEqual({ Status: 'Investigating', Impact: 'Minor', Started: 'Nov 24, 2026, 11:00 UTC', 'Ongoing for': '1 h', Affected: 'No component' });
    const m = makeMaintenance(['2026-11-24T11:00Z', '2026-11-24T14:00Z'], ['database'], [['In progress', '2026-11-24T11:00Z']], 'failover');
    const { read, values } = facts(entryFacts(summarize(m, now), site));
    expect(read).toMatchObject({ Status: 'In progress', Window: 'Nov 24, 2026, 11:00 UTC – 14:00 UTC (3 h)', Affected: 'Database: Under maintenance' });
    expect(attributes(find(values.Status!, (e) => 'data-live' in attributes(e))!)['data-live']).toBe('entry:failover');
    expect(attributes(values.Window!)).toEqual({ 'data-duration': '' });
  });

  it('name any component as text, whatever its configured name holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), (name) => {
        const named = configSchema.parse({ site: { name: 'X', url: 'https://x.example' }, components: [{ id: 'api', name }] });
        const incident = makeIncident({ api: 'partial_outage' }, [['Investigating', '2026-11-24T11:00Z']], {}, 'x');
        const { values } = facts(entryFacts(summarize(incident, now), { ...site, config: named }));
        expect(text(find(values.Affected!, (e) => e.tagName === 'a')!)).toBe(named.components[0]!.name);
      }),
      { numRuns: 200 },
    );
  });
});

describe("an entry page's timeline", () => {
  const incident = makeIncident({ api: 'partial_outage' }, [['Identified', '2026-11-24T11:30Z'], ['Investigating', '2026-11-24T11:00Z']], {}, 'api-errors');

  it('lists the updates newest first, each with its status, time, text and a link to itself', () => {
    const [ol, ...rest] = elements(timeline(summarize(incident, now).posted, site));
    expect(rest).toEqual([]);
    expect(attributes(ol!)).toEqual({ class: 'timeline', 'aria-label': 'Updates, newest first' });
    const items = findAll(ol!, (e) => e.tagName === 'li');
    expect(items.map((li) => [attributes(li).id, attributes(li)['data-status'], text(find(li, (e) => e.tagName === 'h3')!), text(find(li, (e) => attributes(e).class === 'prose')!)])).toEqual([
      ['update-2026-11-24-1130', 'identified', 'IdentifiedNov 24, 2026, 11:30 UTC#', 'Text of the identified update.'],
      ['update-2026-11-24-1100', 'investigating', 'InvestigatingNov 24, 2026, 11:00 UTC#', 'Text of the investigating update.'],
    ]);
    expect(attributes(find(items[0]!, (e) => e.tagName === 'a')!)).toEqual({ class: 'anchor', href: '#update-2026-11-24-1130', 'aria-label': 'Link to the Identified update' });
  });

  it('marks an update shown in the first language for want of a translation, unless the page says so once', () => {
    const posted = summarize(incident, now).posted.map((u) => ({ ...u, fallback: 'en' as const }));
    const de = translator('de');
    const [ol] = elements(timeline(posted, { ...site, t: de }));
    expect(findAll(ol!, (e) => attributes(e).class === 'muted untranslated').map(text)).toEqual(['Noch nicht übersetzt; hier auf Englisch.', 'Noch nicht übersetzt; hier auf Englisch.']);
    expect(findAll(ol!, (e) => attributes(e).class === 'prose').map((e) => attributes(e).lang)).toEqual(['en', 'en']);
    const [quiet] = elements(timeline(posted, { ...site, t: de }, { notes: false }));
    expect(findAll(quiet!, (e) => attributes(e).class === 'muted untranslated')).toEqual([]);
  });
});
