import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, visitAt } from '../../scripts/lib/browser.ts';
import { generateProject } from '../../scripts/lib/generate.ts';
import { HOME_BUDGET_BYTES, measureSite, PAGE_BUDGET_BYTES } from '../../scripts/lib/measure.ts';
import { serve } from '../../scripts/lib/server.ts';
import { buildSite, timeFor } from '../helpers/build.ts';
import { longIncidentText, paragraphs, wordsFrom } from '../helpers/corpus.ts';
import { makeProject, ROOT } from '../helpers/project.ts';
import { loadProject } from '../../src/core/load.ts';
import { activeEntries } from '../../src/core/rules/status.ts';
import { HOME_LIMITS } from '../../src/views/home.ts';
import { MAINTENANCE_LIMITS } from '../../src/views/maintenance-pages.ts';

describe('the build reads the same model the check validates', () => {
  it('builds the example content into a site, a snapshot at its site.as_of on any day', { timeout: timeFor(1) }, async () => {
    // Built a year from today: the snapshot does not care.
    const r = buildSite(ROOT, { CANDOR_NOW: '', NODE_OPTIONS: `--import ${join(ROOT, 'test/helpers/a-year-later.mjs')}` });
    expect(r.code, r.output).toBe(0);
    const html = readFileSync(join(r.outDir, 'index.html'), 'utf8');
    expect(html).toContain('Brightpay');
    expect(html).toContain('Partially Degraded Service');
    expect(html).toContain('Generated <time datetime="2026-11-24T12:30:00.000Z"');
    expect(html).toContain('data-as-of="2026-11-24T12:30:00.000Z"');
    expect(html).not.toContain('id="candor-live"');

    // A visitor months later still reads the snapshot's "ago", not one measured from their own day.
    const server = await serve(r.outDir, '/');
    const browser = await launchBrowser();
    try {
      const context = await visitAt(browser, '2027-06-01T00:00Z');
      const page = await context.newPage();
      await page.goto(server.url);
      const ago = page.locator('[data-entry="2026-11-24-webhook-delivery-delays"] .meta time[data-relative]').first();
      // The page script has run once the theme toggle shows.
      await page.locator('.theme-toggle').waitFor({ state: 'visible' });
      expect(await ago.innerText()).toBe('2 hours ago');
      expect(await page.locator('.banner').innerText()).toContain('Partially Degraded Service');
    } finally {
      await browser.close();
      await server.close();
    }

    // Each incident's record of promises kept, on its page and in the API; the team's report in the history.
    const page = (id: string) => readFileSync(join(r.outDir, 'incidents', id, 'index.html'), 'utf8');
    expect(page('2026-11-18-card-payment-errors')).toContain('<p class="muted record" data-record>3 of 3 update promises kept; first update 7 minutes after the start.</p>');
    expect(page('2026-10-29-dashboard-sign-in-outage')).toContain('data-record>1 of 2 update promises kept; first update at the start.</p>');
    expect(page('2026-11-24-webhook-delivery-delays')).toContain('data-record>0 of 1 update promise kept so far; first update at the start.</p>');
    const api = JSON.parse(readFileSync(join(r.outDir, 'api/v2/incidents/2026-11-18-card-payment-errors.json'), 'utf8'));
    expect(api.incident.candor_communication).toEqual({ first_update_minutes: 7, promises_made: 3, promises_due: 3, promises_kept: 3, longest_silence_minutes: 34 });
    const history = readFileSync(join(r.outDir, 'history/index.html'), 'utf8');
    expect(history).toContain('<h2 id="report">How we communicated</h2>');
    expect(history).toMatch(/<th scope="row">Update promises kept<\/th><td>4 of 6 \(67%\)<\/td>/);

    // Budgets of the site issue: a light home page, and nothing fetched from any other origin.
    const report = measureSite(r.outDir);
    expect(report.home.total).toBeGreaterThan(1000);
    expect(report.home.total).toBeLessThanOrEqual(HOME_BUDGET_BYTES);
    expect(report.largest.gzip).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    expect(report.foreign).toEqual([]);
  });

  it('leaves drafts out unless CANDOR_DRAFTS=true', { timeout: timeFor(2) }, () => {
    const root = makeProject({
      'incidents/draft.md': '---\ntitle: Draft outage\ndraft: true\ncomponents:\n  api: major_outage\n---\n\n## Investigating — 2026-11-24 11:00 UTC\nx\n',
    });
    const published = buildSite(root, { CANDOR_NOW: '2026-11-24T12:00Z' });
    expect(published.code, published.output).toBe(0);
    expect(readFileSync(join(published.outDir, 'index.html'), 'utf8')).toContain('All Systems Operational');
    const preview = buildSite(root, { CANDOR_NOW: '2026-11-24T12:00Z', CANDOR_DRAFTS: 'true' });
    expect(readFileSync(join(preview.outDir, 'index.html'), 'utf8')).toContain('Major Service Outage');
  });

  it('writes CNAME for a custom domain, robots.txt and the sitemap under the base path, and bundles no dependencies for a dev server', { timeout: timeFor(1) }, () => {
    const root = makeProject({}, 'site:\n  name: X\n  url: https://status.x.example\n  base: /status\n  domain: status.x.example\ncomponents:\n  - id: api\n    name: API\n');
    // Vite's record of dependencies bundled for a browser's dev server (Astro's content sync starts one).
    const bundled = join(ROOT, 'node_modules', '.vite', 'deps', '_metadata.json');
    const before = existsSync(bundled) ? statSync(bundled).mtimeMs : undefined;
    const r = buildSite(root, { CANDOR_NOW: '2026-11-24T12:00Z' });
    expect(r.code, r.output).toBe(0);
    expect(existsSync(bundled) ? statSync(bundled).mtimeMs : undefined).toBe(before);
    expect(readFileSync(join(r.outDir, 'CNAME'), 'utf8')).toBe('status.x.example\n');
    expect(readFileSync(join(r.outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://status.x.example/status/sitemap-index.xml');
    expect(readFileSync(join(r.outDir, 'sitemap-0.xml'), 'utf8')).toContain('<loc>https://status.x.example/status/history/</loc>');
  });

  it("shows the site's frame in its first language, mirrored for a right-to-left one", { timeout: timeFor(1) }, () => {
    const root = makeProject({ 'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' }, 'site:\n  name: X\n  url: https://status.x.example\n  logo: /logo.svg\n  languages: [ar, en]\ncomponents:\n  - id: api\n    name: API\n');
    const r = buildSite(root, { CANDOR_NOW: '2026-11-24T12:00Z' });
    expect(r.code, r.output).toBe(0);
    const html = readFileSync(join(r.outDir, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('<title>حالة X</title>');
    expect(html).toContain('<a class="skip" href="#main">انتقل إلى المحتوى</a>');
    expect(html).toContain('<nav aria-label="الموقع"><a href="/history/">السجل</a><a href="/maintenance/">الصيانة</a><a href="/subscribe/">اشترك</a></nav>');
    expect(html).toMatch(/<p>أُنشئت في <time datetime="2026-11-24T12:00:00.000Z"[^>]*>[^<]+<\/time>\. مدعومة بـ Candor\.<\/p>/);
    expect(html).not.toContain('Skip to content');
    // The other language's pages, under /en/, take the logo from the site's base, where public/ is.
    const english = readFileSync(join(r.outDir, 'en', 'index.html'), 'utf8');
    expect(english).toContain('<html lang="en" dir="ltr"');
    expect(english).toContain('<link rel="icon" href="/logo.svg">');
    expect(english).toContain('<img src="/logo.svg"');
  });

  it("fails on bad input with the check's messages, and produces no site", { timeout: timeFor(1) }, () => {
    const root = makeProject({
      'incidents/a.md': '---\ntitle: A\ncomponents:\n  apii: major_outage\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n',
      'incidents/notes.txt': 'x',
    });
    const r = buildSite(root);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('incidents/a.md:4:3: error: Unknown component "apii". Did you mean "api"?');
    expect(r.output).toContain('incidents/notes.txt:1:1: error: "notes.txt" is not a Markdown file');
    expect(existsSync(join(r.outDir, 'index.html'))).toBe(false);
  });

  it('fails on an error found only across files (a post-mortem without its incident), and produces no site', { timeout: timeFor(1) }, () => {
    const root = makeProject({ 'incidents/2026-11-20-gone.postmortem.md': '---\ntitle: Gone\n---\n\nWhat happened.\n' });
    const r = buildSite(root);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('incidents/2026-11-20-gone.postmortem.md:1:1: error: The post-mortem has no incident: there is no incidents/2026-11-20-gone.md.');
    expect(existsSync(join(r.outDir, 'index.html'))).toBe(false);
  });

  it('fails on a bad configuration, naming the field', { timeout: timeFor(1) }, () => {
    const root = makeProject({}, 'site:\n  name: X\n  url: not a url\ncomponents:\n  - id: api\n    name: API\n');
    const r = buildSite(root);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('candor.config.yaml:3:8: error: site.url: must be a full http(s) URL');
    expect(existsSync(r.outDir)).toBe(false);
  });
});

describe('a site with hundreds of incidents open and a window every day for more than a year', () => {
  it('keeps its home and maintenance pages within budget, listing some in full, some as lines, and linking to the rest', { timeout: timeFor(1) }, () => {
    const now = new Date('2026-11-24T12:00Z');
    const root = join(mkdtempSync(join(tmpdir(), 'candor-crowded-')), 'p');
    generateProject(root, 400, now, 9, { perDay: 50, open: 200 });
    const nightly = 25 + MAINTENANCE_LIMITS.cards + MAINTENANCE_LIMITS.lines;
    for (let k = 0; k < nightly; k++) {
      const from = new Date(Date.parse('2026-11-25T02:00Z') + k * 86_400_000);
      const id = `${from.toISOString().slice(0, 10)}-nightly-upgrade-${k}`;
      const window = `scheduled_for: ${from.toISOString().slice(0, 16)}Z\nscheduled_until: ${new Date(from.getTime() + 3_600_000).toISOString().slice(0, 16)}Z`;
      writeFileSync(join(root, 'incidents', `${id}.md`), `---\ntitle: Nightly upgrade ${k}\n${window}\ncomponents: [api]\n---\n\n## Scheduled — 2026-11-10 09:00 UTC\nA short upgrade.\n`);
    }
    const r = buildSite(root, { CANDOR_NOW: now.toISOString() });
    expect(r.code, r.output).toBe(0);
    const read = (path: string) => readFileSync(join(r.outDir, path), 'utf8');
    const section = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

    const home = read('index.html');
    const active = section(home, 'active-incidents');
    expect(active.match(/<article /g)).toHaveLength(HOME_LIMITS.cards);
    expect(active.match(/class="entry-line"/g)).toHaveLength(HOME_LIMITS.lines);
    // The rest, counted after the list, link to the history page that lists the first of them.
    const [, link, count] = /<\/ul><p><a href="([^"]+)">(\d+) more active incidents, in the history<\/a><\/p>/.exec(active)!;
    const lastLine = [...active.matchAll(/data-entry="([^"]+)"/g)].at(-1)![1]!;
    const [path, anchor] = link!.split('#');
    const history = read(join(path!, 'index.html'));
    expect(history).toContain(`id="${anchor}"`);
    // Every open incident is a card, a line or one of those counted; the first of them is on the linked page.
    const open = activeEntries(loadProject(root, now).project!.entries, now).incidents;
    expect(Number(count)).toBe(open.length - HOME_LIMITS.cards - HOME_LIMITS.lines);
    expect(open[HOME_LIMITS.cards + HOME_LIMITS.lines - 1]!.id).toBe(lastLine);
    expect(history).toContain(`data-entry="${open[HOME_LIMITS.cards + HOME_LIMITS.lines]!.id}"`);

    // The maintenance page lists the windows ahead in full, then as lines; the rest continue on the next page.
    const maintenance = read('maintenance/index.html');
    const upcoming = section(maintenance, 'upcoming');
    expect(upcoming.match(/<article /g)).toHaveLength(MAINTENANCE_LIMITS.cards);
    const listed = (html: string) => [...html.matchAll(/data-entry="([^"]+)"/g)].map((m) => m[1]);
    const lines = (html: string) => [...html.matchAll(/class="entry-line" data-entry="([^"]+)"/g)].map((m) => m[1]);
    expect(lines(upcoming)).toHaveLength(MAINTENANCE_LIMITS.lines);
    const [, next, later] = /<p><a href="([^"]+)">(\d+) more upcoming windows, continued on page 2<\/a><\/p>/.exec(upcoming)!;
    expect(next).toBe('/maintenance/2/#upcoming');
    const second = read('maintenance/2/index.html');
    expect(second).toContain('<h1>Planned maintenance, page 2 of 2</h1>');
    expect(lines(section(second, 'upcoming'))).toHaveLength(Number(later));
    // Each window ahead once, soonest first, over the two pages.
    const nightlyIds = Array.from({ length: nightly }, (_, k) => `${new Date(Date.parse('2026-11-25T02:00Z') + k * 86_400_000).toISOString().slice(0, 10)}-nightly-upgrade-${k}`);
    expect([...listed(upcoming), ...listed(section(second, 'upcoming'))].filter((id) => id!.includes('nightly-upgrade'))).toEqual(nightlyIds);
    expect(second).toContain('<a href="/maintenance/" rel="prev">');
    // Each line says when its window starts, in a time the visitor's browser shows in their own zone.
    const lastWindow = nightly - 1;
    const lastItem = new RegExp(`<li class="entry-line" data-entry="${nightlyIds[lastWindow]}">.*?</li>`).exec(second)![0];
    expect(lastItem).toContain(`<time datetime="${new Date(Date.parse('2026-11-25T02:00Z') + lastWindow * 86_400_000).toISOString()}" data-format="datetime">`);

    // Each page carries the changes of the next two weeks' windows only.
    const live = /<script type="application\/json" id="candor-live">([^<]*)<\/script>/.exec(home)![1]!;
    const states = JSON.parse(live) as { statuses: Record<string, unknown> }[];
    const moved = new Set(states.flatMap((s) => Object.keys(s.statuses)).filter((key) => key.includes('nightly-upgrade')));
    // The nightly windows of days 0 to 13 (the project's own few windows besides), each opening and closing.
    expect([...moved].sort()).toEqual(nightlyIds.slice(0, 14).map((id) => `entry:${id}`).sort());
    expect(states.length).toBeLessThanOrEqual(2 * (14 + 3));
    const report = measureSite(r.outDir);
    expect(report.home.total).toBeLessThanOrEqual(HOME_BUDGET_BYTES);
    expect(report.largest.gzip).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
});

describe('a site whose updates are very many and very long', () => {
  it('keeps every page within budget: the timeline on pages of its own, long updates cut short on cards, the post-mortem beside what fits', { timeout: timeFor(1) }, async () => {
    const words = wordsFrom(11);
    const files: Record<string, string> = {
      // A thousand updates: a file near its 300 KB limit.
      'incidents/2026-11-01-long.md': longIncidentText(1000, () => words(240)),
      'incidents/2026-11-01-long.postmortem.md': `---\npublished: 2026-11-20T10:00Z\n---\n\n## Summary\n${paragraphs(words, 90_000)}\n\n## Impact\nx\n\n## Root cause\nx\n\n## Resolution\nx\n\n## Prevention\nx\n`,
    };
    // Open incidents and upcoming windows whose latest update is near its 20,000 characters.
    for (let k = 0; k < 6; k++) files[`incidents/2026-11-2${k}-open-${k}.md`] = `---\ntitle: Open ${k}\ncomponents:\n  web: partial_outage\n---\n\n## Identified — 2026-11-23 1${k}:00 UTC\n${paragraphs(words, 19_000)}\n`;
    for (let k = 0; k < 30; k++) {
      const day = String(1 + k).padStart(2, '0');
      files[`incidents/2026-11-10-window-${k}.md`] = `---\ntitle: Window ${k}\nscheduled_for: 2026-12-${day}T06:00Z\nscheduled_until: 2026-12-${day}T07:00Z\ncomponents: [database]\n---\n\n## Scheduled — 2026-11-10 06:00 UTC\n${paragraphs(words, 19_000)}\n`;
    }
    const r = buildSite(makeProject(files), { CANDOR_NOW: '2026-11-24T12:00Z' });
    expect(r.code, r.output).toBe(0);
    const read = (path: string) => readFileSync(join(r.outDir, path), 'utf8');
    const report = measureSite(r.outDir);
    expect(report.home.total).toBeLessThanOrEqual(HOME_BUDGET_BYTES);
    expect(report.largest.gzip).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);

    // Every update of the long incident once, newest first, over its page and the pages after it, each in the sitemap.
    const anchors = (html: string) => [...html.matchAll(/<li id="(update-[^"]+)"/g)].map((m) => m[1]);
    const pages = [read('incidents/2026-11-01-long/index.html')];
    for (let n = 2; existsSync(join(r.outDir, `incidents/2026-11-01-long/updates/${n}/index.html`)); n++) pages.push(read(`incidents/2026-11-01-long/updates/${n}/index.html`));
    expect(pages.length).toBeGreaterThan(3);
    const shown = pages.flatMap(anchors);
    expect(shown).toHaveLength(1000);
    expect(new Set(shown).size).toBe(1000);
    expect(shown[0]).toBe('update-2026-11-05-2033');
    expect(shown.at(-1)).toBe('update-2026-11-01-0000');
    expect(pages[0]).toContain('<a href="/incidents/2026-11-01-long/updates/2/" rel="next">Older →</a>');
    expect(pages[1]).toContain(`<title>A long incident: updates, page 2 of ${pages.length} · Example status</title>`);
    expect(read('sitemap-0.xml')).toContain(`<loc>https://status.example.com/incidents/2026-11-01-long/updates/${pages.length}/</loc>`);

    // The post-mortem's page links to the updates it has no room for.
    expect(read('incidents/2026-11-01-long/postmortem/index.html')).toMatch(/<a href="\/incidents\/2026-11-01-long\/(updates\/\d+\/)?#update-[\d-]+">\d+ earlier updates are on the incident pages<\/a>/);
    // A card shows the start of a long update and links to the whole of it, on the incident's page.
    const home = read('index.html');
    expect(home).toContain('<a href="/incidents/2026-11-25-open-5/#update-2026-11-23-1500">Read the whole update</a>');
    expect(read('incidents/2026-11-25-open-5/index.html')).toContain('<li id="update-2026-11-23-1500"');

    // A link to an old update names the incident's page, as feeds and notifications do: the page's script finds its page.
    const server = await serve(r.outDir, '/');
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${server.url}incidents/2026-11-01-long/#update-2026-11-01-0000`);
      await page.waitForURL(`**/incidents/2026-11-01-long/updates/${pages.length}/#update-2026-11-01-0000`);
      expect(await page.locator('#update-2026-11-01-0000').isVisible()).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
