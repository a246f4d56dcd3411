import { describe, expect, it } from 'vitest';
import { communicationRecord, isLeftOpen, promiseState } from '../../src/core/rules/promises.ts';
import { incident, maintenance, t } from '../helpers/project.ts';

const LEAD = 10 * 60_000;

/** An incident that started at 10:00, promised an update by 10:30 in its first update. */
const open = (nextUpdate = '2026-11-29T10:30Z', more = '') =>
  incident(`---
title: API errors
started: 2026-11-29T09:55Z
next_update: ${nextUpdate}
---
${more}
## Investigating — 2026-11-29 10:00 UTC
Looking.
<!-- candor: next update by 2026-11-29 10:30 UTC -->
`);

describe('where a promise stands, for the reminders', () => {
  it('is nothing well before it is due, due soon within the lead, overdue after', () => {
    expect(promiseState(open(), t('2026-11-29T10:19Z'), LEAD)).toBeUndefined();
    expect(promiseState(open(), t('2026-11-29T10:20Z'), LEAD)).toEqual({ madeAt: t('2026-11-29T10:00Z'), due: t('2026-11-29T10:30Z'), state: 'due-soon' });
    expect(promiseState(open(), t('2026-11-29T10:30Z'), LEAD)).toEqual({ madeAt: t('2026-11-29T10:00Z'), due: t('2026-11-29T10:30Z'), state: 'overdue' });
  });

  it('is nothing once an update came or the incident is resolved', () => {
    const kept = open('2026-11-29T11:00Z', '\n## Identified — 2026-11-29 10:25 UTC\nFound it.\n<!-- candor: next update by 2026-11-29 11:00 UTC -->\n');
    expect(promiseState(kept, t('2026-11-29T10:29Z'), LEAD)).toBeUndefined();
    const resolved = open('2026-11-29T10:30Z', '\n## Resolved — 2026-11-29 10:20 UTC\nFixed.\n');
    expect(promiseState(resolved, t('2026-11-29T10:40Z'), LEAD)).toBeUndefined();
  });

  it('finds maintenance left open: window over, no Completed or Cancelled update', () => {
    const m = (extra: string) =>
      maintenance(`---
title: Upgrade
scheduled_for: 2026-11-29T08:00Z
scheduled_until: 2026-11-29T09:00Z
---
${extra}
## Scheduled — 2026-11-20 09:00 UTC
Planned.
`);
    expect(isLeftOpen(m(''), t('2026-11-29T08:59Z'))).toBe(false);
    expect(isLeftOpen(m(''), t('2026-11-29T09:00Z'))).toBe(true);
    expect(isLeftOpen(m('\n## Completed — 2026-11-29 08:50 UTC\nDone.\n'), t('2026-11-29T10:00Z'))).toBe(false);
    expect(isLeftOpen(m('\n## Cancelled — 2026-11-28 08:50 UTC\nOff.\n'), t('2026-11-29T10:00Z'))).toBe(false);
  });
});

describe('the record of promises kept', () => {
  it('counts a promise kept early, one kept late as broken, and one still ahead as neither', () => {
    const i = open(
      '2026-11-29T11:30Z',
      `
## Monitoring — 2026-11-29 11:05 UTC
Recovering.
<!-- candor: next update by 2026-11-29 11:30 UTC -->

## Identified — 2026-11-29 10:25 UTC
Found it.
<!-- candor: next update by 2026-11-29 11:00 UTC -->
`,
    );
    const r = communicationRecord(i, t('2026-11-29T11:10Z'));
    expect(r.promises.map((p) => [p.due.toISOString().slice(11, 16), p.state])).toEqual([
      ['10:30', 'kept'],
      ['11:00', 'broken'],
      ['11:30', 'open'],
    ]);
    expect([r.kept, r.due]).toEqual([1, 2]);
    expect(r.firstUpdateMs).toBe(5 * 60_000);
    // 09:55 → 10:00 → 10:25 → 11:05 → now (11:10): the longest is 40 minutes.
    expect(r.longestSilenceMs).toBe(40 * 60_000);
  });

  it('counts a promise superseded by a new one as kept when the new update came in time', () => {
    const i = open('2026-11-29T12:00Z', '\n## Update — 2026-11-29 10:20 UTC\nStill on it.\n<!-- candor: next update by 2026-11-29 12:00 UTC -->\n');
    const r = communicationRecord(i, t('2026-11-29T10:40Z'));
    expect(r.promises.map((p) => p.state)).toEqual(['kept', 'open']);
  });

  it('counts the resolution as the next update, and stops the silence at it', () => {
    const i = open('2026-11-29T10:30Z', '\n## Resolved — 2026-11-29 10:45 UTC\nFixed.\n');
    const r = communicationRecord(i, t('2026-11-29T18:00Z'));
    expect(r.promises.map((p) => p.state)).toEqual(['broken']);
    expect(r.longestSilenceMs).toBe(45 * 60_000);
  });

  it('takes the frontmatter promise as the newest update\'s when no update recorded it (a file written by hand)', () => {
    const i = incident(`---
title: API errors
next_update: 2026-11-29T10:30Z
---

## Investigating — 2026-11-29 10:00 UTC
Looking; next update by 10:30.
`);
    expect(communicationRecord(i, t('2026-11-29T10:31Z')).promises).toEqual([{ madeAt: t('2026-11-29T10:00Z'), due: t('2026-11-29T10:30Z'), state: 'broken' }]);
  });
});

describe('site.show_promise_record', () => {
  it('puts the record in the API as an extra field, and false leaves it out', async () => {
    const { apiIncident } = await import('../../src/views/api.ts');
    const { configSchema } = await import('../../src/core/schema/config.ts');
    const i = open();
    const ctx = (show: boolean) => ({ config: configSchema.parse({ site: { name: 'X', url: 'https://status.x.example', show_promise_record: show }, components: [{ id: 'api', name: 'API' }] }), base: '/', now: t('2026-11-29T10:40Z'), entries: [i], statuses: new Map(), intervals: [] });
    expect(apiIncident(i, ctx(true)).candor_communication).toEqual({ first_update_minutes: 5, promises_made: 1, promises_due: 1, promises_kept: 0, longest_silence_minutes: 40 });
    expect('candor_communication' in apiIncident(i, ctx(false))).toBe(false);
  });
});

describe('review cases', () => {
  it('an update posted after a promise keeps it, even when the frontmatter still names it (a hand edit)', () => {
    const i = open('2026-11-29T10:30Z', '\n## Update — 2026-11-29 10:20 UTC\nStill on it.\n');
    expect(promiseState(i, t('2026-11-29T10:25Z'), LEAD)).toBeUndefined();
    expect(promiseState(i, t('2026-11-29T10:31Z'), LEAD)).toBeUndefined();
    expect(communicationRecord(i, t('2026-11-29T10:31Z')).promises.map((p) => p.state)).toEqual(['kept']);
  });

  it('a resolved incident whose frontmatter still holds the promise has kept it', () => {
    const i = incident(`---
title: API errors
next_update: 2026-11-29T11:00Z
---

## Resolved — 2026-11-29 10:40 UTC
Fixed.

## Identified — 2026-11-29 10:30 UTC
Found it.
`);
    expect(communicationRecord(i, t('2026-11-29T12:00Z')).promises.map((p) => [p.madeAt.toISOString().slice(11, 16), p.state])).toEqual([['10:30', 'kept']]);
  });

  it('an update dated later does not hide the promise that is lapsing now', () => {
    const i = open('2026-11-29T12:30Z', '\n## Update — 2026-11-29 12:00 UTC\nLater.\n<!-- candor: next update by 2026-11-29 12:30 UTC -->\n');
    expect(promiseState(i, t('2026-11-29T11:00Z'), LEAD)).toMatchObject({ due: t('2026-11-29T10:30Z'), state: 'overdue' });
    expect(communicationRecord(i, t('2026-11-29T11:00Z')).promises).toHaveLength(1);
  });

  it('reminders stop 30 days after a promise or a window', () => {
    expect(promiseState(open(), t('2026-12-29T10:31Z'), LEAD)).toBeUndefined();
    const m = maintenance('---\ntitle: Upgrade\nscheduled_for: 2026-11-29T08:00Z\nscheduled_until: 2026-11-29T09:00Z\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nPlanned.\n');
    expect(isLeftOpen(m, t('2026-12-29T09:01Z'))).toBe(false);
  });
});
