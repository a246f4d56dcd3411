import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/core/load.ts';
import { FIXTURE_CONFIG, load, makeProject } from '../helpers/project.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'malformed');
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, [number, number, string]>;
const fine = '---\ntitle: Fine\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nAll good.\n';

describe('the corpus of malformed input', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'README.md');

  it('has an expected error for every file', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s: a located error with a fix, and the other files still checked', (name) => {
    const { project, problems } = load({ [`incidents/${name.replace(/\.md$/, '')}.md`]: readFileSync(join(CORPUS, name), 'utf8'), 'incidents/other.md': fine.replace('title: Fine', 'title: "{{title}}"') });
    expect(project).toBeUndefined();
    const [line, column, message] = expected[name]!;
    const mine = problems.errors.filter((e) => e.file !== 'incidents/other.md');
    expect(mine[0], JSON.stringify(problems.errors, null, 2)).toMatchObject({ line, column });
    expect(mine[0]!.message.startsWith(message), mine[0]!.message).toBe(true);
    for (const e of problems.errors) expect(e.hint.length).toBeGreaterThan(10);
    // One bad file never hides another's problems.
    expect(problems.errors.some((e) => e.file === 'incidents/other.md')).toBe(true);
  });
});

describe('files that are not what they seem', () => {
  it('a project with no incidents/ yet, named by a relative path or through a link, has no problem', () => {
    const root = makeProject({});
    rmSync(join(root, 'incidents'), { recursive: true, force: true });
    const link = `${root}-link`;
    symlinkSync(root, link);
    for (const named of [relative(process.cwd(), root), link]) {
      const { project, problems } = loadProject(named, new Date('2026-11-24T12:00Z'));
      expect(problems.list, named).toEqual([]);
      expect(project?.entries).toEqual([]);
    }
  });

  it('an incidents/ that is a link to itself is said, not taken for a project with no incidents yet', () => {
    const root = makeProject({});
    rmSync(join(root, 'incidents'), { recursive: true, force: true });
    symlinkSync('incidents', join(root, 'incidents'));
    const { project, problems } = loadProject(root, new Date('2026-11-24T12:00Z'));
    expect(project).toBeUndefined();
    expect(problems.errors.map((e) => [e.file, e.message])).toEqual([['incidents', 'incidents is a link that leads back to itself.']]);
  });

  it('links that lead nowhere, in a circle, or outside the project are located errors; the same file twice is one', () => {
    const root = makeProject({ 'incidents/fine.md': fine });
    const dir = join(root, 'incidents');
    symlinkSync('/nonexistent/file.md', join(dir, 'dangling.md'));
    symlinkSync('loop.md', join(dir, 'loop.md'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.md'));
    symlinkSync('/proc', join(dir, 'proc'));
    symlinkSync('fine.md', join(dir, 'fine-again.md'));
    const { project, problems } = loadProject(root, new Date('2026-11-24T12:00Z'));
    expect(project).toBeUndefined();
    expect(problems.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['incidents/dangling.md', 1, 'A link that leads to nothing: its target does not exist.'],
      ['incidents/fine.md', 1, 'The same file as incidents/fine-again.md, reached under another name.'],
      ['incidents/loop.md', 1, 'A link that leads to itself, in a circle.'],
      ['incidents/passwd.md', 1, 'A link that leads outside the project: Candor reads only what the repository holds.'],
      ['incidents/proc', 1, 'A link that leads outside the project: Candor reads only what the repository holds.'],
    ]);
  });

  it('the configuration too is read only from the repository', () => {
    const outside = makeProject({});
    const root = makeProject({ 'incidents/fine.md': fine }, null);
    symlinkSync(join(outside, 'candor.config.yaml'), join(root, 'candor.config.yaml'));
    expect(loadProject(root, new Date()).problems.errors.map((e) => [e.file, e.message])).toEqual([['candor.config.yaml', 'A link that leads outside the project: Candor reads only what the repository holds.']]);
  });

  it('C1 controls and bidi overrides are refused too, and file names are shown with their control characters escaped', () => {
    const { problems } = load({ 'incidents/a.md': fine.replace('All good.', 'Pay\u0085ments \u202Eevil \u009B31m') });
    expect(problems.errors.map((e) => [e.line, e.column, e.message])).toEqual([[6, 4, 'A control character (U+0085) that cannot be shown: feeds would be unreadable.']]);
    const { formatProblem } = require('../../src/core/problems.ts') as typeof import('../../src/core/problems.ts');
    const named = load({ 'incidents/a\u0001b.md': fine });
    expect(formatProblem(named.problems.errors[0]!)).toMatch(/^incidents\/a\\u0001b\.md:1:1: error: "a\\u0001b" is not a valid incident id/);
  });

  it('a folder linked back into incidents/ is read once', () => {
    const root = makeProject({ 'incidents/fine.md': fine });
    symlinkSync('.', join(root, 'incidents/again'));
    const { project, problems } = loadProject(root, new Date('2026-11-24T12:00Z'));
    expect(problems.errors).toEqual([]);
    expect(project!.entries.map((e) => e.id)).toEqual(['fine']);
  });

  it('a link inside the project is read like the file', () => {
    const root = makeProject({ 'archive/2025-old.md': fine });
    symlinkSync(join(root, 'archive/2025-old.md'), join(root, 'incidents/2025-old.md'));
    const { project, problems } = loadProject(root, new Date('2026-11-24T12:00Z'));
    expect(problems.errors).toEqual([]);
    expect(project!.entries.map((e) => e.id)).toEqual(['2025-old']);
  });

  it('incidents being a file, a file too large, and an issue form that is a folder', () => {
    const root = makeProject({});
    const { rmSync } = require('node:fs') as typeof import('node:fs');
    rmSync(join(root, 'incidents'), { recursive: true });
    writeFileSync(join(root, 'incidents'), 'not a folder');
    expect(loadProject(root, new Date()).problems.errors.map((e) => [e.file, e.message])).toEqual([['incidents', 'incidents is a file, not a folder of incidents.']]);

    const big = makeProject({ 'incidents/big.md': `${fine}${'x'.repeat(1_100_000)}\n` });
    expect(loadProject(big, new Date()).problems.errors.map((e) => e.message)).toEqual(['The file is 1100 KB; Candor reads files of up to 300 KB.']);

    const form = makeProject({ 'incidents/fine.md': fine });
    mkdirSync(join(form, '.github/ISSUE_TEMPLATE/incident-report.yml'), { recursive: true });
    const r = loadProject(form, new Date('2026-11-24T12:00Z'));
    expect(r.project).toBeDefined();
    expect(r.problems.warnings.map((w) => w.message)).toEqual(['The issue form cannot be read (EISDIR).']);
  });

  it('an alias bomb in the configuration is a located error', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)];
    const root = makeProject({ 'incidents/fine.md': fine }, `${FIXTURE_CONFIG}bomb:\n${bomb.map((l) => `  ${l}`).join('\n')}\n`);
    const errors = loadProject(root, new Date()).problems.errors;
    expect(errors.map((e) => [e.file, e.message])).toEqual([['candor.config.yaml', 'The configuration is not valid YAML: Excessive alias count indicates a resource exhaustion attack.']]);
    expect(errors[0]!.line).toBeGreaterThan(20);
  });
});

describe('titles and headings mean what they say', () => {
  it('a title cut short by a YAML comment gets a warning with the fix', () => {
    const { problems } = load({ 'incidents/a.md': fine.replace('title: Fine', 'title: Payments failing #EU-42') });
    expect(problems.warnings.map((w) => [w.line, w.message, w.hint])).toEqual([
      [2, 'The title stops before "#EU-42": YAML reads " #…" as a comment, so customers see "Payments failing".', 'Put the whole title in quotes: title: "Payments failing #EU-42".'],
    ]);
  });

  it.each(['—', '–', '-', '--', '|', '·', '\u2212', '\u2012', '\u2015', '\uFF0D', '\u2010', '\uFE58'])('accepts %j between the status word and the time', (dash) => {
    const { project, problems } = load({ 'incidents/a.md': fine.replace('## Investigating — ', `## Investigating ${dash} `) });
    expect(problems.errors).toEqual([]);
    expect(project!.entries[0]!.updates[0]!.at.toISOString()).toBe('2026-11-20T14:05:00.000Z');
  });
});

describe('URLs and names in the configuration mean what they say', () => {
  const withSite = (lines: string) => FIXTURE_CONFIG.replace('site:\n  name: Example\n  url: https://status.example.com\n', `site:\n  name: Example\n${lines}`);
  const errorsOf = (configText: string, files: Record<string, string> = {}) =>
    loadProject(makeProject({ 'incidents/fine.md': fine, ...files }, configText), new Date('2026-11-24T12:00Z')).problems.errors.map((e) => [e.line, e.message, e.hint]);

  it.each([
    ['  url: https://acme.github.io/status\n', 'site.url: has a path (/status).', 'Write the address in site.url (https://acme.github.io) and the path in site.base: base: /status.'],
    ['  url: https://user:secret@status.example.com\n', 'site.url: holds a user name or password.', 'Write only the address, such as https://status.example.com.'],
    ['  url: https://status.example.com/?utm=x\n', 'site.url: has a query or fragment.', 'Write only the address, such as https://status.example.com.'],
    ['  url: https://status.example.com\n  base: /status/../..\n', 'site.base: climbs out of the site with "." or "..".', 'Write the path the site is served under, such as "/status".'],
    ['  url: https://status.example.com\n  domain: https://status.example.com/\n', 'site.domain: must be a bare host name in lowercase, such as status.example.com (no https://, path or port).', 'Change site.domain to a valid value.'],
  ])('%j', (lines, message, hint) => {
    const [error] = errorsOf(withSite(lines));
    expect(error!.slice(1)).toEqual([message, hint]);
  });

  it('site.domain must be the host of site.url, and site.logo a file under public/', () => {
    expect(errorsOf(withSite('  url: https://status.example.com\n  domain: status.other.com\n'))).toEqual([
      [4, 'site.domain (status.other.com) is not the host of site.url (https://status.example.com).', 'Make them the same site: domain: status.example.com, or change site.url.'],
    ]);
    expect(errorsOf(withSite('  url: https://status.example.com\n  logo: /logo.svg\n')).map((e) => e[1])).toEqual(['site.logo (/logo.svg) is not a file under public/.']);
    expect(errorsOf(withSite('  url: https://status.example.com\n  logo: /logo.svg\n'), { 'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' })).toEqual([]);
  });

  it('support links are read as a browser would', () => {
    const support = (url: string) => errorsOf(`${FIXTURE_CONFIG}support:\n  - label: Help\n    url: "${url}"\n`).map((e) => e[1]);
    for (const good of ['HTTPS://help.example.com', 'mailto:support@example.com', 'tel:+15551234567']) expect(support(good)).toEqual([]);
    for (const bad of ['https:javascript:alert(1)', 'https://help.example.com/a b', 'javascript:alert(1)', 'https://', 'ftp://files.example.com']) {
      expect(support(bad)).toEqual(['support.0.url: must be a web, mail or phone link without spaces.']);
    }
  });
});
