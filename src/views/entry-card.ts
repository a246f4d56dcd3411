import { componentNames } from '../core/config.ts';
import type { Maintenance, Update } from '../core/model.ts';
import { maintenanceStatus } from '../core/rules/maintenance.ts';
import type { Config } from '../core/schema/config.ts';
import { duration, type Translator } from '../i18n/translate.ts';
import { googleCalendarLink } from './calendar.ts';
import type { EntrySummary } from './entries.ts';
import type { Clock } from './format.ts';
import { attribute, escapeText, maintenanceWindow, message, statusLabel, timeElement, untranslatedNote } from './markup.ts';
import { href, paths } from './urls.ts';

// An entry's card, as the history, the home page, the maintenance page and component pages list it,
// and the pieces an incident page shares with it. Functions rather than components for the reason
// markup.ts gives: a history page has twenty-five cards, each two component instances as components.

/** What an entry's markup is written with, in a page's language (a site from `getSite` is one). */
export interface EntryContext {
  config: Config;
  t: Translator;
  /** Base path of the page's language. */
  base: string;
  clock: Clock;
  now: Date;
}

/** An entry's status in words beside its icon; a maintenance's follows its window on the page (live.ts). */
export function entryStatus(summary: EntrySummary, t: Translator): string {
  const e = summary.entry;
  const word = t(e.kind === 'incident' ? 'word.incidentStatus' : 'word.maintenanceStatus', { status: summary.status });
  return statusLabel(summary.tone, word, e.kind === 'maintenance' ? `entry:${e.id}` : undefined);
}

/** The promise of an incident's next update while it is open: when, and whether it is overdue. */
export function nextUpdate(summary: EntrySummary, { clock, t }: EntryContext): string {
  const due = summary.entry.kind === 'incident' ? summary.entry.nextUpdate : undefined;
  if (!due || summary.resolved) return '';
  return summary.promiseBroken
    ? `<p class="promise overdue" data-next-update="overdue">${message(t, 'next.overdue', { time: timeElement(due, clock) })}</p>`
    : `<p class="promise" data-next-update="promised">${message(t, 'next.promised', { time: timeElement(due, clock) })}</p>`;
}

/** Links that add a maintenance window to a calendar, while it is still to come or under way. */
export function addToCalendar(m: Maintenance, { config, now, base, t }: EntryContext): string {
  if (!['scheduled', 'in_progress', 'verifying'].includes(maintenanceStatus(m, now))) return '';
  return `<p class="add-to-calendar">${escapeText(t('calendar.add'))} <a${attribute('href', href(base, paths.eventCalendar(m.id)))}${attribute('download', `${m.id}.ics`)}>${escapeText(t('calendar.icsFile'))}</a> · <a${attribute('href', googleCalendarLink(m, config, base))} rel="noopener">Google Calendar</a></p>`;
}

/**
 * Characters of an update's HTML a card shows in full: most updates, a few sentences. A longer one
 * shows its first words and a link to the whole of it, so that a page of cards stays within its
 * budget however long updates are (one may hold 20,000 characters): fifteen cards on a home page,
 * seventy-five on a maintenance page.
 */
export const CARD_BODY = { htmlChars: 400, excerptChars: 200 };

/** The latest update's text on a card: in full, or its beginning and a link to the rest. */
function cardBody(update: Update, id: string, { base, t }: EntryContext): string {
  const prose = (html: string) => `<div class="prose" dir="auto"${attribute('lang', update.fallback)}>${html}</div>`;
  if (update.html.length <= CARD_BODY.htmlChars) return prose(update.html);
  return `${prose(`<p>${escapeText(excerpt(update.text, CARD_BODY.excerptChars))}</p>`)}<p><a${attribute('href', href(base, paths.update(id, update.anchor)))}>${escapeText(t('card.wholeUpdate'))}</a></p>`;
}

/** The first words of `text`, up to `max` characters, cut between words (or anywhere in a text without spaces), never inside a character. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** One entry's card: title, status, impact or window, and (with `showBody`) its latest update. */
export function entryCard(summary: EntrySummary, ctx: EntryContext, { showBody = true }: { showBody?: boolean } = {}): string {
  const { config, t, base, clock, now } = ctx;
  const e = summary.entry;
  const latest = summary.latest;
  let meta = entryStatus(summary, t);
  if (e.kind === 'incident') {
    meta += `<span>${escapeText(t('card.impact', { impact: e.impact }))}</span>`;
    meta += summary.resolved
      ? `<span>${escapeText(t('card.lasted', { duration: duration(t, summary.durationMs) }))}</span>`
      : `<span>${message(t, 'card.started', { time: timeElement(e.started, clock, { relativeTo: now }) })}</span>`;
  } else {
    meta += maintenanceWindow(e, clock, t);
  }
  let card = `<article${attribute('class', `card tone-${summary.tone}`)}${attribute('data-entry', e.id)}><h3 dir="auto"${attribute('lang', e.titleFallback)}><a${attribute('href', href(base, paths.incident(e.id)))}>${escapeText(e.title)}</a></h3><p class="meta">${meta}</p>`;
  if (latest && showBody) {
    const said = message(t, 'card.latest', { time: timeElement(latest.at, clock, { relativeTo: now }) }, { status: t('word.updateStatus', { status: latest.status }) });
    card += `<div class="body"><p class="latest">${said}</p>${latest.fallback ? untranslatedNote(t, latest.fallback) : ''}${cardBody(latest, e.id, ctx)}</div>`;
  }
  if (e.kind === 'maintenance') {
    if (e.components.length > 0) {
      const names = componentNames(config);
      card += `<p class="affects">${escapeText(t('card.affects', { components: e.components.map((c) => names.get(c.id) ?? c.id).join(', ') }))}</p>`;
    }
    if (showBody) card += addToCalendar(e, ctx);
  } else {
    card += nextUpdate(summary, ctx);
  }
  return `${card}</article>`;
}
