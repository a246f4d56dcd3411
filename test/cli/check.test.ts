import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONFIG, makeProject, ROOT } from '../helpers/project.ts';

/** Runs `candor check` as a responder would, in a project folder; `later` runs it a year from today. */
function runCheck(cwd: string, env: Record<string, string> = {}, later = false) {
  const r = spawnSync(process.execPath, [...(later ? ['--import', join(ROOT, 'test/helpers/a-year-later.mjs')] : []), join(ROOT, 'src/cli/main.ts'), 'check'], {
    cwd,
    env: { PATH: process.env['PATH'], CANDOR_NOW: '2026-11-24T12:00Z', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the check command', () => {
  it('prints nothing but a success line on the example content, on any day: it is a snapshot (site.as_of)', () => {
    for (const later of [false, true]) {
      const r = runCheck(ROOT, { CANDOR_NOW: '' }, later);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('✓ Checked 10 files: no problems.\n');
      expect(r.code).toBe(0);
    }
    // Without the snapshot, a year on, its promise and its maintenance are long overdue.
    const live = mkdtempSync(join(tmpdir(), 'candor-example-'));
    cpSync(join(ROOT, 'incidents'), join(live, 'incidents'), { recursive: true });
    cpSync(join(ROOT, 'public'), join(live, 'public'), { recursive: true });
    writeFileSync(join(live, 'candor.config.yaml'), readFileSync(join(ROOT, 'candor.config.yaml'), 'utf8').replace(/^  as_of: .*\n/m, ''));
    expect(runCheck(live, { CANDOR_NOW: '' }, true).stdout).toContain('is overdue');
  });

  it('runs through the npm script and the bin', () => {
    const out = execFileSync('npm', ['run', '--silent', 'check'], { cwd: ROOT, env: { ...process.env, CANDOR_NOW: '' }, encoding: 'utf8' });
    expect(out.trim()).toMatch(/^✓ Checked \d+ files: no problems\.$/);
    const bin = spawnSync(process.execPath, [join(ROOT, 'bin/candor.js'), 'check', '--root', ROOT], { env: { CANDOR_NOW: '2026-11-24T12:00Z' }, encoding: 'utf8' });
    expect(bin.stdout).toContain('no problems');
  });

  it('judges a snapshot at its site.as_of, and refuses what it would never show', () => {
    const config = FIXTURE_CONFIG.replace('  url: https://status.example.com\n', '  url: https://status.example.com\n  as_of: 2026-11-20T14:30Z\n');
    const a = '---\ntitle: A\ncomponents:\n  api: major_outage\nnext_update: 2026-11-20T15:00Z\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n';
    // At 14:30 the 15:00 promise still stands, whatever the real date is.
    const quiet = runCheck(makeProject({ 'incidents/a.md': a }, config), { CANDOR_NOW: '' });
    expect([quiet.code, quiet.stdout]).toEqual([0, '✓ Checked 2 files: no problems.\n']);

    const root = makeProject(
      {
        'incidents/a.md': a,
        'incidents/b.md': '---\ntitle: B\ncomponents:\n  web: degraded_performance\n---\n\n## Investigating — 2026-11-21 09:00 UTC\ny\n',
        'incidents/c.md': '---\ntitle: C\ncomponents:\n  web: degraded_performance\n---\n\n## Resolved — 2026-11-20 12:00 UTC\nz\n\n## Investigating — 2026-11-20 11:00 UTC\nz\n',
        'incidents/c.postmortem.md': '---\npublished: 2026-11-22T10:00Z\n---\n\n## Summary\nz\n',
      },
      config,
    );
    const r = runCheck(root, { CANDOR_NOW: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('incidents/b.md:7:1: error: The update "Investigating" is dated 2026-11-21 09:00 UTC, after the moment the site shows (site.as_of: 2026-11-20 14:30 UTC): customers would never see it.\n    fix: Remove site.as_of from candor.config.yaml');
    expect(r.stderr).toContain('incidents/c.postmortem.md:2:1: error: The post-mortem is dated 2026-11-22 10:00 UTC, after the moment the site shows');
    // CANDOR_NOW still wins over site.as_of: a normal build at that time, with warnings only.
    const later = runCheck(root, { CANDOR_NOW: '2026-11-21T12:00Z' });
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('promised for 2026-11-20 15:00 UTC and is overdue');
    expect(later.stdout).toContain('incidents/c.postmortem.md:2:1: warning: The post-mortem is dated 2026-11-22 10:00 UTC, in the future');
  });

  it('lists every error with file, line and fix, and exits 1', () => {
    const root = makeProject({
      'incidents/a.md': '---\ntitle: A\ncomponents:\n  apii: major_outage\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n',
      'incidents/b.md': '',
    });
    const r = runCheck(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('incidents/a.md:4:3: error: Unknown component "apii". Did you mean "api"?\n    fix: Use a component id from candor.config.yaml');
    expect(r.stderr).toContain('incidents/b.md:1:1: error: The file is empty.');
    expect(r.stderr.trim().split('\n').at(-1)).toBe('✗ Checked 3 files: 2 errors, 0 warnings.');
    expect(r.stderr).not.toContain('::error');
  });

  it('warnings alone do not fail', () => {
    const root = makeProject({ 'incidents/a.md': '---\ntitle: A\nnext_update: 2026-11-24T11:00Z\n---\n\n## Investigating — 2026-11-24 10:05 UTC\nx\n' });
    const r = runCheck(root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('incidents/a.md:3:1: warning: The next update was promised');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('✓ Checked 2 files: 0 errors, 1 warning.');
  });

  it('prints GitHub annotations in Actions', () => {
    const root = makeProject({
      'incidents/a.md': '---\ntitle: A\nnext-update: 2026-11-20T16:00Z\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n',
      'incidents/b.md': '---\ntitle: B\nnext_update: 2026-11-24T11:00Z\n---\n\n## Investigating — 2026-11-24 10:05 UTC\nx\n',
    });
    const r = runCheck(root, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines).toContain(
      '::error file=incidents/a.md,line=3,col=1,title=Candor%3A error::Unknown field "next-update". Did you mean "next_update"?%0AFix: Known fields here: title, components, impact, started, next_update, owner, draft. A misspelt field would be ignored, so Candor refuses it.',
    );
    expect(lines.some((l) => l.startsWith('::warning file=incidents/b.md,line=3,col=1,'))).toBe(true);
  });

  it('in Actions, lets no line from a file start a workflow command', () => {
    // A frontmatter key holding line breaks and workflow commands, quoted back by the report.
    const root = makeProject({
      'incidents/a.md': '---\ntitle: A\n"x\\n::add-mask::secret\\n::warning file=x::forged\\n::stop-commands::abc": 1\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n',
    });
    const r = runCheck(root, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    // Our own annotation, then the report between stop-commands and its token: GitHub reads no command in it.
    expect(commands[0]).toMatch(/^::error file=incidents\/a.md,line=3,col=1,title=Candor%3A error::Unknown field "x%0A::add-mask::secret/);
    const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[stop]!.slice('::stop-commands::'.length);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.at(-2)).toBe(`::${token}::`);
    expect(lines.slice(0, stop).filter((l) => l.startsWith('::'))).toEqual([commands[0]]);
    // And the report itself shows the line breaks of the key as escapes: no line of it is a command at all.
    expect(lines.slice(stop + 1, -2).filter((l) => l.startsWith('::'))).toEqual([]);
    expect(r.stderr).toContain('Unknown field "x\\u000a::add-mask::secret\\u000a::warning file=x::forged');
  });

  it('fails clearly on a bad CANDOR_NOW', () => {
    const r = runCheck(ROOT, { CANDOR_NOW: 'tomorrow' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CANDOR_NOW: "tomorrow" is not a date and time');
  });
});
