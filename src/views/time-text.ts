// How times read on the page: shared by the build (in the site's zone) and the browser script (in the
// visitor's), so both write the same words. No imports: it is bundled into the browser.

export const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
export const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
export const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
export const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long' };

/** The formats a `<time data-format>` element can ask for. */
export const FORMATS: Record<string, Intl.DateTimeFormatOptions> = { datetime: DATE_TIME, date: DATE, time: TIME };

const relative = new Map<string, { words: Intl.RelativeTimeFormat; now: string }>();

/**
 * "23 minutes ago", "in 2 hours", "3 days ago", "now", in the words of `locale` ("vor 23 Minuten",
 * "il y a 3 jours"): minutes under an hour, hours under two days, then days.
 */
export function relativeTime(date: Date, now: Date, locale: string): string {
  let format = relative.get(locale);
  if (!format) relative.set(locale, (format = { words: new Intl.RelativeTimeFormat(locale, { style: 'long', numeric: 'always' }), now: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second') }));
  const diff = date.getTime() - now.getTime();
  const minutes = Math.round(Math.abs(diff) / 60_000);
  if (minutes < 1) return format.now;
  const [count, unit]: [number, Intl.RelativeTimeFormatUnit] = minutes < 60 ? [minutes, 'minute'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
  return format.words.format(diff < 0 ? -count : count, unit);
}
