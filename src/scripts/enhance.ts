// Progressive enhancement only: the page is complete without it.
import { FORMATS as formats, relativeTime } from '../views/time-text.ts';

/** Times in the visitor's own zone, and "23 minutes ago" where the page asks for it. */
// The configured locale of dates (`site.locale`), which may differ from the language of the text.
const lang = document.documentElement.dataset['locale'] || document.documentElement.lang || undefined;

/** A snapshot site (`site.as_of`) keeps "ago" relative to its own moment. */
const asOf = Date.parse(document.documentElement.dataset['asOf'] ?? '');

function renderTimes() {
  const now = Number.isNaN(asOf) ? Date.now() : asOf;
  for (const el of document.querySelectorAll<HTMLTimeElement>('time[datetime][data-format]')) {
    const date = new Date(el.dateTime);
    if (Number.isNaN(date.getTime())) continue;
    const absolute = new Intl.DateTimeFormat(lang, formats[el.dataset['format'] ?? 'datetime']).format(date);
    if (el.hasAttribute('data-relative')) {
      el.textContent = relativeTime(date, new Date(now), lang ?? 'en');
      el.title = absolute;
    } else {
      el.textContent = absolute;
    }
  }
}
renderTimes();
setInterval(renderTimes, 60_000);

/** Maintenance windows stay in the site's zone, with the visitor's own time beside them. */
const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (visitorZone !== document.documentElement.dataset['timeZone']) {
  for (const el of document.querySelectorAll<HTMLElement>('[data-window-from]')) {
    const from = new Date(el.dataset['windowFrom']!);
    const until = new Date(el.dataset['windowUntil']!);
    const sameDay = from.toDateString() === until.toDateString();
    const yours = el.querySelector<HTMLElement>('.your-time');
    if (!yours) continue;
    const fmt = (d: Date, f: string) => new Intl.DateTimeFormat(lang, formats[f]).format(d);
    // The words come from the page, in its language ("Your time:", "Ihre Zeit:").
    yours.textContent = `${yours.dataset['label']} ${fmt(from, 'datetime')} – ${fmt(until, sameDay ? 'time' : 'datetime')}`;
    yours.hidden = false;
  }
}

/**
 * A link to an update names its entry's page (feeds and notifications keep it, and an entry's newest
 * updates are there); an older update of a timeline over several pages is on a later one.
 */
const wanted = location.hash.slice(1);
const pages = document.querySelector<HTMLElement>('[data-update-pages]')?.dataset['updatePages'];
if (pages && wanted.startsWith('update-') && !document.getElementById(wanted)) {
  // Each page's oldest update, newest page first: anchors name their times, so they sort as strings.
  const begins = JSON.parse(pages) as [oldest: string, href: string][];
  const page = begins.find(([oldest]) => oldest <= wanted);
  if (page) location.replace(`${page[1]}#${wanted}`);
}

/** Light/dark toggle; the choice is kept, and the system setting is followed until one is made. */
const toggle = document.querySelector<HTMLButtonElement>('.theme-toggle');
if (toggle) {
  const root = document.documentElement;
  const current = () => root.dataset['theme'] ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const label = () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    // The words come from the page's language catalogue, on the button itself.
    toggle.textContent = toggle.dataset[next] ?? next;
    toggle.setAttribute('aria-label', toggle.dataset[`${next}Switch`] ?? next);
  };
  toggle.hidden = false;
  label();
  toggle.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem('candor-theme', next);
    } catch {}
    label();
  });
}
