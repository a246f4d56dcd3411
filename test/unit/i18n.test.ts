import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { htmlLang, LANGUAGE_CODES, LANGUAGES } from '../../src/i18n/languages.ts';
import { formatDuration } from '../../src/core/rules/incident.ts';
import { CATALOGUES, duration, type MessageKey, translator } from '../../src/i18n/translate.ts';
import { ROOT } from '../helpers/project.ts';
import type { UptimeDay } from '../../src/core/rules/uptime.ts';
import { relativeTime } from '../../src/views/time-text.ts';
import { describeDay, formatUptime } from '../../src/views/uptime.ts';

/**
 * The values a message takes ({site}, {count, plural, …}) wherever they stand in it, and the cases of
 * each select ({status, select, operational {…} …}): a translation has the same.
 */
function argumentNames(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      // 0: literal text, 7: the # of a plural; 5: a select, whose cases every language keeps.
      if (typeof node.value === 'string' && node.type !== 0 && node.type !== 7) names.add(node.value);
      if (node.type === 5) for (const option of Object.keys(node.options ?? {})) names.add(`${String(node.value)}=${option}`);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return [...names].sort();
}

describe('the interface catalogues', () => {
  const english = CATALOGUES.en;
  const keys = Object.keys(english).sort();

  it('ship every language the issue names, with a right-to-left one', () => {
    expect(LANGUAGE_CODES).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es', 'pt-BR', 'it', 'nl', 'pl', 'ja', 'zh-Hans', 'ar']));
    expect(LANGUAGE_CODES.filter((l) => LANGUAGES[l].dir === 'rtl')).toEqual(['ar']);
    const files = readdirSync(join(ROOT, 'src/i18n/messages')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(files).toEqual([...LANGUAGE_CODES].sort());
  });

  for (const language of LANGUAGE_CODES) {
    it(`${language}: the English keys, no other, each message well-formed with the English values`, () => {
      const catalogue = CATALOGUES[language];
      expect(Object.keys(catalogue).sort()).toEqual(keys);
      const { locale } = LANGUAGES[language];
      expect(Intl.DateTimeFormat.supportedLocalesOf([locale])).toEqual([locale]);
      for (const key of keys as MessageKey[]) {
        expect(catalogue[key].trim(), `${language} ${key}`).not.toBe('');
        expect(argumentNames(catalogue[key], locale), `${language} ${key}`).toEqual(argumentNames(english[key], 'en-US'));
        // The translator reads a message without placeholders, quotes or tags as its own text: as the library would.
        if (argumentNames(catalogue[key], locale).length === 0) expect(translator(language)(key), `${language} ${key}`).toBe(String(new IntlMessageFormat(catalogue[key], locale).format()));
      }
    });
  }

  it('fill in values, and split a message around a value that becomes markup', () => {
    expect(translator('en')('site.title', { site: 'Brightpay' })).toBe('Brightpay status');
    expect(translator('de')('site.title', { site: 'Brightpay' })).toBe('Status von Brightpay');
    expect(translator('en').parts('footer.generated', ['time'])).toEqual(['Generated ', { slot: 'time' }, '. Powered by Candor.']);
    expect(translator('ja').parts('footer.generated', ['time'])).toEqual([{ slot: 'time' }, ' に生成。Candor で作成。']);
    expect(translator('fr')('word.componentStatus', { status: 'partial_outage' })).toBe('Panne partielle');
    expect(translator('de')('uptime.formula', { weight: 0.3 })).toContain('+ 0,3 ×');
    expect(translator('pl').parts('notFound.text', ['status', 'history'])).toEqual(['Pod tym adresem nie ma strony. ', { slot: 'status' }, ' i ', { slot: 'history' }, ' są o jedno kliknięcie stąd.']);
  });

  it('write durations in each language, and in English as the CLI does', () => {
    const spans = [0, 59_000, 60_000, 59 * 60_000, 3_600_000, 99 * 60_000, 24 * 3_600_000 - 60_000, 86_400_000, 41 * 3_600_000];
    expect(spans.map((ms) => duration(translator('en'), ms))).toEqual(spans.map(formatDuration));
    expect(duration(translator('de'), 99 * 60_000)).toBe('1 Std. 39 Min.');
    expect(duration(translator('ja'), 41 * 3_600_000)).toBe('1日17時間');
    for (const language of LANGUAGE_CODES) for (const ms of spans) expect(duration(translator(language), ms), language).toMatch(/\S/);
  });

  it("give a page its language's lang, keeping a configured locale of the same language", () => {
    expect(htmlLang('en', 'en-US')).toBe('en-US');
    expect(htmlLang('en', 'en-GB')).toBe('en-GB');
    expect(htmlLang('ar', 'en-US')).toBe('ar');
    expect(htmlLang('zh-Hans', 'zh-CN')).toBe('zh-CN');
  });

  it('write relative times, uptime and a day of the bars in each language', () => {
    const now = new Date('2026-11-24T12:00Z');
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    expect([at(-23), at(120), at(-3 * 1440), at(0)].map((d) => relativeTime(d, now, 'en-US'))).toEqual(['23 minutes ago', 'in 2 hours', '3 days ago', 'now']);
    expect([at(-23), at(120), at(-3 * 1440), at(0)].map((d) => relativeTime(d, now, 'de-DE'))).toEqual(['vor 23 Minuten', 'in 2 Stunden', 'vor 3 Tagen', 'jetzt']);
    expect(relativeTime(at(-1), now, 'ar')).toBe('قبل دقيقة واحدة');
    // Floored, so a day of downtime never rounds up to 100 %; numbers the language's way.
    expect([formatUptime(0.99999, translator('en')), formatUptime(0.99999, translator('de')), formatUptime(null, translator('de'))]).toEqual(['99.99%', '99,99\u00a0%', 'Noch keine Daten']);
    const day: UptimeDay = { date: '2026-11-24', start: now, end: at(1440), worst: 'major_outage', entries: ['x'], minutes: { major_outage: 30, partial_outage: 95, degraded_performance: 0, under_maintenance: 0 } };
    expect(describeDay(day, translator('en'))).toBe('Major outage 30 min, partial outage 1 h 35 min');
    expect(describeDay(day, translator('de'))).toMatch(/^[A-ZÄÖÜ].*30 Min\..*1 Std\. 35 Min\.$/u);
    expect(describeDay({ ...day, worst: 'operational', minutes: { major_outage: 0, partial_outage: 0, degraded_performance: 0, under_maintenance: 0 } }, translator('de'))).toBe(translator('de')('uptime.day.noDowntimeRecorded'));
  });
});

