import { componentNames } from '../core/config.ts';
import type { Postmortem, Update } from '../core/model.ts';
import { duration } from '../i18n/translate.ts';
import type { EntrySummary } from './entries.ts';
import { addToCalendar, type EntryContext, entryStatus, nextUpdate } from './entry-card.ts';
import type { PageFrame } from './layout.ts';
import { attribute, componentStatusLabel, escapeText, maintenanceWindow, message, pager, timeElement, untranslatedNote } from './markup.ts';
import { recordLine } from './record.ts';
import { postmortemTimeline, timelinePages } from './timeline-pages.ts';
import { href, paths } from './urls.ts';

// An entry's page, its facts and timeline (the post-mortem's page has those too), as functions: for
// the reason markup.ts gives, and because a build writes most entry pages itself, into the frame
// Astro renders (src/lib/entry-pages.ts).

/** An entry's facts: its status, impact, start, end and duration (or window), and what it affects. */
export function entryFacts(summary: EntrySummary, { config, t, base, clock }: EntryContext): string {
  const e = summary.entry;
  const fact = (name: string, value: string, attributes = '') => `<dt>${escapeText(name)}</dt><dd${attributes}>${value}</dd>`;
  let facts = fact(t('facts.status'), entryStatus(summary, t));
  if (e.kind === 'incident') {
    facts += fact(t('facts.impact'), escapeText(t('word.impact', { impact: e.impact })), attribute('data-impact', e.impact));
    facts += fact(t('facts.started'), timeElement(e.started, clock));
    if (summary.resolved) facts += fact(t('facts.resolved'), timeElement(summary.resolved, clock));
    facts += fact(t(summary.resolved ? 'facts.duration' : 'facts.ongoing'), escapeText(duration(t, summary.durationMs)), ' data-duration');
  } else {
    facts += fact(t('facts.window'), maintenanceWindow(e, clock, t), ' data-duration');
  }
  const names = componentNames(config);
  const affected =
    e.components.length === 0
      ? `<span>${escapeText(t('facts.noComponent'))}</span>`
      : `<ul class="affected">${e.components
          .map((c) => {
            const recovered = c.recovered ? `<span class="muted">, ${message(t, 'facts.recovered', { time: timeElement(c.recovered, clock) })}</span>` : '';
            return `<li${attribute('data-component', c.id)}><a${attribute('href', href(base, paths.component(c.id)))}>${escapeText(names.get(c.id) ?? c.id)}</a>: ${componentStatusLabel(c.status, t)}${recovered}</li>`;
          })
          .join('')}</ul>`;
  return `<dl class="facts">${facts}${fact(t('facts.affected'), affected)}</dl>`;
}

/**
 * Updates, newest first, each with its status, time and a link to itself. `notes`: say of each update
 * not translated into the page's language that it is not (not when the page says so once for all).
 * `pages`: where each page of a timeline over several begins, for the page's script.
 */
export function timeline(updates: readonly Update[], { clock, t }: EntryContext, { notes = true, pages }: { notes?: boolean; pages?: string | undefined } = {}): string {
  const items = updates.map((u) => {
    const word = t('word.updateStatus', { status: u.status });
    const note = u.fallback && notes ? untranslatedNote(t, u.fallback) : '';
    return `<li${attribute('id', u.anchor)}${attribute('data-status', u.status)}><h3><span>${escapeText(word)}</span><span class="muted">${timeElement(u.at, clock)}</span><a class="anchor"${attribute('href', `#${u.anchor}`)}${attribute('aria-label', t('timeline.link', { status: word }))}>#</a></h3>${note}<div class="prose" dir="auto"${attribute('lang', u.fallback)}>${u.html}</div></li>`;
  });
  return `<ol class="timeline"${attribute('aria-label', t('timeline.label'))}${attribute('data-update-pages', pages)}>${items.join('')}</ol>`;
}

/** What an entry's page says of itself in its frame: its title, its first update's words as its summary, its path. */
export function entryFrame({ entry, posted }: EntrySummary): PageFrame {
  const first = posted.at(-1);
  return { live: entry.kind === 'maintenance', path: paths.incident(entry.id), title: entry.title, description: first ? first.text.slice(0, 200) : undefined };
}

/** Whether nothing of an entry is translated into the page's language: said once, not at each update. */
const untranslatedEntry = ({ entry }: EntrySummary) => (entry.titleFallback && entry.updates.every((u) => u.fallback) ? entry.titleFallback : undefined);

/** An entry's page inside its frame: title, facts, promise or calendar, record, post-mortem and its newest updates. */
export function entryMain(summary: EntrySummary, ctx: EntryContext): string {
  const { config, now, base, t } = ctx;
  const { entry } = summary;
  const untranslated = untranslatedEntry(summary);
  let html = `<p><a${attribute('href', href(base, paths.home))}>${escapeText(t('back.home'))}</a></p><h1 dir="auto"${attribute('lang', entry.titleFallback)}>${escapeText(entry.title)}</h1>`;
  if (untranslated) html += untranslatedNote(t, untranslated);
  if (entry.kind === 'maintenance') html += `<p class="muted">${escapeText(t('incident.planned'))}</p>`;
  html += entryFacts(summary, ctx);
  html += entry.kind === 'maintenance' ? addToCalendar(entry, ctx) : nextUpdate(summary, ctx);
  if (entry.kind === 'incident' && config.site.show_promise_record && summary.posted.length > 0) html += `<p class="muted record" data-record>${escapeText(recordLine(entry, now, t))}</p>`;
  if (entry.postmortem) {
    html += `<p class="card tone-operational"><strong>${escapeText(t(entry.postmortem.draft ? 'postmortem.draftNote' : 'postmortem.published'))}</strong> <a${attribute('href', href(base, paths.postmortem(entry.id)))}>${escapeText(t('postmortem.read'))}</a></p>`;
  }
  return html + `<h2>${escapeText(t('incident.updates'))}</h2>` + updatesPage(summary, ctx, 1);
}

/** The frame of page `page` (from 2) of an entry's updates. */
export function updatesFrame(summary: EntrySummary, page: number, { t }: EntryContext): PageFrame {
  const { entry } = summary;
  const title = t('incident.updatesTitle', { title: entry.title, page, pages: timelinePages(summary.posted).length });
  // In the site's other languages, the entry's page: a translation's updates may take fewer pages.
  return { live: false, path: paths.updates(entry.id, page), elsewhere: paths.incident(entry.id), title };
}

/** Page `page` (from 2) of an entry's updates (src/views/timeline-pages.ts): its title, then its part of the timeline. */
export function updatesMain(summary: EntrySummary, page: number, ctx: EntryContext): string {
  const { base, t } = ctx;
  const { entry } = summary;
  const untranslated = untranslatedEntry(summary);
  const place = { page, pages: timelinePages(summary.posted).length };
  const title = `<bdi dir="auto"${attribute('lang', entry.titleFallback)}>${escapeText(entry.title)}</bdi>`;
  let html = `<p><a${attribute('href', href(base, paths.incident(entry.id)))}>${escapeText(t('back.to', { title: entry.title }))}</a></p><h1>${message(t, 'incident.updatesTitle', { title }, place)}</h1>`;
  if (untranslated) html += untranslatedNote(t, untranslated);
  return html + `<h2>${escapeText(t('history.page', place))}</h2>` + updatesPage(summary, ctx, page);
}

/** One page of an entry's timeline, with links to the pages before and after it. */
function updatesPage(summary: EntrySummary, ctx: EntryContext, page: number): string {
  const { base, t } = ctx;
  const { entry } = summary;
  const pages = timelinePages(summary.posted);
  const place = { page, pages: pages.length };
  const hrefOf = (n: number) => href(base, paths.updates(entry.id, n));
  const nav = pager({ ...place, hrefOf, label: t('incident.updatesPages'), previous: t('history.newer'), next: t('history.older'), place: t('history.page', place) });
  // Where each page's updates begin, for the page's script to follow a link to an update on another page (feeds and notifications link to the entry's page).
  const begin = pages.length > 1 ? JSON.stringify(pages.map((updates, k) => [updates.at(-1)?.anchor, hrefOf(k + 1)])) : undefined;
  return timeline(pages[page - 1] ?? [], ctx, { notes: !untranslatedEntry(summary), pages: begin }) + nav;
}

/** The side of a post-mortem's page: the entry's facts and its newest updates, as many as fit beside the post-mortem, with a link to the others. */
export function postmortemAside(summary: EntrySummary, postmortem: Postmortem, ctx: EntryContext): string {
  const { base, t } = ctx;
  const facts = entryFacts(summary, ctx);
  const shown = postmortemTimeline(summary.posted, postmortem.html + facts);
  const next = summary.posted[shown.length];
  let more = '';
  if (next) {
    const page = timelinePages(summary.posted).findIndex((updates) => updates.includes(next)) + 1;
    more = `<p class="muted"><a${attribute('href', `${href(base, paths.updates(summary.entry.id, page))}#${next.anchor}`)}>${escapeText(t('postmortem.earlierUpdates', { count: summary.posted.length - shown.length }))}</a></p>`;
  }
  return facts + timeline(shown, ctx) + more;
}
