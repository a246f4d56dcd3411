import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayKey, formatUtc, isoTime, monthKey, now, parseTime, siteNow } from '../../src/core/time.ts';
import { DATE_TIME, formatIn } from '../../src/views/format.ts';

const ok = (s: string) => {
  const r = parseTime(s);
  if (!r.ok) throw new Error(r.reason);
  return r.date.toISOString();
};

describe('times in update headings and frontmatter', () => {
  it.each([
    ['2026-11-20 14:05 UTC', '2026-11-20T14:05:00.000Z'],
    ['2026-11-20T14:05Z', '2026-11-20T14:05:00.000Z'],
    ['2026-11-20 14:05:30 UTC', '2026-11-20T14:05:30.000Z'],
    ['2026-11-20T14:05:30Z', '2026-11-20T14:05:30.000Z'],
    ['2026-11-20 14:05', '2026-11-20T14:05:00.000Z'],
    ['2026-11-20 15:05 +01:00', '2026-11-20T14:05:00.000Z'],
    ['2026-11-20T09:05-05:00', '2026-11-20T14:05:00.000Z'],
    ['2026-11-20T19:35+0530', '2026-11-20T14:05:00.000Z'],
    ['2026-11-21 00:30 +01:00', '2026-11-20T23:30:00.000Z'],
    ['2026-11-20 14:05 utc', '2026-11-20T14:05:00.000Z'],
    ['2028-02-29 12:00 UTC', '2028-02-29T12:00:00.000Z'],
  ])('%s is %s', (input, iso) => {
    expect(ok(input)).toBe(iso);
  });

  it.each([
    ['2026-02-30 10:00 UTC', 'has no day 30'],
    ['2027-02-29 10:00 UTC', 'has no day 29'],
    ['2026-13-01 10:00 UTC', 'month 13'],
    ['2026-11-20 24:00 UTC', 'not a time of day'],
    ['2026-11-20 12:60 UTC', 'not a time of day'],
    ['2026-11-20', 'not a date and time'],
    ['yesterday at noon', 'not a date and time'],
    ['2026-11-20 10:00 +25:00', 'not a valid offset'],
  ])('%s is refused (%s)', (input, reason) => {
    const r = parseTime(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('reads CANDOR_NOW as the clock, and refuses a bad one', () => {
    expect(now({ CANDOR_NOW: '2026-11-20T14:05Z' }).toISOString()).toBe('2026-11-20T14:05:00.000Z');
    expect(() => now({ CANDOR_NOW: 'soon' })).toThrow(/CANDOR_NOW/);
    const before = Date.now();
    expect(now({}).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('writes times the way the files do', () => {
    expect(formatUtc(new Date('2026-11-20T14:05:00Z'))).toBe('2026-11-20 14:05 UTC');
    expect(formatUtc(new Date('2026-11-20T14:05:09Z'))).toBe('2026-11-20 14:05:09 UTC');
  });
});

describe('the moment a site shows', () => {
  const asOf = new Date('2026-11-01T00:00Z');
  it('is CANDOR_NOW when set; else its as_of; else the clock', () => {
    expect(siteNow(asOf, { CANDOR_NOW: '2026-11-24T12:00Z' }).toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(siteNow(asOf, {})).toBe(asOf);
    const clock = new Date('2026-11-30T10:00Z');
    expect(siteNow(undefined, {}, clock)).toBe(clock);
  });
});

describe('moments worked out once per build', () => {
  it('read the same as when worked out afresh, to the millisecond, in any zone, however many there are', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham'];
    const formats = new Map(zones.map((timeZone) => [timeZone, new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })]));
    const written = new Map(zones.flatMap((timeZone) => ['en-GB', 'ar'].map((locale) => [`${locale}|${timeZone}`, new Intl.DateTimeFormat(locale, { timeZone, ...DATE_TIME })] as const)));
    const afresh = (date: Date, timeZone: string) => {
      const parts = Object.fromEntries(formats.get(timeZone)!.formatToParts(date).map((p) => [p.type, p.value]));
      return `${parts['year']}-${parts['month']}-${parts['day']}`;
    };
    fc.assert(
      fc.property(fc.array(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), { minLength: 1, maxLength: 50 }), (dates) => {
        // Each twice, and a millisecond apart: what was kept for one moment is never another's.
        for (const date of dates.flatMap((d) => [d, new Date(d.getTime() + 1), d])) {
          expect(isoTime(date)).toBe(date.toISOString());
          for (const zone of zones) {
            expect(dayKey(date, zone)).toBe(afresh(date, zone));
            expect(monthKey(date, zone)).toBe(afresh(date, zone).slice(0, 7));
            for (const locale of ['en-GB', 'ar']) expect(formatIn({ timeZone: zone, locale }, date)).toBe(written.get(`${locale}|${zone}`)!.format(date));
          }
        }
      }),
    );
    // Past what is kept: started afresh, still right.
    const start = Date.UTC(2026, 0, 1);
    for (let k = 0; k < 100_050; k++) isoTime(new Date(start + k * 60_000));
    expect(isoTime(new Date(start))).toBe(new Date(start).toISOString());
  });
});
