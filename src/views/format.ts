import { byMoment } from '../core/time.ts';
import { DATE_TIME } from './time-text.ts';

export { DATE, DATE_TIME, MONTH, relativeTime, TIME } from './time-text.ts';
export { dayKey, isoTime, monthKey } from '../core/time.ts';

/** Formats times in the configured zone and locale; the browser script re-renders them in the visitor's. */
export interface Clock {
  timeZone: string;
  locale: string;
}

// Per clock, then per options object (the shared constants of time-text.ts): a page formats many times.
const cache = new Map<string, WeakMap<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>>();
function formatter(clock: Clock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${clock.locale}|${clock.timeZone}`;
  let perOptions = cache.get(key);
  if (!perOptions) cache.set(key, (perOptions = new WeakMap()));
  let f = perOptions.get(options);
  if (!f) perOptions.set(options, (f = new Intl.DateTimeFormat(clock.locale, { timeZone: clock.timeZone, ...options })));
  return f;
}

// The same moments are written on many pages (the build's time in every footer): each formatter keeps
// what it wrote, up to 20,000 moments (there are some fifty formatters: languages by formats).
const written = new WeakMap<Intl.DateTimeFormat, (date: Date) => string>();

export function formatIn(clock: Clock, date: Date, options: Intl.DateTimeFormatOptions = DATE_TIME): string {
  const f = formatter(clock, options);
  let write = written.get(f);
  if (!write) written.set(f, (write = byMoment((d) => f.format(d), 20_000)));
  return write(date);
}
