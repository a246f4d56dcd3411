import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, visitAt } from '../../scripts/lib/browser.ts';
import { FIXTURE_ALL_CLEAR } from '../fixtures/build-fixture.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';

let before: StaticServer;
let browser: Browser;
beforeAll(async () => {
  // The fixture built on 2026-11-21, before the database window (2026-11-24 11:00–14:00 UTC) opens.
  before = await serve(inject('allClearSite'), '/status/');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await before?.close();
});

const words = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();

describe('maintenance moves along in the browser between builds', () => {
  it('goes from scheduled to in progress to completed as the clock passes the window', async () => {
    const context = await visitAt(browser, '2026-11-24T10:58:00Z', { timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto(`${before.url}`);
    const db = '[data-component="db"] .row-head .status';
    const card = 'section[aria-labelledby="maintenance-upcoming"] [data-entry="2026-11-24-db-maintenance"]';
    expect(await words(page, '.banner')).toBe('All Systems Operational');
    expect(await words(page, db)).toBe('Operational');
    expect(await words(page, `${card} .meta .status`)).toBe('Scheduled');

    await page.clock.fastForward('03:00');
    await expect.poll(() => words(page, db)).toBe('Under maintenance');
    expect(await words(page, '.banner')).toBe('Service Under Maintenance');
    expect(await page.locator('.banner').getAttribute('data-indicator')).toBe('maintenance');
    expect(await page.locator(`.banner .icon`).getAttribute('data-icon')).toBe('under_maintenance');
    expect(await words(page, '[data-group="data"] summary .status')).toBe('Under maintenance');
    expect(await words(page, `${card} .meta .status`)).toBe('In progress');
    expect(await page.locator(card).getAttribute('class')).toContain('tone-under_maintenance');

    await page.clock.fastForward('03:00:00');
    await expect.poll(() => words(page, db)).toBe('Operational');
    expect(await words(page, '.banner')).toBe('All Systems Operational');
    expect(await words(page, `${card} .meta .status`)).toBe('Completed');
    await context.close();
  });

  it('also on the incident page of the maintenance and on the component page', async () => {
    const context = await visitAt(browser, '2026-11-24T11:30:00Z');
    const page = await context.newPage();
    await page.goto(`${before.url}incidents/2026-11-24-db-maintenance/`);
    expect(await words(page, '.facts .status')).toBe('In progress');
    await page.goto(`${before.url}components/db/`);
    expect(await words(page, 'main [data-live="component:db"]')).toBe('Under maintenance');
    await context.close();
  });

  it('shows each window in the site zone and in the visitor zone', async () => {
    const context = await visitAt(browser, FIXTURE_ALL_CLEAR, { timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(`${before.url}maintenance/`);
    const window = page.locator('[data-entry="2026-11-24-db-maintenance"] .window');
    expect(await words(page, '[data-entry="2026-11-24-db-maintenance"] .window')).toBe('Nov 24, 2026, 11:00 UTC – 14:00 UTC (3 h) Your time: Nov 24, 2026, 06:00 EST – 09:00 EST');
    expect(await window.locator('.your-time').isVisible()).toBe(true);
    // On the German pages, in German words and dates.
    const german = await context.newPage();
    await german.goto(`${before.url}de/maintenance/`);
    expect(await words(german, '[data-entry="2026-11-24-db-maintenance"] .your-time')).toMatch(/^Ihre Zeit: 24\. Nov\. 2026, 06:00 (GMT-5|EST) – 09:00 (GMT-5|EST)$/);
    // Times relative to now, as the browser script writes them, in German too.
    const ago = german.locator('time[data-relative]');
    expect(await ago.count()).toBeGreaterThan(0);
    for (const text of await ago.allInnerTexts()) expect(text).toMatch(/^(vor \d+ (Minute|Minuten|Stunde|Stunden|Tag|Tagen)|in \d+ (Minute|Minuten|Stunde|Stunden|Tag|Tagen)|jetzt)$/);
    expect(await words(page, '[data-entry="2026-11-24-db-maintenance"] .affects')).toBe('Affects: Database');
    const ics = page.locator('[data-entry="2026-11-24-db-maintenance"] .add-to-calendar a').first();
    expect(await ics.getAttribute('href')).toBe('/status/incidents/2026-11-24-db-maintenance/calendar.ics');
    const response = await page.request.get(`${before.url}incidents/2026-11-24-db-maintenance/calendar.ics`);
    expect(await response.text()).toContain('UID:2026-11-24-db-maintenance@fixture.example');
    await context.close();
  });
});

describe('maintenance says the same on every channel', () => {
  const dist = inject('fixtureSite');
  const read = (p: string) => readFileSync(join(dist, p), 'utf8');
  const api = (p: string) => JSON.parse(read(`api/v2/${p}.json`));
  const ids = (html: string, section: string) => [...(html.split(`aria-labelledby="${section}"`)[1]?.split('</section>')[0] ?? '').matchAll(/data-entry="([^"]+)"/g)].map((m) => m[1]);

  it('page, API, feed and calendar agree on what is in progress, upcoming, completed and cancelled', () => {
    const page = read('maintenance/index.html');
    expect(ids(page, 'in-progress')).toEqual(['2026-11-24-db-maintenance']);
    expect(ids(page, 'upcoming')).toEqual(['2026-11-27-cache-upgrade', '2026-12-20-network-upgrade']);
    expect(ids(page, 'past')).toEqual(['2026-11-26-cdn-switch']);
    expect(page).toMatch(/data-entry="2026-11-26-cdn-switch"[\s\S]*?Cancelled/);

    expect(api('scheduled-maintenances/active').scheduled_maintenances.map((m: { id: string }) => m.id)).toEqual(ids(page, 'in-progress'));
    expect(api('scheduled-maintenances/upcoming').scheduled_maintenances.map((m: { id: string }) => m.id)).toEqual(ids(page, 'upcoming'));
    const cancelled = api('incidents/2026-11-26-cdn-switch').incident;
    expect([cancelled.status, cancelled.cancelled, cancelled.resolved_at]).toEqual(['completed', true, '2026-11-23T16:00:00.000Z']);
    expect(api('summary').status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(api('components').components.find((c: { id: string }) => c.id === 'db').status).toBe('under_maintenance');

    const feed = parseFeed(read('history.rss'));
    expect(feed.items.map((i) => i.title)).toContain('[Cancelled] CDN provider switch');
    expect(feed.items.map((i) => i.title)).toContain('[In progress] Database failover test');

    const calendar = new ICAL.Component(ICAL.parse(read('maintenance.ics')));
    const status = Object.fromEntries(calendar.getAllSubcomponents('vevent').map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('status')]));
    expect(status).toEqual({
      '2026-12-20-network-upgrade@fixture.example': 'CONFIRMED',
      '2026-11-27-cache-upgrade@fixture.example': 'CONFIRMED',
      '2026-11-26-cdn-switch@fixture.example': 'CANCELLED',
      '2026-11-24-db-maintenance@fixture.example': 'CONFIRMED',
    });
  });
});
