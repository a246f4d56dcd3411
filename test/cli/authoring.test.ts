import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git, runIn } from '../helpers/cli.ts';
import { fakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { ROOT } from '../helpers/project.ts';

/** An incident written by hand, with comments and an unusual field order that edits must keep. */
const HAND_WRITTEN = `---
# Opened by the on-call engineer
components:
  api: partial_outage   # errors on writes only
title: Elevated API error rates
next_update: 2026-11-24T13:00Z
---

## Investigating — 2026-11-24 12:05 UTC
We are investigating elevated error rates on the API.

Reads are not affected.
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'candor-cli-'));
  cpSync(join(ROOT, 'test/fixtures/site/candor.config.yaml'), join(root, 'candor.config.yaml'));
  cpSync(join(ROOT, 'incidents/_templates'), join(root, 'incidents/_templates'), { recursive: true });
  writeFileSync(join(root, 'incidents/2026-11-24-api-errors.md'), HAND_WRITTEN);
});

const cli = (args: string[], options: Parameters<typeof runIn>[2] = {}) => runIn(root, args, options);

const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** What the maintenance tests say customers should expect. */
const EXPECT = 'The database is read-only for up to 20 minutes.';

describe('candor new incident', () => {
  it('writes the acknowledgement from the template, by flags', async () => {
    const r = await cli(['new', 'incident', '--title', 'Checkout failing', '-c', 'api=major_outage', '-c', 'web=degraded_performance', '--next-update', '30']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Wrote incidents/2026-11-24-checkout-failing.md');
    expect(read('incidents/2026-11-24-checkout-failing.md')).toBe(`---
title: Checkout failing
components:
  api: major_outage
  web: degraded_performance
next_update: 2026-11-24T13:05Z
---

## Investigating — 2026-11-24 12:35 UTC
We are investigating reports of problems with the Public API and the Website. We will share more as soon as we know it.
We will post the next update by 13:05 UTC.
<!-- candor: next update by 2026-11-24 13:05 UTC -->
`);
    // It says what customers will read.
    expect(r.out).toContain('Customers will read:\n  │ We are investigating reports of problems with the Public API and the Website.');
    expect((await cli(['check'])).code).toBe(0);
  });

  it('asks what it was not told, with the components from the configuration', async () => {
    const r = await cli(['new', 'incident'], { answers: ['Search is slow', ['search'], 'degraded_performance', 'identified', 'derived', '45', [], 'post', true] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual([
      'Title (what customers notice)',
      'Affected components (space to pick, enter when done)',
      'How is Search affected?',
      'Status',
      'Impact',
      'Next update in how many minutes, or at what time? (empty: no promise)',
      'Also write it in (space to pick, enter when done)',
      'Message',
      'Write it?',
    ]);
    // The template's text was shown, filled in, before it was chosen; then the whole file before writing.
    expect(r.out).toContain('The message customers will read:\n  │ We have identified the cause of the problems with the Search and are working on a fix.\n  │ We will post the next update by 13:20 UTC.');
    expect(r.out).toContain('incidents/2026-11-24-search-is-slow.md will read:\n  │ ---\n  │ title: Search is slow');
    expect(read('incidents/2026-11-24-search-is-slow.md')).toBe(`---
title: Search is slow
components:
  search: degraded_performance
next_update: 2026-11-24T13:20Z
---

## Identified — 2026-11-24 12:35 UTC
We have identified the cause of the problems with the Search and are working on a fix.
We will post the next update by 13:20 UTC.
<!-- candor: next update by 2026-11-24 13:20 UTC -->
`);
  });

  it('opens $EDITOR before saving when asked, and saves what the editor left', async () => {
    const env = { EDITOR: "sed -i 's/We are investigating reports of problems with the Public API/Payments through the API fail/'" };
    const r = await cli(['new', 'incident', '--title', 'Payments failing', '-c', 'api=major_outage', '--edit'], { env });
    expect(r.code).toBe(0);
    expect(read('incidents/2026-11-24-payments-failing.md')).toContain('## Investigating — 2026-11-24 12:35 UTC\nPayments through the API fail. We will share more');
  });

  it('writes an impact chosen at the prompt', async () => {
    const r = await cli(['new', 'incident', '--title', 'Search is slow', '-c', 'search=degraded_performance', '--status', 'investigating', '-n', ''], { answers: ['major', true, [], 'post', true] });
    expect(r.asked).toEqual(['Impact', 'Post it without promising when the next update comes?', 'Also write it in (space to pick, enter when done)', 'Message', 'Write it?']);
    expect(r.err).toBe('Note: customers will see no next-update time. Promise one with --next-update <minutes|time>.');
    expect(read('incidents/2026-11-24-search-is-slow.md')).toContain('  search: degraded_performance\nimpact: major\n---');
  });

  it('with no terminal and a missing flag, says which flag', async () => {
    const r = await cli(['new', 'incident', '-c', 'api=major_outage']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('Missing --title. Give it, or run the command in a terminal to be asked.');
  });

  it('refuses an id that is not one, before anything runs', async () => {
    for (const id of ['a"; touch PWNED; echo "', '../../outside', 'unresolved']) {
      const r = await cli(['new', 'incident', '--title', 'X', '--id', id, '-m', 'x', '--edit'], { env: { EDITOR: 'true' } });
      expect(r.code).toBe(1);
      expect(r.err).toContain(`"${id}" cannot be an incident id`);
    }
    expect(existsSync(join(root, 'PWNED'))).toBe(false);
  });

  it('refuses to overwrite an incident', async () => {
    const r = await cli(['new', 'incident', '--title', 'API errors', '--id', '2026-11-24-api-errors', '-m', 'x']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('There is already an incident "2026-11-24-api-errors": nothing was written.');
    expect(read('incidents/2026-11-24-api-errors.md')).toBe(HAND_WRITTEN);
  });

  it('never writes a file the check would refuse', async () => {
    const r = await cli(['new', 'incident', '--title', 'Broken', '-c', 'api=major_outage', '-m', 'Down for {{customers}}.', '-n', '30']);
    expect(r.code).toBe(1);
    const [message, kept] = r.err.split('\nYour text is kept in ');
    expect(message).toBe(`Nothing was written: incidents/2026-11-24-broken.md would not pass the check.
incidents/2026-11-24-broken.md:9:10: error: Template text left in: "{{customers}}".
    fix: Replace the text in double braces with what customers should read (the templates mark what to write that way). If you mean the braces literally, put them in \`code\`.`);
    expect(existsSync(join(root, 'incidents/2026-11-24-broken.md'))).toBe(false);
    // What the responder typed is not lost.
    expect(readFileSync(kept!.replace(/\.$/, ''), 'utf8')).toContain('Down for {{customers}}.');
  });

  it('suggests the component and the status meant, before anything is written', async () => {
    const typo = await cli(['new', 'incident', '--title', 'Broken', '-c', 'apii=major_outage', '-m', 'Down.']);
    expect([typo.code, typo.err]).toEqual([1, 'Component "apii" is not one of: api, web, db, search, email. Did you mean "api"?']);
    const status = await cli(['new', 'incident', '--title', 'Broken', '-c', 'api=major', '-m', 'Down.']);
    expect(status.err).toBe('The status of api "major" is not one of: degraded_performance, partial_outage, major_outage. Did you mean "major_outage"?');
    const word = await cli(['new', 'incident', '--title', 'Broken', '--status', 'identifed', '-m', 'Down.']);
    expect(word.err).toBe('The status of a new incident "identifed" is not one of: investigating, identified, monitoring. Did you mean "identified"?');
    expect(existsSync(join(root, 'incidents/2026-11-24-broken.md'))).toBe(false);
  });
});

describe('candor update and resolve', () => {
  it('put the new update on top and change nothing else, comments and order included', async () => {
    const r = await cli(['update', '2026-11-24-api-errors', '--status', 'identified', '-m', 'A bad deploy. We are rolling it back.', '--next-update', '+30']);
    expect(r.code).toBe(0);
    expect(read('incidents/2026-11-24-api-errors.md')).toBe(`---
# Opened by the on-call engineer
components:
  api: partial_outage   # errors on writes only
title: Elevated API error rates
next_update: 2026-11-24T13:05Z
---

## Identified — 2026-11-24 12:35 UTC
A bad deploy. We are rolling it back.
<!-- candor: next update by 2026-11-24 13:05 UTC -->

## Investigating — 2026-11-24 12:05 UTC
We are investigating elevated error rates on the API.

Reads are not affected.
`);
  });

  it('drops a promise the update fulfils when no new one is made', async () => {
    const r = await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'Still on it.'], { now: '2026-11-24T13:10:00Z' });
    expect(r.code).toBe(0);
    const text = read('incidents/2026-11-24-api-errors.md');
    expect(text).not.toContain('next_update');
    expect(text.startsWith('---\n# Opened by the on-call engineer\ncomponents:\n  api: partial_outage   # errors on writes only\ntitle: Elevated API error rates\n---\n\n## Update — 2026-11-24 13:10 UTC\nStill on it.\n')).toBe(true);
  });

  it('updates maintenance without asking for a next-update promise', async () => {
    await cli(['new', 'maintenance', '--title', 'Database upgrade', '--start', '2026-12-03 02:00 UTC', '--end', '2026-12-03 04:00 UTC', '-c', 'db', '-m', EXPECT]);
    const announced = read('incidents/2026-12-03-database-upgrade.md');
    const r = await cli(['update', '2026-12-03-database-upgrade'], { now: '2026-12-03T02:00:00Z', answers: ['in progress', [], 'The upgrade has started.', true] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Status', 'Also write it in (space to pick, enter when done)', 'Message for customers', 'Write it?']);
    expect(read('incidents/2026-12-03-database-upgrade.md')).toBe(
      announced.replace('---\n\n## Scheduled', '---\n\n## In progress — 2026-12-03 02:00 UTC\nThe upgrade has started.\n\n## Scheduled'),
    );
  });

  it('resolve writes the resolution from the template, with the duration, and keeps the rest', async () => {
    const r = await cli(['resolve', '2026-11-24-api-errors'], { now: '2026-11-24T13:20:00Z' });
    expect(r.code).toBe(0);
    expect(read('incidents/2026-11-24-api-errors.md')).toBe(
      HAND_WRITTEN.replace(
        '## Investigating',
        `## Resolved — 2026-11-24 13:20 UTC
This incident is resolved, and everything affected (the Public API) works normally again. It lasted 1 h 15 min.
We are sorry for the disruption.

## Investigating`,
      ),
    );
    expect(r.out).toContain('Posted at 2026-11-24 13:20 UTC:\n  │ ## Resolved — 2026-11-24 13:20 UTC\n  │ This incident is resolved');
  });

  it('resolve promises a post-mortem only when the responder chooses to', async () => {
    const r = await cli(['resolve', '2026-11-24-api-errors', '--postmortem'], { now: '2026-11-24T13:20:00Z' });
    expect(r.code).toBe(0);
    expect(read('incidents/2026-11-24-api-errors.md')).toContain('We are sorry for the disruption. We will publish a post-mortem explaining what happened and what we will change.\n\n## Investigating');
  });

  it('refuses an update after the resolution, writing nothing', async () => {
    await cli(['resolve', '2026-11-24-api-errors', '-m', 'Fixed.'], { now: '2026-11-24T13:20:00Z' });
    const resolved = read('incidents/2026-11-24-api-errors.md');
    const r = await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'More.'], { now: '2026-11-24T13:40:00Z' });
    expect([r.code, r.err]).toEqual([
      1,
      '2026-11-24-api-errors was resolved at 2026-11-24 13:20 UTC: nothing comes after that. For a new problem, open a new incident (candor new incident); to add an update that was missed, give --at with its time.',
    ]);
    // In a terminal, before any question is asked.
    expect((await cli(['update', '2026-11-24-api-errors'], { now: '2026-11-24T13:40:00Z', answers: [] })).asked).toEqual([]);
    // With --at after the resolution, the check's own rule still refuses it.
    const late = await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'More.', '--at', '2026-11-24 13:30 UTC'], { now: '2026-11-24T13:40:00Z' });
    expect(late.err).toContain('comes after the incident was resolved');
    // A missed update from before the resolution can still be added.
    expect((await cli(['update', '2026-11-24-api-errors', '--status', 'identified', '-m', 'Found it.', '--at', '2026-11-24 12:50 UTC'], { now: '2026-11-24T13:40:00Z' })).code).toBe(0);
    expect(read('incidents/2026-11-24-api-errors.md')).toBe(resolved.replace('## Investigating', '## Identified — 2026-11-24 12:50 UTC\nFound it.\n\n## Investigating'));
  });

  it('writes nothing into a snapshot (site.as_of) that would never show it', async () => {
    const config = join(root, 'candor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^site:\n/m, 'site:\n  as_of: 2026-11-24T12:30Z\n'));
    const before = read('incidents/2026-11-24-api-errors.md');
    const r = await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'Still on it.']);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').at(-2)).toBe('Nothing was written: the site is a snapshot at 2026-11-24 12:30 UTC (site.as_of in candor.config.yaml), so customers would never see this. Remove that line for a live status page, then run the command again.');
    expect(read('incidents/2026-11-24-api-errors.md')).toBe(before);
    // A time within the snapshot is written as usual.
    expect((await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'Earlier.', '--at', '2026-11-24 12:20 UTC'])).code).toBe(0);
  });

  it('says so when the incident does not exist', async () => {
    const r = await cli(['update', 'no-such-thing', '--status', 'update', '-m', 'x']);
    expect([r.code, r.err]).toEqual([1, 'There is no incident "no-such-thing" in incidents/. The id is the file name without .md.']);
    const typo = await cli(['update', '2026-11-24-api-error', '--status', 'update', '-m', 'x']);
    expect(typo.err).toBe('There is no incident "2026-11-24-api-error" in incidents/. Did you mean "2026-11-24-api-errors"? The id is the file name without .md.');
  });
});

describe('candor new maintenance and postmortem', () => {
  it('announces maintenance from the template, once the responder has written what to expect', async () => {
    const args = ['new', 'maintenance', '--title', 'Database upgrade', '--start', '2026-12-03 02:00 UTC', '--end', '2026-12-03 04:00 UTC', '-c', 'db'];
    // By flags alone the template's guidance cannot be filled in: refused, naming what to write.
    const refused = await cli(args);
    expect([refused.code, refused.err]).toEqual([1, 'Nothing was written: the maintenance-announcement template asks you to write {{Describe what customers will notice, and for how long.}}. Give the whole text with --message, use --edit, or run the command in a terminal.']);
    expect(existsSync(join(root, 'incidents/2026-12-03-database-upgrade.md'))).toBe(false);
    // In $EDITOR, the responder replaces the guidance.
    const env = { EDITOR: "sed -i 's/{{Describe what customers will notice, and for how long.}}/The database is read-only for up to 20 minutes./'" };
    const r = await cli([...args, '--edit'], { env });
    expect(r.code).toBe(0);
    expect(read('incidents/2026-12-03-database-upgrade.md')).toBe(`---
title: Database upgrade
scheduled_for: 2026-12-03T02:00Z
scheduled_until: 2026-12-03T04:00Z
components: [db]
---

## Scheduled — 2026-11-24 12:35 UTC
We will carry out planned maintenance on the Database on 2026-12-03 02:00 UTC – 04:00 UTC.

**What to expect:** The database is read-only for up to 20 minutes.

**What you need to do:** nothing. Questions are welcome at our support channels.
`);
    const announced = read('incidents/2026-12-03-database-upgrade.md');
    const done = await cli(['resolve', '2026-12-03-database-upgrade'], { now: '2026-12-03T03:10:00Z' });
    expect(done.code).toBe(0);
    expect(read('incidents/2026-12-03-database-upgrade.md')).toBe(
      announced.replace(
        '---\n\n## Scheduled',
        '---\n\n## Completed — 2026-12-03 03:10 UTC\nThe maintenance is complete, and everything it touched (the Database) works normally. Thank you for your patience.\n\n## Scheduled',
      ),
    );
  });

  it('writes the post-mortem as a draft, and publishes it only once every section is written', async () => {
    await cli(['resolve', '2026-11-24-api-errors', '-m', 'Fixed.'], { now: '2026-11-24T13:20:00Z' });
    const r = await cli(['postmortem', '2026-11-24-api-errors'], { now: '2026-11-25T09:00:00Z' });
    expect(r.code).toBe(0);
    const file = 'incidents/2026-11-24-api-errors.postmortem.md';
    const draft = read(file);
    expect(draft).toBe(`---
# Draft: not published. Write every section, then run "candor postmortem 2026-11-24-api-errors --publish" (or add "published: <time>" here).
---

## Summary
Elevated API error rates began on 2026-11-24 12:05 UTC and lasted 1 h 15 min. {{In two or three sentences: what happened, and who was affected.}}

## Impact
{{Who was affected, how, and whether any data was at risk.}}

## Root cause
{{Why it happened, in plain words.}}

## Resolution
{{How it was fixed.}}

## Prevention
{{What we are changing so that it does not happen again, with dates.}}

## Timeline
- **2026-11-24 12:05 UTC**, Investigating: We are investigating elevated error rates on the API.
- **2026-11-24 13:20 UTC**, Resolved: Fixed.
`);
    // A draft passes the check with a warning, and customers do not see it.
    const checked = await cli(['check'], { now: '2026-11-25T09:00:00Z' });
    expect(checked.code).toBe(0);
    expect(checked.out).toContain(`${file}:2:1: warning: The post-mortem is a draft: customers do not see it, and the incident page does not link to it.`);

    // Publishing refuses the unfilled sections, each at its line.
    const early = await cli(['postmortem', '2026-11-24-api-errors', '--publish'], { now: '2026-11-25T10:00:00Z' });
    expect(early.code).toBe(1);
    expect(early.err).toContain(`Nothing was written: ${file} would not pass the check.`);
    for (const line of [6, 9, 12, 15, 18]) expect(early.err).toContain(`${file}:${line}:`);
    expect(read(file)).toBe(draft);

    writeFileSync(join(root, file), draft.replace(/\{\{[^}]*\}\}/g, 'Written by the team.'));
    const published = await cli(['postmortem', '2026-11-24-api-errors', '--publish'], { now: '2026-11-25T10:00:00Z' });
    expect(published.code).toBe(0);
    expect(read(file).startsWith('---\npublished: 2026-11-25T10:00Z\n---\n\n## Summary\nElevated API error rates began')).toBe(true);
    expect((await cli(['check'], { now: '2026-11-25T10:00:00Z' })).out).not.toContain('warning');
    expect((await cli(['postmortem', '2026-11-24-api-errors'])).err).toContain('already exists');
    expect((await cli(['postmortem', '2026-11-24-api-errors', '--publish'])).err).toBe(`${file} is already published (published: 2026-11-25 10:00 UTC): nothing was written.`);
  });
});

describe('candor preview', () => {
  it('shows the banner, the components and the text that the change brings', async () => {
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    await cli(['new', 'incident', '--title', 'Website down', '-c', 'web=major_outage', '-m', 'The website is down. We are on it.']);
    const r = await cli(['preview']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('**Banner:** Partial System Outage → **Major Service Outage**');
    expect(r.out).toContain('| Website | Operational | **Major outage** |');
    expect(r.out).toContain('#### Website down: Investigating, 2026-11-24 12:35 UTC\n\n> The website is down. We are on it.');
    expect(r.out).not.toContain('Elevated API error rates: Investigating');
    // The fixture site posts to Mastodon and Bluesky: the preview says what each will get.
    expect(r.out).toContain('**Notifications** (pushed once the site is deployed; an edit of a published update pushes nothing):\n\n[Investigating] Website down, 2026-11-24 12:35 UTC:');
    expect(r.out).toContain('- `mastodon-mastodon-token`:\n\n  > [Investigating] Website down\n  > \n  > The website is down. We are on it.\n  > \n  > Affected: Website\n');
    expect(r.out).toContain('- `bluesky-bluesky-app-password`:\n\n  > [Investigating] Website down\n  > \n  > The website is down. We are on it.\n  > \n  > Read more → https://fixture.example/status/incidents/2026-11-24-website-down/#update-2026-11-24-1235');
  });

  it('shows a quiet update as pushed to no channel, and an edit of a published update as pushing nothing', async () => {
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    const quiet = await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'A small correction: reads were never affected.', '--quiet']);
    expect(quiet.code, quiet.err).toBe(0);
    expect(read('incidents/2026-11-24-api-errors.md')).toContain('## Update — 2026-11-24 12:35 UTC\n<!-- candor: quiet -->\nA small correction: reads were never affected.\n');
    const r = await cli(['preview']);
    expect(r.out).toContain('[Update] Elevated API error rates, 2026-11-24 12:35 UTC:\n\n- `mastodon-mastodon-token`: not pushed (posted quietly (<!-- candor: quiet -->))');
    git(root, 'commit', '-qam', 'quiet');
    writeFileSync(join(root, 'incidents/2026-11-24-api-errors.md'), read('incidents/2026-11-24-api-errors.md').replace('Reads are not affected.', 'Reads are fine.'));
    expect((await cli(['preview'])).out).not.toContain('**Notifications**');
  });
});

describe('candor preview of a moved maintenance window', () => {
  it('warns when the window moves without an update, since calendars would not hear of it', async () => {
    await cli(['new', 'maintenance', '--title', 'Database upgrade', '--start', '2026-12-03 02:00 UTC', '--end', '2026-12-03 04:00 UTC', '-c', 'db', '-m', EXPECT]);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    const file = 'incidents/2026-12-03-database-upgrade.md';
    writeFileSync(join(root, file), read(file).replace('2026-12-03T02:00Z', '2026-12-04T02:00Z').replace('2026-12-03T04:00Z', '2026-12-04T04:00Z'));
    const warning = '⚠️ Moves the window of “Database upgrade” without a new update: calendars and feed readers will not hear of it.';
    expect((await cli(['preview'])).out).toContain(warning);

    // An update dated later does not count yet: calendars hear nothing until it is posted.
    const moved = read(file);
    // (The CLI refuses a time in the future; the web editor does not.)
    writeFileSync(join(root, file), moved.replace('---\n\n## Scheduled', '---\n\n## Update — 2026-11-30 09:00 UTC\nMoved.\n\n## Scheduled'));
    const early = await cli(['preview']);
    expect(early.out).toContain('#### Database upgrade: Update, 2026-11-30 09:00 UTC (dated in the future: shown from then on)');
    expect(early.out).toContain(warning);
    writeFileSync(join(root, file), moved);

    await cli(['update', '2026-12-03-database-upgrade', '--status', 'update', '-m', 'Moved by one day, to 2026-12-04 02:00 UTC.'], { now: '2026-11-24T13:00:00Z' });
    const after = await cli(['preview'], { now: '2026-11-24T13:00:00Z' });
    expect(after.out).not.toContain('Moves the window');
    expect(after.out).toContain('Moved by one day');
  });
});

describe('candor --pr', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    // The repository on GitHub already holds the incident, as it would.
    github = await fakeGitHub({ 'incidents/2026-11-24-api-errors.md': HAND_WRITTEN });
  });
  afterEach(() => github.close());

  it('commits the file to a new branch and opens a pull request', async () => {
    const env = { GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'acme/status', GITHUB_API_URL: github.url };
    const r = await cli(['update', '2026-11-24-api-errors', '--status', 'monitoring', '-m', 'Recovering.', '-n', '30', '--pr'], { env });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Opened https://github.com/acme/status/pull/1');
    const branch = 'candor/2026-11-24-api-errors-20261124T1235';
    expect(github.pulls).toEqual([{ number: 1, title: 'Monitoring: Elevated API error rates', head: branch, base: 'main', body: expect.stringContaining('Monitoring: Elevated API error rates') }]);
    expect(github.files.get(branch)?.get('incidents/2026-11-24-api-errors.md')).toBe(read('incidents/2026-11-24-api-errors.md'));
    expect(github.files.get('main')?.get('incidents/2026-11-24-api-errors.md')).toBe(HAND_WRITTEN);
    // An edit of an existing file names the version it replaces, or GitHub refuses it.
    expect(github.requests.find((q) => q.method === 'PUT')?.body).toMatchObject({ branch, sha: 'sha-incidents/2026-11-24-api-errors.md' });
    expect(github.requests.every((q) => q.authorization === 'token test-token')).toBe(true);
    expect(github.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /repos/acme/status',
      'GET /repos/acme/status/git/ref/heads/main',
      'GET /repos/acme/status/contents/incidents/2026-11-24-api-errors.md',
      'POST /repos/acme/status/git/refs',
      'PUT /repos/acme/status/contents/incidents/2026-11-24-api-errors.md',
      'POST /repos/acme/status/pulls',
    ]);
  });

  it('without a token, says what is needed', async () => {
    const r = await cli(['new', 'incident', '--title', 'Slow', '-m', 'Slow.', '--pr'], { env: { GITHUB_REPOSITORY: 'acme/status', GITHUB_API_URL: github.url } });
    expect(r.code).toBe(1);
    expect(r.err).toContain('--pr needs a GitHub token in GITHUB_TOKEN');
    expect(github.requests).toEqual([]);
  });
});
