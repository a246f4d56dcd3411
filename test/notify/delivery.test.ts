import { readFileSync, writeFileSync } from 'node:fs';
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
    expect(run.out).toMatch(/discord-discord-url: 0 sent, 1 left for the next run\.\n {2}FAILED on \[Identified\] Checkout failures \(2026-11-29-checkout#update-2026-11-29-0910\): HTTP 503: upstream down for \S*\*\*\*/);
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
    expect(run.out).toContain('slack-slack-url: 0 sent, 1 left for the next run.\n  FAILED: the secret SLACK_URL is not set');
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
    expect(run.out).toMatch(/email-smtp-url: 0 sent, 1 left for the next run\.\n {2}FAILED on .*: the mail server refused or failed: 550/);
    expect(mail.mails).toHaveLength(1);
    await runNotify(root, '2026-11-29T09:37:00Z', env);
    expect(mail.mails.map((m) => m.subject)).toEqual(['[Identified] Checkout failures — Example status', '[Monitoring] Checkout failures — Example status']);
  });
});

describe('a message a service refuses', () => {
  it('holds back none after it, and is tried again by the next run', async () => {
    http.script('mastodon', [{ status: 422, body: '{"error":"Validation failed"}' }]);
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    addUpdate(root, ID, 'Monitoring — 2026-11-29 09:20 UTC', 'Rolled back; watching.');
    const run = await runNotify(root, '2026-11-29T09:22:00Z', env);
    expect(run.out).toMatch(/mastodon-mastodon-token: 1 sent, 1 left for the next run\.\n {2}sent: \[Monitoring\] Checkout failures .*\n {2}FAILED on \[Identified\] Checkout failures .*: HTTP 422/);
    await runNotify(root, '2026-11-29T09:37:00Z', env);
    expect(accepted('mastodon').map((r) => r.json.status.split('\n')[0])).toEqual(['[Monitoring] Checkout failures', '[Identified] Checkout failures']);
  });

  it('on Bluesky, a retry after a lost answer meets the post it made, not a second one', async () => {
    http.script('bluesky', ['ok', 'take-then-drop']);
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    await runNotify(root, '2026-11-29T09:12:00Z', env);
    expect(http.requests.filter((r) => r.path.endsWith('createRecord'))).toHaveLength(2);
    expect(accepted('bluesky')).toHaveLength(1);
  });

  it('sends nothing the deployed site does not show yet (dated after its build began)', async () => {
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    const out: string[] = [];
    const { notify } = await import('../../src/cli/commands/notify.ts');
    const run = (now: string, builtAt: string) => notify({ root, now: new Date(now), env, out: (t) => out.push(t), err: (t) => out.push(t), prompter: undefined }, { ledger: 'ledger.json', builtAt, fast: true });
    await run('2026-11-29T09:12:00Z', '2026-11-29T09:05:00Z');
    expect(accepted('slack')).toHaveLength(0);
    await run('2026-11-29T09:27:00Z', '2026-11-29T09:20:00Z');
    expect(accepted('slack')).toHaveLength(1);
  });

  it('a malformed password in one channel\'s secret fails that channel alone', async () => {
    addUpdate(root, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    const run = await runNotify(root, '2026-11-29T09:12:00Z', { ...env, SMTP_URL: 'smtp://status:ab%zz9@127.0.0.1:1' });
    expect(run.code).toBe(0);
    expect(accepted('slack')).toHaveLength(1);
    expect(run.out).toMatch(/email-smtp-url: 0 sent, 1 left for the next run\.\n {2}FAILED/);
    expect(run.out).not.toContain('ab%zz9');
  });

  it('sends to several addresses without showing them to each other', async () => {
    const several = channelProject(http, { [`incidents/${ID}.md`]: INCIDENT }).toString();
    const config = join(several, 'candor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('to: status-list@example.com', 'to: [ops@example.com, support@example.com]'));
    await runNotify(several, '2026-11-29T09:01:00Z', env);
    addUpdate(several, ID, 'Identified — 2026-11-29 09:10 UTC', 'A bad deploy; rolling back.');
    await runNotify(several, '2026-11-29T09:12:00Z', env);
    expect(mail.recipients.at(-1)!.sort()).toEqual(['ops@example.com', 'support@example.com']);
    const m = mail.mails.at(-1)!;
    expect(m.headers.get('to')).toMatchObject({ text: '"Example status" <status@example.com>' });
    expect(JSON.stringify(m.headers)).not.toContain('ops@example.com');
  });
});
