import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Option, Prompter } from '../../src/cli/prompts.ts';
import { runCli } from '../../src/cli/run.ts';
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

/** Runs the CLI in the temp project at a fixed time; `answers` script the questions it asks. */
async function cli(args: string[], options: { now?: string; env?: Record<string, string>; answers?: unknown[] } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const answers = [...(options.answers ?? [])];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected question: ${message}`);
    return Promise.resolve(answers.shift());
  };
  const prompter: Prompter | undefined = options.answers
    ? {
        text: (o) => next(o.message) as Promise<string>,
        select: <T extends string>(o: { message: string; options: Option<T>[] }) => next(o.message) as Promise<T>,
        multiselect: <T extends string>(o: { message: string; options: Option<T>[] }) => next(o.message) as Promise<T[]>,
        confirm: (o) => next(o.message) as Promise<boolean>,
      }
    : undefined;
  const code = await runCli([...args, '--root', root], {
    root,
    now: new Date(options.now ?? '2026-11-24T12:35:00Z'),
    env: options.env ?? {},
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    prompter,
  });
  return { code, out: out.join('\n'), err: err.join('\n'), asked };
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');

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
We are investigating reports of problems with Public API and Website. We will share more as soon as we know it.
We will post the next update by 13:05 UTC.
`);
    expect((await cli(['check'])).code).toBe(0);
  });

  it('asks what it was not told, with the components from the configuration', async () => {
    const r = await cli(['new', 'incident'], { answers: ['Search is slow', ['search'], 'degraded_performance', 'identified', 'derived', '45'] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Title (what customers notice)', 'Affected components (space to pick, enter when done)', 'How is Search affected?', 'Status', 'Impact', 'Next update in how many minutes? (empty: no promise)']);
    expect(read('incidents/2026-11-24-search-is-slow.md')).toBe(`---
title: Search is slow
components:
  search: degraded_performance
next_update: 2026-11-24T13:20Z
---

## Identified — 2026-11-24 12:35 UTC
We have identified the cause of the problems with Search and are working on a fix.
We will post the next update by 13:20 UTC.
`);
  });

  it('opens $EDITOR before saving when asked, and saves what the editor left', async () => {
    const env = { EDITOR: "sed -i 's/We are investigating reports of problems with Public API/Payments through the API fail/'" };
    const r = await cli(['new', 'incident', '--title', 'Payments failing', '-c', 'api=major_outage', '--edit'], { env });
    expect(r.code).toBe(0);
    expect(read('incidents/2026-11-24-payments-failing.md')).toContain('## Investigating — 2026-11-24 12:35 UTC\nPayments through the API fail. We will share more');
  });

  it('writes an impact chosen at the prompt', async () => {
    const r = await cli(['new', 'incident', '--title', 'Search is slow', '-c', 'search=degraded_performance', '--status', 'investigating', '-n', ''], { answers: ['major'] });
    expect(r.asked).toEqual(['Impact']);
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
    const r = await cli(['new', 'incident', '--title', 'Broken', '-c', 'apii=major_outage', '-m', 'Down.']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Nothing was written: incidents/2026-11-24-broken.md would not pass the check.');
    expect(r.err).toContain('Unknown component "apii". Did you mean "api"?');
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
    await cli(['new', 'maintenance', '--title', 'Database upgrade', '--start', '2026-12-03 02:00 UTC', '--end', '2026-12-03 04:00 UTC', '-c', 'db']);
    const announced = read('incidents/2026-12-03-database-upgrade.md');
    const r = await cli(['update', '2026-12-03-database-upgrade'], { now: '2026-12-03T02:00:00Z', answers: ['in progress', 'The upgrade has started.'] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Status', 'Message for customers']);
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
This incident is resolved, and everything affected (Public API) works normally again. It lasted 1 h 15 min.
We are sorry for the disruption. We will publish a post-mortem explaining what happened and what we will change.

## Investigating`,
      ),
    );
  });

  it('refuses an update after the resolution, writing nothing', async () => {
    await cli(['resolve', '2026-11-24-api-errors', '-m', 'Fixed.'], { now: '2026-11-24T13:20:00Z' });
    const resolved = read('incidents/2026-11-24-api-errors.md');
    const r = await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'More.'], { now: '2026-11-24T13:40:00Z' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('comes after the incident was resolved');
    expect(read('incidents/2026-11-24-api-errors.md')).toBe(resolved);
  });

  it('writes nothing into a snapshot (site.as_of) that would never show it', async () => {
    const config = join(root, 'candor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^site:\n/m, 'site:\n  as_of: 2026-11-24T12:30Z\n'));
    const before = read('incidents/2026-11-24-api-errors.md');
    const r = await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'Still on it.']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('Nothing was written: the site is a snapshot at 2026-11-24 12:30 UTC (site.as_of in candor.config.yaml), so customers would never see this. Remove that line for a live status page, then run the command again.');
    expect(read('incidents/2026-11-24-api-errors.md')).toBe(before);
    // A time within the snapshot is written as usual.
    expect((await cli(['update', '2026-11-24-api-errors', '--status', 'update', '-m', 'Earlier.', '--at', '2026-11-24 12:20 UTC'])).code).toBe(0);
  });

  it('says so when the incident does not exist', async () => {
    const r = await cli(['update', 'no-such-thing', '--status', 'update', '-m', 'x']);
    expect([r.code, r.err]).toEqual([1, 'There is no incident "no-such-thing" in incidents/. The id is the file name without .md.']);
  });
});

describe('candor new maintenance and postmortem', () => {
  it('announces maintenance from the template', async () => {
    const r = await cli(['new', 'maintenance', '--title', 'Database upgrade', '--start', '2026-12-03 02:00 UTC', '--end', '2026-12-03 04:00 UTC', '-c', 'db']);
    expect(r.code).toBe(0);
    expect(read('incidents/2026-12-03-database-upgrade.md')).toBe(`---
title: Database upgrade
scheduled_for: 2026-12-03T02:00Z
scheduled_until: 2026-12-03T04:00Z
components: [db]
---

## Scheduled — 2026-11-24 12:35 UTC
We will carry out planned maintenance on Database on 2026-12-03 02:00 UTC – 04:00 UTC.

**What to expect:** describe what customers will notice, and for how long.

**What you need to do:** nothing. Questions are welcome at our support channels.
`);
    const announced = read('incidents/2026-12-03-database-upgrade.md');
    const done = await cli(['resolve', '2026-12-03-database-upgrade'], { now: '2026-12-03T03:10:00Z' });
    expect(done.code).toBe(0);
    expect(read('incidents/2026-12-03-database-upgrade.md')).toBe(
      announced.replace(
        '---\n\n## Scheduled',
        '---\n\n## Completed — 2026-12-03 03:10 UTC\nThe maintenance is complete, and everything it touched (Database) works normally. Thank you for your patience.\n\n## Scheduled',
      ),
    );
  });

  it('starts the post-mortem with the timeline and duration filled in', async () => {
    await cli(['resolve', '2026-11-24-api-errors', '-m', 'Fixed.'], { now: '2026-11-24T13:20:00Z' });
    const r = await cli(['postmortem', '2026-11-24-api-errors'], { now: '2026-11-25T09:00:00Z' });
    expect(r.code).toBe(0);
    expect(read('incidents/2026-11-24-api-errors.postmortem.md')).toBe(`---
published: 2026-11-25T09:00Z
---

${read('incidents/_templates/postmortem.md')
  .replace('{{title}}', 'Elevated API error rates')
  .replace('{{started}}', '2026-11-24 12:05 UTC')
  .replace('{{duration}}', '1 h 15 min')
  .replace('{{timeline}}', '- **2026-11-24 12:05 UTC**, Investigating: We are investigating elevated error rates on the API.\n- **2026-11-24 13:20 UTC**, Resolved: Fixed.')}`);
    expect((await cli(['check'], { now: '2026-11-25T09:00:00Z' })).code).toBe(0);
    expect((await cli(['postmortem', '2026-11-24-api-errors'])).err).toContain('already exists');
  });
});

describe('candor preview', () => {
  it('shows the banner, the components and the text that the change brings', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    await cli(['new', 'incident', '--title', 'Website down', '-c', 'web=major_outage', '-m', 'The website is down. We are on it.']);
    const r = await cli(['preview']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('**Banner:** Partial System Outage → **Major Service Outage**');
    expect(r.out).toContain('| Website | Operational | **Major outage** |');
    expect(r.out).toContain('#### Website down: Investigating, 2026-11-24 12:35 UTC\n\n> The website is down. We are on it.');
    expect(r.out).not.toContain('Elevated API error rates: Investigating');
  });
});

describe('candor preview of a moved maintenance window', () => {
  it('warns when the window moves without an update, since calendars would not hear of it', async () => {
    await cli(['new', 'maintenance', '--title', 'Database upgrade', '--start', '2026-12-03 02:00 UTC', '--end', '2026-12-03 04:00 UTC', '-c', 'db']);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const file = 'incidents/2026-12-03-database-upgrade.md';
    writeFileSync(join(root, file), read(file).replace('2026-12-03T02:00Z', '2026-12-04T02:00Z').replace('2026-12-03T04:00Z', '2026-12-04T04:00Z'));
    const warning = '⚠️ Moves the window of “Database upgrade” without a new update: calendars and feed readers will not hear of it.';
    expect((await cli(['preview'])).out).toContain(warning);

    // An update dated later does not count yet: calendars hear nothing until it is posted.
    const moved = read(file);
    await cli(['update', '2026-12-03-database-upgrade', '--status', 'update', '-m', 'Moved.', '--at', '2026-11-30 09:00 UTC']);
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
    const r = await cli(['update', '2026-11-24-api-errors', '--status', 'monitoring', '-m', 'Recovering.', '--pr'], { env });
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
      'POST /repos/acme/status/git/refs',
      'GET /repos/acme/status/contents/incidents/2026-11-24-api-errors.md',
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
