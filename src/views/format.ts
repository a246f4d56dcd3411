import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { DATE_TIME } from './time-text.ts';

export { DATE, DATE_TIME, MONTH, relativeTime, TIME } from './time-text.ts';

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
