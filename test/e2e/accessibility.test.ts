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

type Layout = readonly [colorScheme: 'light' | 'dark', width: number];

/**
 * Serious and critical axe-core violations (WCAG 2.2 A and AA) of a page as a visitor gets it, in
 * each of `layouts` (colours and width), and how far it scrolls sideways in each. One page is loaded
 * and checked in each layout in turn: axe's first check of a page costs twice its next ones.
 */
async function violations(path: string, layouts: readonly Layout[], { javaScriptEnabled = true, site = server }: { javaScriptEnabled?: boolean; site?: StaticServer } = {}) {
  const [colorScheme, width] = layouts[0]!;
  const context = await visitAt(browser, FIXTURE_NOW, { colorScheme, viewport: { width, height: 900 } });
  try {
    // axe itself needs JavaScript; the page without its own scripts is the page a visitor without
    // JavaScript gets, so the site's scripts are taken out of it.
    if (!javaScriptEnabled) await withoutSiteScripts(context);
    const page = await context.newPage();
    await page.goto(site.url + path);
    expect(page.frames(), 'axe checks the page alone (legacy mode, below), not what a frame shows').toHaveLength(1);
    const found: Record<string, { serious: string[]; overflow: number }> = {};
    for (const [colorScheme, width] of layouts) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      // Violations alone in full (passes are not read): a third quicker than axe's whole report. Run
      // in the page itself (legacy mode): the site has no frames, and axe's way for frames opens a
      // blank page for every check, which took twice as long as the check.
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .options({ resultTypes: ['violations'] })
        .setLegacyMode(true)
        .analyze();
      found[`${colorScheme}, ${width} px`] = {
        serious: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`),
        overflow: await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      };
    }
    return found;
  } finally {
    await context.close();
  }
}

/** No serious violation in any layout, and (responsive down to 320 px) nothing that makes the page scroll sideways. */
function expectAccessible(found: Awaited<ReturnType<typeof violations>>, { overflow = true } = {}) {
  for (const [layout, { serious, overflow: sideways }] of Object.entries(found)) {
    expect(serious, layout).toEqual([]);
    if (overflow) expect(sideways, layout).toBeLessThanOrEqual(0);
  }
}

/** Time for one layout's check: the home page's takes some 10 s on a busy 2-core machine, 25 s beside a CPU hog. */
const perLayout = 90_000;

// Two pages at a time (maxConcurrency): each waits on Chromium most of its time.
describe.concurrent('every page type is accessible (axe-core: no serious or critical violation)', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    // Each theme's colours once, at the narrowest layout and the widest (the page without its scripts
    // is checked at the widest in light colours too); the home page in every combination.
    const layouts: readonly Layout[] = name === 'home' ? [['light', 320], ['dark', 320], ['light', 1280], ['dark', 1280]] : [['light', 320], ['dark', 1280]];
    it(`${name}, ${layouts.map((l) => l.join(' ')).join(', ')} px`, { timeout: perLayout * layouts.length }, async () => {
      expectAccessible(await violations(path, layouts));
    });
    it(`${name}, JavaScript off`, { timeout: perLayout }, async () => {
      expectAccessible(await violations(path, [['light', 1280]], { javaScriptEnabled: false }), { overflow: false });
    });
  }
  for (const [name, path] of Object.entries(RTL_PAGES)) {
    // Mirrored layouts break at the narrowest width first; the home page at both.
    const layouts: readonly Layout[] = name.startsWith('home') ? [['light', 320], ['light', 1280]] : [['light', 320]];
    it(`${name}, ${layouts.map(([, width]) => width).join(' and ')} px`, { timeout: perLayout * layouts.length }, async () => {
      expectAccessible(await violations(path, layouts));
    });
  }
  it('home in Arabic of a site in two languages, 320 px', { timeout: perLayout }, async () => {
    expectAccessible(await violations('ar/', [['light', 320]], { site: twoLanguages }));
  });
});
