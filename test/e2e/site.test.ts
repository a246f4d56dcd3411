import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse, TEXT_NODE, walkSync } from 'ultrahtml';
import { querySelectorAll } from 'ultrahtml/selector';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, visitAt } from '../../scripts/lib/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { FILLER_INCIDENTS, FIXTURE_NOW } from '../fixtures/build-fixture.ts';

const dist = inject('fixtureSite');
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** Every request any page made, to prove that none leaves the site. */
const requested: string[] = [];

beforeAll(async () => {
  server = await serve(dist, '/status/');
  browser = await launchBrowser();
  context = await visitAt(browser, FIXTURE_NOW, { timezoneId: 'UTC' });
  context.on('request', (r) => requested.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
  const page = await ctx.newPage();
  const response = await page.goto(server.url + path.replace(/^\//, ''));
  expect(response?.status(), path).toBe(200);
  return page;
}

/** What a reader sees in an element, with line breaks and runs of spaces folded. */
const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();

describe('home page', () => {
  it('says what is wrong, what is affected and when the next update comes', async () => {
    const page = await open('/');
    expect(await text(page, '.banner')).toBe('Partial System Outage');
    expect(await page.title()).toBe('Fixture Co status');

    const status = (id: string) => page.locator(`[data-component="${id}"] .row-head .status`).innerText();
    expect(await status('api')).toBe('Partial outage');
    expect(await status('web')).toBe('Degraded performance');
    expect(await status('db')).toBe('Under maintenance');
    expect(await status('email')).toBe('Degraded performance');
    // Shown only when degraded, and it is operational now.
    expect(await page.locator('[data-component="search"]').count()).toBe(0);
    expect(await page.locator('[data-group="core"] summary .status').innerText()).toBe('Partial outage');

    const active = page.locator('section[aria-labelledby="active-incidents"] .card');
    expect(await active.count()).toBe(2);
    const api = page.locator('section[aria-labelledby="active-incidents"] [data-entry="2026-11-24-api-errors"]');
    expect(await api.locator('.status').first().innerText()).toBe('Identified');
    expect(await api.innerText()).toContain('A bad deploy raised error rates.');
    expect(await api.locator('[data-next-update]').innerText()).toBe('Next update by Nov 24, 2026, 13:00 UTC.');
    const email = page.locator('section[aria-labelledby="active-incidents"] [data-entry="2026-11-24-email-delays"]');
    expect(await email.locator('[data-next-update]').getAttribute('data-next-update')).toBe('overdue');
    expect(await email.locator('[data-next-update]').innerText()).toContain('is overdue');

    expect(await page.locator('section[aria-labelledby="maintenance-now"]').innerText()).toContain('Database failover test');
    const upcoming = await page.locator('section[aria-labelledby="maintenance-upcoming"]').innerText();
    expect(upcoming).toContain('Cache upgrade');
    expect(upcoming).not.toContain('Network upgrade');
  });

  it('shows 14 days of history with quiet days said out loud', async () => {
    const page = await open('/');
    const days = page.locator('section[aria-labelledby="recent"] .history-day');
    expect(await days.count()).toBe(14);
    expect(await days.nth(0).locator('h3').innerText()).toBe('Nov 24, 2026');
    expect(await days.nth(1).innerText()).toContain('No incidents reported.');
    expect(await days.nth(4).innerText()).toContain('Search unavailable');
    expect(await page.locator('footer').innerText()).toContain('Contact support');
  });

  it('has a 90-day uptime bar per component whose incident days open by keyboard', async () => {
    const page = await open('/');
    expect(await page.locator('[data-component="api"] .bar > li').count()).toBe(90);
    expect(await page.locator('[data-component="api"] .uptime-legend').innerText()).toContain('99.');
    const label = await page.locator('[data-component="web"] .bar > li').nth(80).innerText();
    expect(label).toMatch(/^Nov 15, 2026: Degraded performance 30 min$/);
    const button = page.locator('[data-component="web"] .bar button').first();
    await button.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('[data-component="web"] .day-detail:popover-open');
    await expect.poll(() => detail.count()).toBe(1);
    expect(await detail.innerText()).toContain('Hostile markup in an update');
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
  });

  it("shows times in the visitor's zone when JavaScript runs, and in UTC without it", async () => {
    const tokyo = await visitAt(browser, FIXTURE_NOW, { timezoneId: 'Asia/Tokyo' });
    const page = await open('/', tokyo);
    const promise = page.locator('#active-incidents ~ [data-entry="2026-11-24-api-errors"] [data-next-update] time');
    await expect.poll(() => promise.innerText()).toMatch(/Nov 24, 2026, 22:00 GMT\+9/);
    expect(await page.locator('#active-incidents ~ [data-entry="2026-11-24-api-errors"] .meta time[data-relative]').innerText()).toMatch(/ ago$/);
    await tokyo.close();

    const noJs = await visitAt(browser, FIXTURE_NOW, { javaScriptEnabled: false, timezoneId: 'Asia/Tokyo' });
    const still = await open('/', noJs);
    expect(await still.locator('#active-incidents ~ [data-entry="2026-11-24-api-errors"] [data-next-update] time').innerText()).toBe('Nov 24, 2026, 13:00 UTC');
    expect(await text(still, '.banner')).toBe('Partial System Outage');
    expect(await still.locator('.theme-toggle').isVisible()).toBe(false);
    await noJs.close();
  });

  it('switches between light and dark, and remembers the choice', async () => {
    const dark = await visitAt(browser, FIXTURE_NOW, { colorScheme: 'dark' });
    const page = await open('/', dark);
    const toggle = page.locator('.theme-toggle');
    expect(await toggle.innerText()).toBe('Light theme');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(13, 17, 23)');
    await toggle.click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    await dark.close();
  });
});

describe('incident pages', () => {
  it('show facts and the whole timeline, newest first, with anchors', async () => {
    const page = await open('/incidents/2026-11-20-search-outage/');
    expect(await text(page, 'h1')).toBe('Search unavailable');
    const facts = await text(page, '.facts');
    expect(facts).toContain('Resolved');
    expect(facts).toContain('Critical');
    expect(facts).toContain('Nov 20, 2026, 10:00 UTC');
    expect(facts).toContain('40 min');
    expect(await text(page, '.facts [data-component="search"]')).toBe('Search: Major outage');
    const ids = await page.locator('.timeline > li').evaluateAll((els) => els.map((e) => e.id));
    expect(ids).toEqual(['update-2026-11-20-1040', 'update-2026-11-20-1020', 'update-2026-11-20-1000']);
    expect(await page.locator('.timeline > li h3 span:first-child').allInnerTexts()).toEqual(['Resolved', 'Monitoring', 'Investigating']);
    expect(await page.locator('#update-2026-11-20-1020 a.anchor').getAttribute('href')).toBe('#update-2026-11-20-1020');
    await page.locator('a', { hasText: 'Read what happened' }).click();
    await page.waitForURL(/\/status\/incidents\/2026-11-20-search-outage\/postmortem\/$/);
    expect(await text(page, 'h1')).toBe('Post-mortem: Search unavailable');
    expect(await text(page, 'article')).toContain('The job now swaps aliases atomically.');
    expect(await page.locator('aside .timeline > li').count()).toBe(3);
  });

  it('show an ongoing incident with its promise', async () => {
    const page = await open('/incidents/2026-11-24-api-errors/');
    expect(await text(page, '.facts')).toContain('Ongoing for');
    expect(await text(page, '[data-next-update]')).toBe('Next update by Nov 24, 2026, 13:00 UTC.');
  });

  it('render hostile markup inert', async () => {
    const dialogs: string[] = [];
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}incidents/2026-11-15-hostile-markup/`);
    const update = page.locator('#update-2026-11-15-0930 .prose');
    expect(await update.innerText()).toContain('Styled paragraph');
    await page.locator('#update-2026-11-15-0930 .prose p', { hasText: 'Styled paragraph' }).click();
    for (const link of await update.locator('a').all()) await link.click({ noWaitAfter: true }).catch(() => {});
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    const html = await update.innerHTML();
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|style=/i);
    expect(dialogs).toEqual([]);
  });
});

describe('history, components, maintenance and 404', () => {
  it('history is newest first, grouped by month, and paginated', async () => {
    const page = await open('/history/');
    const months = await page.locator('main h2').allInnerTexts();
    expect(months[0]).toBe('November 2026');
    expect(await page.locator('main .card').count()).toBe(25);
    expect(await page.locator('main .card h3').first().innerText()).toBe('Delayed emails');
    expect(await text(page, '.pager')).toContain('Page 1 of 2');
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/status\/history\/2\/$/);
    // Seven fixture files, less the two maintenance windows still ahead, plus the filler.
    expect(await page.locator('main .card').count()).toBe(5 + FILLER_INCIDENTS - 25);
    expect(await page.locator('main h2').last().innerText()).toBe('January 2025');
  });

  it('a component page shows its status, uptime and incidents', async () => {
    const page = await open('/components/search/');
    expect(await text(page, 'h1')).toBe('Search');
    expect(await text(page, 'main')).toContain('Current status: Operational');
    expect(await page.locator('.bar > li').count()).toBe(90);
    expect(await page.locator('main .card h3').allInnerTexts()).toEqual(['Search unavailable']);
  });

  it('the maintenance page lists in progress, upcoming and past', async () => {
    const page = await open('/maintenance/');
    expect(await page.locator('section[aria-labelledby="in-progress"] .card h3').allInnerTexts()).toEqual(['Database failover test']);
    expect(await page.locator('section[aria-labelledby="upcoming"] .card h3').allInnerTexts()).toEqual(['Cache upgrade', 'Network upgrade']);
  });

  it('the subscribe page lists every way to follow, linked from the header of every page', async () => {
    const home = await open('/');
    await home.locator('header nav a', { hasText: 'Subscribe' }).click();
    expect(home.url()).toBe(`${server.url}subscribe/`);
    expect(await home.locator('main h2').allInnerTexts()).toEqual(['Email', 'Chat', 'Social and other channels', 'Feeds', 'Calendar', 'For developers']);
    const link = (name: string) => home.locator('main a', { hasText: name }).first().getAttribute('href');
    expect(await link('Sign up for email updates')).toBe('https://lists.fixture.example/status');
    expect(await link('Mastodon: @fixture@mastodon.example')).toBe('https://mastodon.example/@fixture');
    expect(await link('Bluesky: @fixture.example')).toBe('https://bsky.app/profile/fixture.example');
    expect(await link('Community forum')).toBe('https://forum.fixture.example/c/status');
    expect(await link('Public API: RSS')).toBe('https://fixture.example/status/components/api/history.rss');
    expect(await link('Planned maintenance (iCalendar)')).toBe('https://fixture.example/status/maintenance.ics');
    expect(await text(home, '#chat')).toContain('/feed subscribe https://fixture.example/status/history.rss');
    expect(await text(home, '#developers')).toContain('<script src="https://fixture.example/status/widget.js" async></script>');
  });

  it('an unknown address gets the 404 page', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}nope/`);
    expect(response?.status()).toBe(404);
    expect(await text(page, 'h1')).toBe('Page not found');
  });

  it('every link on every page works under the base path', async () => {
    const pages: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        if (name.isDirectory()) walk(join(dir, name.name), `${prefix}${name.name}/`);
        else if (name.name === 'index.html') pages.push(prefix);
      }
    };
    walk(dist, '');
    expect(pages.length).toBeGreaterThan(40);
    const checked = new Set<string>();
    for (const p of pages) {
      const html = readFileSync(join(dist, p, 'index.html'), 'utf8');
      for (const [, raw] of html.matchAll(/(?:href|src)="([^"#]+)/g)) {
        const url = new URL(raw!.replace(/&amp;/g, '&'), server.url + p);
        if (url.origin !== new URL(server.url).origin || checked.has(url.pathname)) continue;
        checked.add(url.pathname);
        expect(url.pathname.startsWith('/status/'), `${url.pathname} on /${p}`).toBe(true);
        const res = await fetch(url);
        expect(res.status, `${url.pathname} linked from /status/${p}`).toBe(200);
      }
    }
    expect(checked.size).toBeGreaterThan(40);
  });

  it('every page type has its title, description, canonical URL and Open Graph tags', async () => {
    for (const [path, title] of [
      ['', 'Fixture Co status'],
      ['incidents/2026-11-20-search-outage/', 'Search unavailable · Fixture Co status'],
      ['incidents/2026-11-20-search-outage/postmortem/', 'Post-mortem: Search unavailable · Fixture Co status'],
      ['history/', 'Incident history · Fixture Co status'],
      ['components/db/', 'Database · Fixture Co status'],
      ['maintenance/', 'Planned maintenance · Fixture Co status'],
    ]) {
      const page = await open(`/${path}`);
      const meta = (selector: string) => page.locator(selector).getAttribute('content');
      expect(await page.title()).toBe(title);
      expect(await meta('meta[property="og:title"]')).toBe(title);
      expect((await meta('meta[name="description"]'))!.length).toBeGreaterThan(10);
      expect(await meta('meta[property="og:description"]')).toBe(await meta('meta[name="description"]'));
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`https://fixture.example/status/${path}`);
      expect(await meta('meta[property="og:url"]')).toBe(`https://fixture.example/status/${path}`);
      await page.close();
    }
  });

  it('no page asks any other origin for anything', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((u) => !u.startsWith(new URL(server.url).origin))).toEqual([]);
  });
});

/** A built page of the fixture site, parsed as the browser would read it. */
const built = (file: string) => parse(readFileSync(join(dist, file), 'utf8'));

/** The text of a parsed element, with runs of whitespace folded, as a reader sees it. */
function textOf(node: any): string {
  let out = '';
  walkSync(node, (n) => {
    if (n.type === TEXT_NODE) out += n.value;
  });
  return out.replace(/\s+/g, ' ').trim();
}

/** Every HTML file of the built site, relative to its folder. */
function htmlFiles(dir = dist, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? htmlFiles(join(dir, d.name), `${prefix}${d.name}/`) : d.name.endsWith('.html') ? [`${prefix}${d.name}`] : [],
  );
}

describe('every page says when it was generated (SPEC: the rules)', () => {
  const pageTypes = [
    ['home', 'index.html'],
    ['incident', 'incidents/2026-11-20-search-outage/index.html'],
    ['post-mortem', 'incidents/2026-11-20-search-outage/postmortem/index.html'],
    ['history', 'history/index.html'],
    ['component', 'components/db/index.html'],
    ['maintenance', 'maintenance/index.html'],
    ['404', '404.html'],
  ];

  /** The "Generated …" lines of a page, each with the time its <time> element states. */
  const generatedLines = (file: string) =>
    // The footer's line with a time: "Generated …" in English, in each language's words on its pages.
    querySelectorAll(built(file), 'footer p')
      .filter((p) => querySelectorAll(p, 'time').length > 0)
      .map((p) => {
        const times = querySelectorAll(p, 'time');
        return { text: textOf(p), times: times.map((t) => ({ datetime: (t as any).attributes['datetime'] as string | undefined, text: textOf(t) })) };
      });

  it.each(pageTypes)('the %s page names the build time in a <time datetime>', (_, file) => {
    const lines = generatedLines(file);
    expect(lines, file).toHaveLength(1);
    const [{ text, times }] = lines as [(typeof lines)[number]];
    expect(times).toHaveLength(1);
    expect(new Date(times[0]!.datetime ?? NaN).getTime(), file).toBe(new Date(FIXTURE_NOW).getTime());
    // The site's zone is UTC: the reader sees the same instant without JavaScript.
    expect(text).toBe(`Generated ${times[0]!.text}. Powered by Candor.`);
    expect(times[0]!.text).toBe('Nov 24, 2026, 12:00 UTC');
  });

  it('and so does every other page the build wrote', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const [, file] of pageTypes) expect(files).toContain(file);
    const wrong = files.filter((f) => {
      const lines = generatedLines(f);
      return lines.length !== 1 || lines[0]!.times.length !== 1 || new Date(lines[0]!.times[0]!.datetime ?? NaN).getTime() !== new Date(FIXTURE_NOW).getTime();
    });
    expect(wrong).toEqual([]);
  });
});

describe('the uptime formula is stated where uptime is shown (SPEC: uptime)', () => {
  /** SPEC: downtime = minutes in major_outage + 0.3 × minutes in partial_outage; uptime = 1 − downtime / minutes counted. */
  const FORMULA = /uptime = 1 − \(minutes of major outage \+ 0\.3 × minutes of partial outage\) ÷ minutes counted/;
  const components = readdirSync(join(dist, 'components'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  /** The paragraphs of a page region that say how uptime is computed. */
  const notes = (file: string, region: string) =>
    querySelectorAll(built(file), `${region} p`)
      .map(textOf)
      .filter((t) => t.includes('uptime ='));

  it('on the home page, with the 90-day period it covers', () => {
    const [note, ...more] = notes('index.html', 'section[aria-labelledby="components"]');
    expect(more).toEqual([]);
    expect(note).toMatch(FORMULA);
    expect(note).toContain('over the last 90 days');
    // Only the two outage statuses are downtime.
    expect(note).toContain('Degraded performance and maintenance count as up');
  });

  it('on every component page', () => {
    expect(components.sort()).toEqual(['api', 'db', 'email', 'search', 'web']);
    for (const id of components) {
      const found = notes(`components/${id}/index.html`, 'main');
      expect(found, id).toHaveLength(1);
      expect(found[0], id).toMatch(FORMULA);
    }
  });

  it('and the figures shown follow it', () => {
    const MINUTES_COUNTED = 90 * 24 * 60;
    const minutes = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
    /** As the page shows a ratio: floored to two decimals, so any downtime never reads 100.00%. */
    const shown = (ratio: number) => `${(Math.floor(ratio * 10_000) / 100).toFixed(2)}%`;
    const legend = (id: string) => /([\d.]+%) uptime/.exec(textOf(querySelectorAll(built(`components/${id}/index.html`), '.uptime-legend')[0]))?.[1];
    // Search: a major outage from 10:00 to the resolution at 10:40 on Nov 20.
    expect(legend('search')).toBe(shown(1 - minutes('2026-11-20T10:00Z', '2026-11-20T10:40Z') / MINUTES_COUNTED));
    // API: a partial outage since 11:00 on Nov 24, still going at the build time.
    expect(legend('api')).toBe(shown(1 - (0.3 * minutes('2026-11-24T11:00Z', FIXTURE_NOW)) / MINUTES_COUNTED));
    // Website: only degraded performance; database: only maintenance. Both count as up.
    expect(legend('web')).toBe('100.00%');
    expect(legend('db')).toBe('100.00%');
  });
});
