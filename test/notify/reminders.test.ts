import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { addUpdate, runNotify } from '../helpers/notify.ts';
import { FIXTURE_CONFIG, makeProject } from '../helpers/project.ts';
import { type Receiver, startReceiver } from '../helpers/receivers.ts';

const ID = '2026-11-29-api';
const INCIDENT = `---
title: API errors
owner: [alice, '@example/oncall']
components:
  api: partial_outage
next_update: 2026-11-29T10:30Z
---

## Identified — 2026-11-29 10:00 UTC
A bad deploy; rolling back.
`;
const MAINTENANCE = `---
title: Database upgrade
scheduled_for: 2026-11-29T08:00Z
scheduled_until: 2026-11-29T09:00Z
components: [database]
---

## In progress — 2026-11-29 08:00 UTC
Started.

## Scheduled — 2026-11-20 09:00 UTC
Read-only for 20 minutes.
`;
const CONFIG = `${FIXTURE_CONFIG}communication:
  owners: ['@example/status-team']
team_notifications:
  - type: slack
    secret: TEAM_SLACK_URL
  - type: github
    secret: GITHUB_TOKEN
    issue: 7
`;

let http: Receiver;
let gh: FakeGitHub;
let root: string;
let env: Record<string, string>;
beforeEach(async () => {
  http = await startReceiver();
  gh = await fakeGitHub();
  root = makeProject({ [`incidents/${ID}.md`]: INCIDENT, 'incidents/2026-11-29-db.md': MAINTENANCE }, CONFIG);
  env = { TEAM_SLACK_URL: `${http.url}/slack/team`, GITHUB_TOKEN: 'ghs_test', GITHUB_REPOSITORY: 'example/status', GITHUB_API_URL: gh.url };
});
afterEach(async () => {
  await http.close();
  await gh.close();
});

const slack = () => http.accepted.map((r) => r.json.blocks[0].text.text as string);

describe('reminders to the team, before customers notice', () => {
  it('remind the owners once when a promise is due soon and once when it is overdue, however often the schedule runs', async () => {
    for (const now of ['2026-11-29T10:05:00Z', '2026-11-29T10:15:00Z']) await runNotify(root, now, env);
    // The maintenance window ended at 09:00 with no Completed update.
    expect(slack()).toEqual(['[Left open] Database upgrade']);
    for (const now of ['2026-11-29T10:21:00Z', '2026-11-29T10:25:00Z', '2026-11-29T10:29:00Z']) await runNotify(root, now, env);
    expect(slack()).toEqual(['[Left open] Database upgrade', '[Next update due in 9 minutes] API errors']);
    for (const now of ['2026-11-29T10:31:00Z', '2026-11-29T10:46:00Z', '2026-11-29T11:01:00Z']) await runNotify(root, now, env);
    expect(slack()).toEqual(['[Left open] Database upgrade', '[Next update due in 9 minutes] API errors', '[Next update overdue] API errors']);
    expect(http.problems).toEqual([]);

    const comments = gh.comments.filter((c) => c.issue === 7).map((c) => c.body);
    expect(comments).toHaveLength(3);
    // The owners are mentioned, so GitHub notifies them; the incident's own text mentions nobody.
    expect(comments[1]!.startsWith('@alice @example/oncall\n\n**[Next update due in 9 minutes] API errors**\n\n@\u2060alice, @\u2060example/oncall: customers were promised the next update on "API errors" by Nov 29, 2026, 10:30 UTC. Post it now:\n\nnpm run candor -- update 2026-11-29-api --status update -m "…" --next-update 30')).toBe(true);
    expect(comments[0]!.startsWith('@example/status-team\n\n**[Left open] Database upgrade**')).toBe(true);
    expect(gh.requests.find((r) => r.method === 'POST')!.authorization).toBe('token ghs_test');
  });

  it('send nothing for a promise kept, and start again for the next promise', async () => {
    await runNotify(root, '2026-11-29T10:10:00Z', env);
    addUpdate(root, ID, 'Monitoring — 2026-11-29 10:12 UTC', 'Rolled back; watching.\n<!-- candor: next update by 2026-11-29 11:00 UTC -->');
    const path = `${root}/incidents/${ID}.md`;
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(path, readFileSync(path, 'utf8').replace('next_update: 2026-11-29T10:30Z', 'next_update: 2026-11-29T11:00Z'));
    for (const now of ['2026-11-29T10:25:00Z', '2026-11-29T10:35:00Z']) await runNotify(root, now, env);
    expect(slack().filter((t) => t.includes('API errors'))).toEqual([]);
    await runNotify(root, '2026-11-29T10:52:00Z', env);
    expect(slack().filter((t) => t.includes('API errors'))).toEqual(['[Next update due in 8 minutes] API errors']);
  });
});
