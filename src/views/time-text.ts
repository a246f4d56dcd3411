// How times read on the page: shared by the build (in the site's zone) and the browser script (in the
// visitor's), so both write the same words. No imports: it is bundled into the browser.

export const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
export const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
export const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
export const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long' };

/** The formats a `<time data-format>` element can ask for. */
export const FORMATS: Record<string, Intl.DateTimeFormatOptions> = { datetime: DATE_TIME, date: DATE, time: TIME };

/** "23 min ago", "in 2 h", "3 d ago", "just now". */
export function relativeTime(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const minutes = Math.round(Math.abs(diff) / 60_000);
  if (minutes < 1) return 'just now';
  const text = minutes < 60 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes / 1440)} d`;
  return diff < 0 ? `${text} ago` : `in ${text}`;
}
