import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Formats times in the configured zone and locale; the browser script re-renders them in the visitor's. */
export interface Clock {
  timeZone: string;
  locale: string;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(clock: Clock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${clock.locale}|${clock.timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(clock.locale, { timeZone: clock.timeZone, ...options })));
  return f;
}

export const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
export const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
export const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
export const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long' };

export function formatIn(clock: Clock, date: Date, options: Intl.DateTimeFormatOptions = DATE_TIME): string {
  return formatter(clock, options).format(date);
}

/** `2026-11` of a date in the configured zone: the key of a month group. */
export function monthKey(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), 'yyyy-MM');
}

/** `2026-11-24` of a date in the configured zone. */
export function dayKey(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), 'yyyy-MM-dd');
}

/** "23 min ago", "in 2 h", "3 d ago": the same words the browser script writes. */
export function relativeTime(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const minutes = Math.round(Math.abs(diff) / 60_000);
  const text = minutes < 1 ? 'less than a minute' : minutes < 60 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes / 1440)} d`;
  if (minutes < 1) return 'just now';
  return diff < 0 ? `${text} ago` : `in ${text}`;
}
