import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, visitAt } from '../../scripts/lib/browser.ts';
import { FIXTURE_NOW } from '../fixtures/build-fixture.ts';
import { serve, type StaticServer } from '../../scripts/lib/server.ts';

const PAGES = {
  home: '',
  incident: 'incidents/2026-11-24-api-errors/',
  postmortem: 'incidents/2026-11-20-search-outage/postmortem/',
  maintenance: 'maintenance/',
  subscribe: 'subscribe/',
  history: 'history/',
  component: 'components/api/',
  'not found': 'no-such-page/',
};

/** The same pages in Arabic: the site mirrored, right to left, with English text where no translation is. */
const RTL_PAGES = Object.fromEntries(Object.entries(PAGES).flatMap(([name, path]) => (name === 'not found' ? [] : [[`${name} in Arabic`, `ar/${path}`]])));

let server: StaticServer;
/** The site in English and Arabic only. */
let twoLanguages: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serve(inject('fixtureSite'), '/status/');
  twoLanguages = await serve(inject('twoLanguageSite'), '/status/');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await twoLanguages?.close();
});

async function withoutSiteScripts(context: BrowserContext) {
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() === 'script') return route.abort();
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    return route.fulfill({ response, body });
  });
}

/** Serious and critical axe-core violations (WCAG 2.2 A and AA) of a page as a visitor gets it. */
async function violations(path: string, options: { colorScheme: 'light' | 'dark'; width: number; javaScriptEnabled: boolean; site?: StaticServer }) {
  const context = await visitAt(browser, FIXTURE_NOW, { colorScheme: options.colorScheme, viewport: { width: options.width, height: 900 } });
  try {
    // axe itself needs JavaScript; the page without its own scripts is the page a visitor without
    // JavaScript gets, so the site's scripts are taken out of it.
    if (!options.javaScriptEnabled) await withoutSiteScripts(context);
    const page = await context.newPage();
    await page.goto((options.site ?? server).url + path);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    return {
      serious: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`),
      overflow,
    };
  } finally {
    await context.close();
  }
}

// Two pages at a time (maxConcurrency): each waits on Chromium most of its time.
describe.concurrent('every page type is accessible (axe-core: no serious or critical violation)', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    // Each theme's colours once, at the narrowest layout and the widest (the page without its scripts
    // is checked at the widest in light colours too); the home page in every combination.
    const runs = name === 'home' ? ([['light', 320], ['dark', 320], ['light', 1280], ['dark', 1280]] as const) : ([['light', 320], ['dark', 1280]] as const);
    for (const [colorScheme, width] of runs) {
      it(`${name}, ${colorScheme}, ${width} px`, { timeout: 60_000 }, async () => {
        const { serious, overflow } = await violations(path, { colorScheme, width, javaScriptEnabled: true });
        expect(serious).toEqual([]);
        // Responsive down to 320 px: nothing makes the page scroll sideways.
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
    it(`${name}, JavaScript off`, { timeout: 60_000 }, async () => {
      const { serious } = await violations(path, { colorScheme: 'light', width: 1280, javaScriptEnabled: false });
      expect(serious).toEqual([]);
    });
  }
  for (const [name, path] of Object.entries(RTL_PAGES)) {
    // Mirrored layouts break at the narrowest width first; the home page at both.
    for (const width of name.startsWith('home') ? [320, 1280] : [320]) {
      it(`${name}, ${width} px`, { timeout: 60_000 }, async () => {
        const { serious, overflow } = await violations(path, { colorScheme: 'light', width, javaScriptEnabled: true });
        expect(serious).toEqual([]);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  }
  it('home in Arabic of a site in two languages, 320 px', { timeout: 60_000 }, async () => {
    const { serious, overflow } = await violations('ar/', { colorScheme: 'light', width: 320, javaScriptEnabled: true, site: twoLanguages });
    expect(serious).toEqual([]);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
