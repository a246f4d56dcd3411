import { describe, expect, it } from 'vitest';
import { runIn } from '../helpers/cli.ts';
import { makeProject, ROOT } from '../helpers/project.ts';

describe('candor status, for the on-call', () => {
  it('lists what is open, what is owed, who owns it and the command to post next (the example, at its moment)', async () => {
    const r = await runIn(ROOT, ['status']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`Status at 2026-11-24 12:30 UTC

Open incidents (1):
  Delayed webhook deliveries (2026-11-24-webhook-delivery-delays)
    Identified · started 2026-11-24 10:50 UTC · last update 55 min ago
    Next update promised by 2026-11-24 16:00 UTC: due in 3 h 30 min
    Owners: @brightpay/status-team
    Post the next update: npm run candor -- update 2026-11-24-webhook-delivery-delays --status update -m "…" --next-update 30

Maintenance in progress, left open or coming (1):
  Primary database upgrade (2026-12-03-database-upgrade)
    Scheduled · window 2026-12-03 02:00 UTC to 2026-12-03 04:00 UTC · last update 5 d 3 h ago
    Owners: @brightpay/status-team
    Post an update: npm run candor -- update 2026-12-03-database-upgrade --status update -m "…"`);
  });

  it('says an overdue promise and a window left open plainly, and gives the same as JSON for scripts', async () => {
    const root = makeProject({
      'incidents/a.md': "---\ntitle: API errors\nowner: '@alice'\nnext_update: 2026-11-24T12:00Z\n---\n\n## Investigating — 2026-11-24 11:30 UTC\nLooking.\n",
      'incidents/m.md': '---\ntitle: Upgrade\nscheduled_for: 2026-11-24T10:00Z\nscheduled_until: 2026-11-24T11:00Z\n---\n\n## Scheduled — 2026-11-10 09:00 UTC\nPlanned.\n',
    });
    const r = await runIn(root, ['status'], { now: '2026-11-24T12:20:00Z' });
    expect(r.out).toContain('    Next update promised by 2026-11-24 12:00 UTC: OVERDUE by 20 min\n    Owners: @alice\n');
    expect(r.out).toContain('    The window is over and no Completed update says so.\n    Owners: none named (set communication.owners, or owner: in the file)\n    Close it: npm run candor -- resolve m -m "…"');
    const json = JSON.parse((await runIn(root, ['status', '--json'], { now: '2026-11-24T12:20:00Z' })).out);
    expect(json.incidents[0]).toMatchObject({ id: 'a', status: 'Investigating', minutesSinceLastUpdate: 50, promise: { due: '2026-11-24T12:00:00.000Z', minutesUntilDue: -20, state: 'overdue' }, owners: ['@alice'] });
    expect(json.maintenance[0]).toMatchObject({ id: 'm', window: { leftOpen: true }, command: 'npm run candor -- resolve m -m "…"' });
  });
});

describe('candor report', () => {
  it('summarises the last 90 days and the last year (the example, at its moment)', async () => {
    const r = await runIn(ROOT, ['report']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`Communication report at 2026-11-24 12:30 UTC

                                                Last 90 days    Last year
Incidents                                       6               6
Time to first update (median / worst)           0 min / 7 min   0 min / 7 min
Update promises kept                            4 of 6 (67%)    4 of 6 (67%)
Post-mortems for major and critical incidents   1 of 3 (33%)    1 of 3 (33%)
Maintenance announced 7+ days ahead             1 of 1 (100%)   1 of 1 (100%)`);
    const json = JSON.parse((await runIn(ROOT, ['report', '--json'])).out);
    expect(json.periods[0]).toMatchObject({ label: 'Last 90 days', incidents: 6, promises: { kept: 4, due: 6 }, postmortems: { published: 1, of: 3 } });
  });
});

describe('who communicates', () => {
  it('is written by the CLI from --owner, else GITHUB_ACTOR; a handle that is not one is refused', async () => {
    const root = makeProject({});
    const flags = ['new', 'incident', '--title', 'Search down', '-c', 'search=major_outage', '-m', 'Search is down.', '--next-update', '30'];
    expect((await runIn(root, [...flags, '--owner', '@alice, @example/oncall'])).code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${root}/incidents/2026-11-24-search-down.md`, 'utf8');
    expect(text).toContain("owner: ['@alice', '@example/oncall']\n");
    expect(text).toContain('Search is down.\n<!-- candor: next update by 2026-11-24 13:05 UTC -->\n');
    expect((await runIn(root, [...flags, '--id', 'by-actor'], { env: { GITHUB_ACTOR: 'octocat' } })).code).toBe(0);
    expect(readFileSync(`${root}/incidents/by-actor.md`, 'utf8')).toContain("owner: '@octocat'\n");
    // A bot names nobody: the configured owners apply.
    expect((await runIn(root, [...flags, '--id', 'by-bot'], { env: { GITHUB_ACTOR: 'github-actions[bot]' } })).code).toBe(0);
    expect(readFileSync(`${root}/incidents/by-bot.md`, 'utf8')).not.toContain('owner:');
    expect((await runIn(root, [...flags, '--id', 'bad', '--owner', 'not a/handle/at all'])).err).toBe('--owner: "a/handle/at" is not a GitHub handle or team; write it like @alice or @brightpay/oncall.');
    expect((await runIn(root, ['check'])).out).toMatch(/no problems/);
  });

  it('is checked in the file: a malformed handle is an error at its line', async () => {
    const root = makeProject({ 'incidents/a.md': "---\ntitle: A\nowner: 'alice smith'\n---\n\n## Investigating — 2026-11-24 11:30 UTC\nx\n" });
    const r = await runIn(root, ['check']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('incidents/a.md:3:8: error: owner: not a GitHub handle or team.');
  });
});
