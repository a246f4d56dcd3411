import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listNames } from '../../src/authoring/templates.ts';
import { loadProject } from '../../src/core/load.ts';
import { componentStatuses } from '../../src/core/rules/status.ts';
import { statusIntervals } from '../../src/core/rules/uptime.ts';
import { makeId } from '../../src/authoring/files.ts';
import { git, runIn } from '../helpers/cli.ts';
import { fakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { ROOT } from '../helpers/project.ts';

const ID = '2026-11-24-api-errors';
const FILE = `incidents/${ID}.md`;

/** An incident as a responder leaves it: comments, a value on its own line, the fields in their own order. */
const OPEN = `---
# Opened by the on-call engineer
title: Elevated API error rates
components:
  api: partial_outage   # errors on writes only
next_update:
  2026-11-24T13:00Z
---

## Investigating — 2026-11-24 12:05 UTC
We are investigating elevated error rates on the API.
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'candor-responder-'));
  cpSync(join(ROOT, 'test/fixtures/site/candor.config.yaml'), join(root, 'candor.config.yaml'));
  cpSync(join(ROOT, 'incidents/_templates'), join(root, 'incidents/_templates'), { recursive: true });
  writeFileSync(join(root, FILE), OPEN);
});

const cli = (args: string[], options: Parameters<typeof runIn>[2] = {}) => runIn(root, args, options);
const read = (path = FILE) => readFileSync(join(root, path), 'utf8');

/** Runs `candor` as its own process, as a second responder in another terminal would. */
function candorProcess(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args, '--root', root], { env: { PATH: process.env['PATH'], CANDOR_NOW: '2026-11-24T12:35Z', ...env } });
    let out = '', err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('update changes components and the impact', () => {
  it('moves components and sets the impact, rewriting only those fields', async () => {
    const r = await cli(['update', ID, '-s', 'identified', '-c', 'api=major_outage', '-c', 'web=degraded_performance', '--impact', 'critical', '-m', 'Writes fail; the website is slow.', '-n', '30']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(read()).toBe(`---
# Opened by the on-call engineer
title: Elevated API error rates
components:
  api: major_outage # errors on writes only
  web: degraded_performance
next_update: 2026-11-24T13:05Z
impact: critical
---

## Identified — 2026-11-24 12:35 UTC
Writes fail; the website is slow.
<!-- candor: next update by 2026-11-24 13:05 UTC -->

## Investigating — 2026-11-24 12:05 UTC
We are investigating elevated error rates on the API.
`);
    expect(r.out).toContain(`Posted at 2026-11-24 12:35 UTC:
  │ ## Identified — 2026-11-24 12:35 UTC
  │ Writes fail; the website is slow.
  │ 
  │ Public API: partial outage → major outage
  │ Website: degraded performance
  │ Impact: critical
  │ Next update promised by 13:05 UTC`);
  });

  it('records a component that recovered (=operational or =resolved) and derives the impact again: the page and the uptime follow', async () => {
    await cli(['update', ID, '-s', 'identified', '-c', 'web=degraded_performance', '--impact', 'major', '-m', 'Also the website.', '-n', '30']);
    const r = await cli(['update', ID, '-s', 'monitoring', '-c', 'api=operational', '--impact', 'derived', '-m', 'The API has recovered.', '-n', '30'], { now: '2026-11-24T12:50:00Z' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Public API: recovered at 2026-11-24 12:50 UTC (was partial outage)');
    expect(read().split('---\n')[1]).toBe(
      '# Opened by the on-call engineer\ntitle: Elevated API error rates\ncomponents:\n  api:\n    # errors on writes only\n    status: partial_outage\n    recovered: 2026-11-24T12:50Z\n  web: degraded_performance\nnext_update: 2026-11-24T13:20Z\n',
    );
    expect((await cli(['update', ID, '-s', 'update', '-c', 'api=resolved', '-m', 'x', '-n', '30'], { now: '2026-11-24T12:55:00Z' })).err).toBe('--component api=resolved: api already recovered at 2026-11-24 12:50 UTC.');
    expect((await cli(['update', ID, '-s', 'update', '-c', 'db=resolved', '-m', 'x', '-n', '30'], { now: '2026-11-24T12:55:00Z' })).err).toBe('--component db=resolved: db is not affected by this incident, so it cannot recover.');

    // What the site shows at 13:00: the API operational, its downtime counted until 12:50.
    const { project } = loadProject(root, new Date('2026-11-24T13:00Z'));
    const statuses = componentStatuses(project!.entries, project!.config, new Date('2026-11-24T13:00Z'));
    expect([statuses.get('api'), statuses.get('web')]).toEqual(['operational', 'degraded_performance']);
    const intervals = statusIntervals(project!.entries, new Date('2026-11-24T00:00Z'), new Date('2026-11-24T13:00Z')).filter((i) => i.entry === ID);
    expect(intervals.map((i) => [i.component, i.status, new Date(i.from).toISOString(), new Date(i.to).toISOString()])).toEqual([
      ['api', 'partial_outage', '2026-11-24T12:05:00.000Z', '2026-11-24T12:50:00.000Z'],
      ['web', 'degraded_performance', '2026-11-24T12:05:00.000Z', '2026-11-24T13:00:00.000Z'],
    ]);
  });

  it('suggests the component, status and impact meant', async () => {
    expect((await cli(['update', ID, '-s', 'update', '-c', 'apy=major_outage', '-m', 'x', '-n', '30'])).err).toBe('Component "apy" is not one of: api, web, db, search, email. Did you mean "api"?');
    expect((await cli(['update', ID, '-s', 'update', '-c', 'api=partial', '-m', 'x', '-n', '30'])).err).toBe(
      'The status of api "partial" is not one of: degraded_performance, partial_outage, major_outage, operational, resolved. Did you mean "partial_outage"?',
    );
    expect((await cli(['update', ID, '-s', 'update', '--impact', 'majr', '-m', 'x', '-n', '30'])).err).toBe('The impact "majr" is not one of: none, minor, major, critical. Did you mean "major"?');
    expect((await cli(['update', ID, '-s', 'identifed', '-m', 'x'])).err).toBe('The incident status "identifed" is not one of: investigating, identified, monitoring, update, resolved. Did you mean "identified"?');
    expect(read()).toBe(OPEN);
  });

  it('refuses components on maintenance rather than ignoring them', async () => {
    writeFileSync(join(root, 'incidents/2026-12-03-upgrade.md'), '---\ntitle: Upgrade\nscheduled_for: 2026-12-03T02:00Z\nscheduled_until: 2026-12-03T04:00Z\ncomponents: [db]\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nWe will upgrade the database.\n');
    const r = await cli(['update', '2026-12-03-upgrade', '-s', 'update', '-c', 'db=major_outage', '-m', 'x']);
    expect([r.code, r.err]).toEqual([1, '--component changes the components of an incident; to change those of maintenance, edit its components: line.']);
  });
});

describe('a flag a command does not use is an error', () => {
  it.each([
    [['update', ID, '-s', 'update', '-m', 'x', '--start', '2026-12-01 02:00 UTC'], 'candor update does not use --start: nothing was done.'],
    [['new', 'maintenance', '--title', 'X', '--next-update', '30'], 'candor new maintenance does not use --next-update: nothing was done.'],
    [['resolve', ID, '--status', 'identified'], 'candor resolve does not use --status: nothing was done.'],
    [['check', '--title', 'X'], 'candor check does not use --title: nothing was done.'],
    [['postmortem', ID, '-m', 'x'], 'candor postmortem does not use --message: nothing was done.'],
  ])('%j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(message)).toBe(true);
    expect(read()).toBe(OPEN);
  });
});

describe('times are never written silently when they make no sense', () => {
  it('refuses an update dated in the future, a promise in the past and a window in the past', async () => {
    const future = await cli(['update', ID, '-s', 'update', '-m', 'x', '-n', '30', '--at', '2026-11-24 14:35 UTC']);
    const advice = 'Check the date, the hour and the zone (times without one are UTC), or give --yes if you mean it.';
    expect([future.code, future.err]).toEqual([1, `Nothing was written: --at 2026-11-24 14:35 UTC is in the future (it is now 2026-11-24 12:35 UTC): customers would not see the update until then. ${advice}`]);
    const past = await cli(['update', ID, '-s', 'update', '-m', 'x', '-n', '2026-11-24 12:00 UTC']);
    expect(past.err).toBe(`Nothing was written: --next-update 2026-11-24 12:00 UTC is in the past (it is now 2026-11-24 12:35 UTC): a promise in the past shows as broken at once. ${advice}`);
    expect((await cli(['update', ID, '-s', 'update', '-m', 'x', '-n', '0'])).err).toContain('Nothing was written: --next-update 2026-11-24 12:35 UTC is in the past');
    const days = await cli(['update', ID, '-s', 'update', '-m', 'x', '-n', '99999999']);
    expect(days.err).toBe(`Nothing was written: --next-update 2217-01-11 23:14 UTC is more than a day away: promise when you will really post next, in minutes or hours. ${advice}`);
    const before = await cli(['update', ID, '-s', 'update', '-m', 'x', '-n', '30', '--at', '2020-01-01 00:00 UTC']);
    expect(before.err).toBe(`Nothing was written: --at 2020-01-01 00:00 UTC is before the incident began (2026-11-24 12:05 UTC): it would move its start, its duration and the uptime. ${advice}`);
    const window = await cli(['new', 'maintenance', '--title', 'Upgrade', '--start', '2026-11-20 02:00 UTC', '--end', '2026-11-20 04:00 UTC', '-m', 'x']);
    expect(window.err).toBe(`Nothing was written: --end 2026-11-20 04:00 UTC is in the past (it is now 2026-11-24 12:35 UTC): a window that is over cannot be announced. ${advice}`);
    expect(read()).toBe(OPEN);
    expect(existsSync(join(root, 'incidents/2026-11-20-upgrade.md'))).toBe(false);
  });

  it('in a terminal, asks instead, and writes only what is confirmed', async () => {
    const no = await cli(['update', ID, '-s', 'update', '-m', 'x', '-n', '30', '--at', '2026-11-24 14:35 UTC'], { answers: [false] });
    expect(no.code).toBe(1);
    expect(read()).toBe(OPEN);
    const yes = await cli(['update', ID, '-s', 'update', '-m', 'Backfilled.', '-n', '180', '--at', '2026-11-24 14:35 UTC'], { answers: [true, [], true] });
    expect(yes.asked).toEqual([
      '--at 2026-11-24 14:35 UTC is in the future (it is now 2026-11-24 12:35 UTC): customers would not see the update until then. Write it anyway?',
      'Also write it in (space to pick, enter when done)',
      'Write it?',
    ]);
    expect(read()).toContain('## Update — 2026-11-24 14:35 UTC\nBackfilled.');
  });
});

describe('promises stay explicit', () => {
  it('says that customers will see no next-update time, by flags', async () => {
    const r = await cli(['update', ID, '-s', 'update', '-m', 'Still on it.']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('Note: customers will see no next-update time for Elevated API error rates. Promise one with --next-update <minutes|time>.');
    expect(read()).not.toContain('next_update');
  });

  it('asks in a terminal, and takes a promise when the responder wants one after all', async () => {
    const r = await cli(['update', ID], { answers: ['update', '', false, '45', [], 'post', true] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual([
      'Status',
      'Next update in how many minutes, or at what time? (empty: no promise)',
      'Post it without promising when the next update comes?',
      'Next update in how many minutes, or at what time? (empty: no promise)',
      'Also write it in (space to pick, enter when done)',
      'Message',
      'Write it?',
    ]);
    expect(read()).toContain('next_update: 2026-11-24T13:20Z');
    expect(read()).toContain('## Update — 2026-11-24 12:35 UTC\nWe are still working on the problems with the Public API.\nWe will post the next update by 13:20 UTC.\n');
  });
});

describe('interactive mode shows the message before it is written', () => {
  it('offers the template filled in, opens $EDITOR to change it, and shows the result before writing', async () => {
    const env = { EDITOR: "sed -i 's/We have identified the cause of the problems with the Public API and are working on a fix./A bad deploy broke writes; we are rolling it back./'" };
    const r = await cli(['update', ID], { env, answers: ['identified', '30', [], 'edit', 'post', true] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Status', 'Next update in how many minutes, or at what time? (empty: no promise)', 'Also write it in (space to pick, enter when done)', 'Message', 'Message', 'Write it?']);
    // First the template's text, then the edited text, then the update as it will be written.
    const shown = r.out.split('The message customers will read:');
    expect(shown[1]).toContain('  │ We have identified the cause of the problems with the Public API and are working on a fix.');
    expect(shown[2]).toContain('  │ A bad deploy broke writes; we are rolling it back.\n  │ We will post the next update by 13:05 UTC.');
    expect(r.out).toContain(`${FILE} gets this update:\n  │ ## Identified — 2026-11-24 12:35 UTC\n  │ A bad deploy broke writes; we are rolling it back.`);
    expect(read()).toContain('## Identified — 2026-11-24 12:35 UTC\nA bad deploy broke writes; we are rolling it back.\nWe will post the next update by 13:05 UTC.\n');
  });

  it('does not offer to post guidance: the text in double braces must be replaced first', async () => {
    const r = await cli(['new', 'maintenance', '--title', 'Upgrade', '--start', '2026-12-03 02:00 UTC', '--end', '2026-12-03 04:00 UTC', '-c', 'db'], {
      answers: [[], 'write', 'The database is read-only for 20 minutes.', 'post', true],
    });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Also write it in (space to pick, enter when done)', 'It still has text in double braces for you to replace', 'Message for customers', 'Message', 'Write it?']);
    expect(read('incidents/2026-12-03-upgrade.md')).toContain('## Scheduled — 2026-11-24 12:35 UTC\nThe database is read-only for 20 minutes.\n');
  });

  it('writes nothing when the responder says no', async () => {
    const r = await cli(['update', ID, '-s', 'update', '-m', 'x', '-n', '30'], { answers: [[], false] });
    expect([r.code, r.err]).toEqual([1, 'Cancelled: nothing was written.']);
    expect(read()).toBe(OPEN);
  });
});

describe('generated text reads naturally', () => {
  it('names components as a sentence says them', () => {
    expect(listNames(['API'])).toBe('the API');
    expect(listNames(['API', 'Dashboard'])).toBe('the API and the Dashboard');
    expect(listNames(['Sign-in and SSO'])).toBe('Sign-in and SSO');
    expect(listNames(['API', 'Sign-in and SSO', 'Webhooks'])).toBe('the API, Sign-in and SSO, and Webhooks');
    expect(listNames(['Card payments', 'Payouts'])).toBe('Card payments and Payouts');
  });

  it('gives a sensible id for an emoji-only or a very long title', () => {
    const at = new Date('2026-11-24T12:35Z');
    expect(makeId(at, '🔥🔥🔥', 'incident')).toBe('2026-11-24-incident-1235');
    expect(makeId(at, '🛠️', 'maintenance')).toBe('2026-11-24-maintenance-1235');
    expect(makeId(at, 'Сбой платежей', 'incident')).toBe('2026-11-24-incident-1235');
    const long = makeId(at, 'Supercalifragilisticexpialidociouslyunavailablepaymentprocessing and everything else that broke today', 'incident');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^2026-11-24-[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('edits keep the file as it was written', () => {
  it('keeps CRLF line endings', async () => {
    writeFileSync(join(root, FILE), OPEN.replace(/\n/g, '\r\n'));
    await cli(['update', ID, '-s', 'identified', '-m', 'Found it.', '-n', '30', '-c', 'web=degraded_performance']);
    const crlf = read();
    writeFileSync(join(root, FILE), OPEN);
    await cli(['update', ID, '-s', 'identified', '-m', 'Found it.', '-n', '30', '-c', 'web=degraded_performance']);
    expect(crlf).toBe(read().replace(/\n/g, '\r\n'));
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    writeFileSync(join(root, FILE), crlf);
    expect((await cli(['check'])).code).toBe(0);
  });

  it('edits flow style and a value on the next line as YAML', async () => {
    writeFileSync(join(root, FILE), OPEN.replace('components:\n  api: partial_outage   # errors on writes only\n', 'components: {api: partial_outage}\n'));
    const r = await cli(['update', ID, '-s', 'identified', '-m', 'Found it.', '-n', '30', '-c', 'web=major_outage']);
    expect(r.code).toBe(0);
    expect(read().split('---\n')[1]).toBe('# Opened by the on-call engineer\ntitle: Elevated API error rates\ncomponents: { api: partial_outage, web: major_outage }\nnext_update: 2026-11-24T13:05Z\n');
  });
});

describe('nothing is lost', () => {
  it('parallel updates from separate processes all reach the file', async () => {
    const runs = await Promise.all([10, 15, 20, 25, 30].map((m) => candorProcess(['update', ID, '-s', 'update', '-m', `Update at 12:${m}.`, '--at', `2026-11-24 12:${m} UTC`])));
    for (const r of runs) expect([r.code, r.err.replace(/^Note: .*\n/gm, '')]).toEqual([0, '']);
    const text = read();
    for (const m of [10, 15, 20, 25, 30]) expect(text).toContain(`## Update — 2026-11-24 12:${m} UTC\nUpdate at 12:${m}.\n`);
    expect((await cli(['check'])).code).toBe(0);
    expect(existsSync(join(root, `incidents/.${ID}.md.candor-lock`))).toBe(false);
  });

  it('an edit made while $EDITOR is open is kept: the update goes on top of it', async () => {
    const colleague = OPEN.replace('---\n\n## Investigating', '---\n\n## Identified — 2026-11-24 12:20 UTC\nA colleague found the cause.\n\n## Investigating');
    writeFileSync(join(root, 'colleague.md'), colleague);
    const editor = join(root, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\ncp "${join(root, 'colleague.md')}" "${join(root, FILE)}"\nprintf 'Rolling back the deploy.\\n' > "$1"\n`);
    chmodSync(editor, 0o755);
    const r = await cli(['update', ID, '-s', 'monitoring', '-n', '30', '--edit'], { env: { EDITOR: editor } });
    expect(r.code).toBe(0);
    expect(r.err).toBe(`Note: ${FILE} changed since this command read it (someone else's edit); your update goes on top of their version.`);
    expect(read()).toBe(colleague.replace('---\n\n## Identified', '---\n\n## Monitoring — 2026-11-24 12:35 UTC\nRolling back the deploy.\n<!-- candor: next update by 2026-11-24 13:05 UTC -->\n\n## Identified').replace('next_update:\n  2026-11-24T13:00Z', 'next_update: 2026-11-24T13:05Z'));
  });

  it('a new incident whose id appeared while $EDITOR was open is refused, and the text is kept', async () => {
    const editor = join(root, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nprintf -- '---\\ntitle: Theirs\\n---\\n\\n## Investigating — 2026-11-24 12:30 UTC\\nTheirs.\\n' > "${join(root, 'incidents/2026-11-24-checkout-down.md')}"\nsed -i 's/We are investigating reports/Mine: reports/' "$1"\n`);
    chmodSync(editor, 0o755);
    const r = await cli(['new', 'incident', '--title', 'Checkout down', '-c', 'api=major_outage', '-n', '30', '--edit'], { env: { EDITOR: editor } });
    expect(r.code).toBe(1);
    const kept = /Your text is kept in (\S+): run the command again/.exec(r.err)?.[1];
    expect(r.err).toContain('Nothing was written: incidents/2026-11-24-checkout-down.md was created by someone else while you were writing');
    expect(readFileSync(kept!, 'utf8')).toContain('Mine: reports of problems with the Public API.');
    expect(read('incidents/2026-11-24-checkout-down.md')).toContain('Theirs.');
  });

  it('an edit made while a question is open is kept too', async () => {
    const colleague = OPEN.replace('---\n\n## Investigating', '---\n\n## Identified — 2026-11-24 12:20 UTC\nA colleague found the cause.\n\n## Investigating');
    const r = await cli(['update', ID, '-s', 'monitoring', '-m', 'Recovering.', '-n', '30'], { answers: [[], () => (writeFileSync(join(root, FILE), colleague), true)] });
    expect(r.code).toBe(0);
    expect(read()).toContain('## Monitoring — 2026-11-24 12:35 UTC\nRecovering.\n<!-- candor: next update by 2026-11-24 13:05 UTC -->\n\n## Identified — 2026-11-24 12:20 UTC\nA colleague found the cause.');
  });

  it('a post-mortem drafted by someone else while $EDITOR was open is not overwritten', async () => {
    const pm = `incidents/${ID}.postmortem.md`;
    const editor = join(root, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nprintf -- '---\\n---\\n\\n## Summary\\nTheirs.\\n' > "${join(root, pm)}"\nprintf 'Mine.\\n' >> "$1"\n`);
    chmodSync(editor, 0o755);
    const r = await cli(['postmortem', ID, '--edit'], { env: { EDITOR: editor } });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Nothing was written: ${pm} was created by someone else while you were writing`);
    expect(read(pm)).toBe('---\n---\n\n## Summary\nTheirs.\n');
    expect(readFileSync(/Your text is kept in (\S+):/.exec(r.err)![1]!, 'utf8')).toContain('Mine.');
  });

  it('an update that no longer fits (resolved meanwhile) is refused, with the text kept', async () => {
    const editor = join(root, 'editor.sh');
    const resolved = OPEN.replace('---\n\n## Investigating', '---\n\n## Resolved — 2026-11-24 12:30 UTC\nFixed.\n\n## Investigating');
    writeFileSync(join(root, 'resolved.md'), resolved);
    writeFileSync(editor, `#!/bin/sh\ncp "${join(root, 'resolved.md')}" "${join(root, FILE)}"\nprintf 'Still looking.\\n' > "$1"\n`);
    chmodSync(editor, 0o755);
    const r = await cli(['update', ID, '-s', 'update', '-n', '30', '--edit'], { env: { EDITOR: editor } });
    expect(r.code).toBe(1);
    expect(r.err).toContain('comes after the incident was resolved');
    expect(readFileSync(/Your text is kept in (\S+)\./.exec(r.err)![1]!, 'utf8')).toContain('Still looking.');
    expect(read()).toBe(resolved);
  });
});

describe('review fixes', () => {
  it('a replayed update keeps the promise a colleague made meanwhile, and lands in time order', async () => {
    const colleague = OPEN.replace('next_update:\n  2026-11-24T13:00Z', 'next_update: 2026-11-24T13:25Z').replace('---\n\n## Investigating', '---\n\n## Identified — 2026-11-24 12:55 UTC\nA colleague found the cause.\n\n## Investigating');
    writeFileSync(join(root, 'colleague.md'), colleague);
    const editor = join(root, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\ncp "${join(root, 'colleague.md')}" "${join(root, FILE)}"\nprintf 'Still looking.\\n' > "$1"\n`);
    chmodSync(editor, 0o755);
    const r = await cli(['update', ID, '-s', 'update', '-n', '', '--at', '2026-11-24 12:50 UTC', '--edit'], { env: { EDITOR: editor }, now: '2026-11-24T13:00:00Z' });
    expect(r.code).toBe(0);
    expect(read()).toBe(colleague.replace('## Investigating', '## Update — 2026-11-24 12:50 UTC\nStill looking.\n\n## Investigating'));
  });

  it('--yes writes what would be refused as odd', async () => {
    const r = await cli(['update', ID, '-s', 'update', '-m', 'Back in 2 days.', '-n', '2880', '--yes']);
    expect(r.code).toBe(0);
    expect(read()).toContain('next_update: 2026-11-26T12:35Z');
  });

  it('emergency maintenance whose window has begun can be announced', async () => {
    const r = await cli(['new', 'maintenance', '--title', 'Emergency patch', '--start', '2026-11-24 12:00 UTC', '--end', '2026-11-24 14:00 UTC', '-c', 'api', '-m', 'We are patching the API now.']);
    expect([r.code, r.err]).toEqual([0, '']);
  });

  it('names the recovered components when none is left affected', async () => {
    await cli(['update', ID, '-s', 'monitoring', '-c', 'api=operational', '-n', '30']);
    expect(read()).toContain('A fix is in place and service is recovering (the Public API).');
  });

  it('refuses a misspelt placeholder in a team template, and the check warns of it', async () => {
    const template = join(root, 'incidents/_templates/update.md');
    writeFileSync(template, 'We are still working on {{component}}.\n');
    const r = await cli(['update', ID, '-s', 'update', '-n', '30']);
    expect([r.code, r.err]).toEqual([1, 'Nothing was written: incidents/_templates/update.md:1:25: {{component}} is not a placeholder Candor fills in. Did you mean "{{components}}"?\nFix the template, or pass the text with --message.']);
    const checked = await cli(['check']);
    expect(checked.out).toContain('incidents/_templates/update.md:1:25: warning: {{component}} is not a placeholder Candor fills in. Did you mean "{{components}}"?');
  });

  it('says what was meant: a flag, a -c with one = too many, a post-mortem of maintenance', async () => {
    const flag = await cli(['update', ID, '--nextupdate', '30']);
    expect(flag.code).toBe(2);
    expect(flag.err.split('\n')[0]).toContain('Did you mean "--next-update"?');
    expect((await cli(['update', ID, '-s', 'update', '-m', 'x', '-n', '30', '-c', 'api=major_outage=1'])).err).toBe('--component api=major_outage=1: write it as id=status, such as api=partial_outage, or api=operational when it has recovered.');
    writeFileSync(join(root, 'incidents/2026-12-03-upgrade.md'), '---\ntitle: Upgrade\nscheduled_for: 2026-12-03T02:00Z\nscheduled_until: 2026-12-03T04:00Z\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nWe will upgrade.\n');
    expect((await cli(['postmortem', '2026-12-03-upgrade'])).err).toBe('2026-12-03-upgrade is maintenance: post-mortems are written for incidents.');
  });

  it('edits a file with a BOM, four-space indentation and YAML\'s end marker', async () => {
    writeFileSync(join(root, FILE), `\uFEFF${OPEN.replace('  api: partial_outage   # errors on writes only', '    api: partial_outage').replace('next_update:\n  2026-11-24T13:00Z\n', 'next_update:\n    2026-11-24T13:00Z\n...\n')}`);
    const r = await cli(['update', ID, '-s', 'identified', '-c', 'web=degraded_performance', '-m', 'Found it.', '-n', '30']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(read()).toBe(`\uFEFF---
# Opened by the on-call engineer
title: Elevated API error rates
components:
    api: partial_outage
    web: degraded_performance
next_update: 2026-11-24T13:05Z
...
---

## Identified — 2026-11-24 12:35 UTC
Found it.
<!-- candor: next update by 2026-11-24 13:05 UTC -->

## Investigating — 2026-11-24 12:05 UTC
We are investigating elevated error rates on the API.
`);
    expect((await cli(['check'])).code).toBe(0);
  });
});

describe('second review fixes', () => {
  it('--message posts even when a template is broken or missing', async () => {
    writeFileSync(join(root, 'incidents/_templates/update.md'), 'We are still working on {{component}}.\n');
    expect((await cli(['update', ID, '-s', 'update', '-m', 'Still on it.', '-n', '30'])).code).toBe(0);
    expect(read()).toContain('## Update — 2026-11-24 12:35 UTC\nStill on it.');
  });

  it('publishing an unfinished post-mortem from $EDITOR keeps the edited text', async () => {
    await cli(['resolve', ID, '-m', 'Fixed.'], { now: '2026-11-24T13:20:00Z' });
    await cli(['postmortem', ID], { now: '2026-11-25T09:00:00Z' });
    const editor = join(root, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/{{Who was affected, how, and whether any data was at risk.}}/Merchants in the EU./' "$1"\n`);
    chmodSync(editor, 0o755);
    const r = await cli(['postmortem', ID, '--publish', '--edit'], { env: { EDITOR: editor }, now: '2026-11-25T10:00:00Z' });
    expect(r.code).toBe(1);
    expect(readFileSync(/Your text is kept in (\S+)\./.exec(r.err)![1]!, 'utf8')).toContain('Merchants in the EU.');
  });

  it('a missed update, dated before the latest, leaves the promise alone; a promise cannot go with it, nor with Resolved', async () => {
    await cli(['update', ID, '-s', 'identified', '-m', 'Found it.', '-n', '40'], { now: '2026-11-24T12:30:00Z' });
    const promise = 'next_update: 2026-11-24T13:10Z';
    expect(read()).toContain(promise);
    const missed = await cli(['update', ID, '-s', 'update', '-m', 'Missed one.', '--at', '2026-11-24 12:20 UTC']);
    expect([missed.code, missed.err]).toEqual([0, '']);
    expect(read()).toContain(promise);
    expect(read()).toContain('## Identified — 2026-11-24 12:30 UTC\nFound it.\n<!-- candor: next update by 2026-11-24 13:10 UTC -->\n\n## Update — 2026-11-24 12:20 UTC\nMissed one.\n\n## Investigating');
    expect((await cli(['update', ID, '-s', 'update', '-m', 'x', '--at', '2026-11-24 12:10 UTC', '-n', '30'])).err).toBe(
      '--next-update: this update is dated before the latest one (2026-11-24 12:30 UTC), whose promise stands; leave it out.',
    );
    expect((await cli(['update', ID, '-s', 'resolved', '-m', 'x', '-n', '30'])).err).toBe('--next-update: a Resolved update makes no promise; leave it out.');
  });

  it('never puts an update inside a code block that shows a heading', async () => {
    writeFileSync(join(root, FILE), OPEN.replace('---\n\n## Investigating', '---\n\n## Update — 2026-11-24 12:30 UTC\nThe log said:\n\n```\n## Identified — 2026-11-24 11:00 UTC\n```\n\n## Investigating'));
    expect((await cli(['update', ID, '-s', 'update', '-m', 'Missed.', '--at', '2026-11-24 12:10 UTC'])).code).toBe(0);
    expect(read()).toContain('```\n## Identified — 2026-11-24 11:00 UTC\n```\n\n## Update — 2026-11-24 12:10 UTC\nMissed.\n\n## Investigating');
  });

  it('edits a components map with a comment at the start of a line, in its own indentation', async () => {
    writeFileSync(join(root, FILE), OPEN.replace('title: Elevated API error rates\n', 'title: >\n    Elevated API\n    error rates\n').replace('  api: partial_outage   # errors on writes only\n', '# the API is the main one\n  api: partial_outage\n'));
    const r = await cli(['update', ID, '-s', 'identified', '-c', 'web=major_outage', '-m', 'Found it.', '-n', '30']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(read()).toContain('components:\n  # the API is the main one\n  api: partial_outage\n  web: major_outage\n');
  });

  it('fills a template whose optional passage is written with spaces, and warns of one never closed', async () => {
    writeFileSync(join(root, 'incidents/_templates/resolved.md'), 'Resolved.{{ #postmortem }} A post-mortem will follow.{{ /postmortem }}\n');
    await cli(['resolve', ID, '--postmortem'], { now: '2026-11-24T13:20:00Z' });
    expect(read()).toContain('## Resolved — 2026-11-24 13:20 UTC\nResolved. A post-mortem will follow.\n');
    writeFileSync(join(root, 'incidents/_templates/resolved.md'), 'Resolved.{{#postmortem}} A post-mortem will follow.\n');
    expect((await cli(['check'], { now: '2026-11-24T13:20:00Z' })).out).toContain('incidents/_templates/resolved.md:1:10: warning: {{#postmortem}} is never closed: end the passage with "{{/postmortem}}".');
  });

  it('says so when publishing replaces a date the draft had', async () => {
    await cli(['resolve', ID, '-m', 'Fixed.'], { now: '2026-11-24T13:20:00Z' });
    writeFileSync(join(root, `incidents/${ID}.postmortem.md`), '---\npublished: 2026-11-21T10:00Z\ndraft: true\n---\n\n## Summary\nIt broke.\n');
    const r = await cli(['postmortem', ID, '--publish'], { now: '2026-11-25T10:00:00Z' });
    expect([r.code, r.err]).toEqual([0, 'Note: its published date (2026-11-21 10:00 UTC) becomes now, when it is published.']);
    expect(read(`incidents/${ID}.postmortem.md`)).toBe('---\npublished: 2026-11-25T10:00Z\n---\n\n## Summary\nIt broke.\n');
  });
});

describe('--pr from a stale clone', () => {
  let github: FakeGitHub;
  const env = () => ({ GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'acme/status', GITHUB_API_URL: github.url });
  afterEach(() => github.close());

  it('builds the change on the default branch, keeping the updates that reached it meanwhile', async () => {
    const onMain = OPEN.replace('---\n\n## Investigating', '---\n\n## Identified — 2026-11-24 12:20 UTC\nA colleague found the cause.\n\n## Investigating');
    github = await fakeGitHub({ [FILE]: onMain });
    const r = await cli(['update', ID, '-s', 'monitoring', '-m', 'Recovering.', '-n', '30', '--pr'], { env: env() });
    expect(r.code).toBe(0);
    const pushed = github.files.get('candor/2026-11-24-api-errors-20261124T1235')!.get(FILE)!;
    expect(pushed).toContain('## Monitoring — 2026-11-24 12:35 UTC\nRecovering.\n<!-- candor: next update by 2026-11-24 13:05 UTC -->\n\n## Identified — 2026-11-24 12:20 UTC\nA colleague found the cause.\n\n## Investigating');
    expect(github.requests.find((q) => q.method === 'PUT')?.body.sha).toBe(`sha-${FILE}`);
  });

  it('fails clearly on a real conflict, and pushes nothing', async () => {
    github = await fakeGitHub({ [FILE]: OPEN.replace('---\n\n## Investigating', '---\n\n## Resolved — 2026-11-24 12:30 UTC\nFixed.\n\n## Investigating') });
    const r = await cli(['update', ID, '-s', 'monitoring', '-m', 'Recovering.', '-n', '30', '--pr'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`The file is written here, but no pull request was opened: ${FILE} on acme/status's default branch has changes this clone does not have, and your update does not fit on top of them:`);
    expect(r.err).toContain('comes after the incident was resolved');
    expect(github.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });
});

describe('the preview reports every change customers will see', () => {
  it('components, impact, promises, removed updates, new entries and post-mortems', async () => {
    writeFileSync(join(root, 'incidents/2026-11-20-old.md'), '---\ntitle: Old outage\n---\n\n## Resolved — 2026-11-20 15:00 UTC\nFixed.\n\n## Update — 2026-11-20 14:30 UTC\nWorking.\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n');
    writeFileSync(join(root, 'incidents/2026-11-20-old.postmortem.md'), '---\npublished: 2026-11-21T10:00Z\n---\n\n## Summary\nIt broke.\n');
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    await cli(['update', ID, '-s', 'identified', '-c', 'api=major_outage', '--impact', 'critical', '-m', 'Writes fail.', '-n', '30']);
    await cli(['new', 'incident', '--title', 'Slow search', '-c', 'search=degraded_performance', '-m', 'Search is slow.', '-n', '30']);
    writeFileSync(join(root, 'incidents/2026-11-20-old.md'), read('incidents/2026-11-20-old.md').replace('## Update — 2026-11-20 14:30 UTC\nWorking.\n\n', ''));
    writeFileSync(join(root, 'incidents/2026-11-20-old.postmortem.md'), '---\n# Draft: not published.\n---\n\n## Summary\n{{What happened.}}\n');
    const r = await cli(['preview']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`**Also changes:**

- “Slow search”: New incident: its page, feed items and API entry appear.
- “Elevated API error rates”: Public API: partial outage → major outage.
- “Elevated API error rates”: Impact: major → critical.
- “Elevated API error rates”: Next update promised by 2026-11-24 13:05 UTC (was 2026-11-24 13:00 UTC).
- “Old outage”: Removes the update "Update, 2026-11-20 14:30 UTC": its text and feed item disappear.
- “Old outage”: A post-mortem draft is waiting (incidents/2026-11-20-old.postmortem.md): customers do not see it until it is published (candor postmortem 2026-11-20-old --publish).`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'draft');
    writeFileSync(join(root, 'incidents/2026-11-20-old.postmortem.md'), '---\npublished: 2026-11-24T12:00Z\n---\n\n## Summary\nIt broke.\n');
    expect((await cli(['preview'])).out).toContain('- “Old outage”: Publishes the post-mortem, dated 2026-11-24 12:00 UTC: the incident page links to it and feeds announce it.');
    writeFileSync(join(root, 'incidents/2026-11-20-old.postmortem.md'), '---\npublished: 2026-11-25T09:00Z\n---\n\n## Summary\nIt broke.\n');
    expect((await cli(['preview'])).out).toContain('- “Old outage”: The post-mortem is dated 2026-11-25 09:00 UTC: customers see it from then on.');
    // A published post-mortem's title and date, and an incident's start, are changes too.
    writeFileSync(join(root, 'incidents/2026-11-20-old.postmortem.md'), '---\npublished: 2026-11-24T12:00Z\ntitle: What broke\n---\n\n## Summary\nIt broke.\n');
    writeFileSync(join(root, 'incidents/2026-11-20-old.md'), read('incidents/2026-11-20-old.md').replace('title: Old outage\n', 'title: Old outage\nstarted: 2026-11-20T13:50Z\n'));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'published');
    writeFileSync(join(root, 'incidents/2026-11-20-old.postmortem.md'), '---\npublished: 2026-11-24T12:10Z\ntitle: What went wrong\n---\n\n## Summary\nIt broke.\n');
    writeFileSync(join(root, 'incidents/2026-11-20-old.md'), read('incidents/2026-11-20-old.md').replace('started: 2026-11-20T13:50Z', 'started: 2026-11-20T13:40Z'));
    const edits = (await cli(['preview'])).out;
    expect(edits).toContain('- “Old outage”: Start: 2026-11-20 13:50 UTC → 2026-11-20 13:40 UTC: the duration and the uptime change.');
    expect(edits).toContain('- “Old outage”: Edits the published post-mortem.');
    expect(edits).toContain("- “Old outage”: The post-mortem's publication date: 2026-11-24 12:00 UTC → 2026-11-24 12:10 UTC.");
    // A status word changed is an edited update: Resolved → Update reopens the incident.
    writeFileSync(join(root, 'incidents/2026-11-20-old.md'), read('incidents/2026-11-20-old.md').replace('## Resolved — 2026-11-20 15:00 UTC', '## Update — 2026-11-20 15:00 UTC'));
    expect((await cli(['preview'])).out).toContain('#### Old outage: Update, 2026-11-20 15:00 UTC (edited)');
  });
});
