import { describe, expect, it } from 'vitest';
import { incident, load, maintenance, parse } from '../helpers/project.ts';

const file = (frontmatter: string, body: string) => `---\n${frontmatter}\n---\n\n${body}`;

describe('an incident file becomes the model', () => {
  const text = file(
    'title: Elevated error rates on the API\ncomponents:\n  api: partial_outage\n  web: degraded_performance\nnext_update: 2026-11-20T16:00Z',
    '## Identified — 2026-11-20 14:30 UTC\nA configuration change raised error rates.\n\n### Details\nRolling back.\n\n## Investigating — 2026-11-20 14:05 UTC\nWe are investigating.\n',
  );

  it('reads title, components, promise and updates newest first', () => {
    const i = incident(text);
    expect(i.kind).toBe('incident');
    expect(i.id).toBe('test-incident');
    expect(i.title).toBe('Elevated error rates on the API');
    expect(i.components).toEqual([
      { id: 'api', status: 'partial_outage' },
      { id: 'web', status: 'degraded_performance' },
    ]);
    expect(i.nextUpdate?.toISOString()).toBe('2026-11-20T16:00:00.000Z');
    expect(i.draft).toBe(false);
    expect(i.updates.map((u) => [u.status, u.label, u.at.toISOString(), u.line])).toEqual([
      ['identified', 'Identified', '2026-11-20T14:30:00.000Z', 9],
      ['investigating', 'Investigating', '2026-11-20T14:05:00.000Z', 15],
    ]);
    expect(i.updates[0]!.markdown).toBe('A configuration change raised error rates.\n\n### Details\nRolling back.');
    expect(i.updates[0]!.html).toContain('<h3>Details</h3>');
  });

  it('starts at the first update unless `started` says earlier', () => {
    expect(incident(text).started.toISOString()).toBe('2026-11-20T14:05:00.000Z');
    const backfilled = incident(text.replace('title:', 'started: 2026-11-20 13:50 UTC\ntitle:'));
    expect(backfilled.started.toISOString()).toBe('2026-11-20T13:50:00.000Z');
  });

  it('sorts updates written in any order, newest first', () => {
    const i = incident(file('title: T', '## Investigating — 2026-11-20 14:05 UTC\na\n\n## Resolved — 2026-11-20 15:00 UTC\nc\n\n## Identified — 2026-11-20 14:30 UTC\nb\n'));
    expect(i.updates.map((u) => u.markdown)).toEqual(['c', 'b', 'a']);
  });

  it('gives each update a stable anchor from its time, not its text', () => {
    const a = incident(text);
    const edited = incident(text.replace('A configuration change raised error rates.', 'A bad config change raised API error rates.'));
    expect(a.updates.map((u) => u.anchor)).toEqual(['update-2026-11-20-1430', 'update-2026-11-20-1405']);
    expect(edited.updates.map((u) => u.anchor)).toEqual(a.updates.map((u) => u.anchor));
    const withSeconds = incident(file('title: T', '## Investigating — 2026-11-20 14:05:30 UTC\na\n'));
    expect(withSeconds.updates[0]!.anchor).toBe('update-2026-11-20-140530');
  });

  it.each(['—', '–', '-', '|', '·'])('accepts "%s" between status and time', (sep) => {
    const i = incident(file('title: T', `## Monitoring ${sep} 2026-11-20 14:05 UTC\nx\n`));
    expect(i.updates[0]!.status).toBe('monitoring');
  });

  it('accepts offsets, UTC and no zone in headings, and any case of status word', () => {
    const i = incident(file('title: T', '## resolved — 2026-11-20T16:00+01:00\nc\n\n## UPDATE — 2026-11-20 14:30\nb\n\n## Investigating — 2026-11-20 14:05 UTC\na\n'));
    expect(i.updates.map((u) => [u.label, u.at.toISOString()])).toEqual([
      ['Resolved', '2026-11-20T15:00:00.000Z'],
      ['Update', '2026-11-20T14:30:00.000Z'],
      ['Investigating', '2026-11-20T14:05:00.000Z'],
    ]);
  });

  it.each([
    [{ api: 'major_outage', web: 'degraded_performance' }, 'critical'],
    [{ api: 'partial_outage' }, 'major'],
    [{ api: 'degraded_performance' }, 'minor'],
    [{}, 'none'],
  ])('derives the impact of %o as %s', (components, expected) => {
    const yaml = Object.keys(components).length ? `components:\n${Object.entries(components).map(([k, v]) => `  ${k}: ${v}`).join('\n')}` : 'components: {}';
    expect(incident(file(`title: T\n${yaml}`, '## Investigating — 2026-11-20 14:05 UTC\nx\n')).impact).toBe(expected);
  });

  it('keeps a given impact over the derived one', () => {
    expect(incident(file('title: T\nimpact: critical\ncomponents:\n  api: degraded_performance', '## Investigating — 2026-11-20 14:05 UTC\nx\n')).impact).toBe('critical');
  });

  it('keeps drafts, flagged', () => {
    expect(incident(file('title: T\ndraft: true', '## Investigating — 2026-11-20 14:05 UTC\nx\n')).draft).toBe(true);
  });

  it('sanitizes raw HTML and links in update bodies', () => {
    const i = incident(file('title: T', '## Investigating — 2026-11-20 14:05 UTC\nHello <script>alert(1)</script> <img src="x.png" onerror="alert(2)"> [x](javascript:alert(3)) <a href="https://example.com" onclick="alert(4)">ok</a>\n'));
    const html = i.updates[0]!.html;
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(html).toContain('<img src="x.png">');
    expect(html).toContain('<a href="https://example.com">ok</a>');
  });
});

describe('a maintenance file', () => {
  const body = '## Scheduled — 2026-11-20 09:00 UTC\nWe will upgrade the database.\n';
  it('is maintenance when it has a window; a list puts components under maintenance', () => {
    const m = maintenance(file('title: Database upgrade\nscheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z\ncomponents: [database, api]', body));
    expect(m.kind).toBe('maintenance');
    expect(m.scheduledFor.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(m.scheduledUntil.toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(m.components).toEqual([
      { id: 'database', status: 'under_maintenance' },
      { id: 'api', status: 'under_maintenance' },
    ]);
    expect(m.updates[0]!.status).toBe('scheduled');
  });

  it('a map states the status per component', () => {
    const m = maintenance(file('title: T\nscheduled_for: 2026-12-01 02:00 +01:00\nscheduled_until: 2026-12-01 04:00 +01:00\ncomponents:\n  database: major_outage\n  api: under_maintenance', body));
    expect(m.scheduledFor.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(m.components).toEqual([
      { id: 'database', status: 'major_outage' },
      { id: 'api', status: 'under_maintenance' },
    ]);
  });

  it('reads "In progress" and the other maintenance words', () => {
    const m = maintenance(file('title: T\nscheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z', '## Completed — 2026-12-01 03:50 UTC\nd\n\n## Verifying · 2026-12-01 03:30 UTC\nc\n\n## In progress | 2026-12-01 02:00 UTC\nb\n\n' + body));
    expect(m.updates.map((u) => [u.status, u.label])).toEqual([
      ['completed', 'Completed'],
      ['verifying', 'Verifying'],
      ['in_progress', 'In progress'],
      ['scheduled', 'Scheduled'],
    ]);
  });

  it('refuses incident words', () => {
    const { problems } = parse(file('title: T\nscheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z', '## Resolved — 2026-12-01 03:00 UTC\nx\n'));
    expect(problems.errors[0]!.message).toContain('Unknown maintenance status "Resolved"');
    expect(problems.errors[0]!.hint).toContain('is an incident status');
  });
});

describe('a post-mortem', () => {
  it('is attached to its incident with its sections', () => {
    const { project, problems } = load({
      'incidents/outage.md': file('title: Outage', '## Resolved — 2026-11-20 15:00 UTC\nb\n\n## Investigating — 2026-11-20 14:05 UTC\na\n'),
      'incidents/outage.postmortem.md': '---\npublished: 2026-11-22 10:00 UTC\n---\n\n## Summary\ns\n\n## Impact\ni\n\n## Root cause\nr\n\n## Resolution\nx\n\n## Prevention\np\n',
    });
    expect(problems.list).toEqual([]);
    const pm = project!.entries[0]!.postmortem!;
    expect(pm.published!.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(pm.sections).toEqual(['Summary', 'Impact', 'Root cause', 'Resolution', 'Prevention']);
    expect(pm.html).toContain('<h2>Root cause</h2>');
  });
});

describe('what the published site shows', () => {
  it('leaves out drafts, and post-mortems until they are published, except in previews', async () => {
    const { publishedEntry } = await import('../../src/core/entries.ts');
    const { project } = load({
      'incidents/outage.md': file('title: Outage', '## Resolved — 2026-11-20 15:00 UTC\nb\n\n## Investigating — 2026-11-20 14:05 UTC\na\n'),
      'incidents/outage.postmortem.md': '---\npublished: 2026-11-25 10:00 UTC\n---\n\n## Summary\ns\n',
      'incidents/draft.md': file('title: Draft\ndraft: true', '## Investigating — 2026-11-20 14:05 UTC\na\n'),
    });
    const [draft, outage] = [...project!.entries].sort((a, b) => a.id.localeCompare(b.id));
    expect(publishedEntry(draft!, new Date('2026-11-24T12:00Z'), false)).toBeUndefined();
    expect(publishedEntry(draft!, new Date('2026-11-24T12:00Z'), true)).toBe(draft);
    expect(publishedEntry(outage!, new Date('2026-11-24T12:00Z'), false)!.postmortem).toBeUndefined();
    expect(publishedEntry(outage!, new Date('2026-11-25T10:00Z'), false)!.postmortem?.published!.toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });
});

describe('a file saved with Windows line endings', () => {
  it('reads the same as with LF: every example incident, maintenance and post-mortem', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/project.ts');
    const dir = join(ROOT, 'incidents');
    const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [`incidents/${f}`, readFileSync(join(dir, f), 'utf8')]));
    const crlf = Object.fromEntries(Object.entries(files).map(([f, text]) => [f, text.replace(/\n/g, '\r\n')]));
    // The logo is checked against public/, which this project in a temporary folder does not have.
    const config = readFileSync(join(ROOT, 'candor.config.yaml'), 'utf8').replace(/^  logo: .*\n/m, '');
    const lf = load(files, new Date('2026-11-24T12:30Z'), config);
    const windows = load(crlf, new Date('2026-11-24T12:30Z'), config.replace(/\n/g, '\r\n'));
    expect(windows.problems.list).toEqual([]);
    expect(lf.problems.list).toEqual([]);
    expect(windows.project!.entries.length).toBeGreaterThan(5);
    expect(JSON.stringify(windows.project!.entries)).toBe(JSON.stringify(lf.project!.entries));
  });
});

describe('where the frontmatter ends', () => {
  const updates = '## Identified — 2026-11-20 14:30 UTC\nFound it.\n\n---\n\nA rule above.\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n';

  it('at the first line holding only "---" (spaces after it too); a rule in the body stays in the body', () => {
    for (const close of ['---', '---  ', '---\t']) {
      const i = incident(`---   \ntitle: T\ncomponents:\n  api: partial_outage\n${close}\n${updates}`);
      expect(i.title).toBe('T');
      expect(i.updates.map((u) => [u.status, u.line])).toEqual([
        ['identified', 6],
        ['investigating', 13],
      ]);
      expect(i.updates[0]!.html).toContain('<hr>');
    }
  });

  it('not at a line that only starts with "---": its problems name their lines', () => {
    const { problems } = parse(`---\ntitle: T\n----\n---\n${updates}`);
    expect(problems.errors.map((e) => e.line)).toEqual([3]);
    expect(problems.errors[0]!.message).toMatch(/^The frontmatter is not valid YAML/);
  });

  it('anywhere in the last line, with no body after it', () => {
    const { problems } = parse('---\ntitle: T\n---');
    expect(problems.errors.map((e) => e.message)).toEqual(['The incident has no update.']);
  });
});
