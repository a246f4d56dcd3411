import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.ts';
import { atom, FEED_LIMIT, feedItems, feedMeta, rss } from '../../src/views/feed.ts';
import { makeIncident } from '../helpers/entries.ts';
import { config, incident } from '../helpers/project.ts';

const now = new Date('2026-11-24T12:00Z');

describe('feed items', () => {
  it('keep their ids when the text of an update is edited', async () => {
    const text = (words: string) => `---\ntitle: Slow API\ncomponents:\n  api: degraded_performance\n---\n\n## Identified — 2026-11-20 14:30 UTC\n${words}\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n`;
    const before = incident(text('A bad config.'));
    const after = incident(text('A bad configuration change, now rolled back.'));
    for (const render of [rss, atom]) {
      const a = parseFeed(await render(feedMeta(config, now), feedItems([before], config, now)));
      const b = parseFeed(await render(feedMeta(config, now), feedItems([after], config, now)));
      expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
      expect(b.items[0]!.content).not.toEqual(a.items[0]!.content);
    }
  });

  it(`stop at the newest ${FEED_LIMIT}`, () => {
    const many = Array.from({ length: 60 }, (_, k) => {
      const day = String((k % 28) + 1).padStart(2, '0');
      const month = k < 28 ? '09' : k < 56 ? '10' : '11';
      return makeIncident({ api: 'degraded_performance' }, [['Resolved', `2026-${month}-${day} 11:00 UTC`], ['Investigating', `2026-${month}-${day} 10:00 UTC`]], {}, `i-${k}`);
    });
    const items = feedItems(many, config, now);
    expect(items).toHaveLength(FEED_LIMIT);
    expect(items[0]!.date.toISOString()).toBe('2026-11-04T11:00:00.000Z');
  });

  it("of a component are the newest of the entries that affect it, ties in the same order, in each language", () => {
    // Three components, entries affecting one or two of them, many updates at the same minutes.
    const affects = [{ api: 'partial_outage' }, { web: 'degraded_performance' }, { api: 'major_outage', database: 'partial_outage' }, { database: 'degraded_performance' }];
    const history = Array.from({ length: 90 }, (_, k) => {
      // Entry k and entry k + 14 are updated at the same minutes.
      const day = String((k % 14) + 1).padStart(2, '0');
      const month = ['08', '09', '10', '11'][Math.floor(k / 28)]!;
      return makeIncident(affects[k % 4]!, [['Resolved', `2026-${month}-${day} 11:00 UTC`], ['Investigating', `2026-${month}-${day} 10:00 UTC`]], {}, `i-${k}`);
    });
    for (const base of [config.site.base, '/de']) {
      for (const id of ['api', 'web', 'database']) {
        const own = feedItems(history, config, now, { componentId: id, base });
        expect(own).toEqual(feedItems(history.filter((e) => e.components.some((c) => c.id === id)), config, now, { base }));
        expect(own.length).toBe(Math.min(FEED_LIMIT, 2 * history.filter((e) => e.components.some((c) => c.id === id)).length));
      }
    }
    expect(feedItems(history, config, now, { base: '/de' })[0]!.link).toContain('/de/incidents/');
  });

  it('are written the same in every feed that carries them, in its language', () => {
    // Items are written once for all feeds: a component's feed, written after the site's, must still
    // read as the feed of only the entries that affect it, and a German feed in German.
    const history = Array.from({ length: 30 }, (_, k) => {
      const day = String((k % 28) + 1).padStart(2, '0');
      return makeIncident(k % 2 ? { api: 'partial_outage', web: 'degraded_performance' } : { web: 'major_outage' }, [['Resolved', `2026-10-${day} 11:00 UTC`], ['Investigating', `2026-10-${day} 10:00 UTC`]], {}, `i-${k}`);
    });
    for (const render of [rss, atom]) {
      for (const options of [{}, { base: '/de', t: translator('de') }]) {
        const site = render(feedMeta(config, now, options), feedItems(history, config, now, options));
        expect(site).not.toContain('candor-items');
        for (const componentId of ['api', 'web']) {
          const meta = feedMeta(config, now, { ...options, componentId });
          const own = render(meta, feedItems(history, config, now, { ...options, componentId }));
          const alone = render(meta, feedItems(history.filter((e) => e.components.some((c) => c.id === componentId)), config, now, options));
          expect(own).toBe(alone);
          expect(parseFeed(own).items).toHaveLength(componentId === 'api' ? 30 : 60);
        }
      }
      const german = parseFeed(render(feedMeta(config, now, { base: '/de', t: translator('de') }), feedItems(history, config, now, { base: '/de', t: translator('de') })));
      expect(german.items[0]!.title).toMatch(/^\[Behoben\]/);
    }
  });

  it('are made again for another language at the same base, and for another configuration', () => {
    const history = [makeIncident({ api: 'partial_outage' }, [['Resolved', '2026-10-02 11:00 UTC'], ['Investigating', '2026-10-02 10:00 UTC']], {}, 'i-0')];
    expect(feedItems(history, config, now)[0]!.title).toMatch(/^\[Resolved\]/);
    expect(feedItems(history, config, now, { t: translator('de') })[0]!.title).toMatch(/^\[Behoben\]/);
    const renamed = { ...config, components: config.components.map((c) => (c.id === 'api' ? { ...c, name: 'Public API' } : c)) };
    expect(feedItems(history, config, now)[0]!.categories).toEqual(['API']);
    expect(feedItems(history, renamed, now)[0]!.categories).toEqual(['Public API']);
  });
});

describe('feed text stays text', () => {
  it('titles and summaries with markup reach no reader as HTML, and nothing breaks out of CDATA', async () => {
    const hostile = incident('---\ntitle: Errors <script>alert(1)</script> on the API\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nCode `<img src=x onerror=alert(2)>` and a ]]> b ]]><evil/> tail.\n');
    for (const render of [rss, atom]) {
      const xml = await render(feedMeta(config, now), feedItems([hostile], config, now));
      expect(xml).not.toMatch(/<script|<img src=x|<evil\/>/);
      const feed = parseFeed(xml);
      expect(feed.items).toHaveLength(1);
      // Readers that take titles as HTML show the words, not markup.
      expect(feed.items[0]!.title).toMatch(/^\[Investigating\] Errors (&lt;|<)script(&gt;|>)alert\(1\)/);
      expect(xml).not.toMatch(/<title[^>]*>[^<]*&lt;script&gt;alert/);
      // The code sample stays in the text (escaped in the XML); no element of it survives.
      expect(feed.items[0]!.content ?? '').not.toMatch(/<script|<evil/);
      expect(xml).not.toMatch(/<img[^>]*onerror/);
    }
  });
});
