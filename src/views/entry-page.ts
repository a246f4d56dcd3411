import { componentNames } from '../core/config.ts';
import type { Update } from '../core/model.ts';
import { duration } from '../i18n/translate.ts';
import type { EntrySummary } from './entries.ts';
import { addToCalendar, type EntryContext, entryStatus, nextUpdate } from './entry-card.ts';
import type { PageFrame } from './layout.ts';
import { attribute, componentStatusLabel, escapeText, maintenanceWindow, message, timeElement, untranslatedNote } from './markup.ts';
import { recordLine } from './record.ts';
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
 */
export function timeline(updates: readonly Update[], { clock, t }: EntryContext, { notes = true }: { notes?: boolean } = {}): string {
  const items = updates.map((u) => {
    const word = t('word.updateStatus', { status: u.status });
    const note = u.fallback && notes ? untranslatedNote(t, u.fallback) : '';
    return `<li${attribute('id', u.anchor)}${attribute('data-status', u.status)}><h3><span>${escapeText(word)}</span><span class="muted">${timeElement(u.at, clock)}</span><a class="anchor"${attribute('href', `#${u.anchor}`)}${attribute('aria-label', t('timeline.link', { status: word }))}>#</a></h3>${note}<div class="prose" dir="auto"${attribute('lang', u.fallback)}>${u.html}</div></li>`;
  });
  return `<ol class="timeline"${attribute('aria-label', t('timeline.label'))}>${items.join('')}</ol>`;
}

/** What an entry's page says of itself in its frame: its title, its first update's words as its summary, its path. */
export function entryFrame({ entry, posted }: EntrySummary): PageFrame {
  const first = posted.at(-1);
  return { live: entry.kind === 'maintenance', path: paths.incident(entry.id), title: entry.title, description: first ? first.text.slice(0, 200) : undefined };
}

/** An entry's page inside its frame: title, facts, promise or calendar, record, post-mortem and updates. */
export function entryMain(summary: EntrySummary, ctx: EntryContext): string {
  const { config, now, base, t } = ctx;
  const { entry } = summary;
  // Nothing of it translated into this page's language: said once, not at each update.
  const untranslated = entry.titleFallback && entry.updates.every((u) => u.fallback) ? entry.titleFallback : undefined;
  let html = `<p><a${attribute('href', href(base, paths.home))}>${escapeText(t('back.home'))}</a></p><h1 dir="auto"${attribute('lang', entry.titleFallback)}>${escapeText(entry.title)}</h1>`;
  if (untranslated) html += untranslatedNote(t, untranslated);
  if (entry.kind === 'maintenance') html += `<p class="muted">${escapeText(t('incident.planned'))}</p>`;
  html += entryFacts(summary, ctx);
  html += entry.kind === 'maintenance' ? addToCalendar(entry, ctx) : nextUpdate(summary, ctx);
  if (entry.kind === 'incident' && config.site.show_promise_record && summary.posted.length > 0) html += `<p class="muted record" data-record>${escapeText(recordLine(entry, now, t))}</p>`;
  if (entry.postmortem) {
    html += `<p class="card tone-operational"><strong>${escapeText(t(entry.postmortem.draft ? 'postmortem.draftNote' : 'postmortem.published'))}</strong> <a${attribute('href', href(base, paths.postmortem(entry.id)))}>${escapeText(t('postmortem.read'))}</a></p>`;
  }
  html += `<h2>${escapeText(t('incident.updates'))}</h2>`;
  return html + timeline(summary.posted, ctx, { notes: !untranslated });
}
