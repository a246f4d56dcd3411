import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, incidentDuration, incidentStatus, isActiveIncident, isPromiseBroken, resolvedAt } from '../../src/core/rules/incident.ts';
import { makeIncident } from '../helpers/entries.ts';
import { t } from '../helpers/project.ts';

const outage = makeIncident({ api: 'partial_outage' }, [
  ['Resolved', '2026-11-20 16:10 UTC'],
  ['Update', '2026-11-20 15:30 UTC'],
  ['Monitoring', '2026-11-20 15:00 UTC'],
  ['Identified', '2026-11-20 14:30 UTC'],
  ['Investigating', '2026-11-20 14:05 UTC'],
]);

describe('incident status and resolution (SPEC: the rules)', () => {
  it.each([
    ['2026-11-20T14:00Z', undefined],
    ['2026-11-20T14:05Z', 'investigating'],
    ['2026-11-20T14:29Z', 'investigating'],
    ['2026-11-20T14:30Z', 'identified'],
    ['2026-11-20T15:05Z', 'monitoring'],
    ['2026-11-20T15:45Z', 'monitoring'],
    ['2026-11-20T16:10Z', 'resolved'],
    ['2026-12-20T00:00Z', 'resolved'],
  ])('at %s the status is %s (the latest update; "Update" keeps the status)', (at, status) => {
    expect(incidentStatus(outage, t(at))).toBe(status);
  });

  it('is resolved when its latest update is Resolved, and active before that', () => {
    expect(resolvedAt(outage, t('2026-11-20T16:00Z'))).toBeUndefined();
    expect(isActiveIncident(outage, t('2026-11-20T16:00Z'))).toBe(true);
    expect(resolvedAt(outage, t('2026-11-20T16:10Z'))?.toISOString()).toBe('2026-11-20T16:10:00.000Z');
    expect(isActiveIncident(outage, t('2026-11-20T16:10Z'))).toBe(false);
    expect(isActiveIncident(outage, t('2026-11-20T14:00Z'))).toBe(false);
  });

  it('is active exactly while started, with a status and not resolved, at any moment', () => {
    const statuses = ['Investigating', 'Identified', 'Monitoring', 'Update'] as const;
    const minute = (m: number) => new Date(Date.UTC(2026, 10, 20, 14) + m * 60_000);
    const updates = fc.uniqueArray(fc.tuple(fc.constantFrom(...statuses), fc.integer({ min: 0, max: 120 })), { minLength: 1, maxLength: 6, selector: (u) => u[1] });
    fc.assert(
      fc.property(updates, fc.boolean(), fc.integer({ min: -30, max: 150 }), fc.integer({ min: -10, max: 150 }), (list, resolves, startedAt, at) => {
        // Newest first, as a responder writes them; the newest may resolve it.
        const sorted = [...list].sort((a, b) => b[1] - a[1]).map(([s, m], k): [string, string] => [k === 0 && resolves ? 'Resolved' : s, minute(m).toISOString()]);
        // Started any time (after the first update is allowed, with a warning), but not after it was resolved.
        const newest = Math.max(...list.map((u) => u[1]));
        const incident = makeIncident({ api: 'major_outage' }, sorted, { started: minute(resolves ? Math.min(startedAt, newest) : startedAt).toISOString() });
        const when = minute(at);
        expect(isActiveIncident(incident, when)).toBe(incident.started <= when && incidentStatus(incident, when) !== undefined && resolvedAt(incident, when) === undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('lasts from started to resolution; until then, to now', () => {
    expect(incidentDuration(outage, t('2026-12-01T00:00Z'))).toBe(125 * 60_000);
    expect(incidentDuration(outage, t('2026-11-20T15:05Z'))).toBe(60 * 60_000);
    const backfilled = makeIncident({}, [['Resolved', '2026-11-20 16:10 UTC'], ['Investigating', '2026-11-20 15:00 UTC']], { started: '2026-11-20T13:40Z' });
    expect(incidentDuration(backfilled, t('2026-12-01T00:00Z'))).toBe(150 * 60_000);
  });

  it('spans midnight without losing time', () => {
    const night = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-21 00:40 UTC'], ['Investigating', '2026-11-20 23:50 UTC']]);
    expect(incidentDuration(night, t('2026-11-22T00:00Z'))).toBe(50 * 60_000);
  });

  it('an update with no earlier status word means investigating', () => {
    const i = makeIncident({}, [['Update', '2026-11-20 14:05 UTC']]);
    expect(incidentStatus(i, t('2026-11-20T15:00Z'))).toBe('investigating');
  });

  it('a next_update in the past on an unresolved incident is a broken promise', () => {
    const promised = makeIncident({ api: 'degraded_performance' }, [['Investigating', '2026-11-20 14:05 UTC']], { next_update: '2026-11-20T15:00Z' });
    expect(isPromiseBroken(promised, t('2026-11-20T14:59Z'))).toBe(false);
    expect(isPromiseBroken(promised, t('2026-11-20T15:01Z'))).toBe(true);
    const kept = makeIncident({}, [['Resolved', '2026-11-20 14:50 UTC'], ['Investigating', '2026-11-20 14:05 UTC']], { next_update: '2026-11-20T15:00Z' });
    expect(isPromiseBroken(kept, t('2026-11-20T16:00Z'))).toBe(false);
  });

  it('formats durations as people read them', () => {
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(95 * 60_000)).toBe('1 h 35 min');
    expect(formatDuration(120 * 60_000)).toBe('2 h');
    expect(formatDuration((2 * 24 + 4) * 3_600_000)).toBe('2 d 4 h');
  });
});
