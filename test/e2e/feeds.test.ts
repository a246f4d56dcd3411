import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('fixtureSite');
const SITE = 'https://fixture.example/status';
const read = (path: string) => parseFeed(readFileSync(join(dist, path), 'utf8'));

describe.each(['history.rss', 'history.atom'])('the site feed %s, read by a real feed parser', (file) => {
  const feed = read(file);

  it('describes the site and links to it under the base path', () => {
    expect(feed.title).toBe('Fixture Co status');
    expect(feed.url).toBe(`${SITE}/`);
  });

  it('has one item per update and per post-mortem, newest first, with stable links as ids', () => {
    const first = feed.items.slice(0, 4).map((i) => [i.title, i.id, i.url]);
    expect(first).toEqual([
      ['[Identified] Elevated API error rates', `${SITE}/incidents/2026-11-24-api-errors/#update-2026-11-24-1130`, `${SITE}/incidents/2026-11-24-api-errors/#update-2026-11-24-1130`],
      ['[Investigating] Delayed emails', `${SITE}/incidents/2026-11-24-email-delays/#update-2026-11-24-1115`, `${SITE}/incidents/2026-11-24-email-delays/#update-2026-11-24-1115`],
      ['[Investigating] Elevated API error rates', `${SITE}/incidents/2026-11-24-api-errors/#update-2026-11-24-1100`, `${SITE}/incidents/2026-11-24-api-errors/#update-2026-11-24-1100`],
      ['[In progress] Database failover test', `${SITE}/incidents/2026-11-24-db-maintenance/#update-2026-11-24-1100`, `${SITE}/incidents/2026-11-24-db-maintenance/#update-2026-11-24-1100`],
    ]);
    const dates = feed.items.map((i) => new Date(i.updated ?? i.published ?? 0).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const postmortem = feed.items.find((i) => i.title === '[Post-mortem] Search unavailable');
    expect(postmortem?.url).toBe(`${SITE}/incidents/2026-11-20-search-outage/postmortem/`);
    expect(postmortem?.content).toContain('The job now swaps aliases atomically.');
    expect(feed.items.filter((i) => i.title?.includes('Search unavailable')).map((i) => i.title)).toEqual([
      '[Post-mortem] Search unavailable',
      '[Resolved] Search unavailable',
      '[Monitoring] Search unavailable',
      '[Investigating] Search unavailable',
    ]);
  });

  it('carries the rendered update and the affected components', () => {
    const item = feed.items.find((i) => i.id?.endsWith('2026-11-24-api-errors/#update-2026-11-24-1130'))!;
    expect(item.content).toBe('<p>A bad deploy raised error rates. We are rolling it back.</p>');
    expect(item.categories.map((c) => c.label)).toEqual(['Public API', 'Website']);
  });

  it('holds no script, event handler or javascript: link in any body', () => {
    const hostile = feed.items.find((i) => i.title === '[Resolved] Hostile markup in an update')!;
    expect(hostile.content).toContain('Styled paragraph');
    for (const item of feed.items) expect(item.content ?? '').not.toMatch(/<script|onerror|onclick|javascript:|<iframe/i);
  });

  it('leaves out what has not been posted yet', () => {
    expect(feed.items.some((i) => i.title === '[Scheduled] Network upgrade')).toBe(true);
    expect(feed.items.every((i) => new Date(i.updated ?? i.published ?? 0) <= new Date('2026-11-24T12:00Z'))).toBe(true);
  });
});

describe('a component feed', () => {
  it('has only the incidents and maintenance of that component', () => {
    const feed = read('components/search/history.atom');
    expect(feed.title).toBe('Fixture Co status: Search');
    expect(feed.url).toBe(`${SITE}/components/search/`);
    expect(new Set(feed.items.map((i) => i.title?.replace(/^\[[^\]]+\] /, '')))).toEqual(new Set(['Search unavailable']));
    expect(read('components/search/history.rss').items.map((i) => i.id)).toEqual(feed.items.map((i) => i.id));
  });
});

describe('every page offers the feeds', () => {
  it('with <link rel="alternate"> under the base path', () => {
    for (const page of ['index.html', 'history/index.html', 'incidents/2026-11-24-api-errors/index.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Fixture Co status (RSS)" href="/status/history.rss">');
      expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Fixture Co status (Atom)" href="/status/history.atom">');
    }
    expect(readFileSync(join(dist, 'components/db/index.html'), 'utf8')).toContain('href="/status/components/db/history.rss"');
  });
});
