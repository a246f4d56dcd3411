import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUpdate, channelEnv, channelProject, runNotify } from '../helpers/notify.ts';
import { type MailReceiver, type Receiver, startMailReceiver, startReceiver } from '../helpers/receivers.ts';

const ID = '2026-11-29-checkout';
const INCIDENT = `---
title: Checkout failures
components:
  web: major_outage
---

## Investigating — 2026-11-29 09:00 UTC
Checkout fails for some customers.
`;

let http: Receiver;
let mail: MailReceiver;
let root: string;
let env: Record<string, string>;

beforeEach(async () => {
  http = await startReceiver();
  mail = await startMailReceiver();
  root = channelProject(http, { [`incidents/${ID}.md`]: INCIDENT });
  env = channelEnv(http, mail);
  await runNotify(root, '2026-11-29T09:01:00Z', env);
});
afterEach(async () => {
  await http.close();
  await mail.close();
});

const accepted = (service: string) => http.accepted.filter((r) => r.service === service);
const ledger = () => JSON.parse(readFileSync(join(root, 'ledger.json'), 'utf8'));
const KEY = `${ID}#update-2026-11-29-0910`;

describe('a failing channel', () => {
  it('is retried with backoff after a 500, a timeout and a dropped connection, and then delivers once', async () => {
    http.script('slack', [{ status: 500, body: 'internal_error' }, 'drop']);
    http.script('discord', ['hang']);
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    const run = await runNotify(root, '2026-11-29T09:12:00Z', env);
    expect(run.code, run.err).toBe(0);
    expect(http.requests.filter((r) => r.service === 'slack')).toHaveLength(3);
    expect(accepted('slack')).toHaveLength(1);
    expect(accepted('discord')).toHaveLength(1);
    expect(ledger().channels['slack-slack-url'].sent[KEY]).toMatch(/^\d{4}-/);
  });

  it('honours Retry-After on 429 before trying again', async () => {
    http.script('teams', [{ status: 429, headers: { 'retry-after': '1' } }]);
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    const started = Date.now();
    await runNotify(root, '2026-11-29T09:12:00Z', env);
    const teams = http.requests.filter((r) => r.service === 'teams');
    expect(teams).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(accepted('teams')).toHaveLength(1);
  });

  it('blocks no other channel, is reported with its reason (no secret in it), and is sent by the next run', async () => {
    // Four refusals: more than the tries of one run.
    http.script('discord', Array(4).fill({ status: 503, body: `upstream down for ${env['DISCORD_URL']}` }));
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    const run = await runNotify(root, '2026-11-29T09:12:00Z', { ...env, GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(0);
    expect(accepted('discord')).toHaveLength(0);
    for (const s of ['slack', 'teams', 'webhook', 'mastodon', 'bluesky']) expect(accepted(s)).toHaveLength(1);
    expect(mail.mails).toHaveLength(1);
    expect(run.out).toMatch(/discord-discord-url: 0 sent, 1 waiting for the next run\.\n {2}FAILED on \[Identified\] Checkout failures \(2026-11-29-checkout#update-2026-11-29-0910\): HTTP 503: upstream down for \S*\*\*\*/);
    expect(run.out).toMatch(/::warning title=Notification to discord-discord-url failed::HTTP 503/);
    for (const secret of Object.values(env)) expect(`${run.out}${run.err}`).not.toContain(secret);
    expect(ledger().channels['discord-discord-url'].sent[KEY]).toBeUndefined();

    const next = await runNotify(root, '2026-11-29T09:27:00Z', env);
    expect(next.out).toMatch(/discord-discord-url: 1 sent/);
    expect(accepted('discord')).toHaveLength(1);
    expect(accepted('slack')).toHaveLength(1);
  });

  it('stops trying once the update is older than the age limit', async () => {
    http.script('slack', Array(3).fill({ status: 500 }));
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    await runNotify(root, '2026-11-29T09:12:00Z', env);
    const late = await runNotify(root, '2026-11-30T09:11:00Z', env);
    expect(late.out).toMatch(/slack-slack-url: 0 sent\.\n {2}not sent: 2026-11-29-checkout#update-2026-11-29-0910: older than 24 h/);
    expect(accepted('slack')).toHaveLength(0);
  });

  it('reports a missing secret by its name and still sends the other channels', async () => {
    const { SLACK_URL: _, ...without } = env;
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    const run = await runNotify(root, '2026-11-29T09:12:00Z', without);
    expect(run.out).toContain('slack-slack-url: 0 sent, 1 waiting for the next run.\n  FAILED: the secret SLACK_URL is not set');
    expect(accepted('teams')).toHaveLength(1);
  });

  it('gives up on a mail server that refuses for good (5xx) until the next run, and retries a temporary refusal (4xx)', async () => {
    mail.refuse([451]);
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    await runNotify(root, '2026-11-29T09:12:00Z', env);
    expect(mail.mails).toHaveLength(1);
    mail.refuse([550]);
    addUpdate(root, ID, 'Monitoring — 2026-11-29 09:20 UTC', 'The rollback is done; we are watching.');
    const run = await runNotify(root, '2026-11-29T09:22:00Z', env);
    expect(run.out).toMatch(/email-smtp-url: 0 sent, 1 waiting for the next run\.\n {2}FAILED on .*: the mail server refused or failed: 550/);
    expect(mail.mails).toHaveLength(1);
    await runNotify(root, '2026-11-29T09:37:00Z', env);
    expect(mail.mails.map((m) => m.subject)).toEqual(['[Identified] Checkout failures — Example status', '[Monitoring] Checkout failures — Example status']);
  });
});
