import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUpdate, channelEnv, channelProject, runNotify } from '../helpers/notify.ts';
import { blueskyLink, type MailReceiver, type Receiver, startMailReceiver, startReceiver } from '../helpers/receivers.ts';

const ID = '2026-11-29-api-errors';
const INCIDENT = `---
title: Elevated API error rates
components:
  api: partial_outage
next_update: 2026-11-29T11:30Z
---

## Investigating — 2026-11-29 10:05 UTC
We are investigating elevated error rates on the API.
`;
const ANCHOR_URL = (anchor: string) => `https://status.example.com/incidents/${ID}/#${anchor}`;

let http: Receiver;
let mail: MailReceiver;
let root: string;
let env: Record<string, string>;

beforeAll(async () => {
  http = await startReceiver();
  mail = await startMailReceiver();
  root = channelProject(http, { [`incidents/${ID}.md`]: INCIDENT });
  env = channelEnv(http, mail);
});
afterAll(async () => {
  await http.close();
  await mail.close();
});

const services = ['slack', 'teams', 'discord', 'webhook', 'mastodon', 'bluesky'] as const;
const count = () => ({ ...Object.fromEntries(services.map((s) => [s, http.accepted.filter((r) => r.service === s).length])), email: mail.mails.length });

describe('candor notify, on every channel', () => {
  it('sends nothing on the first run: what is already published is recorded in the ledger', async () => {
    const run = await runNotify(root, '2026-11-29T10:10:00Z', env);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/slack-slack-url: new; what is published now is recorded as sent, nothing was sent/);
    expect(count()).toEqual({ slack: 0, teams: 0, discord: 0, webhook: 0, mastodon: 0, bluesky: 0, email: 0 });
    const ledger = JSON.parse(readFileSync(join(root, 'ledger.json'), 'utf8'));
    expect(Object.keys(ledger.channels)).toHaveLength(7);
    expect(ledger.channels['slack-slack-url'].sent[`${ID}#update-2026-11-29-1005`]).toBe('baseline');
  });

  it('sends a new update once to each channel, in each service\'s shape, with the page\'s words and the link to the update', async () => {
    addUpdate(root, ID, 'Identified — 2026-11-29 10:40 UTC', 'A configuration change raised error rates on API writes. We are rolling it back.');
    const run = await runNotify(root, '2026-11-29T10:45:00Z', env);
    expect(run.code, run.err).toBe(0);
    expect(http.problems).toEqual([]);
    expect(count()).toEqual({ slack: 1, teams: 1, discord: 1, webhook: 1, mastodon: 1, bluesky: 1, email: 1 });
    const url = ANCHOR_URL('update-2026-11-29-1040');
    const words = 'A configuration change raised error rates on API writes. We are rolling it back.';
    const by = (s: (typeof services)[number]) => http.accepted.find((r) => r.service === s)!.json;

    const slack = by('slack');
    expect(slack.blocks[0].text.text).toBe('[Identified] Elevated API error rates');
    expect(slack.blocks[1].text.text).toBe(words);
    expect(slack.blocks[2].elements[0].text).toContain('Affected: API');
    expect(slack.blocks[2].elements[0].text).toContain('Next update: by Nov 29, 2026, 11:30 UTC');
    expect(slack.blocks[3].elements[0].url).toBe(url);

    const card = by('teams').attachments[0].content;
    expect(card.body[0].text).toBe('[Identified] Elevated API error rates');
    expect(card.body[1].text).toBe(words);
    expect(card.body[2].facts).toContainEqual({ title: 'Affected', value: 'API' });
    expect(card.actions[0].url).toBe(url);

    const embed = by('discord').embeds[0];
    expect(embed.title).toBe('[Identified] Elevated API error rates');
    expect(embed.url).toBe(url);
    expect(embed.description).toBe(words);
    expect(embed.timestamp).toBe('2026-11-29T10:40:00.000Z');

    const hook = by('webhook');
    expect(hook.incident.id).toBe(ID);
    expect(hook.incident.status).toBe('identified');
    expect(hook.incident.incident_updates.map((u: { body: string }) => u.body)).toEqual([words, 'We are investigating elevated error rates on the API.']);
    expect(hook.page.status_indicator).toBe('major');
    expect(hook.candor.url).toBe(url);

    const status = by('mastodon').status as string;
    expect(status).toBe(`[Identified] Elevated API error rates\n\n${words}\n\nAffected: API\nNext update: by Nov 29, 2026, 11:30 UTC\n\n${url}`);

    const post = http.accepted.find((r) => r.service === 'bluesky')!;
    expect(post.json.record.text).toBe(`[Identified] Elevated API error rates\n\n${words}\n\nRead more`);
    expect(blueskyLink(post)).toEqual({ text: 'Read more', uri: url });

    const m = mail.mails[0]!;
    expect(m.subject).toBe('[Identified] Elevated API error rates — Example status');
    expect(m.from?.text).toBe('"Example status" <status@example.com>');
    expect(m.text).toContain(words);
    expect(m.text).toContain(url);
    expect(m.html).toContain(`<a href="${url}">`);
    expect(m.html).toContain(words);
    expect(m.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://lists.example.com/unsubscribe' } });
    expect(m.messageId).toBe(`<${ID}.update-2026-11-29-1040@status.example.com>`);
    expect(m.inReplyTo).toBe(`<${ID}.update-2026-11-29-1005@status.example.com>`);
    expect(m.references).toBe(`<${ID}.update-2026-11-29-1005@status.example.com>`);
  });

  it('sends nothing twice: a re-run, and an edit of an update already sent', async () => {
    const before = count();
    expect((await runNotify(root, '2026-11-29T10:46:00Z', env)).code).toBe(0);
    const path = join(root, 'incidents', `${ID}.md`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('We are rolling it back.', 'We are rolling it back now; writes are retried.'));
    const run = await runNotify(root, '2026-11-29T10:50:00Z', env);
    expect(run.out).not.toMatch(/sent: /);
    expect(count()).toEqual(before);
  });

  it('cuts long text at a word with "Read more" where a channel has a limit, and keeps every service\'s limits', async () => {
    const sentence = 'Writes to the ledger service are slower than usual while replicas catch up; reads are not affected. ';
    const long = [1, 2, 3].map(() => sentence.repeat(20).trim()).join('\n\n');
    addUpdate(root, ID, 'Update — 2026-11-29 11:00 UTC', long);
    const start = http.accepted.length;
    const run = await runNotify(root, '2026-11-29T11:02:00Z', env);
    expect(run.code, run.err).toBe(0);
    expect(http.problems).toEqual([]);
    const sent = http.accepted.slice(start);
    expect(sent.map((r) => r.service).sort()).toEqual([...services].sort());
    const status = sent.find((r) => r.service === 'mastodon')!.json.status as string;
    expect(status).toMatch(/catch up; reads are not affected\. Writes to the ledger service are slower than usual …|\w… Read more:/);
    expect(status).toContain(' Read more:');
    expect(status.endsWith(ANCHOR_URL('update-2026-11-29-1100'))).toBe(true);
    const bsky = sent.find((r) => r.service === 'bluesky')!;
    expect(bsky.json.record.text).toMatch(/\w…\n\nRead more$/);
    expect(blueskyLink(bsky).uri).toBe(ANCHOR_URL('update-2026-11-29-1100'));
    const slackText = sent.find((r) => r.service === 'slack')!.json.blocks[1].text.text as string;
    expect(slackText).toMatch(/…\n<https:\/\/status\.example\.com\/incidents\/[^|]+\|Read more>$/);
    const description = sent.find((r) => r.service === 'discord')!.json.embeds[0].description as string;
    expect(description).toMatch(/affected…\n\n\[Read more\]\(https:\/\/status\.example\.com\/incidents\/2026-11-29-api-errors\/#update-2026-11-29-1100\)$/);
    // Everything that fits is the update's own text, unchanged.
    expect(long.startsWith(description.slice(0, description.indexOf('…')))).toBe(true);
  });

  it('threads every email of one incident on its first update, and names the resolution in the subject', async () => {
    addUpdate(root, ID, 'Resolved — 2026-11-29 11:20 UTC', 'Error rates are back to normal. We are sorry for the disruption.');
    const run = await runNotify(root, '2026-11-29T11:25:00Z', env);
    expect(run.code, run.err).toBe(0);
    const root0 = `<${ID}.update-2026-11-29-1005@status.example.com>`;
    expect(mail.mails.map((m) => m.subject)).toEqual([
      '[Identified] Elevated API error rates — Example status',
      '[Update] Elevated API error rates — Example status',
      '[Resolved] Elevated API error rates — Example status',
    ]);
    expect(new Set(mail.mails.map((m) => m.messageId)).size).toBe(3);
    for (const m of mail.mails) expect(m.references).toBe(root0);
    // The promise is over once resolved: it is not repeated.
    expect(mail.mails[2]!.text).not.toContain('Next update');
  });
});

describe('odd updates on every channel', () => {
  it('keeps every service\'s limits with a long title, many components, emoji and an update that is only a picture', async () => {
    const id = '2026-11-29-everything';
    const title = `${'Elevated error rates and slower responses across '.repeat(3)}everything`.slice(0, 190);
    const emoji = Array(160).fill('👩‍👩‍👧‍👦').join(' ');
    const project = channelProject(http, {
      [`incidents/${id}.md`]: `---
title: ${title}
components:
  api: partial_outage
  web: partial_outage
  database: partial_outage
  search: partial_outage
  email: partial_outage
---

## Investigating — 2026-11-29 10:00 UTC
Looking.
`,
    });
    await runNotify(project, '2026-11-29T10:01:00Z', env);
    addUpdate(project, id, 'Update — 2026-11-29 10:10 UTC', emoji);
    addUpdate(project, id, 'Update — 2026-11-29 10:20 UTC', '![](/logo.svg)');
    const start = http.accepted.length;
    const mails = mail.mails.length;
    const run = await runNotify(project, '2026-11-29T10:25:00Z', env);
    expect(run.code, run.err).toBe(0);
    expect(run.out).not.toContain('FAILED');
    expect(http.problems).toEqual([]);
    expect(http.accepted.length - start).toBe(12);
    expect(mail.mails.length - mails).toBe(2);
    const status = http.accepted.slice(start).find((r) => r.service === 'mastodon')!.json.status as string;
    expect(status.startsWith('[Update] Elevated error rates')).toBe(true);
  });
});
