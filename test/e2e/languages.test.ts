import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { type Node, parse, TEXT_NODE } from 'ultrahtml';
import { querySelector, querySelectorAll } from 'ultrahtml/selector';
import { describe, expect, inject, it } from 'vitest';
import { CATALOGUES, type MessageKey, translator } from '../../src/i18n/translate.ts';

// The browser tests' site is in three languages (test/fixtures/site: en at /status/, de, ar), with a
// German and an Arabic translation of the open API incident and a German one of the search outage
// and its post-mortem.

const dist = inject('fixtureSite');
const SITE = 'https://fixture.example/status';
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const page = (path: string) => parse(read(path));
const textOf = (node: { children?: unknown[]; value?: string; type?: number } | undefined): string =>
  node ? (node.type === TEXT_NODE ? node.value ?? '' : (node.children ?? []).map((c) => textOf(c as never)).join('')).replace(/\s+/g, ' ').trim() : '';

const PAGE_TYPES = ['', 'incidents/2026-11-24-api-errors/', 'incidents/2026-11-20-search-outage/postmortem/', 'maintenance/', 'subscribe/', 'history/', 'components/api/'];

describe('every page in each language of site.languages', () => {
  it.each(PAGE_TYPES)('/%s exists under /de/ and /ar/, in the language, with hreflang alternates and a switcher of plain links', (path) => {
    for (const [code, dir, prefix] of [['en', 'ltr', ''], ['de', 'ltr', 'de/'], ['ar', 'rtl', 'ar/']] as const) {
      const doc = page(`${prefix}${path}index.html`);
      const html = querySelector(doc, 'html');
      expect(html.attributes.lang, `${prefix}${path}`).toBe(code === 'en' ? 'en-US' : code);
      expect(html.attributes.dir).toBe(dir);
      const alternates = querySelectorAll(doc, 'link[rel="alternate"][hreflang]').map((l) => [l.attributes.hreflang, l.attributes.href]);
      expect(alternates).toEqual([
        ['en', `${SITE}/${path}`],
        ['de', `${SITE}/de/${path}`],
        ['ar', `${SITE}/ar/${path}`],
        ['x-default', `${SITE}/${path}`],
      ]);
      const switcher = querySelectorAll(doc, 'nav.languages a').map((a) => [a.attributes.href, a.attributes.lang, textOf(a), a.attributes['aria-current'] ?? '']);
      expect(switcher).toEqual([
        [`/status/${path}`, 'en', 'English', code === 'en' ? 'page' : ''],
        [`/status/de/${path}`, 'de', 'Deutsch', code === 'de' ? 'page' : ''],
        [`/status/ar/${path}`, 'ar', 'العربية', code === 'ar' ? 'page' : ''],
      ]);
    }
  });

  it("links within a language's pages stay in that language", () => {
    const doc = page('de/index.html');
    const nav = querySelectorAll(doc, 'nav[aria-label="Website"] a').map((a) => [a.attributes.href, textOf(a)]);
    expect(nav).toEqual([
      ['/status/de/history/', 'Verlauf'],
      ['/status/de/maintenance/', 'Wartung'],
      ['/status/de/subscribe/', 'Abonnieren'],
    ]);
    const incidentLinks = querySelectorAll(doc, 'a[href*="/incidents/"]').map((a) => a.attributes.href);
    expect(incidentLinks.length).toBeGreaterThan(0);
    expect(incidentLinks.every((href) => href.startsWith('/status/de/incidents/'))).toBe(true);
  });

  it('the one 404 page offers each language its home page', () => {
    const doc = page('404.html');
    expect(querySelectorAll(doc, 'nav.languages a').map((a) => a.attributes.href)).toEqual(['/status/', '/status/de/', '/status/ar/']);
    expect(querySelectorAll(doc, 'link[hreflang]')).toEqual([]);
    expect(existsSync(join(dist, 'de/404.html'))).toBe(false);
  });
});

describe('incident text in the language of the page', () => {
  it('shows a translation: its title and updates, the status words in the language', () => {
    const doc = page('de/incidents/2026-11-24-api-errors/index.html');
    expect(textOf(querySelector(doc, 'h1'))).toBe('Erhöhte Fehlerraten der API');
    const updates = querySelectorAll(doc, '.timeline li').map((li) => [textOf(querySelector(li, 'h3 span')), textOf(querySelector(li, '.prose'))]);
    expect(updates).toEqual([
      ['Ursache gefunden', 'Ein fehlerhaftes Deployment hat die Fehlerrate erhöht. Wir nehmen es zurück.'],
      ['Untersuchung', 'Wir untersuchen erhöhte Fehlerraten der API.'],
    ]);
    expect(querySelectorAll(doc, '.untranslated')).toEqual([]);
    // The record of promises kept, in German too.
    expect(textOf(querySelector(doc, '[data-record]'))).toMatch(/^(\d+ von \d+ Update-Zusagen? eingehalten( \(bisher\))?; e|E)rstes Update (zu Beginn|[^.]+ nach Beginn)\.$/);
  });

  it('shows an update not translated yet in the original, marked as English and said to be so: never a blank', () => {
    const doc = page('ar/incidents/2026-11-24-api-errors/index.html');
    expect(textOf(querySelector(doc, 'h1'))).toBe('ارتفاع معدلات أخطاء واجهة البرمجة');
    const [identified, investigating] = querySelectorAll(doc, '.timeline li') as [Node, Node];
    expect(textOf(querySelector(identified, '.prose'))).toBe('رفع نشرٌ معيب معدلات الأخطاء. نعمل على التراجع عنه.');
    expect(querySelector(identified, '.untranslated')).toBeUndefined();
    expect(textOf(querySelector(investigating, '.untranslated'))).toBe('لم تُترجم بعد؛ معروضة باللغة الإنجليزية.');
    expect(querySelector(investigating, '.prose').attributes.lang).toBe('en');
    expect(textOf(querySelector(investigating, '.prose'))).toBe('We are investigating elevated error rates on the API.');
  });

  it("the home page's cards say so of an update shown in English", () => {
    const card = querySelector(page('ar/index.html'), '[data-entry="2026-11-24-email-delays"]');
    expect(querySelector(card, 'h3').attributes.lang).toBe('en');
    expect(textOf(querySelector(card, '.untranslated'))).toBe('لم تُترجم بعد؛ معروضة باللغة الإنجليزية.');
    expect(querySelector(card, '.prose').attributes.lang).toBe('en');
  });

  it('an entry with no translation at all says so once, under its title in English', () => {
    const doc = page('de/incidents/2026-11-24-email-delays/index.html');
    expect(querySelector(doc, 'h1').attributes.lang).toBe('en');
    expect(querySelectorAll(doc, '.untranslated').map(textOf)).toEqual(['Noch nicht übersetzt; hier auf Englisch.']);
    expect(querySelectorAll(doc, '.timeline .prose').every((p) => p.attributes.lang === 'en')).toBe(true);
  });

  it('a translated post-mortem, and one that is not', () => {
    const german = page('de/incidents/2026-11-20-search-outage/postmortem/index.html');
    expect(textOf(querySelector(german, 'h1'))).toBe('Post-Mortem: Ausfall der Suche');
    expect(textOf(querySelector(german, 'article h2'))).toBe('Zusammenfassung');
    const arabic = page('ar/incidents/2026-11-20-search-outage/postmortem/index.html');
    expect(querySelector(arabic, 'article').attributes.lang).toBe('en');
    expect(textOf(querySelector(arabic, '.untranslated'))).toBe('لم تُترجم بعد؛ معروضة باللغة الإنجليزية.');
  });

  it('each language has its own feeds, read by a real feed parser', () => {
    const feed = parseFeed(read('de/history.rss'));
    expect(feed.title).toBe('Status von Fixture Co');
    expect(feed.language).toBe('de');
    expect(feed.url).toBe(`${SITE}/de/`);
    expect(feed.items[0]).toMatchObject({ title: '[Ursache gefunden] Erhöhte Fehlerraten der API', url: `${SITE}/de/incidents/2026-11-24-api-errors/#update-2026-11-24-1130` });
    const atom = parseFeed(read('ar/components/api/history.atom'));
    expect(atom.title).toBe('حالة Fixture Co: Public API');
    expect(atom.items[0]!.title).toBe('[تم تحديد السبب] ارتفاع معدلات أخطاء واجهة البرمجة');
  });

  it('each language has its own API documents and calendar, with the text in it', () => {
    const incidents = JSON.parse(read('de/api/v2/incidents.json')) as { incidents: { id: string; name: string; incident_updates: { body: string }[] }[] };
    const api = incidents.incidents.find((i) => i.id === '2026-11-24-api-errors')!;
    expect(api.name).toBe('Erhöhte Fehlerraten der API');
    expect(api.incident_updates[0]!.body).toBe('Ein fehlerhaftes Deployment hat die Fehlerrate erhöht. Wir nehmen es zurück.');
    const own = JSON.parse(read('de/api/v2/incidents/2026-11-24-api-errors.json')) as { incident: { name: string } };
    expect(own.incident.name).toBe('Erhöhte Fehlerraten der API');
    expect(JSON.parse(read('api/v2/incidents/2026-11-24-api-errors.json')).incident.name).toBe('Elevated API error rates');
    expect(read('de/maintenance.ics')).toContain('BEGIN:VCALENDAR');
  });

  it("the documents of a language link to that language's pages", () => {
    const incidents = JSON.parse(read('de/api/v2/incidents.json')) as { page: { url: string }; incidents: { id: string; shortlink: string }[] };
    expect(incidents.page.url).toBe(`${SITE}/de/`);
    expect(incidents.incidents.every((i) => i.shortlink === `${SITE}/de/incidents/${i.id}/`)).toBe(true);
    const calendar = read('de/maintenance.ics').replace(/\r\n[ \t]/g, '');
    expect(calendar).toContain(`URL;VALUE=URI:${SITE}/de/incidents/2026-11-24-db-maintenance/`);
    expect(calendar).not.toContain(`URL;VALUE=URI:${SITE}/incidents/`);
    // The subscribe page offers the language's feeds; the badge is one for every language, at the root.
    const subscribe = read('de/subscribe/index.html');
    expect(subscribe).toContain(`<code>/feed subscribe ${SITE}/de/history.rss</code>`);
    // Commands and addresses read left to right on a right-to-left page too (the slash of "/feed" stays first).
    expect(read('ar/subscribe/index.html')).toContain(`<pre dir="ltr"><code>/feed subscribe ${SITE}/ar/history.rss</code></pre>`);
    expect(subscribe).toContain(`href="${SITE}/badge.svg"`);
    expect(existsSync(join(dist, 'de/badge.svg'))).toBe(false);
  });
});

describe("the interface in the page's language", () => {
  /** The text a reader meets on a page, and its labels, leaving out what is marked as in another language. */
  function readerText(node: Node, language: string): string {
    if (node.type === TEXT_NODE) return node.value;
    const attributes = (node.attributes ?? {}) as Record<string, string>;
    if (attributes.lang && attributes.lang !== language && node.name !== 'html') return ' ';
    if (['script', 'style', 'template', 'code'].includes(node.name)) return ' ';
    const labels = ['aria-label', 'title', 'alt', 'data-label'].map((a) => attributes[a] ?? '').join(' ');
    return ` ${labels} ${(node.children ?? []).map((c: Node) => readerText(c, language)).join(' ')} `;
  }

  // Every message of the English catalogue without values, of two words or more (one such as "Email" may be a component's
  // name), whose translation differs (so "Widget" is not taken for English).
  const english = Object.entries(CATALOGUES.en).filter(([, m]) => !m.includes('{') && (m.includes(' ') || m.length >= 8));

  it.each(['de', 'ar'] as const)('no English interface words are left on the %s pages, including labels, uptime bars, the subscribe page and the report', (code) => {
    const words = english.filter(([key]) => CATALOGUES[code][key as MessageKey] !== CATALOGUES.en[key as MessageKey]).map(([, m]) => m);
    for (const path of PAGE_TYPES) {
      // Names of other products stay as they are.
      const text = readerText(page(`${code}/${path}index.html`), code).replace(/\s+/g, ' ').replace(/Google Calendar|Microsoft Teams/g, '');
      const found = words.filter((word) => new RegExp(`(?<!\\p{L})${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text));
      expect(found, `${code}/${path}`).toEqual([]);
    }
  });

  it('uptime bars, the report and the calendar speak the language', () => {
    const t = translator('de');
    const component = page('de/components/api/index.html');
    expect(querySelector(component, 'ol.bar').attributes['aria-label']).toBe(t('uptime.barLabel', { name: 'Public API' }));
    expect(textOf(querySelector(component, '.uptime-legend'))).toMatch(/^Vor 90 Tagen ?Vor 30 Tagen ?\d+,\d\d\s%.*Heute$/u);
    const history = page('de/history/index.html');
    expect(textOf(querySelector(history, '#report'))).toBe(t('report.title'));
    expect(querySelectorAll(history, 'th[scope="col"]').map(textOf)).toEqual([t('report.measure'), t('report.last90'), t('report.lastYear')]);
    const calendar = read('de/maintenance.ics');
    expect(calendar).toContain(`X-WR-CALNAME:${t('calendar.name', { site: 'Fixture Co' })}`);
    expect(calendar).toContain('PRODID:-//Candor//Candor//DE');
    // The badge is one for every language, in the first language's words.
    expect(read('badge.svg')).toContain('Partial System Outage');
  });
});

describe('a site in two languages (English at /status/, Arabic, right to left, under /status/ar/)', () => {
  const two = inject('twoLanguageSite');
  const twoPage = (path: string) => parse(readFileSync(join(two, path), 'utf8'));

  it.each(PAGE_TYPES)('/%s in both languages, with hreflang alternates and the switcher', (path) => {
    for (const [code, dir, prefix] of [['en', 'ltr', ''], ['ar', 'rtl', 'ar/']] as const) {
      const doc = twoPage(`${prefix}${path}index.html`);
      expect([querySelector(doc, 'html').attributes.lang, querySelector(doc, 'html').attributes.dir]).toEqual([code === 'en' ? 'en-US' : 'ar', dir]);
      expect(querySelectorAll(doc, 'link[rel="alternate"][hreflang]').map((l) => [l.attributes.hreflang, l.attributes.href])).toEqual([
        ['en', `${SITE}/${path}`],
        ['ar', `${SITE}/ar/${path}`],
        ['x-default', `${SITE}/${path}`],
      ]);
      expect(querySelectorAll(doc, 'nav.languages a').map((a) => [a.attributes.href, textOf(a), a.attributes['aria-current'] ?? ''])).toEqual([
        [`/status/${path}`, 'English', code === 'en' ? 'page' : ''],
        [`/status/ar/${path}`, 'العربية', code === 'ar' ? 'page' : ''],
      ]);
    }
    // German is not one of this site's languages: no pages for it.
    expect(existsSync(join(two, 'de'))).toBe(false);
  });

  it('shows the Arabic translation under /ar/ and the incident as written at the root; feeds parse in both', () => {
    expect(textOf(querySelector(twoPage('ar/incidents/2026-11-24-api-errors/index.html'), 'h1'))).toBe('ارتفاع معدلات أخطاء واجهة البرمجة');
    expect(textOf(querySelector(twoPage('incidents/2026-11-24-api-errors/index.html'), 'h1'))).toBe('Elevated API error rates');
    const arabic = parseFeed(readFileSync(join(two, 'ar/history.rss'), 'utf8'));
    const english = parseFeed(readFileSync(join(two, 'history.rss'), 'utf8'));
    expect(arabic.language).toBe('ar');
    expect(arabic.items.map((i) => i.title)).toContain('[تم تحديد السبب] ارتفاع معدلات أخطاء واجهة البرمجة');
    expect(english.language).toBe('en-US');
    expect(english.items.map((i) => i.title)).toContain('[Identified] Elevated API error rates');
  });
});
