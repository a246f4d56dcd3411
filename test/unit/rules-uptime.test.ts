import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/core/schema/config.ts';
import { componentUptime, dayBounds, groupUptime, statusIntervals, uptimes } from '../../src/core/rules/uptime.ts';
import { makeIncident, makeMaintenance } from '../helpers/entries.ts';
import { config, t } from '../helpers/project.ts';

const now = t('2026-11-24T12:00Z');
// The bar's 90 days run from 2026-08-27 00:00 UTC to now: 89 whole days and 12 hours.
const COUNTED = 89 * 1440 + 720;

describe('90-day uptime (SPEC: the rules)', () => {
  it('is 100% with no incident, over exactly the days the bar shows', () => {
    const u = uptimes([], config, now).components.get('api')!;
    expect(u.ratio).toBe(1);
    expect(u.countedMinutes).toBe(COUNTED);
    expect(u.days).toHaveLength(90);
    expect(u.days[0]!.date).toBe('2026-08-27');
    expect(u.days[89]!.date).toBe('2026-11-24');
    expect(u.days.every((d) => d.worst === 'operational')).toBe(true);
  });

  it('counts major outage minutes fully and partial outage minutes at 0.3; degraded and maintenance are up', () => {
    const major = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-10 11:00 UTC'], ['Investigating', '2026-11-10 10:00 UTC']], {}, 'major');
    const partial = makeIncident({ api: 'partial_outage' }, [['Resolved', '2026-11-12 11:40 UTC'], ['Investigating', '2026-11-12 10:00 UTC']], {}, 'partial');
    const degraded = makeIncident({ api: 'degraded_performance' }, [['Resolved', '2026-11-14 20:00 UTC'], ['Investigating', '2026-11-14 10:00 UTC']], {}, 'degraded');
    const maint = makeMaintenance(['2026-11-16T01:00Z', '2026-11-16T05:00Z'], ['api'], [['Scheduled', '2026-11-01 09:00 UTC']]);
    const u = uptimes([major, partial, degraded, maint], config, now).components.get('api')!;
    expect(u.downtimeMinutes).toBeCloseTo(60 + 0.3 * 100, 6);
    expect(u.ratio).toBeCloseTo(1 - 90 / COUNTED, 10);
    const day = (d: string) => u.days.find((x) => x.date === d)!;
    expect(day('2026-11-10')).toMatchObject({ worst: 'major_outage', entries: ['major'] });
    expect(day('2026-11-10').minutes.major_outage).toBe(60);
    expect(day('2026-11-12')).toMatchObject({ worst: 'partial_outage' });
    expect(day('2026-11-14')).toMatchObject({ worst: 'degraded_performance' });
    expect(day('2026-11-14').minutes.degraded_performance).toBe(600);
    expect(day('2026-11-16')).toMatchObject({ worst: 'under_maintenance', entries: ['maintenance'] });
    expect(day('2026-11-16').minutes.under_maintenance).toBe(240);
    expect(day('2026-11-11').worst).toBe('operational');
  });

  it('counts each minute once, at the worst status, when incidents overlap', () => {
    const a = makeIncident({ api: 'partial_outage' }, [['Resolved', '2026-11-10 12:00 UTC'], ['Investigating', '2026-11-10 10:00 UTC']], {}, 'a');
    const b = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-10 11:30 UTC'], ['Investigating', '2026-11-10 11:00 UTC']], {}, 'b');
    const u = uptimes([a, b], config, now).components.get('api')!;
    // 10:00–11:00 partial, 11:00–11:30 major, 11:30–12:00 partial.
    expect(u.downtimeMinutes).toBeCloseTo(30 + 0.3 * 90, 6);
    const day = u.days.find((d) => d.date === '2026-11-10')!;
    expect(day.minutes).toMatchObject({ major_outage: 30, partial_outage: 90 });
    expect(day.entries.sort()).toEqual(['a', 'b']);
  });

  it('splits an incident spanning midnight between both days', () => {
    const night = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-21 00:40 UTC'], ['Investigating', '2026-11-20 23:50 UTC']]);
    const u = uptimes([night], config, now).components.get('api')!;
    expect(u.days.find((d) => d.date === '2026-11-20')!.minutes.major_outage).toBe(10);
    expect(u.days.find((d) => d.date === '2026-11-21')!.minutes.major_outage).toBe(40);
    expect(u.downtimeMinutes).toBe(50);
  });

  it('counts only the part of an incident inside the 90 days', () => {
    const edge = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-08-27 02:00 UTC'], ['Investigating', '2026-08-26 22:00 UTC']], {}, 'edge');
    const before = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-08-20 02:00 UTC'], ['Investigating', '2026-08-20 01:00 UTC']], {}, 'before');
    const u = uptimes([edge, before], config, now).components.get('api')!;
    expect(u.downtimeMinutes).toBe(120);
    expect(u.days[0]).toMatchObject({ date: '2026-08-27', worst: 'major_outage', entries: ['edge'] });
  });

  it('counts an unresolved incident up to now', () => {
    const ongoing = makeIncident({ api: 'major_outage' }, [['Investigating', '2026-11-24 11:00 UTC']]);
    const u = uptimes([ongoing], config, now).components.get('api')!;
    expect(u.downtimeMinutes).toBe(60);
    expect(u.days[89]!.worst).toBe('major_outage');
  });

  it('counts from `since` when it is later, with no data before it', () => {
    const since = configSchema.parse({
      site: { name: 'X', url: 'https://status.example.com' },
      components: [{ id: 'api', name: 'API', since: '2026-11-20' }],
    });
    const outage = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-21 01:00 UTC'], ['Investigating', '2026-11-21 00:00 UTC']]);
    const u = uptimes([outage], since, now).components.get('api')!;
    expect(u.countedMinutes).toBe(4 * 1440 + 720);
    expect(u.ratio).toBeCloseTo(1 - 60 / (4 * 1440 + 720), 10);
    expect(u.days.find((d) => d.date === '2026-11-19')!.worst).toBe('no_data');
    expect(u.days.find((d) => d.date === '2026-11-20')!.worst).toBe('operational');
  });

  it('has no ratio yet when `since` is in the future', () => {
    const u = componentUptime({ id: 'api', since: t('2026-12-01T00:00Z') }, [], now, 'UTC', dayBounds(now, 'UTC'));
    expect(u.ratio).toBeNull();
    expect(u.days.every((d) => d.worst === 'no_data')).toBe(true);
  });

  it("a group's uptime is the mean of its members'", () => {
    const outage = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-10 12:00 UTC'], ['Investigating', '2026-11-10 10:00 UTC']]);
    const { components, groups } = uptimes([outage], config, now);
    const core = groups.get('core')!;
    expect(core.ratio).toBeCloseTo((components.get('api')!.ratio! + components.get('web')!.ratio!) / 2, 12);
    expect(core.days.find((d) => d.date === '2026-11-10')!.worst).toBe('major_outage');
    expect(groups.get('data')!.ratio).toBe(1);
    expect(groupUptime([]).ratio).toBeNull();
  });

  it('makes days in the configured time zone', () => {
    const ny = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-20 03:30 UTC'], ['Investigating', '2026-11-20 03:00 UTC']]);
    const u = componentUptime({ id: 'api' }, statusIntervals([ny], t('2026-08-01T00:00Z'), now), now, 'America/New_York', dayBounds(now, 'America/New_York'));
    expect(u.days[89]!.date).toBe('2026-11-24');
    expect(u.days.find((d) => d.date === '2026-11-19')!.worst).toBe('major_outage');
    expect(u.days.find((d) => d.date === '2026-11-20')!.worst).toBe('operational');
  });

  it('follows daylight saving: the day the clocks go back lasts 25 hours', () => {
    const bounds = dayBounds(t('2026-10-26T12:00Z'), 'Europe/Paris');
    const k = bounds.findIndex((b) => b.toISOString() === '2026-10-24T22:00:00.000Z');
    expect(bounds[k + 1]!.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(bounds[k + 2]!.toISOString()).toBe('2026-10-26T23:00:00.000Z');
  });

  it('starts every day at its own midnight when the clocks skipped midnight on the day it is built (São Paulo, 2018)', () => {
    // On 2018-11-04 São Paulo's clocks went from 00:00 to 01:00: that day starts at 01:00 (03:00Z), the others at 00:00.
    const bounds = dayBounds(t('2018-11-04T15:00Z'), 'America/Sao_Paulo', 3);
    expect(bounds.map((b) => b.toISOString())).toEqual(['2018-11-02T03:00:00.000Z', '2018-11-03T03:00:00.000Z', '2018-11-04T03:00:00.000Z', '2018-11-05T02:00:00.000Z']);
  });
});
