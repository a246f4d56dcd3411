import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.ts';
import { CARD_BODY, type EntryContext, entryCard, excerpt } from '../../src/views/entry-card.ts';
import { entryFacts, entryMain, postmortemAside, timeline, updatesMain } from '../../src/views/entry-page.ts';
import { summarize } from '../../src/views/entries.ts';
import { postmortemTimeline, TIMELINE_PAGE_BYTES, timelinePages } from '../../src/views/timeline-pages.ts';
import { longIncidentText, wordsFrom } from '../helpers/corpus.ts';
import { paths } from '../../src/views/urls.ts';
import { makeIncident } from '../helpers/entries.ts';
import { attributes, type Element, elements, findAll, text } from '../helpers/fragment.ts';
import { config, incident } from '../helpers/project.ts';

// However many or long an entry's updates, no page is over its budget: the timeline is cut into pages,
// the post-mortem's page shows what fits beside it, and a card shows the start of a long update.

const now = new Date('2026-11-24T12:00:00Z');
const site: EntryContext = { config, t: translator('en'), base: '/', clock: { timeZone: 'UTC', locale: 'en-US' }, now };
const compressed = (html: string) => gzipSync(html).length;

/** An open incident of `count` updates, one every 7 minutes from Nov 1, the `k`th of the text `body(k)`. */
const incidentOf = (count: number, body: (k: number) => string) => incident(longIncidentText(count, body));

/** Every element of `html` that passes `test`, at any depth. */
const all = (html: string, test: (e: Element) => boolean) => elements(html).flatMap((e) => [...(test(e) ? [e] : []), ...findAll(e, test)]);
const anchors = (html: string) => all(html, (e) => e.tagName === 'li' && attributes(e).id !== undefined).map((e) => attributes(e).id);
const pagerLinks = (html: string) => Object.fromEntries(all(html, (e) => e.tagName === 'a' && attributes(e).rel !== undefined).map((a) => [attributes(a).rel, attributes(a).href]));

describe("an entry's timeline", () => {
  it('stays on the entry page for an incident of some sixty hours of half-hourly updates', () => {
    const words = wordsFrom(1);
    const summary = summarize(incidentOf(120, () => words(250)), now);
    expect(timelinePages(summary.posted)).toHaveLength(1);
    const html = entryMain(summary, site);
    expect(anchors(html)).toEqual(summary.posted.map((u) => u.anchor));
    expect(html).not.toContain('class="pager"');
  });

  it('is cut into pages, newest first, each update once, each page under its budget compressed, linked one to the next', () => {
    const words = wordsFrom(2);
    const summary = summarize(incidentOf(1000, () => words(260)), now);
    const pages = timelinePages(summary.posted);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.flat()).toEqual(summary.posted);
    for (const page of pages) expect(compressed(timeline(page, site))).toBeLessThanOrEqual(TIMELINE_PAGE_BYTES);

    const first = entryMain(summary, site);
    expect(anchors(first)).toEqual(pages[0]!.map((u) => u.anchor));
    expect(pagerLinks(first)).toEqual({ next: '/incidents/test-incident/updates/2/' });
    expect(first).toContain(`<span>Page 1 of ${pages.length}</span>`);
    const shown = pages.flatMap((_, k) => anchors(k === 0 ? first : updatesMain(summary, k + 1, site)));
    expect(shown).toEqual(summary.posted.map((u) => u.anchor));

    const second = updatesMain(summary, 2, site);
    expect(text(elements(second).find((e) => e.tagName === 'h1')!)).toBe(`A long incident: updates, page 2 of ${pages.length}`);
    expect(pagerLinks(second)).toEqual({ prev: '/incidents/test-incident/', next: '/incidents/test-incident/updates/3/' });
    expect(pagerLinks(updatesMain(summary, pages.length, site))).toEqual({ prev: `/incidents/test-incident/updates/${pages.length - 1}/` });
  });

  it('keeps each page under its budget when the updates do not compress at all', () => {
    let s = 7;
    const noise = (chars: number) => Array.from({ length: chars }, (_, k) => (k % 80 === 79 ? ' ' : String.fromCharCode(33 + ((s = (s * 48271) % 2147483647) % 90)))).join('').replace(/[<>&*_`[\]\\#!|~-]/g, 'x');
    const summary = summarize(incidentOf(60, () => noise(2900)), now);
    const pages = timelinePages(summary.posted);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat()).toEqual(summary.posted);
    for (const page of pages) expect(compressed(timeline(page, site))).toBeLessThanOrEqual(TIMELINE_PAGE_BYTES);
  });

  it("shows beside a long post-mortem the newest updates that fit, and links to the incident's pages for the others", () => {
    const words = wordsFrom(3);
    const entry = incidentOf(400, () => words(200));
    const summary = summarize(entry, now);
    const long = { id: entry.id, file: 'x', html: `<p>${words(90_000)}</p>`, draft: false } as unknown as Parameters<typeof postmortemAside>[1];
    // Beside the post-mortem and the entry's facts.
    const shown = postmortemTimeline(summary.posted, long.html + entryFacts(summary, site));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(summary.posted.length);
    expect(shown).toEqual(summary.posted.slice(0, shown.length));
    const aside = postmortemAside(summary, long, site);
    expect(compressed(long.html + aside)).toBeLessThanOrEqual(46_000);
    const more = all(aside, (e) => e.tagName === 'a').at(-1)!;
    expect(text(more)).toBe(`${summary.posted.length - shown.length} earlier updates are on the incident pages`);
    // To the first of them, on the page of the incident's timeline that holds it.
    const first = summary.posted[shown.length]!;
    const page = timelinePages(summary.posted).findIndex((p) => p.includes(first)) + 1;
    expect(attributes(more).href).toBe(`${paths.updates('test-incident', page)}#${first.anchor}`);
    // A short post-mortem has the whole timeline of a day's incident beside it.
    expect(postmortemTimeline(summary.posted.slice(0, 48), '<p>What happened.</p>')).toHaveLength(48);
  });
});

describe('a card of an entry whose latest update is long', () => {
  it('shows its first words and a link to the whole update, and a short update in full', () => {
    const words = wordsFrom(4);
    const long = words(CARD_BODY.htmlChars + 500);
    const entry = incident(`---\ntitle: Slow API\ncomponents:\n  api: partial_outage\n---\n\n## Identified — 2026-11-24 11:30 UTC\n${long}\n\n## Investigating — 2026-11-24 11:00 UTC\nLooking.\n`);
    const html = entryCard(summarize(entry, now), site);
    const prose = all(html, (e) => (attributes(e).class ?? '').includes('prose'))[0]!;
    const said = text(prose);
    expect(said.length).toBeLessThan(CARD_BODY.excerptChars + 40);
    expect(said.startsWith(long.slice(0, 100))).toBe(true);
    const link = all(html, (e) => e.tagName === 'a').at(-1)!;
    expect(text(link)).toBe('Read the whole update');
    expect(attributes(link).href).toBe('/incidents/test-incident/#update-2026-11-24-1130');

    const short = makeIncident({ api: 'partial_outage' }, [['Identified', '2026-11-24T11:30Z']]);
    expect(entryCard(summarize(short, now), site)).toContain('<div class="prose" dir="auto"><p>Text of the identified update.</p></div>');
  });

  it('cuts between words, or anywhere in a text without spaces, never inside a character', () => {
    expect(excerpt('Short enough.', 300)).toBe('Short enough.');
    expect(excerpt('one two three four five six', 15)).toBe('one two three…');
    expect(excerpt('one\n\ntwo   three', 300)).toBe('one two three');
    expect(excerpt('障害が発生しています。'.repeat(10), 12)).toBe('障害が発生しています。障…');
    // An emoji is two UTF-16 units: the cut falls before it, not between them.
    expect(excerpt(`${'a'.repeat(11)}😀😀`, 12)).toBe(`${'a'.repeat(11)}…`);
  });
});
