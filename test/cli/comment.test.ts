import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { COMMENT_MARKER } from '../../src/github/comment.ts';
import { fakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { ROOT } from '../helpers/project.ts';

let root: string;
let base: string;
let github: FakeGitHub;
let summary: string;

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).trim();

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'candor-pr-'));
  cpSync(join(ROOT, 'test/fixtures/site/candor.config.yaml'), join(root, 'candor.config.yaml'));
  cpSync(join(ROOT, 'test/fixtures/site/incidents/2026-11-20-search-outage.md'), join(root, 'incidents/2026-11-20-search-outage.md'));
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  base = git('rev-parse', 'HEAD');
  github = await fakeGitHub();
  summary = join(root, 'summary.md');
  writeFileSync(summary, '');
});
afterEach(() => github.close());

async function comment(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['comment', '--base', base, '--pr-number', '7', '--root', root], {
    root,
    now: new Date('2026-11-24T12:00:00Z'),
    env: { GITHUB_TOKEN: 'gh-token', GITHUB_REPOSITORY: 'acme/status', GITHUB_API_URL: github.url, GITHUB_STEP_SUMMARY: summary, ...env },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const incident = (status: string, time: string) =>
  `---\ntitle: Website down\ncomponents:\n  web: major_outage\n---\n\n## ${status} — ${time}\nThe website is down; we are on it.\n`;

describe('the pull-request comment', () => {
  it('is created once, then updated in place on the next push', async () => {
    // A reviewer quoting the bot's comment must not have their comment overwritten.
    github.comments.push({ id: 1, issue: 7, body: `> ${COMMENT_MARKER}\n> quoted`, user: { login: 'reviewer', type: 'User' } });
    writeFileSync(join(root, 'incidents/2026-11-24-web.md'), incident('Investigating', '2026-11-24 11:50 UTC'));
    const first = await comment();
    expect(first).toMatchObject({ code: 0, out: 'Posted the preview comment on #7.' });
    const bot = () => github.comments.filter((c) => c.user.type === 'Bot');
    expect(bot()).toHaveLength(1);
    expect(bot()[0]!.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(bot()[0]!.body).toContain('**Banner:** All Systems Operational → **Major Service Outage**');
    expect(bot()[0]!.body).toContain('| Website | Operational | **Major outage** |');

    writeFileSync(join(root, 'incidents/2026-11-24-web.md'), incident('Identified', '2026-11-24 11:55 UTC'));
    const second = await comment();
    expect(second).toMatchObject({ code: 0, out: 'Updated the preview comment on #7.' });
    expect(bot()).toHaveLength(1);
    expect(bot()[0]!.body).toContain('#### Website down: Identified, 2026-11-24 11:55 UTC');
    expect(github.comments.find((c) => c.id === 1)!.body).toBe(`> ${COMMENT_MARKER}\n> quoted`);
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/status/issues/7/comments',
      'POST /repos/acme/status/issues/7/comments',
      'GET /repos/acme/status/issues/7/comments',
      `PATCH /repos/acme/status/issues/comments/${bot()[0]!.id}`,
    ]);
    expect(readFileSync(summary, 'utf8')).toContain('#### Website down: Identified');
  });

  it('reports a 403 (a fork has a read-only token) without failing, and keeps the preview in the job summary', async () => {
    github.forbidComments = true;
    writeFileSync(join(root, 'incidents/2026-11-24-web.md'), incident('Investigating', '2026-11-24 11:50 UTC'));
    const r = await comment();
    expect(r.code).toBe(0);
    expect(r.err).toContain('GitHub refused the comment (403)');
    expect(readFileSync(summary, 'utf8')).toContain('Major Service Outage');
  });

  it('relays no @mention and no raw HTML from the pull request', async () => {
    writeFileSync(join(root, 'incidents/2026-11-24-web.md'), incident('Investigating', '2026-11-24 11:50 UTC').replace('The website is down; we are on it.', 'Thanks @octocat and @acme/oncall. <details open><summary>x</summary></details>'));
    expect((await comment()).code).toBe(0);
    const body = github.comments[0]!.body;
    expect(body).toContain('> Thanks @\u2060octocat and @\u2060acme/oncall. &lt;details open>&lt;summary>x&lt;/summary>&lt;/details>');
    expect(body).not.toMatch(/@(octocat|acme)/);
    expect(body.replace(COMMENT_MARKER, '')).not.toContain('<');
    expect(readFileSync(summary, 'utf8')).not.toContain('<details');
  });

  it('in the pull request run, saves the preview for the trusted workflow, which posts it as data', async () => {
    writeFileSync(join(root, 'incidents/2026-11-24-web.md'), incident('Investigating', '2026-11-24 11:50 UTC').replace('we are on it.', 'we are on it, @octocat.'));
    const saved = join(root, 'preview');
    // The pull request's own run has no token: it only saves.
    const out: string[] = [];
    const code = await runCli(['comment', '--base', base, '--pr-number', '7', '--save', saved, '--root', root], { root, now: new Date('2026-11-24T12:00:00Z'), env: { GITHUB_STEP_SUMMARY: summary }, out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(0);
    expect(github.requests).toEqual([]);
    expect(readFileSync(join(saved, 'pr-number'), 'utf8')).toBe('7');
    expect(readFileSync(join(saved, 'comment.md'), 'utf8')).toContain('we are on it, @\u2060octocat.');

    const post = (folder: string, sha: string) =>
      runCli(['comment', '--from', folder, '--head-sha', sha, '--root', root], { root, now: new Date(), env: { GITHUB_TOKEN: 'gh-token', GITHUB_REPOSITORY: 'acme/status', GITHUB_API_URL: github.url }, out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(await post(saved, 'head-of-7')).toBe(0);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toBe(`${COMMENT_MARKER}\n${readFileSync(join(saved, 'comment.md'), 'utf8')}`);

    // A saved preview is data: a run of another commit, a number that is not one, or raw text, get nowhere.
    expect(await post(saved, 'some-other-sha')).toBe(1);
    expect(out.at(-1)).toBe('Pull request #7 is not at some-other-sha (its head is head-of-7): nothing was posted.');
    writeFileSync(join(saved, 'pr-number'), '7 && curl evil');
    expect(await post(saved, 'head-of-7')).toBe(1);
    writeFileSync(join(saved, 'pr-number'), '8');
    writeFileSync(join(saved, 'comment.md'), 'Hi @everyone <img src=x onerror=alert(1)>');
    expect(await post(saved, 'head-of-8')).toBe(0);
    expect(github.comments.find((c) => c.issue === 8)!.body).toBe(`${COMMENT_MARKER}\nHi @\u2060everyone &lt;img src=x onerror=alert(1)>`);
  });

  it('lists the problems when the change does not pass the check, and fails', async () => {
    writeFileSync(join(root, 'incidents/2026-11-24-web.md'), incident('Investigating', '2026-11-24 11:50 UTC').replace('web: major_outage', 'webb: major_outage'));
    const r = await comment();
    expect(r.code).toBe(1);
    expect(github.comments[0]!.body).toContain('### This change does not pass the check');
    expect(github.comments[0]!.body).toContain('`incidents/2026-11-24-web.md:4` Unknown component "webb". Did you mean "web"?');
  });
});
