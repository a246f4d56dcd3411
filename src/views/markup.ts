import type { ComponentStatus } from '../core/status.ts';
import type { Maintenance } from '../core/model.ts';
import type { Language } from '../i18n/languages.ts';
import { duration, languageName, type MessageKey, type MessageValues, type Translator } from '../i18n/translate.ts';
import { DATE, DATE_TIME, dayKey, formatIn, isoTime, relativeTime, TIME, type Clock } from './format.ts';

// The small pieces of markup every page repeats (times, status labels, icons, messages with markup
// in them), written as functions that pages put in with `set:html`: an incident page has some twenty
// of them, and as Astro components they cost about a tenth of the page's render. Text and attributes
// are escaped as Astro escapes them, so the pages read the same either way.

const ESCAPED = /[&<>'"]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text as HTML. */
export function escapeText(text: string): string {
  return ESCAPED.test(text) ? text.replace(/[&<>'"]/g, (c) => ENTITIES[c]!) : text;
}

/** ` name="value"`; nothing when the value is missing, the bare name when it is empty. */
export function attribute(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (value === '') return ` ${name}`;
  return ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

export interface TimeOptions {
  /**
   * How much to show; the browser re-renders it in the visitor's zone. `day` is a calendar day of the
   * configured zone (a history heading), which stays as it is.
   */
  format?: 'datetime' | 'date' | 'time' | 'day';
  /** Show "23 minutes ago" relative to it, with the full time in the tooltip. */
  relativeTo?: Date | undefined;
  /** Keep the configured zone even when JavaScript runs (the visitor's time is shown beside it). */
  localize?: boolean;
}

const FORMAT_OPTIONS = { datetime: DATE_TIME, date: DATE, time: TIME, day: DATE };

/** A `<time>` in the site's zone and language. */
export function timeElement(date: Date, clock: Clock, { format = 'datetime', relativeTo, localize = true }: TimeOptions = {}): string {
  const absolute = formatIn(clock, date, FORMAT_OPTIONS[format]);
  if (format === 'day' || !localize) return `<time datetime="${format === 'day' ? dayKey(date, clock.timeZone) : isoTime(date)}">${escapeText(absolute)}</time>`;
  if (relativeTo) return `<time datetime="${isoTime(date)}" data-format="${format}" data-relative${attribute('title', absolute)}>${escapeText(relativeTime(date, relativeTo, clock.locale))}</time>`;
  return `<time datetime="${isoTime(date)}" data-format="${format}">${escapeText(absolute)}</time>`;
}

// One shape per status, so status never depends on colour alone.
const GLYPHS: Record<ComponentStatus | 'no_data', string> = {
  operational: 'M5 10.5l3.2 3.2L15 7',
  degraded_performance: 'M6 10h8',
  partial_outage: 'M10 5.5v5.5M10 14.2v.3',
  major_outage: 'M6.5 6.5l7 7M13.5 6.5l-7 7',
  under_maintenance: 'M7 6.5v7M13 6.5v7',
  no_data: 'M7 10h6',
};

export function statusIcon(status: ComponentStatus | 'no_data'): string {
  return `<span class="icon" aria-hidden="true" data-icon="${status}"><svg viewBox="0 0 20 20" focusable="false"><circle cx="10" cy="10" r="9" fill="currentColor"></circle><path d="${GLYPHS[status]}" fill="none" stroke="var(--bg)" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"></path></svg></span>`;
}

/**
 * A status in words beside its icon. `tone` drives the icon and colour; `live` is the status's key in
 * the page's live states (`component:api`), so that it follows maintenance windows.
 */
export function statusLabel(tone: ComponentStatus, label: string, live?: string): string {
  const followed = live === undefined ? '' : `${attribute('data-live', live)}${attribute('data-label', label)}`;
  return `<span class="status tone-${tone}" data-status="${tone}"${followed}>${statusIcon(tone)}<span data-live-text>${escapeText(label)}</span></span>`;
}

/** A component's or group's status in the catalogue's words beside its icon; `live` as for statusLabel. */
export function componentStatusLabel(status: ComponentStatus, t: Translator, live?: string): string {
  return statusLabel(status, t('word.componentStatus', { status }), live);
}

/** A catalogue message with markup in some of its values (`{ time: timeElement(…) }`); its own words escaped. */
export function message(t: Translator, id: MessageKey, markup: Record<string, string>, values?: MessageValues): string {
  return t
    .parts(id, Object.keys(markup), values)
    .map((part) => (typeof part === 'string' ? escapeText(part) : markup[part.slot]))
    .join('');
}

/** A link, for a message that has one in it. */
export function link(url: string, text: string): string {
  return `<a${attribute('href', url)}>${escapeText(text)}</a>`;
}

/** Numbered pages' navigation: the previous and next pages' links and the page's place among them ("Page 2 of 5"); nothing for a single page. */
export function pager({ page, pages, hrefOf, label, previous, next, place }: { page: number; pages: number; hrefOf: (n: number) => string; label: string; previous: string; next: string; place: string }): string {
  if (pages <= 1) return '';
  const before = page > 1 ? `<a${attribute('href', hrefOf(page - 1))} rel="prev">${escapeText(previous)}</a>` : '<span></span>';
  const after = page < pages ? `<a${attribute('href', hrefOf(page + 1))} rel="next">${escapeText(next)}</a>` : '<span></span>';
  return `<nav class="pager"${attribute('aria-label', label)}>${before}<span>${escapeText(place)}</span>${after}</nav>`;
}

/** Says that the text below is in `language` (the site's first), for want of a translation. */
export function untranslatedNote(t: Translator, language: Language): string {
  return `<p class="muted untranslated">${escapeText(t('translation.missing', { original: languageName(t, language) }))}</p>`;
}

/** A maintenance window in the configured zone, with room for the visitor's own time (filled in by the page's script). */
export function maintenanceWindow(m: Maintenance, clock: Clock, t: Translator): string {
  const oneDay = dayKey(m.scheduledFor, clock.timeZone) === dayKey(m.scheduledUntil, clock.timeZone);
  const from = timeElement(m.scheduledFor, clock, { localize: false });
  const until = timeElement(m.scheduledUntil, clock, { format: oneDay ? 'time' : 'datetime', localize: false });
  const length = escapeText(duration(t, m.scheduledUntil.getTime() - m.scheduledFor.getTime()));
  return `<span class="window" data-window-from="${isoTime(m.scheduledFor)}" data-window-until="${isoTime(m.scheduledUntil)}">${from} – ${until} (${length})<span class="your-time"${attribute('data-label', t('window.yourTime'))} hidden></span></span>`;
}
