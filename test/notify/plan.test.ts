import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/core/schema/config.ts';
import { notificationEvents } from '../../src/notify/events.ts';
import { emptyLedger, mergeLedgers, pruneLedger, recordSent } from '../../src/notify/ledger.ts';
import { messageOf } from '../../src/notify/message.ts';
import { planDeliveries } from '../../src/notify/plan.ts';
import { incident, load, maintenance, parse, t } from '../helpers/project.ts';

const base = {
  site: { name: 'Example', url: 'https://status.example.com' },
  components: [
    { id: 'api', name: 'API' },
    { id: 'web', name: 'Website' },
    { id: 'database', name: 'Database' },
  ],
};
const configWith = (notifications: unknown[], notify: unknown = {}) => configSchema.parse({ ...base, notifications, notify });

const DB = maintenance(`---
title: Database upgrade
scheduled_for: 2026-12-01T02:00Z
scheduled_until: 2026-12-01T04:00Z
components: [database]
---

## Scheduled — 2026-11-20 09:00 UTC
The API will be read-only for up to 20 minutes.
`);

const keys = (at: string, entries = [DB], config = configWith([])) => notificationEvents(entries, config, t(at)).map((e) => e.key);

describe('maintenance moments by the clock', () => {
  it('reminds before the window, then says it began and ended, with no commit', () => {
    expect(keys('2026-11-30T01:59:00Z')).toEqual(['test-incident#update-2026-11-20-0900']);
    expect(keys('2026-11-30T02:00:00Z')).toContain('test-incident#reminder-24h-2026-12-01-0200');
    expect(keys('2026-12-01T02:05:00Z')).toEqual(['test-incident#update-2026-11-20-0900', 'test-incident#start-2026-12-01-0200']);
    expect(keys('2026-12-01T04:05:00Z')).toEqual(['test-incident#update-2026-11-20-0900', 'test-incident#start-2026-12-01-0200', 'test-incident#end-2026-12-01-0400']);
  });

  it('reminds anew when the window moves', () => {
    const moved = maintenance(`---
title: Database upgrade
scheduled_for: 2026-12-08T02:00Z
scheduled_until: 2026-12-08T04:00Z
---

## Update — 2026-11-30 12:00 UTC
Moved by a week.

## Scheduled — 2026-11-20 09:00 UTC
Read-only for 20 minutes.
`);
    expect(keys('2026-11-30T02:05:00Z')).toContain('test-incident#reminder-24h-2026-12-01-0200');
    expect(keys('2026-12-07T02:05:00Z', [moved])).toContain('test-incident#reminder-24h-2026-12-08-0200');
  });

  it('uses the configured reminder offsets, and none that come before the announcement', () => {
    const config = configWith([], { maintenance_reminders_hours: [300, 48, 1] });
    expect(keys('2026-12-01T01:30:00Z', [DB], config)).toEqual(['test-incident#update-2026-11-20-0900', 'test-incident#reminder-48h-2026-12-01-0200', 'test-incident#reminder-1h-2026-12-01-0200']);
  });

  it('sends no clock message that an update already said, and none for a cancelled window', () => {
    const started = maintenance(`---
title: Database upgrade
scheduled_for: 2026-12-01T02:00Z
scheduled_until: 2026-12-01T04:00Z
---

## Completed — 2026-12-01 03:10 UTC
Done early.

## In progress — 2026-12-01 02:00 UTC
We have begun.

## Scheduled — 2026-11-20 09:00 UTC
Read-only for 20 minutes.
`);
    expect(keys('2026-12-01T04:05:00Z', [started]).filter((k) => /#(start|end|reminder)/.test(k))).toEqual([]);
    const cancelled = maintenance(`---
title: Database upgrade
scheduled_for: 2026-12-01T02:00Z
scheduled_until: 2026-12-01T04:00Z
---

## Cancelled — 2026-11-30 12:00 UTC
We have called it off.

## Scheduled — 2026-11-20 09:00 UTC
Read-only for 20 minutes.
`);
    expect(keys('2026-12-01T05:00:00Z', [cancelled]).filter((k) => /#(start|end|reminder)/.test(k))).toEqual([]);
  });

  it('reads as the page does: window, components, a link to the maintenance', () => {
    const config = configWith([]);
    const event = notificationEvents([DB], config, t('2026-11-30T02:05:00Z')).find((e) => e.type === 'reminder')!;
    const m = messageOf(event, config, t('2026-11-30T02:05:00Z'));
    expect(m.headline).toBe('[Reminder] Database upgrade');
    expect(m.text).toBe('Scheduled maintenance begins in 24 hours.\n\nThe API will be read-only for up to 20 minutes.');
    expect(m.facts).toEqual([
      { name: 'Under maintenance', value: 'Database' },
      { name: 'Window', value: 'Dec 1, 2026, 02:00 UTC to 04:00 UTC' },
    ]);
    expect(m.url).toBe('https://status.example.com/incidents/test-incident/');
  });
});

const API = incident(`---
title: API errors
components:
  api: partial_outage
---

## Identified — 2026-11-29 10:30 UTC
Found it.

## Investigating — 2026-11-29 10:00 UTC
Looking.
`);

describe('which channel gets what', () => {
  const slack = { type: 'slack', secret: 'SLACK' };
  it('records everything published on the first run and on a channel added later, and sends it nothing', () => {
    const ledger = emptyLedger();
    const config = configWith([slack]);
    const first = planDeliveries(notificationEvents([API], config, t('2026-11-29T10:35Z')), config, ledger, t('2026-11-29T10:35Z'));
    expect(first[0]).toMatchObject({ baseline: true, send: [] });
    const later = configWith([slack, { type: 'discord', secret: 'DISCORD' }]);
    const plans = planDeliveries(notificationEvents([API], later, t('2026-11-29T10:40Z')), later, ledger, t('2026-11-29T10:40Z'));
    expect(plans.map((p) => [p.id, p.baseline, p.send.length])).toEqual([
      ['slack-slack', false, 0],
      ['discord-discord', true, 0],
    ]);
  });

  it('follows a channel\'s components and events, and leaves quiet updates and old ones out', () => {
    const ledger = emptyLedger();
    recordSent(ledger, 'a', 'nothing', t('2026-11-01T00:00Z'), t('2026-11-01T00:00Z'));
    recordSent(ledger, 'b', 'nothing', t('2026-11-01T00:00Z'), t('2026-11-01T00:00Z'));
    recordSent(ledger, 'c', 'nothing', t('2026-11-01T00:00Z'), t('2026-11-01T00:00Z'));
    const config = configWith([
      { id: 'a', type: 'slack', secret: 'A', components: ['web'] },
      { id: 'b', type: 'slack', secret: 'B', events: ['maintenance'] },
      { id: 'c', type: 'slack', secret: 'C', components: ['api'] },
    ]);
    const quiet = parse(`---
title: API errors
components:
  api: partial_outage
---

## Monitoring — 2026-11-29 10:50 UTC
<!-- candor: quiet -->
A small correction to the timeline.

## Identified — 2026-11-29 10:30 UTC
Found it.

## Investigating — 2026-11-29 10:00 UTC
Looking.
`).entry!;
    const now = t('2026-11-30T10:15Z');
    const plans = planDeliveries(notificationEvents([quiet], config, now), config, ledger, now);
    expect(plans[0]!.skipped.map((s) => s.reason)).toEqual(['affects none of web', 'affects none of web', 'posted quietly (<!-- candor: quiet -->)']);
    expect(plans[1]!.skipped.map((s) => s.reason)).toEqual(['this channel does not receive incidents', 'this channel does not receive incidents', 'posted quietly (<!-- candor: quiet -->)']);
    // 10:00 is just over 24 h before now: named, and not sent.
    expect(plans[2]!.skipped.map((s) => `${s.event.key}: ${s.reason}`)).toEqual(['test-incident#update-2026-11-29-1000: older than 24 h', 'test-incident#update-2026-11-29-1050: posted quietly (<!-- candor: quiet -->)']);
    expect(plans[2]!.send.map((e) => e.key)).toEqual(['test-incident#update-2026-11-29-1030']);
  });

  it('finds the marker inside a paragraph too, and not in code', () => {
    const inline = parse(`---
title: API errors
---

## Investigating — 2026-11-29 10:00 UTC
Fixed a typo. <!-- candor: quiet -->

## Update — 2026-11-29 10:10 UTC
Write \`<!-- candor: quiet -->\` to keep an update off the channels.
`).entry!;
    expect(inline.updates.map((u) => u.quiet ?? false)).toEqual([false, true]);
  });

  it('refuses a misspelt marker rather than pushing what was meant to stay quiet', () => {
    const { problems } = parse(`---
title: API errors
---

## Investigating — 2026-11-29 10:00 UTC
<!-- candor: quite -->
Looking.
`);
    expect(problems.errors.map((e) => `${e.line}: ${e.message}`)).toEqual(['6: Unknown marker "<!-- candor: quite -->". Did you mean "quiet"?']);
  });
});

describe('the ledger', () => {
  it('merges two runs as the union of what each delivered, and forgets only what can never be sent again', () => {
    const a = emptyLedger();
    const b = emptyLedger();
    recordSent(a, 'slack', 'x#1', t('2026-11-29T10:00Z'), t('2026-11-01T00:00Z'));
    recordSent(b, 'slack', 'x#2', t('2026-11-29T10:05Z'), t('2026-11-02T00:00Z'));
    recordSent(b, 'slack', 'x#1', t('2026-11-29T10:06Z'), t('2026-11-02T00:00Z'));
    const merged = mergeLedgers(a, b);
    expect(merged.channels['slack']).toEqual({ since: '2026-11-01T00:00:00.000Z', sent: { 'x#1': '2026-11-29T10:00:00.000Z', 'x#2': '2026-11-29T10:05:00.000Z' } });
    pruneLedger(merged, t('2026-12-30T10:02Z'), 24 * 3_600_000);
    expect(Object.keys(merged.channels['slack']!.sent)).toEqual(['x#2']);
  });
});

describe('the configuration of channels', () => {
  it('names what each channel type needs and refuses what it does not use', () => {
    const { problems } = load(
      {},
      undefined,
      `site:
  name: Example
  url: https://status.example.com
components:
  - id: api
    name: API
notifications:
  - type: email
    secret: SMTP_URL
    to: list@example.com
    instance: https://mastodon.social
  - type: webhook
    secret: HOOK_URL
  - type: slack
    secret: SLACK
  - type: slack
    secret: SLACK
  - type: mastodon
    secret: https://hooks.example.com/abc
    instance: https://mastodon.social
`,
    );
    expect(problems.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '8: Missing required field "notifications.0.from".',
      '11: notifications.0.instance: an email channel does not use "instance".',
      '12: Missing required field "notifications.1.signing_secret".',
      expect.stringMatching(/^19: notifications\.4\.secret: must be the NAME of a repository secret/),
    ]);
  });
});

describe('the check, on the Deploy workflow', () => {
  it('warns when the notify step is not handed a channel\'s secret, which would send nothing', () => {
    const deploy = `jobs:
  notify:
    steps:
      - run: npm ci
      - run: npm run --silent candor -- notify
        env:
          SLACK_URL: \${{ secrets.SLACK_URL }}
`;
    const config = `site:
  name: Example
  url: https://status.example.com
components:
  - id: api
    name: API
notifications:
  - type: slack
    secret: SLACK_URL
  - type: webhook
    secret: HOOK_URL
    signing_secret: HOOK_SECRET
team_notifications:
  - type: github
    secret: GITHUB_TOKEN
    issue: 3
`;
    const { problems } = load({ '.github/workflows/deploy.yml': deploy }, undefined, config);
    expect(problems.warnings.map((w) => `${w.file}:${w.line} ${w.message}`)).toEqual([
      '.github/workflows/deploy.yml:7 The channel webhook-hook-url reads the secret HOOK_URL, which the step that runs candor notify does not pass: it would send nothing.',
      '.github/workflows/deploy.yml:7 The channel webhook-hook-url reads the secret HOOK_SECRET, which the step that runs candor notify does not pass: it would send nothing.',
      '.github/workflows/deploy.yml:7 The channel github-issue-3 reads the secret GITHUB_TOKEN, which the step that runs candor notify does not pass: it would send nothing.',
    ]);
    const none = load({ '.github/workflows/deploy.yml': 'jobs:\n  build:\n    steps:\n      - run: npm run build\n' }, undefined, config);
    expect(none.problems.warnings.map((w) => w.message)).toEqual(['Channels are configured under notifications: or team_notifications:, but no step of the Deploy workflow runs candor notify: nothing would be sent.']);
  });
});

describe('secrets in reports', () => {
  it('are replaced by *** for team channels as for public ones', async () => {
    const { redactor } = await import('../../src/notify/send.ts');
    const config = configWith([{ type: 'slack', secret: 'PUBLIC_HOOK' }]);
    const withTeam = configSchema.parse({ ...base, notifications: [{ type: 'slack', secret: 'PUBLIC_HOOK' }], team_notifications: [{ type: 'email', secret: 'TEAM_SMTP', to: 'ops@example.com', from: 'status@example.com' }] });
    const env = { PUBLIC_HOOK: 'https://hooks.example.com/services/T1/B2/abcdef', TEAM_SMTP: 'smtps://ops:s3cret-pass@smtp.example.com' };
    expect(redactor(config, env)('failed: https://hooks.example.com/services/T1/B2/abcdef')).toBe('failed: ***');
    const redact = redactor(withTeam, env);
    expect(redact('auth as ops with s3cret-pass failed')).not.toContain('s3cret-pass');
    expect(redact('smtps://ops:s3cret-pass@smtp.example.com refused')).toBe('*** refused');
  });
});
