import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { notify } from '../../src/cli/commands/notify.ts';
import { FIXTURE_CONFIG, makeProject } from './project.ts';
import { BLUESKY_PASSWORD, MASTODON_TOKEN, type MailReceiver, type Receiver, WEBHOOK_SIGNING_SECRET } from './receivers.ts';

/** Every channel type, each pointed at the local receivers through its secret. */
export function channelsConfig(extra = ''): string {
  return `${FIXTURE_CONFIG}notifications:
  - type: slack
    secret: SLACK_URL
  - type: teams
    secret: TEAMS_URL
  - type: discord
    secret: DISCORD_URL
  - type: webhook
    secret: HOOK_URL
    signing_secret: HOOK_SECRET
  - type: email
    secret: SMTP_URL
    to: status-list@example.com
    from: Example status <status@example.com>
    unsubscribe: https://lists.example.com/unsubscribe
  - type: mastodon
    secret: MASTODON_TOKEN
    instance: INSTANCE
  - type: bluesky
    secret: BLUESKY_PASSWORD
    handle: status.example.com
    service: SERVICE
${extra}`;
}

export function channelEnv(http: Receiver, mail: MailReceiver): Record<string, string> {
  return {
    SLACK_URL: `${http.url}/slack/T000/B000/XXXXSECRETXXXX`,
    TEAMS_URL: `${http.url}/teams/workflows/abc?sig=SECRETSIG123`,
    DISCORD_URL: `${http.url}/discord/api/webhooks/1/SECRETTOKEN99`,
    HOOK_URL: `${http.url}/webhook`,
    HOOK_SECRET: WEBHOOK_SIGNING_SECRET,
    SMTP_URL: mail.url,
    MASTODON_TOKEN,
    BLUESKY_PASSWORD,
  };
}

/** A project with every channel; the Mastodon instance and Bluesky service are the local receiver. */
export function channelProject(http: Receiver, files: Record<string, string>, extra = ''): string {
  return makeProject(files, channelsConfig(extra).replace('INSTANCE', `${http.url}/mastodon`).replace('SERVICE', `${http.url}/bluesky`));
}

export interface NotifyRun {
  code: number;
  out: string;
  err: string;
}

/** `candor notify` in `root` at `now`, with the ledger in a file; no pauses between messages. */
export async function runNotify(root: string, now: string, env: Record<string, string>, options: { dryRun?: boolean; ledger?: string | null } = {}): Promise<NotifyRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await notify(
    { root, now: new Date(now), env, out: (t) => out.push(t), err: (t) => err.push(t), prompter: undefined },
    { dryRun: options.dryRun, ledger: options.ledger === null ? undefined : (options.ledger ?? 'ledger.json'), fast: true },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Puts an update on top of an incident file (newest first, as the CLI writes). */
export function addUpdate(root: string, id: string, heading: string, text: string): void {
  const path = join(root, 'incidents', `${id}.md`);
  const file = readFileSync(path, 'utf8');
  const end = file.indexOf('\n---', 3) + 4;
  writeFileSync(path, `${file.slice(0, end)}\n\n## ${heading}\n${text}\n${file.slice(end)}`);
}
