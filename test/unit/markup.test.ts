import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributes, elements, find, text } from '../helpers/fragment.ts';
import { translator } from '../../src/i18n/translate.ts';
import { attribute, escapeText, link, maintenanceWindow, message, statusIcon, statusLabel, timeElement, untranslatedNote } from '../../src/views/markup.ts';
import type { Maintenance } from '../../src/core/model.ts';

const t = translator('en');
const clock = { timeZone: 'Europe/Berlin', locale: 'en-US' };

describe('leaf markup', () => {
  it('a status label reads back its words and live key, whatever characters they hold, as one element', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (label, live) => {
        const [span, ...rest] = elements(statusLabel('partial_outage', label, live));
        expect(rest).toEqual([]);
        expect(span!.tagName).toBe('span');
        const a = attributes(span!);
        expect(a.class).toBe('status tone-partial_outage');
        expect(a['data-live']).toBe(live);
        expect(a['data-label']).toBe(live === undefined ? undefined : label);
        expect(text(find(span!, (e) => 'data-live-text' in attributes(e))!)).toBe(label);
        expect(find(span!, (e) => attributes(e)['data-icon'] === 'partial_outage')).toBeDefined();
      }),
    );
  });

  it('escapes text and attributes exactly as Astro does, so a page reads the same either way', () => {
    const names = ['class', 'href', 'id', 'lang', 'title', 'download', 'aria-label', 'data-entry', 'data-live', 'data-label', 'data-status', 'data-component', 'data-impact'];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[<>&"' a-z]*$/)), fc.constantFrom(...names), (value, name) => {
        expect(escapeText(value)).toBe(String(escapeHTML(value)));
        expect(attribute(name, value)).toBe(String(addAttribute(value, name)));
      }),
      { numRuns: 3000 },
    );
    expect(attribute('href', undefined)).toBe(String(addAttribute(undefined, 'href')));
  });

  it('escapes the five characters of text and nothing else', () => {
    expect(escapeText(`<script>alert("x" & 'y')</script> – ok`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt; – ok');
    expect(escapeText('plain words')).toBe('plain words');
  });

  it('a time carries the moment, its format, and the words of the site’s zone', () => {
    const at = new Date('2026-11-24T11:35:00Z');
    const [plain] = elements(timeElement(at, clock));
    expect(attributes(plain!)).toEqual({ datetime: '2026-11-24T11:35:00.000Z', 'data-format': 'datetime' });
    expect(text(plain!)).toBe('Nov 24, 2026, 12:35 GMT+1');
    const [relative] = elements(timeElement(at, clock, { relativeTo: new Date('2026-11-24T12:30:00Z') }));
    expect(text(relative!)).toBe('55 minutes ago');
    expect(attributes(relative!)['data-relative']).toBe('');
    expect(attributes(relative!).title).toBe('Nov 24, 2026, 12:35 GMT+1');
    // A day of the configured zone: 23:30 UTC is already the 25th in Berlin, and stays so in the browser.
    const [day] = elements(timeElement(new Date('2026-11-24T23:30:00Z'), clock, { format: 'day' }));
    expect(attributes(day!)).toEqual({ datetime: '2026-11-25' });
    const [kept] = elements(timeElement(at, clock, { format: 'time', localize: false }));
    expect(attributes(kept!)).toEqual({ datetime: '2026-11-24T11:35:00.000Z' });
    expect(text(kept!)).toBe('12:35 GMT+1');
  });

  it('a message escapes its own words and values and puts in the markup it is given', () => {
    const html = message(t, 'card.latest', { time: '<time datetime="x">now</time>' }, { status: '<b>"Fixed" & done</b>' });
    expect(html).toBe('Latest: &lt;b&gt;&quot;Fixed&quot; &amp; done&lt;/b&gt;, <time datetime="x">now</time>');
    expect(message(t, 'footer.generated', { time: '<time>then</time>' })).toBe('Generated <time>then</time>. Powered by Candor.');
  });

  it('a link keeps a hostile address inside its attribute and its words as text', () => {
    const [a, ...rest] = elements(link('/x?a=1&b="><script>', '<i>history</i>'));
    expect(rest).toEqual([]);
    expect(attributes(a!).href).toBe('/x?a=1&b="><script>');
    expect(text(a!)).toBe('<i>history</i>');
  });

  it('an untranslated note names the language in the page’s words', () => {
    const [p] = elements(untranslatedNote(translator('de'), 'en'));
    expect(attributes(p!).class).toBe('muted untranslated');
    expect(text(p!)).toBe('Noch nicht übersetzt; hier auf Englisch.');
  });

  it('a maintenance window shows both ends in the site’s zone, the later one as a time on the same day', () => {
    const m = { scheduledFor: new Date('2026-12-03T02:00Z'), scheduledUntil: new Date('2026-12-03T04:00Z') } as Maintenance;
    const [span] = elements(maintenanceWindow(m, { timeZone: 'UTC', locale: 'en-US' }, t));
    expect(attributes(span!)).toMatchObject({ class: 'window', 'data-window-from': '2026-12-03T02:00:00.000Z', 'data-window-until': '2026-12-03T04:00:00.000Z' });
    expect(text(span!)).toBe('Dec 3, 2026, 02:00 UTC – 04:00 UTC (2 h)');
    expect(attributes(find(span!, (e) => attributes(e).class === 'your-time')!)).toMatchObject({ 'data-label': 'Your time:', hidden: '' });
  });

  it('each status has an icon of its own shape', () => {
    const shapes = (['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance', 'no_data'] as const).map((s) => attributes(find(elements(statusIcon(s))[0]!, (e) => e.tagName === 'path')!).d);
    expect(new Set(shapes).size).toBe(6);
  });
});
