import { describe, expect, it } from 'vitest';
import { type Problem, sortProblems } from '../../src/core/problems.ts';
import { load } from '../helpers/project.ts';

const valid = (title = 'Fine') => `---\ntitle: ${title}\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n`;

/** Loads a project with the files; expects no project and exactly the errors it lists. */
function errorsOf(files: Record<string, string | Uint8Array>): Problem[] {
  const { project, problems } = load(files);
  expect(project).toBeUndefined();
  return problems.errors;
}

function onlyError(files: Record<string, string | Uint8Array>): Problem {
  const errors = errorsOf(files);
  expect(errors, JSON.stringify(errors, null, 2)).toHaveLength(1);
  return errors[0]!;
}

describe('bad input gets an error naming the file, the line and the fix', () => {
  it('an unknown component id, with the nearest known one', () => {
    const e = onlyError({
      'incidents/a.md': '---\ntitle: A\ncomponents:\n  api: partial_outage\n  serach: major_outage\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n',
    });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 5, column: 3 });
    expect(e.message).toBe('Unknown component "serach". Did you mean "search"?');
    expect(e.hint).toContain('api, web, database, search, email');
  });

  it('an unknown component in a maintenance list', () => {
    const e = onlyError({
      'incidents/m.md': '---\ntitle: M\nscheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z\ncomponents: [api, db]\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nx\n',
    });
    expect(e).toMatchObject({ file: 'incidents/m.md', line: 5, column: 19 });
    expect(e.message).toContain('Unknown component "db"');
    expect(e.hint).toBe('Use a component id from candor.config.yaml: api, web, database, search, email.');
  });

  it('an unknown status word in a heading', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n\n## Investigatng — 2026-11-20 14:05 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 5, column: 1 });
    expect(e.message).toContain('Unknown incident status "Investigatng"');
    expect(e.message).toContain('Did you mean "Investigating"?');
    expect(e.hint).toContain('Investigating, Identified, Monitoring, Update, Resolved');
  });

  it('an unknown component status word in the frontmatter', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\ncomponents:\n  api: down\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 4, column: 8 });
    expect(e.message).toContain('"down" is not allowed for components.api');
    expect(e.hint).toBe('Use one of: degraded_performance, partial_outage, major_outage.');
  });

  it('a maintenance status word in an incident says how to make it maintenance', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n\n## Scheduled — 2026-11-20 14:05 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 5, column: 1 });
    expect(e.hint).toContain('scheduled_for and scheduled_until');
  });

  it('an update heading without a time', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n\n## Identified\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 5, column: 1 });
    expect(e.message).toBe('The update "## Identified" has no time.');
    expect(e.hint).toContain('Identified — 2026-11-20 14:30 UTC');
  });

  it('an update heading with an impossible date', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n\n## Identified — 2026-02-30 14:05 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 5, column: 1 });
    expect(e.message).toContain('2026-02 has no day 30');
    expect(e.hint).toContain('Write it like 2026-11-20 14:05 UTC');
  });

  it('text before the first update', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n\nWe are looking into it.\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 5, column: 1 });
    expect(e.message).toBe('Text before the first update.');
    expect(e.hint).toContain('start it with a heading such as "## Investigating — 2026-11-20 14:05 UTC"');
  });

  it('a level-2 heading that is not an update', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n\n## What we know so far\ny\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 8, column: 1 });
    expect(e.message).toContain('"## What we know so far" is not an update');
    expect(e.hint).toContain('Use ### for headings inside an update');
  });

  it('scheduled_until before scheduled_for', () => {
    const e = onlyError({
      'incidents/m.md': '---\ntitle: M\nscheduled_for: 2026-12-01T04:00Z\nscheduled_until: 2026-12-01T02:00Z\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nx\n',
    });
    expect(e).toMatchObject({ file: 'incidents/m.md', line: 4, column: 18 });
    expect(e.message).toContain('scheduled_until (2026-12-01 02:00 UTC) is not after scheduled_for (2026-12-01 04:00 UTC)');
    expect(e.hint).toContain('check the date, the hour and the zone of both');
  });

  it('maintenance without scheduled_until', () => {
    const e = onlyError({ 'incidents/m.md': '---\ntitle: M\nscheduled_for: 2026-12-01T04:00Z\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/m.md', line: 2, column: 1 });
    expect(e.message).toBe('Missing required field "scheduled_until".');
    expect(e.hint).toBe('Add "scheduled_until:" with a value.');
  });

  it('frontmatter that is not valid YAML', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\ncomponents:\n  api: partial_outage\n   web: major_outage\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n' });
    // Over-indented, line 5 continues the value "partial_outage" as a key over two lines: YAML reports where that key starts.
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 4, column: 8 });
    expect(e.message).toMatch(/^The frontmatter is not valid YAML: /);
    expect(e.hint).toContain('Check indentation');
  });

  it('frontmatter that is never closed', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 1, message: 'The frontmatter is never closed.' });
    expect(e.hint).toContain('a line holding only "---"');
  });

  it('a misspelt field, which would silently drop a promise, with the nearest name', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\nnext-update: 2026-11-20T16:00Z\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 3, column: 1 });
    expect(e.message).toBe('Unknown field "next-update". Did you mean "next_update"?');
    expect(e.hint).toContain('Known fields here: title, components, impact, started, next_update, owner, draft.');
  });

  it('a duplicate id: the same file name in two folders', () => {
    const e = onlyError({ 'incidents/2026/outage.md': valid(), 'incidents/archive/outage.md': valid() });
    expect(e.message).toBe('The id "outage" is used twice: incidents/2026/outage.md and incidents/archive/outage.md.');
    expect(e).toMatchObject({ file: 'incidents/archive/outage.md', line: 1, column: 1 });
    expect(e.hint).toContain('rename one of them');
  });

  it('an update after Resolved', () => {
    const e = onlyError({
      'incidents/a.md': '---\ntitle: A\n---\n\n## Update — 2026-11-20 16:00 UTC\nStill here.\n\n## Resolved — 2026-11-20 15:00 UTC\nDone.\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n',
    });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 5, column: 1 });
    expect(e.message).toContain('comes after the incident was resolved at 2026-11-20 15:00 UTC (line 8)');
    expect(e.hint).toContain('move the Resolved update to the newest time');
  });

  it('an update after maintenance was completed', () => {
    const e = onlyError({
      'incidents/m.md': '---\ntitle: M\nscheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z\n---\n\n## Completed — 2026-12-01 03:00 UTC\nDone.\n\n## Update — 2026-12-01 03:30 UTC\nOops.\n\n## Scheduled — 2026-11-20 09:00 UTC\nx\n',
    });
    expect(e).toMatchObject({ file: 'incidents/m.md', line: 10, column: 1 });
    expect(e.message).toContain('after the maintenance was completed');
    expect(e.hint).toBe('Maintenance ends at its Completed update: make it the newest update, or remove it.');
  });

  it('two updates at the same time', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n\n## Identified — 2026-11-20 14:05 UTC\ny\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 8, column: 1 });
    expect(e.message).toContain('Two updates have the same time, 2026-11-20 14:05 UTC (lines 5 and 8)');
    expect(e.hint).toContain('Give each update its own time');
  });

  it('a post-mortem with no incident', () => {
    const e = onlyError({ 'incidents/gone.postmortem.md': '---\npublished: 2026-11-21T10:00Z\n---\n\n## Summary\nx\n' });
    expect(e).toMatchObject({ file: 'incidents/gone.postmortem.md', line: 1, column: 1 });
    expect(e.message).toBe('The post-mortem has no incident: there is no incidents/gone.md.');
    expect(e.hint).toContain('<incident-id>.postmortem.md');
  });

  it('a post-mortem too long for its page once compressed, though within its characters (Chinese compresses less than English)', () => {
    let s = 1;
    // Varied characters of the CJK block, in paragraphs within their limit.
    const han = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + ((s = (s * 48271) % 2147483647) % 3000))).join('');
    const text = Array.from({ length: 17 }, () => han(2_800)).join('\n\n');
    const e = onlyError({ 'incidents/a.md': valid(), 'incidents/a.postmortem.md': `---\npublished: 2026-11-21T10:00Z\n---\n\n## Summary\n${text}\n` });
    expect(e).toMatchObject({ file: 'incidents/a.postmortem.md', line: 5, column: 1 });
    expect(e.message).toMatch(/^This post-mortem is \d+ KB compressed; its page holds at most 42 KB of it\.$/);
    expect(e.hint).toContain('link to a longer document');
  });

  it('an empty file', () => {
    const e = onlyError({ 'incidents/empty.md': '' });
    expect(e).toMatchObject({ file: 'incidents/empty.md', line: 1, message: 'The file is empty.' });
    expect(e.hint).toContain('Start it with frontmatter');
  });

  it('empty frontmatter, which must never drop the file silently', () => {
    for (const text of ['---\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n', '---\n# just a comment\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n']) {
      const e = onlyError({ 'incidents/a.md': text });
      expect(e).toMatchObject({ file: 'incidents/a.md', line: 2, message: 'The frontmatter is empty.' });
      expect(e.hint).toContain('Write "title:"');
    }
  });

  it('a status word that only exists on every JavaScript object', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n\n## Constructor — 2026-11-20 15:00 UTC\nx\n\n## Investigating — 2026-11-20 14:05 UTC\ny\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 5, column: 1 });
    expect(e.message).toContain('Unknown incident status "Constructor"');
    expect(e.hint).toContain('Status words: Investigating, Identified, Monitoring, Update, Resolved.');
  });

  it('an id that the API needs for itself', () => {
    const e = onlyError({ 'incidents/unresolved.md': valid() });
    expect(e).toMatchObject({ file: 'incidents/unresolved.md', line: 1, column: 1 });
    expect(e.message).toBe('"unresolved" cannot be an incident id: the API uses that name.');
    expect(e.hint).toContain('"unresolved-incident.md"');
  });

  it('a file with frontmatter but no update', () => {
    const e = onlyError({ 'incidents/a.md': '---\ntitle: A\n---\n' });
    expect(e).toMatchObject({ file: 'incidents/a.md', line: 4 });
    expect(e.message).toBe('The incident has no update.');
    expect(e.hint).toContain('Add at least one update below the frontmatter');
  });

  it('a non-Markdown file in incidents/', () => {
    const e = onlyError({ 'incidents/notes.txt': 'remember to update the page' });
    expect(e).toMatchObject({ file: 'incidents/notes.txt', line: 1, column: 1 });
    expect(e.message).toContain('"notes.txt" is not a Markdown file');
    expect(e.hint).toContain('start its name with "_"');
  });

  it('a file name that is not a valid id', () => {
    const e = onlyError({ 'incidents/API Outage.md': valid() });
    expect(e).toMatchObject({ file: 'incidents/API Outage.md', line: 1, column: 1 });
    expect(e.message).toContain('"API Outage" is not a valid incident id');
    expect(e.hint).toContain('"api-outage.md"');
  });

  it('invalid UTF-8, with the line and column of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n')]);
    const e = onlyError({ 'incidents/latin1.md': bytes });
    expect(e).toMatchObject({ file: 'incidents/latin1.md', line: 2, column: 11, message: 'The file is not valid UTF-8 text.' });
    expect(e.hint).toContain('Save it as UTF-8');
  });

  it('reports every problem of every file in one run', () => {
    const errors = errorsOf({
      'incidents/a.md': '---\ntitle: A\nnext-update: 2026-11-20T16:00Z\ncomponents:\n  apii: major_outage\n---\n\nIntro.\n\n## Identified\nx\n\n## Investigatng — 2026-11-20 14:05 UTC\ny\n',
      'incidents/empty.md': '',
      'incidents/b.txt': 'x',
    });
    expect(sortProblems(errors).map((e) => [`${e.file}:${e.line}:${e.column ?? ''}`, e.hint])).toEqual([
      ['incidents/a.md:3:1', expect.stringContaining('Known fields here')],
      ['incidents/a.md:5:3', expect.stringContaining('Use a component id')],
      ['incidents/a.md:8:1', expect.stringContaining('Every part of the body belongs to an update')],
      ['incidents/a.md:10:1', expect.stringContaining('Add the time after a dash')],
      ['incidents/a.md:13:1', expect.stringContaining('Status words:')],
      ['incidents/b.txt:1:1', expect.stringContaining('Move it out of incidents/')],
      ['incidents/empty.md:1:1', expect.stringContaining('Start it with frontmatter')],
    ]);
  });

  it('skips files and folders starting with "_", and dotfiles, and reads sub-folders', () => {
    const { project, problems } = load({
      'incidents/_templates/acknowledge.md': 'not an incident: {{components}}',
      'incidents/_notes.txt': 'x',
      'incidents/.gitkeep': '',
      'incidents/2025/old.md': valid('Old'),
      'incidents/new.md': valid('New'),
    });
    expect(problems.list).toEqual([]);
    expect(project?.entries.map((e) => e.id).sort()).toEqual(['new', 'old']);
  });
});

describe('a broken configuration names the field', () => {
  const configErrors = (text: string) => {
    const { project, problems } = loadWithConfig(text);
    expect(project).toBeUndefined();
    return problems.errors;
  };
  const loadWithConfig = (text: string) => load({}, undefined, text);

  it('an unknown field, with the nearest name and its line', () => {
    const [e] = configErrors('site:\n  name: X\n  url: https://status.example.com\n  timezone: UTC\ncomponents:\n  - id: api\n    name: API\n');
    expect(e).toMatchObject({ file: 'candor.config.yaml', line: 4, column: 3, message: 'Unknown field "site.timezone". Did you mean "time_zone"?' });
    expect(e!.hint).toContain('Known fields here: name, url, base');
  });

  it('a missing field', () => {
    const [e] = configErrors('site:\n  name: X\ncomponents:\n  - id: api\n    name: API\n');
    expect(e).toMatchObject({ file: 'candor.config.yaml', line: 2, column: 3, message: 'Missing required field "site.url".' });
    expect(e!.hint).toBe('Add "url:" with a value.');
  });

  it('a bad time zone, component id and group reference', () => {
    const errors = configErrors(
      'site:\n  name: X\n  url: https://status.example.com\n  time_zone: Mars/Olympus\ncomponents:\n  - id: API\n    name: API\n  - id: web\n    name: Web\n    group: front\n',
    );
    expect(errors.map((e) => [e.file, e.line, e.column])).toEqual([
      ['candor.config.yaml', 4, 14],
      ['candor.config.yaml', 6, 9],
    ]);
    expect(errors[0]!.message).toContain('site.time_zone');
    expect(errors[0]!.hint).toContain('"Europe/Paris"');
    expect(errors[1]!.message).toContain('components.0.id');
    expect(errors[1]!.hint).toContain('lowercase letters, digits and hyphens');
  });

  it('a group that does not exist, and a duplicate component', () => {
    const errors = configErrors(
      'site:\n  name: X\n  url: https://status.example.com\ncomponents:\n  - id: web\n    name: Web\n    group: front\n  - id: web\n    name: Web 2\ngroups:\n  - id: fronts\n    name: Front\n',
    );
    expect(errors.map((e) => [e.file, e.line, e.column, e.message])).toEqual([
      ['candor.config.yaml', 7, 12, 'Component "web" names an unknown group "front". Did you mean "fronts"?'],
      ['candor.config.yaml', 8, 9, 'Two components have the id "web".'],
    ]);
    expect(errors[0]!.hint).toContain('Use a group id listed under "groups": fronts.');
    expect(errors[1]!.hint).toContain('Give each component its own id');
  });

  it('a secret value where the name of a secret belongs', () => {
    const [e] = configErrors(
      'site:\n  name: X\n  url: https://status.example.com\ncomponents:\n  - id: web\n    name: Web\nnotifications:\n  - type: slack\n    secret: https://hooks.slack.com/services/T000/B000/XXXX\n',
    );
    expect(e).toMatchObject({ file: 'candor.config.yaml', line: 9, column: 13 });
    expect(e!.message).toContain('never the secret itself');
    expect(e!.hint).toContain('write its name here');
  });

  it('a missing configuration file', () => {
    const { problems } = load({}, undefined, null);
    expect(problems.errors[0]).toMatchObject({ file: 'candor.config.yaml', line: 1, column: 1 });
    expect(problems.errors[0]!.message).toContain('There is no candor.config.yaml');
    expect(problems.errors[0]!.hint).toContain('Create it with a "site"');
  });
});

describe('the configuration schema for editors', () => {
  it('candor.config.schema.json is what the zod schema says (run npm run schema after changing it)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { configJsonSchema } = await import('../../src/core/schema/config.ts');
    const { ROOT } = await import('../helpers/project.ts');
    expect(readFileSync(join(ROOT, 'candor.config.schema.json'), 'utf8')).toBe(configJsonSchema());
    expect(readFileSync(join(ROOT, 'candor.config.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./candor.config.schema.json');
  });
});

describe('a component that recovered while the incident goes on', () => {
  const withApi = (api: string) => `---\ntitle: A\ncomponents:\n  api: ${api}\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nx\n`;
  it.each([
    ['major', 4, '"major" is not allowed for components.api. Did you mean "major_outage"?'],
    ['{ status: major, recovered: 2026-11-20T15:00Z }', 4, '"major" is not allowed for components.api.status. Did you mean "major_outage"?'],
    ['{ status: partial_outage }', 4, 'Missing required field "components.api.recovered".'],
    ['{ status: partial_outage, recoverd: 2026-11-20T15:00Z, recovered: 2026-11-20T15:00Z }', 4, 'Unknown field "components.api.recoverd". Did you mean "recovered"?'],
    ['{ status: partial_outage, recovered: 2026-11-20T13:00Z }', 4, 'api recovered (2026-11-20 13:00 UTC) before the incident began.'],
  ])('api: %s', (value, line, message) => {
    const e = onlyError({ 'incidents/a.md': withApi(value) });
    expect([e.line, e.message]).toEqual([line, message]);
  });

  it('is read with its status and recovery time', () => {
    const { project, problems } = load({ 'incidents/a.md': withApi('\n    status: partial_outage\n    recovered: 2026-11-20T15:00Z') });
    expect(problems.errors).toEqual([]);
    expect(project!.entries[0]!.components).toEqual([{ id: 'api', status: 'partial_outage', recovered: new Date('2026-11-20T15:00Z') }]);
  });
});
