import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from '../helpers/cli.ts';
import { channelEnv, runNotify } from '../helpers/notify.ts';
import { FIXTURE_CONFIG, makeProject } from '../helpers/project.ts';
import { type MailReceiver, type Receiver, startMailReceiver, startReceiver } from '../helpers/receivers.ts';

const MAINTENANCE = `---
title: Database upgrade
scheduled_for: 2026-12-01T02:00Z
scheduled_until: 2026-12-01T04:00Z
components: [database]
---

## Scheduled — 2026-11-20 09:00 UTC
The API will be read-only for up to 20 minutes. Nothing is required on your side.
`;
const CONFIG = `${FIXTURE_CONFIG}notifications:
  - type: slack
    secret: SLACK_URL
  - type: discord
    secret: DISCORD_URL
    events: [incidents]
`;

let http: Receiver;
let mail: MailReceiver;
let root: string;
let env: Record<string, string>;
beforeAll(async () => {
  http = await startReceiver();
  mail = await startMailReceiver();
  root = makeProject({ 'incidents/2026-12-01-db.md': MAINTENANCE }, CONFIG);
  env = channelEnv(http, mail);
});
afterAll(async () => {
  await http.close();
  await mail.close();
});

describe('candor notify --dry-run, and maintenance by the clock', () => {
  it('says that a first run records and sends nothing, and writes no ledger', async () => {
    const r = await runIn(root, ['notify', '--dry-run', '--ledger', 'ledger.json'], { now: '2026-11-29T12:00:00Z', env });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(
      [
        'No ledger yet (' + join(root, 'ledger.json') + '): the first run records what is published and sends nothing.\n',
        'slack-slack-url (slack)',
        `  New to the ledger (${join(root, 'ledger.json')}): what is published now is recorded as sent; nothing is sent. It starts with the next update.`,
        'discord-discord-url (discord)',
        `  New to the ledger (${join(root, 'ledger.json')}): what is published now is recorded as sent; nothing is sent. It starts with the next update.`,
      ].join('\n'),
    );
    expect(existsSync(join(root, 'ledger.json'))).toBe(false);
  });

  it('shows the reminder a day before the window as each channel will read it, and sends it once', async () => {
    expect((await runNotify(root, '2026-11-29T12:00:00Z', env)).code).toBe(0);
    const dry = await runIn(root, ['notify', '--dry-run', '--ledger', 'ledger.json'], { now: '2026-11-30T02:10:00Z', env });
    expect(dry.out).toBe(
      [
        'slack-slack-url (slack)',
        '  Would send 2026-12-01-db#reminder-24h-2026-12-01-0200:',
        '    [Reminder] Database upgrade',
        '    Scheduled maintenance begins in 24 hours.',
        '    ',
        '    The API will be read-only for up to 20 minutes. Nothing is required on your side.',
        '    Under maintenance: Database · Window: Dec 1, 2026, 02:00 UTC to 04:00 UTC',
        '    [View on the status page] https://status.example.com/incidents/2026-12-01-db/',
        'discord-discord-url (discord)',
        '  Nothing to send.',
        '  Not sent: 2026-12-01-db#reminder-24h-2026-12-01-0200: this channel does not receive maintenance.',
      ].join('\n'),
    );
    expect(http.accepted).toHaveLength(0);
    await runNotify(root, '2026-11-30T02:10:00Z', env);
    await runNotify(root, '2026-11-30T02:25:00Z', env);
    expect(http.accepted.map((r) => `${r.service}: ${r.json.blocks[0].text.text}`)).toEqual(['slack: [Reminder] Database upgrade']);
    await runNotify(root, '2026-12-01T02:05:00Z', env);
    await runNotify(root, '2026-12-01T04:05:00Z', env);
    expect(http.accepted.map((r) => r.json.blocks[0].text.text)).toEqual(['[Reminder] Database upgrade', '[In progress] Database upgrade', '[Completed] Database upgrade']);
    expect(http.problems).toEqual([]);
  });

  it('refuses a flag it does not use, and sends nothing for a project that fails the check', async () => {
    expect((await runIn(root, ['notify', '--dry-run', '--quiet'], { env })).err).toMatch(/^candor notify does not use --quiet: nothing was done/);
    const broken = makeProject({ 'incidents/x.md': '---\ntitle: X\n---\n\n## Investigatng — 2026-11-29 10:00 UTC\nHi.\n' }, CONFIG);
    const r = await runIn(broken, ['notify', '--ledger', 'ledger.json'], { env });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Nothing was sent: the project does not pass the check\.\n- ❌ `incidents\/x\.md:5` Unknown incident status "Investigatng"/);
  });
});
