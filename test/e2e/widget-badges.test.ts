import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, visitAt } from '../../scripts/lib/browser.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIXTURE_NOW } from '../fixtures/build-fixture.ts';
import { buildSite, timeFor } from '../helpers/build.ts';
import { makeProject } from '../helpers/project.ts';
import { translator } from '../../src/i18n/translate.ts';

let outage: StaticServer;
let allClear: StaticServer;
let host: Server;
let hostUrl: string;
let browser: Browser;

/** A customer's own page, on another origin, embedding the widget of the status site at `statusUrl`. */
const customerPage = (statusUrl: string) => `<!doctype html><html lang="en"><head><title>Shop</title></head><body>
<h1>Our shop</h1><button id="buy" onclick="this.textContent='Bought'">Buy</button>
<script src="${statusUrl}widget.js" async></script>
<script>window.hostReady = true;</script>
</body></html>`;

beforeAll(async () => {
  outage = await serve(inject('fixtureSite'), '/status/');
  allClear = await serve(inject('allClearSite'), '/status/');
  host = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? '';
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(customerPage(target));
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await outage?.close();
  await allClear?.close();
  await new Promise((r) => host?.close(r));
});

async function openCustomerPage(statusUrl: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await visitAt(browser, FIXTURE_NOW)).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${hostUrl}?status=${encodeURIComponent(statusUrl)}`);
  await page.waitForFunction(() => (window as unknown as { hostReady?: boolean }).hostReady === true);
  return { page, errors };
}

describe('the embeddable widget', () => {
  it('shows a dismissible banner on a customer page while an incident is active', async () => {
    const { page, errors } = await openCustomerPage(outage.url);
    const banner = page.locator('[data-candor-widget] .b');
    await expect.poll(() => banner.count()).toBe(1);
    const text = await banner.innerText();
    expect(text).toContain('Partial System Outage');
    expect(text).toContain('Elevated API error rates');
    expect(await page.locator('[data-candor-widget] a').getAttribute('href')).toBe('https://fixture.example/status/incidents/2026-11-24-api-errors/');
    expect(await banner.getAttribute('role')).toBe('status');
    // Its styles stay inside its shadow root: the host page's own button is untouched.
    await page.locator('#buy').click();
    expect(await page.locator('#buy').innerText()).toBe('Bought');
    await page.locator('[data-candor-widget] button').click();
    expect(await page.locator('[data-candor-widget]').count()).toBe(0);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-candor-widget]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("speaks the language of the site it comes from: each language's widget.js, its words and direction", async () => {
    for (const [code, dir] of [['de', 'ltr'], ['ar', 'rtl']] as const) {
      const t = translator(code);
      const { page, errors } = await openCustomerPage(`${outage.url}${code}/`);
      const banner = page.locator('[data-candor-widget] .b');
      await expect.poll(() => banner.count()).toBe(1);
      expect([await banner.getAttribute('lang'), await banner.getAttribute('dir')]).toEqual([code, dir]);
      const text = await banner.innerText();
      expect(text).toContain(t('banner.state', { state: 'partial_outage' }));
      // The incident's title as translated, from that language's API.
      expect(text).toContain(code === 'de' ? 'Erhöhte Fehlerraten der API' : 'ارتفاع معدلات أخطاء واجهة البرمجة');
      expect(await page.locator('[data-candor-widget] a').innerText()).toBe(t('widget.details'));
      expect(await page.locator('[data-candor-widget] a').getAttribute('href')).toBe(`https://fixture.example/status/${code}/incidents/2026-11-24-api-errors/`);
      expect(await page.locator('[data-candor-widget] button').getAttribute('aria-label')).toBe(t('widget.dismiss'));
      expect(errors).toEqual([]);
    }
  });

  it('shows nothing when all is well', async () => {
    const { page, errors } = await openCustomerPage(allClear.url);
    const summary = await page.evaluate(async (u) => (await fetch(`${u}api/v2/summary.json`)).json(), allClear.url);
    expect(summary.status.description).toBe('All Systems Operational');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-candor-widget]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('leaves the customer page working when the status site is down', async () => {
    const down = await serve(inject('fixtureSite'), '/status/');
    const url = down.url;
    await down.close();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${hostUrl}?status=${encodeURIComponent(url)}`);
    await page.locator('#buy').click();
    expect(await page.locator('#buy').innerText()).toBe('Bought');
    expect(await page.evaluate(() => (window as unknown as { hostReady?: boolean }).hostReady)).toBe(true);
    expect(await page.locator('[data-candor-widget]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it.each<[string, (res: ServerResponse, req: IncomingMessage) => void]>([
    ['answers 500', (res) => res.writeHead(500).end('down')],
    ['answers garbage', (res) => res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{"page":')],
    ['answers without CORS', (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')],
    // widget.js loads, then the connection of its API request is cut before any answer.
    ['drops the connection', (_, req) => req.socket.destroy()],
  ])('leaves the customer page working when the status API %s', async (_, answer) => {
    const widget = readFileSync(join(inject('fixtureSite'), 'widget.js'));
    const asked: string[] = [];
    const broken = createServer((req, res) => {
      asked.push(req.url ?? '');
      if (req.url?.endsWith('widget.js')) res.writeHead(200, { 'content-type': 'text/javascript' }).end(widget);
      else answer(res, req);
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    try {
      const { page, errors } = await openCustomerPage(`http://127.0.0.1:${(broken.address() as AddressInfo).port}/status/`);
      await page.waitForLoadState('networkidle');
      // The widget did load and did ask the API: only the answer failed.
      await expect.poll(() => asked).toContain('/status/api/v2/summary.json');
      expect(asked).toContain('/status/widget.js');
      await page.locator('#buy').click();
      expect(await page.locator('#buy').innerText()).toBe('Bought');
      expect(await page.locator('[data-candor-widget]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await new Promise((r) => broken.close(r));
    }
  });

  it('shows maintenance in progress when no incident is open, and nothing once it is over', { timeout: timeFor(2) }, async () => {
    const root = makeProject({
      'incidents/2026-11-24-db-upgrade.md':
        '---\ntitle: Database upgrade\nscheduled_for: 2026-11-24T11:00Z\nscheduled_until: 2026-11-24T13:00Z\ncomponents: [database]\n---\n\n## Scheduled — 2026-11-10 09:00 UTC\nWe will upgrade the database.\n',
    });
    const during = buildSite(root, { CANDOR_NOW: '2026-11-24T12:00Z' });
    const after = buildSite(root, { CANDOR_NOW: '2026-11-24T13:30Z' });
    expect([during.code, after.code], during.output + after.output).toEqual([0, 0]);
    const [running, done] = await Promise.all([serve(during.outDir, '/'), serve(after.outDir, '/')]);
    try {
      const { page, errors } = await openCustomerPage(running.url);
      const banner = page.locator('[data-candor-widget] .b');
      await expect.poll(() => banner.count()).toBe(1);
      expect(await banner.innerText()).toContain('Maintenance in progress');
      expect(await banner.innerText()).toContain('Database upgrade');
      expect(await page.locator('[data-candor-widget] a').getAttribute('href')).toBe('https://status.example.com/incidents/2026-11-24-db-upgrade/');
      expect(errors).toEqual([]);

      const quiet = await openCustomerPage(done.url);
      await quiet.page.waitForLoadState('networkidle');
      expect(await quiet.page.locator('[data-candor-widget]').count()).toBe(0);
    } finally {
      await running.close();
      await done.close();
    }
  });

  it('is small: at most 3 KB gzip', () => {
    const js = readFileSync(join(inject('fixtureSite'), 'widget.js'));
    expect(gzipSync(js).length).toBeLessThanOrEqual(3 * 1024);
  });
});

describe('badges', () => {
  it('render in Chromium and state their text', async () => {
    const page = await browser.newPage();
    for (const [path, label] of [
      ['badge.svg', 'status: Partial System Outage'],
      ['components/api/badge.svg', 'Public API: partial outage'],
      ['components/db/badge.svg', 'Database: under maintenance'],
    ] as const) {
      const response = await page.goto(outage.url + path);
      expect(response?.headers()['content-type']).toBe('image/svg+xml');
      const svg = page.locator('svg');
      expect(await svg.getAttribute('aria-label')).toBe(label);
      expect(await svg.locator('title').textContent()).toBe(label);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(80);
      expect(box!.height).toBe(20);
      expect((await svg.locator('text').allTextContents()).join(' ')).toContain(label.split(': ')[1]!);
    }
    const shields = await (await fetch(`${outage.url}components/api/shields.json`)).json();
    expect(shields).toEqual({ schemaVersion: 1, label: 'Public API', message: 'partial outage', color: 'bc4c00' });
  });
});
