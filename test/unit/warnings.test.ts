import { describe, expect, it } from 'vitest';
import { load } from '../helpers/project.ts';

const now = new Date('2026-11-24T12:00:00Z');

describe('warnings point at what customers will notice, and never fail', () => {
  it('a broken next-update promise, at the line of next_update', () => {
    const { project, problems } = load(
      { 'incidents/slow.md': '---\ntitle: Slow\ncomponents:\n  api: degraded_performance\nnext_update: 2026-11-24T11:30Z\n---\n\n## Investigating — 2026-11-24 11:00 UTC\nx\n' },
      now,
    );
    expect(project).toBeDefined();
    expect(problems.errors).toEqual([]);
    expect(problems.warnings).toHaveLength(1);
    expect(problems.warnings[0]).toMatchObject({ file: 'incidents/slow.md', line: 5, severity: 'warning' });
    expect(problems.warnings[0]!.message).toContain('promised for 2026-11-24 11:30 UTC and is overdue');
  });

  it('no warning for a promise still ahead, or on a resolved incident', () => {
    const { problems } = load(
      {
        'incidents/ahead.md': '---\ntitle: A\nnext_update: 2026-11-24T13:00Z\n---\n\n## Investigating — 2026-11-24 11:00 UTC\nx\n',
        'incidents/done.md': '---\ntitle: D\nnext_update: 2026-11-24T11:30Z\n---\n\n## Resolved — 2026-11-24 11:20 UTC\ny\n\n## Investigating — 2026-11-24 11:00 UTC\nx\n',
      },
      now,
    );
    expect(problems.list).toEqual([]);
  });

  it('maintenance announced with less than 7 days notice', () => {
    const { problems } = load(
      { 'incidents/m.md': '---\ntitle: M\nscheduled_for: 2026-11-27T02:00Z\nscheduled_until: 2026-11-27T03:00Z\ncomponents: [database]\n---\n\n## Scheduled — 2026-11-24 09:00 UTC\nx\n' },
      now,
    );
    expect(problems.warnings).toHaveLength(1);
    expect(problems.warnings[0]).toMatchObject({ file: 'incidents/m.md', line: 3 });
    expect(problems.warnings[0]!.message).toContain('announced 65 hours before it starts; customers should hear at least 7 days ahead');
  });

  it('the notice period is configurable', () => {
    const { problems } = load(
      { 'incidents/m.md': '---\ntitle: M\nscheduled_for: 2026-11-27T02:00Z\nscheduled_until: 2026-11-27T03:00Z\n---\n\n## Scheduled — 2026-11-24 09:00 UTC\nx\n' },
      now,
      'site:\n  name: X\n  url: https://status.example.com\ncomponents:\n  - id: api\n    name: API\nmaintenance:\n  notice_days: 2\n',
    );
    expect(problems.list).toEqual([]);
  });

  it('an update dated in the future, which customers will not see yet', () => {
    const { problems } = load({ 'incidents/a.md': '---\ntitle: A\n---\n\n## Identified — 2026-11-24 13:30\ny\n\n## Investigating — 2026-11-24 11:00 UTC\nx\n' }, now);
    expect(problems.warnings.map((w) => [w.line, w.message])).toEqual([[5, 'The update "Identified" is dated 2026-11-24 13:30 UTC, in the future: customers will not see it until then.']]);
    expect(problems.warnings[0]!.hint).toContain('add its offset');
  });

  it('started after the first update', () => {
    const { problems } = load({ 'incidents/a.md': '---\ntitle: A\nstarted: 2026-11-24T11:30Z\n---\n\n## Resolved — 2026-11-24 11:50 UTC\ny\n\n## Investigating — 2026-11-24 11:00 UTC\nx\n' }, now);
    expect(problems.warnings.map((w) => [w.line, w.message])).toEqual([[3, 'started (2026-11-24 11:30 UTC) is after the first update (2026-11-24 11:00 UTC).']]);
  });

  it('maintenance still open after its window', () => {
    const { problems } = load(
      { 'incidents/m.md': '---\ntitle: M\nscheduled_for: 2026-11-24T08:00Z\nscheduled_until: 2026-11-24T10:00Z\n---\n\n## Verifying — 2026-11-24 09:50 UTC\nChecking.\n\n## Scheduled — 2026-11-10 09:00 UTC\nx\n' },
      now,
    );
    expect(problems.warnings.map((w) => w.message)).toEqual(['The maintenance is still open (verifying) 2 hours after its window ended at 2026-11-24 10:00 UTC: its components show as under maintenance until it is completed.']);
  });

  it('a post-mortem missing recommended sections', () => {
    const { problems } = load(
      {
        'incidents/o.md': '---\ntitle: O\n---\n\n## Resolved — 2026-11-20 15:00 UTC\nb\n\n## Investigating — 2026-11-20 14:05 UTC\na\n',
        'incidents/o.postmortem.md': '---\npublished: 2026-11-22T10:00Z\n---\n\n## Summary\ns\n\n## Root cause analysis\nr\n\n## Resolution\nx\n',
      },
      now,
    );
    expect(problems.errors).toEqual([]);
    expect(problems.warnings.map((w) => [w.file, w.message])).toEqual([
      ['incidents/o.postmortem.md', 'The post-mortem has no "Impact", "Prevention" sections.'],
    ]);
    expect(problems.warnings[0]!.hint).toContain('## Impact');
  });
});
