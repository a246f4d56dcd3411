/**
 * Times as incident files write them: ISO 8601 with a space or `T`, minutes or seconds, and a zone
 * (`Z`, `UTC` or an offset). No zone means UTC, as in YAML.
 */
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

export type TimeResult = { ok: true; date: Date } | { ok: false; reason: string };

export const TIME_FORMAT_HINT = 'write it like 2026-11-20 14:05 UTC (or 2026-11-20T14:05Z, or with an offset such as +01:00)';

export function parseTime(input: string): TimeResult {
  const m = TIME.exec(input.trim());
  if (!m) return { ok: false, reason: `"${input.trim()}" is not a date and time` };
  const [, y, mo, d, h, mi, s = '0', ms = '0', zone = 'Z'] = m;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(s);
  // "0026-11-21" is a typo for 2026, not the first century.
  if (year < 1970) return { ok: false, reason: `the year ${y} is before 1970 (a typo for ${new Date().getUTCFullYear()}?)` };
  if (month < 1 || month > 12) return { ok: false, reason: `month ${mo} does not exist` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { ok: false, reason: `${y}-${mo} has no day ${d}` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `${h}:${mi}${m[6] ? `:${s}` : ''} is not a time of day` };
  const offset = offsetMinutes(zone);
  if (offset === undefined) return { ok: false, reason: `"${zone}" is not a valid offset` };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0'))) - offset * 60_000;
  return { ok: true, date: new Date(utc) };
}

function offsetMinutes(zone: string): number | undefined {
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return undefined;
  const hours = Number(m[2]), minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** The clock of every rule: `CANDOR_NOW` when set (reproducible builds), else the real time. */
export function now(env: Record<string, string | undefined> = process.env): Date {
  const fixed = env['CANDOR_NOW'];
  if (fixed === undefined || fixed === '') return new Date();
  const parsed = parseTime(fixed);
  if (!parsed.ok) throw new Error(`CANDOR_NOW: ${parsed.reason}; ${TIME_FORMAT_HINT}.`);
  return parsed.date;
}

/**
 * The moment the site shows: `CANDOR_NOW` when set, else the configuration's `site.as_of` (a
 * snapshot), else the real time. Writing commands stamp updates with `clock` instead.
 */
export function siteNow(asOf: Date | undefined, env: Record<string, string | undefined> = process.env, clock: Date = now(env)): Date {
  if (env['CANDOR_NOW']) return clock;
  return asOf ?? clock;
}

/** `2026-11-20 14:05 UTC`: the form the CLI writes and the check suggests. */
export function formatUtc(date: Date): string {
  const iso = date.toISOString();
  const seconds = iso.slice(17, 19) === '00' ? '' : iso.slice(16, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds} UTC`;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `2026-11-24T13:05Z`: how the CLI writes times in frontmatter. */
export function frontmatterTime(d: Date): string {
  const iso = d.toISOString();
  return iso.slice(17, 19) === '00' ? `${iso.slice(0, 16)}Z` : `${iso.slice(0, 19)}Z`;
}

// A build writes the same moments on many pages and documents (an update's time on its incident's
// page, in the history, the feeds and the API): each is worked out once.

/** Remembers what `make` gave for each moment, up to `kept` of them (then it starts afresh). */
export function byMoment<T>(make: (date: Date) => T, kept = 100_000): (date: Date) => T {
  const made = new Map<number, T>();
  return (date) => {
    const time = date.getTime();
    let value = made.get(time);
    if (value === undefined) {
      if (made.size >= kept) made.clear();
      made.set(time, (value = make(date)));
    }
    return value;
  };
}

/** `2026-11-24T13:05:00.000Z`: `date.toISOString()`. */
export const isoTime = byMoment((date) => date.toISOString());

const dayKeys = new Map<string, (date: Date) => string>();

/** `2026-11-24`: the calendar day of `date` in `timeZone`. */
export function dayKey(date: Date, timeZone: string): string {
  let of = dayKeys.get(timeZone);
  if (!of) {
    const f = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
    dayKeys.set(
      timeZone,
      (of = byMoment((d) => {
        const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
        for (const p of f.formatToParts(d)) part[p.type] = p.value;
        return `${part.year}-${part.month}-${part.day}`;
      })),
    );
  }
  return of(date);
}

/** `2026-11`: the month of `date` in `timeZone`, the key of a month group. */
export function monthKey(date: Date, timeZone: string): string {
  // Less its `-24`.
  return dayKey(date, timeZone).slice(0, -3);
}
